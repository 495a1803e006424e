import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { PDFDocument } from '@cantoo/pdf-lib';
import { CasesRepository } from '../../src/cases/cases.repository';
import { CASE_EVENT_BUS, CaseEvent, CaseEventBus } from '../../src/cases/events/case-events.types';
import { DocumentsService } from '../../src/documents/documents.service';
import { OcrError } from '../../src/documents/ocr/ocr.errors';
import { DocumentReader } from '../../src/documents/ocr/read-document.service';
import { CaseLettersService } from '../../src/review/cases/case-letters.service';
import { TEMPLATES } from '../corpus/letter-templates';
import { renderLetterPdf } from '../corpus/render-letter-pdf';
import { SeededRandom } from '../corpus/seeded-random';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

interface UploadAnswer {
  document: { id: string; caseId: string; mediaType: string };
  reading: {
    state: 'pending' | 'done' | 'failed';
    message: string | null;
    failure: { code: string; mayReadAgain: boolean } | null;
    analysis: { authority: string; references: { kindergeldNummer: string | null } } | null;
    explanation: string | null;
    caseDeadline: string | null;
  };
}

// A digital Familienkasse letter (text layer, read without OCR so the suite stays fast). The upload
// answers at once; the reading runs in the background (CaseLettersService).
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

  const reading = (caseId: string, documentId: string) =>
    request(app.getHttpServer())
      .get(`/api/review/cases/${caseId}/documents/${documentId}/reading`)
      .set('Cookie', dragana.cookie);

  const casePage = async (caseId: string) =>
    (
      await request(app.getHttpServer())
        .get(`/review/cases/${caseId}`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;

  /** The reader waits until released (the OCR of a long photo, say); the real reading follows. */
  const holdReader = () => {
    const reader = app.get(DocumentReader);
    const original = reader.read.bind(reader);
    let release!: () => void;
    let started!: () => void;
    const released = new Promise<void>((done) => (release = done));
    const startedPromise = new Promise<void>((done) => (started = done));
    reader.read = async (...args) => {
      started();
      await released;
      return original(...args);
    };
    return { started: startedPromise, release, restore: () => ((reader.read = original), release()) };
  };

  const failReader = (error: Error) => {
    const reader = app.get(DocumentReader);
    const original = reader.read.bind(reader);
    reader.read = () => Promise.reject(error);
    return { restore: () => (reader.read = original) };
  };

  const listen = () => {
    const seen: CaseEvent[] = [];
    const stop = app.get<CaseEventBus>(CASE_EVENT_BUS).subscribe((event) => seen.push(event));
    return { seen, stop };
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

  it('answers at once with the stored letter (202, "Wird gelesen …"), then reads it in the background: analysis, case deadline, audit', async () => {
    const response = await upload(ownCase, dragana)
      .attach('file', Buffer.from(letter), 'Brief_Kovalenko.pdf')
      .expect(202);
    const body = response.body as UploadAnswer;
    assert.equal(body.document.caseId, ownCase);
    assert.equal(body.document.mediaType, 'application/pdf');
    assert.equal(body.reading.state, 'pending');
    assert.equal(body.reading.message, 'Wird gelesen …');
    assert.equal(body.reading.analysis, null);

    await app.get(CaseLettersService).whenIdle();
    // The real reader (text layer, no OCR needed) through the same path as the chat.
    const read = (await reading(ownCase, body.document.id).expect(200)).body as UploadAnswer;
    assert.equal(read.reading.state, 'done');
    assert.equal(read.reading.message, null);
    assert.equal(read.reading.analysis!.authority, 'familienkasse');
    assert.equal(read.reading.analysis!.references.kindergeldNummer, spec.truth.references.kindergeldNummer);
    assert.match(read.reading.explanation!, /Familienkasse/);
    assert.equal(read.reading.caseDeadline, spec.truth.deadline!.date);

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
    const readEntry = audited.find((entry) => entry.action === 'case.document-read');
    assert.ok(readEntry, 'the reading is audited');
    assert.equal(readEntry.actor, 'system');
    assert.equal((readEntry.details as { documentId?: string }).documentId, body.document.id);
    assert.equal((readEntry.details as { state?: string }).state, 'done');
    assert.equal((readEntry.details as { authority?: string }).authority, 'familienkasse');
    const kindergeldNummer = spec.truth.references.kindergeldNummer!;
    assert.ok(!JSON.stringify(readEntry.details).includes(kindergeldNummer), 'no value of the letter');
  });

  it('does not wait for the OCR: the answer comes while the reading is held, the result and a case event after it', async () => {
    const gate = holdReader();
    const events = listen();
    try {
      const response = await upload(ownCase, dragana)
        .attach('file', Buffer.from(letter), 'brief.pdf')
        .expect(202);
      const documentId = (response.body as UploadAnswer).document.id;
      await gate.started;
      assert.equal(await app.get(DocumentsService).findAnalysis(documentId), null, 'not read yet');
      const pending = await casePage(ownCase);
      assert.match(pending, /data-reading="pending"[^>]*>Wird gelesen …</);
      assert.equal(
        ((await reading(ownCase, documentId).expect(200)).body as UploadAnswer).reading.state,
        'pending',
      );

      gate.release();
      await app.get(CaseLettersService).whenIdle();
      assert.equal(
        ((await reading(ownCase, documentId).expect(200)).body as UploadAnswer).reading.state,
        'done',
      );
      assert.ok(await app.get(DocumentsService).findAnalysis(documentId), 'the analysis is stored');
      assert.ok(
        events.seen.some((event) => event.caseId === ownCase && event.kind === 'documents-changed'),
        'the workspace hears of it',
      );
      const done = await casePage(ownCase);
      assert.doesNotMatch(done, /Wird gelesen/);
      assert.match(done, /Erklärung für die Familie/);
    } finally {
      gate.restore();
      events.stop();
    }
  });

  it('shows a plain German message when reading fails, and reads the letter again on request', async () => {
    const failing = failReader(new OcrError('OCR_FAILED', 'worker crashed'));
    let documentId: string;
    try {
      const response = await upload(ownCase, dragana)
        .attach('file', Buffer.from(letter), 'brief.pdf')
        .expect(202);
      documentId = (response.body as UploadAnswer).document.id;
      await app.get(CaseLettersService).whenIdle();
    } finally {
      failing.restore();
    }
    const failed = ((await reading(ownCase, documentId).expect(200)).body as UploadAnswer).reading;
    assert.equal(failed.state, 'failed');
    assert.deepEqual(failed.failure, { code: 'OCR_FAILED', mayReadAgain: true });
    assert.equal(
      failed.message,
      'Der Brief konnte nicht gelesen werden: Die Texterkennung ist fehlgeschlagen. Sie können es noch einmal versuchen.',
    );
    const page = await casePage(ownCase);
    assert.match(page, /Der Brief konnte nicht gelesen werden: Die Texterkennung ist fehlgeschlagen\./);
    assert.ok(
      page.includes(`action="/review/cases/${ownCase}/letters/${documentId}/read"`),
      'a button to try again',
    );

    // The page's button (a plain form with the CSRF field) reads it again and leads back to the case.
    await request(app.getHttpServer())
      .post(`/review/cases/${ownCase}/letters/${documentId}/read`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ _csrf: dragana.csrfToken })
      .expect(303)
      .expect('Location', `/review/cases/${ownCase}?msg=letter-reading`);
    await app.get(CaseLettersService).whenIdle();
    const again = ((await reading(ownCase, documentId).expect(200)).body as UploadAnswer).reading;
    assert.equal(again.state, 'done');
    assert.equal(again.analysis!.authority, 'familienkasse');
    assert.doesNotMatch(await casePage(ownCase), /konnte nicht gelesen werden/);
    // A letter that was read is not read again.
    const conflict = await request(app.getHttpServer())
      .post(`/api/review/cases/${ownCase}/documents/${documentId}/read`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .expect(409);
    assert.equal(conflict.body.code, 'DOCUMENT_ALREADY_READ');
    assert.match(conflict.body.message, /^Dieser Brief ist schon gelesen\./);
    // The page's button clicked twice: the second click just leads back to the result.
    await request(app.getHttpServer())
      .post(`/review/cases/${ownCase}/letters/${documentId}/read`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ _csrf: dragana.csrfToken })
      .expect(303)
      .expect('Location', `/review/cases/${ownCase}?msg=letter-read`);
  });

  it("does not show another case's letter", async () => {
    const response = await upload(ownCase, dragana)
      .attach('file', Buffer.from(letter), 'brief.pdf')
      .expect(202);
    await app.get(CaseLettersService).whenIdle();
    const { id } = (response.body as UploadAnswer).document;
    const thirdCase = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    const missing = await reading(thirdCase, id).expect(404);
    assert.equal(missing.body.code, 'SCOPED_RESOURCE_NOT_FOUND', 'as for an unknown case');
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

  it('refuses a damaged or password-protected PDF in the request, before storing it', async () => {
    const [before] = await app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM documents');
    const cut = await upload(ownCase, dragana)
      .attach('file', Buffer.from(letter.subarray(0, Math.floor(letter.length * 0.7))), 'brief.pdf')
      .expect(422);
    assert.equal(cut.body.code, 'FILE_DAMAGED');
    assert.match(cut.body.message, /^Die Datei ist beschädigt/);
    const locked = await PDFDocument.create();
    locked.addPage([595, 842]);
    locked.encrypt({ userPassword: 'geheim', ownerPassword: 'auchgeheim' });
    const encrypted = await upload(ownCase, dragana)
      .attach('file', Buffer.from(await locked.save()), 'brief.pdf')
      .expect(422);
    assert.equal(encrypted.body.code, 'PDF_ENCRYPTED');
    const [after] = await app
      .get(DataSource)
      .query<Array<{ n: number }>>('SELECT COUNT(*) AS n FROM documents');
    assert.equal(Number(after.n), Number(before.n), 'nothing stored');
  });
});

describe('a letter whose reading a crash or restart interrupted', () => {
  let dataDir: string | undefined;

  after(() => {
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('is read again at the next start', async () => {
    const first = await startWorkspaceApp('case-upload-restart');
    dataDir = first.dataDir;
    let caseId: string;
    let documentId: string;
    try {
      const team = await ensureTeam(first.app, 'Essen-Altendorf');
      await createUser(first.app, 'dragana.petrovic@example.org', 'kuemmerer', team, 'Dragana Petrović');
      const dragana = await signIn(first.app, 'dragana.petrovic@example.org');
      caseId = (await (await replayThroughBot(first.bot, twoChildren())).stored())!.caseId!;
      const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(22), 'workspace-restart', 'A');
      const response = await request(first.app.getHttpServer())
        .post(`/api/review/cases/${caseId}/documents`)
        .set('Cookie', dragana.cookie)
        .set('X-CSRF-Token', dragana.csrfToken)
        .attach('file', Buffer.from(await renderLetterPdf(spec)), 'brief.pdf')
        .expect(202);
      documentId = (response.body as UploadAnswer).document.id;
      await first.app.get(CaseLettersService).whenIdle();
      // What a crash between the upload and the end of its reading leaves: the letter stored and
      // marked pending, no analysis.
      const database = first.app.get(DataSource);
      await database.query(`UPDATE documents SET reading_state = 'pending' WHERE id = ?`, [documentId]);
      await database.query('DELETE FROM document_analyses WHERE document_id = ?', [documentId]);
    } finally {
      await first.app.close();
    }

    const second = await startWorkspaceApp('case-upload-restart', { dataDir });
    try {
      await second.app.get(CaseLettersService).whenIdle();
      const documents = second.app.get(DocumentsService);
      assert.equal((await documents.info(documentId)).readingState, 'done');
      const stored = await documents.findAnalysis(documentId);
      assert.equal(stored?.analysis.authority, 'familienkasse');
      assert.equal((await documents.info(documentId)).caseId, caseId);
    } finally {
      await second.app.close();
    }
  });
});
