import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEntry, AuditService } from '../../audit/audit.service';
import type { LetterReadingService } from '../../bot/letters/letter-reading.service';
import type { CasesRepository } from '../../cases/cases.repository';
import type { CaseEvent, CaseEventBus } from '../../cases/events/case-events.types';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import type { DocumentInfo, DocumentsService } from '../../documents/documents.service';
import { OcrError } from '../../documents/ocr/ocr.errors';
import type { DocumentReadingFailure, DocumentReadingState } from '../../documents/stored-document.entity';
import { CaseLettersService } from './case-letters.service';

const caseId = '11111111-1111-4111-8111-111111111111';

/** What every reading here finds: a Familienkasse letter with a deadline (an invented person). */
const analysis = {
  authority: 'familienkasse',
  letterType: 'mitwirkung',
  deadline: { date: '2026-12-15', estimated: false, text: 'bis zum 15.12.2026' },
  evidence: {
    deadline: { page: 1, box: { x: 0, y: 0, width: 1, height: 1 }, confidence: 0.9 },
    'references.kindergeldNummer': { page: 1, box: { x: 0, y: 0, width: 1, height: 1 }, confidence: 0.9 },
    'recipient.name': { page: 1, box: { x: 0, y: 0, width: 1, height: 1 }, confidence: 0.9 },
  },
} as unknown as LetterAnalysis;

/** Documents in memory, and a reader whose every read waits until the test settles it. */
function setUp(ids: string[]) {
  const states = new Map<string, { state: DocumentReadingState; failure: DocumentReadingFailure | null }>(
    ids.map((id) => [id, { state: 'pending', failure: null }]),
  );
  const reads: Array<{ id: string; resolve: () => void; reject: (error: Error) => void }> = [];
  const events: CaseEvent[] = [];
  /** Set by a test to hold the case event (the window between storing a result and being done). */
  const hold: { publish?: Promise<void> } = {};
  const info = (id: string): DocumentInfo => ({
    id,
    mediaType: 'application/pdf',
    sizeBytes: 1,
    sha256: '',
    caseId,
    createdAt: new Date(),
    readingState: states.get(id)!.state,
    readingFailure: states.get(id)!.failure,
  });
  const documents = {
    findPendingReadings: () =>
      Promise.resolve(
        [...states].filter(([, value]) => value.state === 'pending').map(([id]) => ({ id, caseId })),
      ),
    read: (id: string) => Promise.resolve({ info: info(id), fileName: 'x.pdf', bytes: Buffer.from(id) }),
    info: (id: string) => Promise.resolve(info(id)),
    findAnalysis: () => Promise.resolve(null),
    setReadingState: (
      id: string,
      state: DocumentReadingState,
      failure: DocumentReadingFailure | null = null,
    ) => {
      states.set(id, { state, failure });
      return Promise.resolve(true);
    },
  } as unknown as DocumentsService;
  const reading = {
    readAndStore: (id: string) =>
      new Promise((resolve, reject) => reads.push({ id, resolve: () => resolve({ analysis }), reject })),
  } as unknown as LetterReadingService;
  const cases = {
    getCase: () => Promise.resolve({ teamId: null, nearestDeadline: null }),
  } as unknown as CasesRepository;
  const bus = {
    publish: (event: CaseEvent) => (events.push(event), hold.publish ?? Promise.resolve()),
  } as unknown as CaseEventBus;
  const audited: AuditEntry[] = [];
  /** Set by a test to make the audit log fail. */
  const auditFailure: { error?: Error } = {};
  const audit = {
    record: (entry: AuditEntry) =>
      auditFailure.error ? Promise.reject(auditFailure.error) : (audited.push(entry), Promise.resolve()),
  } as unknown as AuditService;
  const service = new CaseLettersService(documents, reading, cases, bus, audit);
  return { service, states, reads, events, hold, audited, auditFailure };
}

const turn = () => new Promise((done) => setImmediate(done));

