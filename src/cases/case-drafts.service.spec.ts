import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { readWithPdfJs } from '../../test/pdf/pdfjs-read.util';
import { BotHarness, startBotHarness } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { officialFormsDir, skipWithoutOfficialForms } from '../../test/support/official-forms';
import { transcriptNamed } from '../../test/transcripts/transcript-runner';
import { ApplicationFillerService } from '../filling/application-filler.service';
import { CaseApprovalService } from './case-approval.service';
import { CaseCorrectionsService } from './case-corrections.service';
import { CaseDraftsService } from './case-drafts.service';
import { CasesError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CASE_EVENT_BUS, CaseEvent, CaseEventBus } from './events/case-events.types';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

async function submit(harness: BotHarness): Promise<string> {
  return (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
}

async function draftTexts(harness: BotHarness, caseId: string): Promise<string> {
  const cases = harness.app.get(CasesRepository);
  const kg1 = (await cases.findDocuments(caseId)).find(
    (document) => document.formId === 'kg1' && document.mode === 'draft',
  );
  assert.ok(kg1, 'a KG 1 draft is stored');
  return (await readWithPdfJs(await cases.readDocument(caseId, kg1.id))).pageTexts.join(' ');
}

async function pendingFlag(harness: BotHarness, caseId: string): Promise<boolean> {
  const [row] = await harness.app
    .get(DataSource)
    .query<Array<{ pending: number | boolean }>>(`SELECT drafts_pending AS pending FROM cases WHERE id = ?`, [
      caseId,
    ]);
  return Boolean(row.pending);
}

describe('CaseDraftsService: draft PDFs after the submission', () => {
  let harness: Awaited<ReturnType<typeof startBotHarness>>;
  const events: CaseEvent[] = [];

  before(async () => {
    harness = await startBotHarness();
    harness.app.get<CaseEventBus>(CASE_EVENT_BUS).subscribe((event) => events.push(event));
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('makes the drafts in the background, clears the flag and tells the workspace', async () => {
    const caseId = await submit(harness);

    const documents = await harness.app.get(CasesRepository).findDocuments(caseId);
    assert.deepEqual(documents.map((document) => [document.formId, document.mode]).sort(), [
      ['kg1', 'draft'],
      ['kg1-anlage-kind', 'draft'],
      ['kg1-anlage-kind', 'draft'],
    ]);
    // Sealed by the PDF worker for this case and document: readable, with the PDF's own size.
    for (const document of documents) {
      const pdf = await harness.app.get(CasesRepository).readDocument(caseId, document.id);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(document.sizeBytes, pdf.length);
    }
    assert.equal(await pendingFlag(harness, caseId), false);
    assert.equal((await harness.app.get(CasesRepository).getCase(caseId)).draftsPending, false);
    const kinds = events.filter((event) => event.caseId === caseId).map((event) => event.kind);
    assert.ok(kinds.indexOf('created') < kinds.indexOf('documents-changed'), kinds.join(', '));
  });

  it('fills one case in order, so a correction during the background fill wins', async () => {
    const caseId = await submit(harness);
    const drafts = harness.app.get(CaseDraftsService);

    // A fill from the submitted answers is still running when the Kümmerer corrects the IBAN.
    drafts.schedule(caseId, '2025-11-20');
    await harness.app
      .get(CaseCorrectionsService)
      .correctAnswer(caseId, { path: 'bank.iban', value: 'DE02120300000000202051' }, 'user:k-17');
    await drafts.whenIdle();

    const text = (await draftTexts(harness, caseId)).replace(/\s+/g, '');
    assert.ok(text.includes('DE02120300000000202051'), 'the draft shows the corrected IBAN');
    assert.ok(!text.includes('DE78370400445320130011'), 'and not the one it replaced');
  });

  it('lets background fills take turns, one per PDF worker, while a correction does not wait', async () => {
    const caseIds = [await submit(harness), await submit(harness), await submit(harness)];
    const drafts = harness.app.get(CaseDraftsService);
    await drafts.whenIdle();
    const filler = harness.app.get(ApplicationFillerService);
    assert.equal(filler.parallelFills, 1);
    const started: string[] = [];
    let running = 0;
    let most = 0;
    let open!: () => void;
    const gate = new Promise<void>((done) => (open = done));
    const fillSealed = filler.fillSealed.bind(filler);
    filler.fillSealed = async (...args: Parameters<typeof fillSealed>) => {
      started.push(args[2].today);
      running += 1;
      most = Math.max(most, running);
      try {
        await gate;
        return await fillSealed(...args);
      } finally {
        running -= 1;
      }
    };
    try {
      drafts.schedule(caseIds[0], '2025-11-20');
      drafts.schedule(caseIds[1], '2025-11-21');
      while (started.length < 1) {
        await new Promise((done) => setImmediate(done));
      }
      // The Kümmerer corrects another case while the first background fill is held.
      const correction = drafts.regenerate(caseIds[2], '2025-11-29');
      while (started.length < 2) {
        await new Promise((done) => setImmediate(done));
      }
      assert.deepEqual(
        started,
        ['2025-11-20', '2025-11-29'],
        'the correction went ahead of the waiting fills',
      );
      open();
      assert.equal(await correction, true);
      await drafts.whenIdle();
      assert.deepEqual(started, ['2025-11-20', '2025-11-29', '2025-11-21']);
      assert.equal(most, 2, 'one background fill at a time, and the correction');
      for (const caseId of caseIds) {
        assert.equal(await pendingFlag(harness, caseId), false);
      }
    } finally {
      filler.fillSealed = fillSealed;
    }
  });

  it('keeps the earlier drafts and clears the flag when answers are incomplete', async () => {
    const caseId = await submit(harness);
    const database = harness.app.get(DataSource);
    const before = await harness.app.get(CasesRepository).findDocuments(caseId);
    // A required answer gone (as after an import of a damaged case): nothing can be filled.
    await database.query(
      `UPDATE case_answers SET superseded_at = CURRENT_TIMESTAMP WHERE case_id = ? AND question_id = 'applicant.lastName'`,
      [caseId],
    );
    await database.query(`UPDATE cases SET drafts_pending = 1 WHERE id = ?`, [caseId]);

    assert.equal(await harness.app.get(CaseDraftsService).regenerate(caseId, '2025-11-20'), false);

    const after = await harness.app.get(CasesRepository).findDocuments(caseId);
    assert.deepEqual(
      after.map((document) => document.id),
      before.map((document) => document.id),
    );
    assert.equal(await pendingFlag(harness, caseId), false);
  });

  it('fills and approves a case later although a date now asks more: Punkt 3 for a child near 18', async () => {
    // Elif, born 25.02.2008: on the day of the submission (20.11.2025) her 18th birthday is more than
    // three months away, so the chat did not ask Punkt 3 of her Anlage Kind; ten days later it is not.
    const transcript = twoChildren();
    transcript.steps.find((step) => step.user === '2.4.2019')!.user = '25.2.2008';
    const conversation = await replayThroughBot(harness, transcript);
    const caseId = (await conversation.stored())!.caseId!;
    const rows = await harness.app.get(CasesRepository).findCurrentAnswers(caseId);
    assert.ok(!rows.some((row) => row.questionId === 'children.adultProof'));

    assert.equal(await harness.app.get(CaseDraftsService).regenerate(caseId, '2025-11-30'), true);
    await harness.app
      .get(CaseApprovalService)
      .approve(
        caseId,
        { attachments: [], contact: 'Stadtteilbüro' },
        'user:k-17',
        new Date('2025-11-30T10:00:00Z'),
      );
    assert.equal((await harness.app.get(CasesRepository).getCase(caseId)).status, 'approved');
  });
});

describe('CaseDraftsService and a deleted case', () => {
  it('stores nothing for a case deleted while its drafts were being filled', async () => {
    const harness = await startBotHarness();
    try {
      const caseId = await submit(harness);
      const drafts = harness.app.get(CaseDraftsService);

      const filling = drafts.regenerate(caseId, '2025-11-20');
      await harness.app.get(CasesService).deleteCase(caseId, 'user:admin-1');

      await assert.rejects(
        filling,
        (error: unknown) => error instanceof CasesError && error.code === 'CASE_NOT_FOUND',
      );
      const [row] = await harness.app
        .get(DataSource)
        .query<Array<{ n: number }>>(`SELECT COUNT(*) AS n FROM case_documents WHERE case_id = ?`, [caseId]);
      assert.equal(Number(row.n), 0);
    } finally {
      await harness.close();
      harness.remove();
    }
  });
});

describe('CaseDraftsService at shutdown', () => {
  it('finishes the fill in progress and leaves the waiting ones flagged for the next start', async () => {
    const harness = await startBotHarness();
    try {
      const caseIds = [await submit(harness), await submit(harness)];
      const drafts = harness.app.get(CaseDraftsService);
      await drafts.whenIdle();
      const database = harness.app.get(DataSource);
      for (const caseId of caseIds) {
        await database.query(`UPDATE cases SET drafts_pending = 1 WHERE id = ?`, [caseId]);
      }
      const filler = harness.app.get(ApplicationFillerService);
      const fillSealed = filler.fillSealed.bind(filler);
      let started = 0;
      let open!: () => void;
      const gate = new Promise<void>((done) => (open = done));
      filler.fillSealed = async (...args: Parameters<typeof fillSealed>) => {
        started += 1;
        await gate;
        return fillSealed(...args);
      };
      caseIds.forEach((caseId) => drafts.schedule(caseId, '2025-11-20'));
      while (started < 1) {
        await new Promise((done) => setImmediate(done));
      }
      const stopping = drafts.onModuleDestroy();
      open();
      await stopping;
      assert.equal(started, 1, 'the waiting fill did not start');
      assert.equal(await pendingFlag(harness, caseIds[0]), false);
      assert.equal(await pendingFlag(harness, caseIds[1]), true, 'made at the next start');
    } finally {
      await harness.close();
      harness.remove();
    }
  });
});

describe('CaseDraftsService after a restart', () => {
  it('makes the drafts a crash left owed when the service starts again', async () => {
    const first = await startBotHarness();
    let second: Awaited<ReturnType<typeof startBotHarness>> | undefined;
    try {
      const caseId = await submit(first);
      // What a crash between the submission's commit and the PDFs leaves: no drafts, the flag set.
      const database = first.app.get(DataSource);
      await database.query(`DELETE FROM case_documents WHERE case_id = ?`, [caseId]);
      await database.query(`UPDATE cases SET drafts_pending = 1 WHERE id = ?`, [caseId]);
      await first.close();

      second = await startBotHarness({ dataDir: first.dataDir, keys: first.keys });
      await second.settled();

      assert.ok((await draftTexts(second, caseId)).includes('Yılmaz'));
      assert.equal(await pendingFlag(second, caseId), false);
    } finally {
      await second?.close();
      first.remove();
    }
  });
});

describe('CaseDraftsService with the official forms', { skip: skipWithoutOfficialForms }, () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness({ templateDir: officialFormsDir });
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('stores each official draft as a small update over its template, and each template once', async () => {
    const caseIds = [await submit(harness), await submit(harness)];
    const database = harness.app.get(DataSource);

    const stored = await database.query<Array<{ base: string | null; stored: number; size: number }>>(
      `SELECT base_sha256 AS base, length(content) AS stored, size_bytes AS size FROM case_documents
       WHERE case_id IN (?, ?) AND mode = 'draft'`,
      caseIds,
    );
    assert.equal(stored.length, 6);
    for (const row of stored) {
      assert.ok(row.base, 'the draft names its base');
      // The update with its encryption: a few dozen kB of a PDF of 1.4 MB.
      assert.ok(row.stored < row.size / 10, `${row.stored} of ${row.size} bytes stored`);
    }
    // KG 1 and Anlage Kind: two templates, stored once for all six drafts of both cases.
    const bases = await database.query<Array<{ sha256: string }>>(`SELECT sha256 FROM pdf_bases`);
    assert.deepEqual(
      bases.map((base) => base.sha256).sort(),
      [...new Set(stored.map((row) => row.base))].sort(),
    );
    assert.equal(bases.length, 2);
    // Read back whole: the answers are in the draft's fields.
    const cases = harness.app.get(CasesRepository);
    const kg1 = (await cases.findDocuments(caseIds[1])).find((document) => document.formId === 'kg1')!;
    const reading = await readWithPdfJs(await cases.readDocument(caseIds[1], kg1.id));
    assert.ok([...(reading.fields?.values() ?? [])].includes('DE78370400445320130011'));
  });
});
