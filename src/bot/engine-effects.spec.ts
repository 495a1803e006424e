import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { startBotHarness, BotHarness } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { transcriptNamed } from '../../test/transcripts/transcript-runner';
import { CaseDraftsService } from '../cases/case-drafts.service';
import { CasesRepository } from '../cases/cases.repository';
import { CaseStatusChange } from '../cases/entities/case-status-change.entity';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

// The harness's clock is far from the machine's: a date taken from the machine shows at once.
describe('cases from the chat follow the bot clock', () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness();
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  async function statusChangesOf(caseId: string): Promise<CaseStatusChange[]> {
    return harness.app.get(DataSource).getRepository(CaseStatusChange).find({ where: { caseId } });
  }

  it("dates a submitted case, its answers and the drafts' date of signing by the bot clock", async () => {
    const drafts = harness.app.get(CaseDraftsService);
    const scheduled: string[] = [];
    const schedule = drafts.schedule.bind(drafts);
    drafts.schedule = (caseId, today) => {
      scheduled.push(today);
      schedule(caseId, today);
    };
    try {
      const transcript = twoChildren();
      const conversation = await replayThroughBot(harness, transcript);
      const now = harness.clock.now().toISOString();
      assert.equal(now.slice(0, 10), transcript.today);
      const caseId = (await conversation.stored())!.caseId!;

      const cases = harness.app.get(CasesRepository);
      assert.equal((await cases.getCase(caseId)).lastActivityAt.toISOString(), now);
      const [submitted] = await statusChangesOf(caseId);
      assert.equal(submitted.toStatus, 'submitted');
      assert.equal(submitted.changedAt.toISOString(), now);
      const answers = await cases.findCurrentAnswers(caseId);
      // The children group's own row has no provenance: its date is the submission's.
      const group = answers.find((answer) => answer.path === 'children')!;
      assert.equal(group.givenAt.toISOString(), now);
      assert.deepEqual(
        answers.filter((answer) => answer.givenAt.toISOString().slice(0, 10) !== transcript.today),
        [],
      );
      assert.deepEqual(scheduled, [transcript.today]);
    } finally {
      drafts.schedule = schedule;
    }
  });

  it('dates the case opened by a request for a person by the bot clock', async () => {
    harness.clock.current = new Date('2024-03-05T08:30:00.000Z');
    const conversation = harness.conversation();
    await conversation.open();
    await conversation.say('ja');
    await conversation.say('Ich möchte mit einem Menschen sprechen');
    const caseId = (await conversation.stored())!.caseId!;
    assert.ok(caseId, 'the request opened a case');

    const summary = await harness.app.get(CasesRepository).getCase(caseId);
    assert.equal(summary.lastActivityAt.toISOString(), '2024-03-05T08:30:00.000Z');
    const [opened] = await statusChangesOf(caseId);
    assert.equal(opened.changedAt.toISOString(), '2024-03-05T08:30:00.000Z');
    const [request] = await harness.app.get(CasesRepository).findNotes(caseId);
    assert.equal(request.kind, 'human-request');
    assert.equal(request.createdAt.toISOString(), '2024-03-05T08:30:00.000Z');
  });
});
