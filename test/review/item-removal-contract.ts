import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { CaseApprovalService } from '../../src/cases/case-approval.service';
import { CaseCorrectionsService } from '../../src/cases/case-corrections.service';
import { CaseDraftsService } from '../../src/cases/case-drafts.service';
import { CaseIntakeService } from '../../src/cases/case-intake.service';
import { CaseItemRemovalService } from '../../src/cases/case-item-removal.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { CaseAnswer } from '../../src/cases/entities/case-answer.entity';
import { CASE_EVENT_BUS, CaseEvent, CaseEventBus } from '../../src/cases/events/case-events.types';
import { projectPath } from '../../src/channels/web/project-path.util';
import { Answers } from '../../src/forms/definition/answers.types';
import { InterviewState } from '../../src/interview/interview-state.types';

type Child = Record<string, unknown>;

/** The example family (forms/examples), with the given children applied for, each a copy of its first. */
function yilmaz(firstNames: string[]): Answers {
  const answers = JSON.parse(
    readFileSync(join(projectPath('forms'), 'examples', 'kindergeld-yilmaz.json'), 'utf8'),
  ) as Answers & { children: Child[] };
  const [first] = answers.children;
  answers.children = firstNames.map((firstName, index) => ({
    ...first,
    'children.firstName': firstName,
    'children.birthDate': `20${String(14 + index).padStart(2, '0')}-03-0${index + 1}`,
  }));
  return answers;
}

/**
 * Removing an item of a repeat group ("Kind 2 entfernen") on SQLite (item-removal.spec.ts) and
 * PostgreSQL (item-removal.pg-spec.ts): superseded and kept, the later items renumbered with their
 * provenance and history, the count, drafts, audit and event as after a correction, the minimum kept.
 */
