import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { DocumentsService } from '../../src/documents/documents.service';
import { CaseLettersService } from '../../src/review/cases/case-letters.service';
import { TEMPLATES } from '../corpus/letter-templates';
import { renderLetterPdf } from '../corpus/render-letter-pdf';
import { SeededRandom } from '../corpus/seeded-random';
import { BotHarness } from '../support/bot-harness';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, formToken, signIn, SignedInUser } from './workspace-session';

// The case page's upload form, as a browser without JavaScript sends it: multipart, the CSRF token
// as a form field inside the body (which the guards cannot read, so the handler checks it).
describe('POST /review/cases/:caseId/letters (the case page uploads a letter)', () => {
  let app: INestApplication;
  let dataDir: string;
  let dragana: SignedInUser;
  let ownCase: string;
  let otherCase: string;
  let letter: Uint8Array;
  let harness: BotHarness;
  const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(34), 'page-upload', 'B');

  before(async () => {
    ({
      app,
      dataDir,
      bot: harness,
    } = await startWorkspaceApp('case-upload-page', {
      env: { DOCUMENT_MAX_BYTES: String(2 * 1024 * 1024) },
    }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    const katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    const twoChildren = transcriptNamed('kg1-two-children.yaml');
    ownCase = (await (await replayThroughBot(harness, twoChildren)).stored())!.caseId!;
    otherCase = (await (await replayThroughBot(harness, twoChildren)).stored())!.caseId!;
    await app.get(DataSource).query('UPDATE cases SET team_id = ? WHERE id = ?', [katernberg, otherCase]);
    letter = await renderLetterPdf(spec);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const casePage = async (caseId = ownCase) =>
    (
      await request(app.getHttpServer())
        .get(`/review/cases/${caseId}`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;

  /** The form as the browser posts it: the hidden _csrf field first, then the file. */
  const post = (caseId: string, csrf: string | undefined, file?: { bytes: Uint8Array; name: string }) => {
    const test = request(app.getHttpServer())
      .post(`/review/cases/${caseId}/letters`)
      .set('Cookie', dragana.cookie);
    if (csrf !== undefined) {
      test.field('_csrf', csrf);
    }
    if (file) {
      test.attach('file', Buffer.from(file.bytes), file.name);
    } else {
      test.field('note', 'ohne Datei');
    }
    return test;
  };

  const storedDocuments = async () => {
    const [row] = await app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM documents');
    return Number(row.n);
  };

  it('shows the form on the case page: multipart, the CSRF field, the types and the limit', async () => {
    const page = await casePage();
    const form =
      /<form method="post" action="\/review\/cases\/[^"]+\/letters" enctype="multipart\/form-data">[\s\S]*?<\/form>/.exec(
        page,
      )?.[0];
    assert.ok(form, 'an upload form');
    assert.ok(form.includes(`action="/review/cases/${ownCase}/letters"`));
    assert.equal(formToken(page, `/review/cases/${ownCase}/letters`), dragana.csrfToken);
    assert.match(form, /<input\s+type="file"\s+id="letter-file"\s+name="file"/);
    assert.match(form, /accept="image\/jpeg,image\/png,image\/webp,image\/tiff,application\/pdf"/);
    assert.match(form, /<label for="letter-file">/, 'the file field has a label');
    assert.match(form, /höchstens 2 MB/);
  });

  it('stores the letter with the case, audits it and leads back to the case page, where the reading appears', async () => {
    const before = await storedDocuments();
    const token = formToken(await casePage(), `/review/cases/${ownCase}/letters`);
    await post(ownCase, token, { bytes: letter, name: 'Brief_Familienkasse.pdf' })
      .expect(303)
      .expect('Location', `/review/cases/${ownCase}?msg=letter-uploaded#uploads`);
    assert.equal(await storedDocuments(), before + 1);
    const [document] = await app
      .get(DataSource)
      .query<Array<{ id: string; case_id: string }>>(
        'SELECT id, case_id FROM documents ORDER BY created_at DESC LIMIT 1',
      );
    assert.equal(document.case_id, ownCase);
    assert.equal((await app.get(DocumentsService).read(document.id)).fileName, 'Brief_Familienkasse.pdf');
    const audited = await app.get(AuditService).findBySubject('case', ownCase);
    const event = audited.find(
      (entry) =>
        entry.action === 'case.document-uploaded' &&
        (entry.details as { documentId?: string }).documentId === document.id,
    );
    assert.equal(event?.actor, `user:${dragana.id}`);

    const confirmed = (
      await request(app.getHttpServer())
        .get(`/review/cases/${ownCase}?msg=letter-uploaded`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;
    assert.match(confirmed, /Der Brief ist hochgeladen und wird jetzt gelesen\./);
    await app.get(CaseLettersService).whenIdle();
    const read = await casePage();
    assert.match(read, /Familienkasse/, 'what the letter engine read is on the page');
    assert.ok(read.includes(spec.truth.deadline!.date.split('-').reverse().join('.')), 'with its deadline');
  });

  it('lists each upload by its name with links to look at it and download it, served as sent and audited', async () => {
    const token = formToken(await casePage(), `/review/cases/${ownCase}/letters`);
    await post(ownCase, token, { bytes: letter, name: 'Aufforderung Familienkasse.pdf' }).expect(303);
    await app.get(CaseLettersService).whenIdle();
    const [document] = await app
      .get(DataSource)
      .query<Array<{ id: string }>>('SELECT id FROM documents ORDER BY created_at DESC LIMIT 1');
    const file = `/api/review/cases/${ownCase}/documents/${document.id}/file`;
    const page = await casePage();
    assert.match(page, /<span class="upload-name">Aufforderung Familienkasse\.pdf<\/span> \(PDF,\s+\d+ KB,/);
    assert.ok(page.includes(`href="${file}?inline=1"`), 'a link to look at it');
    assert.ok(page.includes(`href="${file}" download`), 'a link to download it');

    const viewed = await request(app.getHttpServer())
      .get(`${file}?inline=1`)
      .set('Cookie', dragana.cookie)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    assert.equal(viewed.headers['content-type'], 'application/pdf');
    assert.equal(viewed.headers['content-disposition'], 'inline; filename="Aufforderung_Familienkasse.pdf"');
    assert.equal(viewed.headers['x-content-type-options'], 'nosniff');
    assert.ok(Buffer.from(letter).equals(viewed.body as Buffer), 'the bytes as sent');
    const downloaded = await request(app.getHttpServer()).get(file).set('Cookie', dragana.cookie).expect(200);
    assert.match(downloaded.headers['content-disposition'] as string, /^attachment;/);
    const audited = await app.get(AuditService).findBySubject('case', ownCase);
    const views = audited.filter(
      (entry) =>
        entry.action === 'case.upload-viewed' &&
        (entry.details as { documentId?: string }).documentId === document.id,
    );
    assert.equal(views.length, 2, 'each look is audited');
    assert.ok(!JSON.stringify(views[0].details).includes('Aufforderung'), 'no file name in the audit log');

    // Only through its own case: another case of the same team answers as an unknown case.
    const thirdCase = (await (
      await replayThroughBot(harness, transcriptNamed('kg1-two-children.yaml'))
    ).stored())!.caseId!;
    const elsewhere = await request(app.getHttpServer())
      .get(`/api/review/cases/${thirdCase}/documents/${document.id}/file`)
      .set('Cookie', dragana.cookie)
      .expect(404);
    assert.equal(elsewhere.body.code, 'SCOPED_RESOURCE_NOT_FOUND');
    await request(app.getHttpServer()).get(file).expect(401);
  });

  it('refuses a form without the CSRF token or with a wrong one (403) and stores nothing', async () => {
    const before = await storedDocuments();
    const missing = await post(ownCase, undefined, { bytes: letter, name: 'brief.pdf' }).expect(403);
    assert.match(missing.text, /Bitte laden Sie die Seite neu/);
    await post(ownCase, 'x'.repeat(dragana.csrfToken.length), { bytes: letter, name: 'brief.pdf' }).expect(
      403,
    );
    assert.equal(await storedDocuments(), before);
  });

  it('shows the case page with the reason for a file it does not take, and stores nothing', async () => {
    const before = await storedDocuments();
    const text = await post(ownCase, dragana.csrfToken, {
      bytes: Buffer.from('Hallo, das ist kein Brief.'),
      name: 'brief.txt',
    }).expect(422);
    assert.match(text.text, /Der Brief wurde nicht angenommen\. Diese Datei kann ich nicht lesen\./);
    assert.match(text.text, /id="letter-file"/, 'the form is there to try again');
    const large = await post(ownCase, dragana.csrfToken, {
      bytes: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20),
      name: 'gross.pdf',
    }).expect(413);
    assert.match(large.text, /Die Datei ist zu groß\. Erlaubt sind bis zu 2 MB\./);
    const cut = await post(ownCase, dragana.csrfToken, {
      bytes: letter.subarray(0, Math.floor(letter.length * 0.7)),
      name: 'brief.pdf',
    }).expect(422);
    assert.match(cut.text, /Die Datei ist beschädigt/);
    const none = await post(ownCase, dragana.csrfToken).expect(422);
    assert.match(none.text, /Die Datei ist leer\./);
    assert.equal(await storedDocuments(), before);
  });

  it("answers another team's case with 404 and a signed-out browser with the login page", async () => {
    const before = await storedDocuments();
    await post(otherCase, dragana.csrfToken, { bytes: letter, name: 'brief.pdf' }).expect(404);
    const signedOut = await request(app.getHttpServer())
      .post(`/review/cases/${ownCase}/letters`)
      .field('_csrf', dragana.csrfToken)
      .attach('file', Buffer.from(letter), 'brief.pdf')
      .expect(303);
    assert.match(signedOut.headers.location as string, /^\/review\/login\?next=/);
    assert.equal(await storedDocuments(), before);
  });
});
