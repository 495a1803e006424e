import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { DocumentsService } from '../../src/documents/documents.service';
import { TEMPLATES } from '../corpus/letter-templates';
import { renderLetterPdf } from '../corpus/render-letter-pdf';
import { SeededRandom } from '../corpus/seeded-random';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

// A digital Familienkasse letter (text layer, read without OCR so the suite stays fast).
describe('POST /api/review/cases/:caseId/documents (a Kümmerer uploads a letter)', () => {
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let ownCase: string;
  let otherCase: string;
  let letter: Uint8Array;
  const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(21), 'workspace-upload', 'A');

  before(async () => {
    ({
      app,
      dataDir,
      bot: harness,
    } = await startWorkspaceApp('case-upload', { env: { DOCUMENT_MAX_BYTES: String(2 * 1024 * 1024) } }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    const katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    ownCase = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    otherCase = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    await app.get(DataSource).query('UPDATE cases SET team_id = ? WHERE id = ?', [katernberg, otherCase]);
    letter = await renderLetterPdf(spec);
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (caseId: string, user?: SignedInUser, options: { csrf?: boolean } = {}) => {
    const test = request(app.getHttpServer()).post(`/api/review/cases/${caseId}/documents`);
    if (user) {
      test.set('Cookie', user.cookie);
      if (options.csrf !== false) {
        test.set('X-CSRF-Token', user.csrfToken);
      }
    }
    return test;
  };

  it('needs a session (401) and the CSRF token (403)', async () => {
    const anonymous = await upload(ownCase).attach('file', Buffer.from(letter), 'brief.pdf').expect(401);
    assert.equal(anonymous.body.code, 'AUTH_UNAUTHENTICATED');
    const forged = await upload(ownCase, dragana, { csrf: false })
      .attach('file', Buffer.from(letter), 'brief.pdf')
      .expect(403);
    assert.equal(forged.body.code, 'AUTH_CSRF_INVALID');
  });

  it("answers another team's case with 404 and stores nothing", async () => {
    const response = await upload(otherCase, dragana)
      .attach('file', Buffer.from(letter), 'brief.pdf')
      .expect(404);
    assert.equal(response.body.code, 'SCOPED_RESOURCE_NOT_FOUND');
    const [row] = await app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM documents');
    assert.equal(Number(row.n), 0);
  });

  it('stores the letter with the case, stores the analysis, sets the case deadline and audits the upload', async () => {
    const response = await upload(ownCase, dragana)
      .attach('file', Buffer.from(letter), 'Brief_Kovalenko.pdf')
      .expect(201);
    const body = response.body as {
      document: { id: string; caseId: string; mediaType: string };
      analysis: { authority: string; references: { kindergeldNummer: string | null } };
      explanation: string;
      caseDeadline: string | null;
    };
    assert.equal(body.document.caseId, ownCase);
    assert.equal(body.document.mediaType, 'application/pdf');
    assert.equal(body.analysis.authority, 'familienkasse');
    assert.equal(body.analysis.references.kindergeldNummer, spec.truth.references.kindergeldNummer);
    assert.match(body.explanation, /Familienkasse/);
    assert.equal(body.caseDeadline, spec.truth.deadline!.date);

    const documents = app.get(DocumentsService);
    assert.equal((await documents.info(body.document.id)).caseId, ownCase);
    assert.equal((await documents.read(body.document.id)).fileName, 'Brief_Kovalenko.pdf');
    const stored = await documents.findAnalysis(body.document.id);
    assert.equal(stored?.deadline, spec.truth.deadline!.date);
    assert.equal(
      (await app.get(CasesRepository).getCase(ownCase)).nearestDeadline,
      spec.truth.deadline!.date,
    );
    const audited = await app.get(AuditService).findBySubject('case', ownCase);
    const event = audited.find((entry) => entry.action === 'case.document-uploaded');
    assert.ok(event, 'the upload is audited');
    assert.equal(event.actor, `user:${dragana.id}`);
    assert.equal((event.details as { documentId?: string }).documentId, body.document.id);
    assert.ok(!JSON.stringify(event.details).includes('Kovalenko'), 'no file name in the audit log');
  });

  it('refuses what the chat refuses, with the same plain message', async () => {
    const text = await upload(ownCase, dragana)
      .attach('file', Buffer.from('Hallo, das ist kein Brief.'), 'brief.txt')
      .expect(422);
    assert.equal(text.body.code, 'UNSUPPORTED_TYPE');
    assert.match(text.body.message, / \/ /, 'German first, then English');
    const large = await upload(ownCase, dragana)
      .attach('file', Buffer.alloc(2 * 1024 * 1024 + 1, 0x20), 'gross.pdf')
      .expect(413);
    assert.equal(large.body.code, 'FILE_TOO_LARGE');
    assert.match(large.body.message, /2 MB/);
    const none = await upload(ownCase, dragana).field('note', 'ohne Datei').expect(422);
    assert.equal(none.body.code, 'FILE_EMPTY');
  });
});