export function itemRemovalContract(
  start: () => Promise<{ app: INestApplication; close(): Promise<void> }>,
): void {
  let app: INestApplication;
  let started: { app: INestApplication; close(): Promise<void> } | undefined;
  const events: CaseEvent[] = [];
  const by = 'user:00000000-0000-4000-8000-000000000017';

  before(async () => {
    started = await start();
    app = started.app;
    app.get<CaseEventBus>(CASE_EVENT_BUS).subscribe((event) => events.push(event));
  });
  after(() => started?.close());

  async function submit(firstNames: string[]): Promise<string> {
    const state = {
      applicationId: 'kindergeld',
      answers: yilmaz(firstNames),
      provenance: {},
      unknown: [],
    } as unknown as InterviewState;
    const caseId = await app
      .get(CaseIntakeService)
      .createFromInterview(state, { key: `test:${firstNames.join('-')}`, reference: {} });
    await app.get(CaseDraftsService).whenIdle();
    return caseId;
  }
  const current = async (caseId: string) =>
    new Map(
      (await app.get(CasesRepository).findCurrentAnswers(caseId)).map((answer) => [answer.path, answer]),
    );
  const anlagen = async (caseId: string) =>
    (await app.get(CasesRepository).findDocuments(caseId)).filter(
      (document) => document.formId === 'kg1-anlage-kind' && document.mode === 'draft',
    ).length;

  it('removes a child in the middle: the next one moves up with its provenance, drafts follow', async () => {
    const caseId = await submit(['Zeynep', 'Zeynep', 'Mia']);
    assert.equal(await anlagen(caseId), 3);
    const before = await current(caseId);
    const mia = before.get('children[2].children.firstName')!;
    events.length = 0;

    const result = await app
      .get(CaseItemRemovalService)
      .removeItem(caseId, { groupId: 'children', itemIndex: 1 }, by);

    assert.deepEqual(result, { items: 2, documentsRegenerated: true, approvalWithdrawn: false });
    const after = await current(caseId);
    assert.equal(after.get('children')?.value, 2);
    assert.equal(after.get('children')?.source, 'kuemmerer');
    assert.equal(after.get('children')?.givenBy, by);
    assert.equal(after.get('children[0].children.firstName')?.value, 'Zeynep');
    // Kind 3 is Kind 2 now: the same answer, as the family gave it, when it gave it.
    const moved = after.get('children[1].children.firstName')!;
    assert.equal(moved.value, 'Mia');
    assert.equal(moved.source, 'family');
    assert.equal(moved.givenBy, mia.givenBy);
    assert.equal(moved.givenAt.getTime(), mia.givenAt.getTime());
    assert.equal(after.get('children[1].children.birthDate')?.value, '2016-03-03');
    assert.ok(![...after.keys()].some((path) => path.startsWith('children[2].')));
    // Nothing else moved: the children the family already gets Kindergeld for stay as they were.
    assert.equal(after.get('receivingChildren')?.value, 6);
    assert.equal(after.get('receivingChildren[1].receivingChildren.name')?.value, 'Elif');

    assert.equal(await anlagen(caseId), 2);
    const kinds = events.filter((event) => event.caseId === caseId).map((event) => event.kind);
    assert.ok(kinds.includes('answer-changed'), kinds.join(', '));
  });

  it('keeps the removed child in the history, never as the "before" of the child after it', async () => {
    const caseId = await submit(['Zeynep', 'Can', 'Mia']);
    const corrections = app.get(CaseCorrectionsService);
    // Mia's name was corrected once: that earlier value is her history and moves with her.
    await corrections.correctAnswer(
      caseId,
      { path: 'children[2].children.firstName', value: 'Mia Sophie' },
      by,
    );
    await app.get(CaseItemRemovalService).removeItem(caseId, { groupId: 'children', itemIndex: 1 }, by);

    const rows = await app
      .get(DataSource)
      .getRepository(CaseAnswer)
      .find({ where: { caseId, groupId: 'children' } });
    const can = rows.filter((row) => row.itemIndex === 1 && row.removedAt !== null);
    assert.ok(can.length > 10, `Can's answers are kept (${can.length})`);
    assert.ok(can.every((row) => row.supersededAt !== null && row.source === 'family'));
    assert.equal(rows.filter((row) => row.itemIndex === 2).length, 0, 'no answer is left at Kind 3');

    const previous = await corrections.findPreviousAnswers(caseId);
    assert.equal(previous.get('children[1].children.firstName')?.value, 'Mia');
    assert.equal(previous.get('children[1].children.birthDate'), undefined);
    assert.equal((await current(caseId)).get('children[1].children.firstName')?.value, 'Mia Sophie');

    const audit = (await app.get(AuditService).findBySubject('case', caseId)).filter(
      (event) => event.action === 'case.item-removed',
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor, by);
    assert.deepEqual(audit[0].details, {
      group: 'children',
      item: 2,
      itemsBefore: 3,
      documentsRegenerated: true,
      approvalWithdrawn: false,
    });
  });

  it('refuses to remove the only child of a Kindergeld application, and changes nothing', async () => {
    const caseId = await submit(['Zeynep']);
    const before = await app.get(DataSource).getRepository(CaseAnswer).count({ where: { caseId } });
    await assert.rejects(
      app.get(CaseItemRemovalService).removeItem(caseId, { groupId: 'children', itemIndex: 0 }, by),
      (error: { code?: string; reasons?: string[] }) =>
        error.code === 'CASE_ANSWER_INVALID' &&
        error.reasons?.[0] === 'Ein Antrag auf Kindergeld braucht mindestens ein Kind.',
    );
    assert.deepEqual(await app.get(CaseItemRemovalService).refusal(caseId, 'children', 0), [
      'Ein Antrag auf Kindergeld braucht mindestens ein Kind.',
      'A child benefit application needs at least one child.',
    ]);
    assert.equal(await app.get(DataSource).getRepository(CaseAnswer).count({ where: { caseId } }), before);
    assert.equal((await current(caseId)).get('children')?.value, 1);
    // One of several children the family already gets Kindergeld for may go; an item not there may not.
    assert.equal(await app.get(CaseItemRemovalService).refusal(caseId, 'receivingChildren', 5), null);
    await assert.rejects(
      app.get(CaseItemRemovalService).removeItem(caseId, { groupId: 'children', itemIndex: 1 }, by),
      (error: { code?: string }) => error.code === 'CASE_ANSWER_UNKNOWN',
    );
    await assert.rejects(
      app.get(CaseItemRemovalService).removeItem(caseId, { groupId: 'bank.iban', itemIndex: 0 }, by),
      (error: { code?: string }) => error.code === 'CASE_ANSWER_UNKNOWN',
    );
  });

  it('withdraws an approval as a correction does: final PDFs gone, in review again', async () => {
    const caseId = await submit(['Zeynep', 'Can']);
    await app.get(CaseApprovalService).approve(caseId, { attachments: [], contact: 'Dragana Petrović' }, by);
    const finals = async () =>
      (await app.get(CasesRepository).findDocuments(caseId)).filter((document) => document.mode === 'final');
    assert.ok((await finals()).length > 0);

    const result = await app
      .get(CaseItemRemovalService)
      .removeItem(caseId, { groupId: 'children', itemIndex: 0 }, by);

    assert.equal(result.approvalWithdrawn, true);
    assert.equal((await app.get(CasesRepository).getCase(caseId)).status, 'in_review');
    assert.deepEqual(await finals(), []);
    assert.equal(await anlagen(caseId), 1);
    assert.equal((await current(caseId)).get('children[0].children.firstName')?.value, 'Can');
    const actions = (await app.get(AuditService).findBySubject('case', caseId)).map((event) => event.action);
    assert.ok(actions.includes('case.approval-withdrawn'), actions.join(', '));
  });
}