describe('CaseLettersService', () => {
  it('reads the letters left pending at start-up, two at a time, and tells the workspace of each', async () => {
    const { service, states, reads, events } = setUp(['a', 'b', 'c']);
    await service.onApplicationBootstrap();
    await turn();
    assert.deepEqual(
      reads.map((read) => read.id),
      ['a', 'b'],
      'a third letter waits for a free place',
    );
    reads[0].resolve();
    await turn();
    await turn();
    assert.deepEqual(
      reads.map((read) => read.id),
      ['a', 'b', 'c'],
    );
    reads[1].reject(new OcrError('OCR_TIMEOUT', 'slow'));
    reads[2].resolve();
    await service.whenIdle();
    assert.equal(states.get('a')!.state, 'done');
    assert.deepEqual(states.get('b'), { state: 'failed', failure: { code: 'OCR_TIMEOUT' } });
    assert.equal(states.get('c')!.state, 'done');
    assert.deepEqual(
      events.map((event) => [event.caseId, event.kind]),
      [
        [caseId, 'documents-changed'],
        [caseId, 'documents-changed'],
        [caseId, 'documents-changed'],
      ],
    );
  });

  it('records each reading in the audit log with what kind of letter it was, never what it says', async () => {
    const { service, reads, audited } = setUp(['a', 'b']);
    await service.onApplicationBootstrap();
    await turn();
    reads[0].resolve();
    reads[1].reject(new OcrError('OCR_TIMEOUT', 'slow'));
    await service.whenIdle();
    const entry = (documentId: string) => audited.find((item) => item.details?.documentId === documentId);
    assert.deepEqual(entry('a'), {
      actor: 'system',
      action: 'case.document-read',
      subjectType: 'case',
      subjectId: caseId,
      details: {
        documentId: 'a',
        state: 'done',
        authority: 'familienkasse',
        letterType: 'mitwirkung',
        fieldsFound: 3,
        deadline: true,
      },
    });
    assert.deepEqual(entry('b')?.details, { documentId: 'b', state: 'failed', code: 'OCR_TIMEOUT' });
    assert.equal(audited.length, 2);
  });

  it('still tells the workspace when the audit entry cannot be written, and keeps the result', async () => {
    const { service, states, reads, events, auditFailure } = setUp(['a']);
    auditFailure.error = new Error('database is locked');
    service.schedule('a');
    await turn();
    reads[0].resolve();
    await service.whenIdle();
    assert.equal(states.get('a')!.state, 'done');
    assert.deepEqual(
      events.map((event) => event.kind),
      ['documents-changed'],
    );
  });

  it('reads a letter once more when it is asked for again while its failed reading is still finishing', async () => {
    const { service, states, reads, hold } = setUp(['a']);
    let published!: () => void;
    hold.publish = new Promise<void>((done) => (published = done));
    service.schedule('a');
    await turn();
    reads[0].reject(new OcrError('OCR_FAILED', 'crashed'));
    while (states.get('a')!.state !== 'failed') {
      await turn();
    }
    // The failure is stored and shown, the reading not yet finished: "Noch einmal lesen" now.
    await service.readAgain(caseId, 'a');
    assert.equal(states.get('a')!.state, 'pending');
    hold.publish = undefined;
    published();
    while (reads.length < 2) {
      await turn();
    }
    reads[1].resolve();
    await service.whenIdle();
    assert.equal(states.get('a')!.state, 'done');
  });

  it('leaves a letter pending when the shutdown cuts its reading off', async () => {
    const { service, states, reads, audited } = setUp(['a']);
    service.schedule('a');
    await turn();
    const stopping = service.onModuleDestroy();
    reads[0].reject(new OcrError('OCR_CLOSED', 'closed'));
    await stopping;
    assert.equal(states.get('a')!.state, 'pending', 'read at the next start');
    assert.deepEqual(audited, [], 'nothing was read');
  });
});
