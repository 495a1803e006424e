import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { DataSource } from 'typeorm';
import { startBotHarness, BotHarness, textsOf } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { readTranscript, transcriptFiles } from '../../test/transcripts/transcript-runner';
import { CasesRepository } from '../cases/cases.repository';

describe('AntragslotseBot replays the interview transcripts', () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness();
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  for (const file of transcriptFiles()) {
    it(basename(file), async () => {
      const transcript = readTranscript(file);
      const conversation = await replayThroughBot(harness, transcript);
      const stored = await conversation.stored();
      assert.ok(stored?.interview, 'the interview state is stored');
      if (stored.caseId) {
        const cases = harness.app.get(CasesRepository);
        const summary = await cases.getCase(stored.caseId);
        assert.equal(summary.status, 'submitted');
        // Answers marked "Ich weiß es nicht" postpone the PDFs until the Kümmerer completes them.
        if (stored.interview.phase === 'submitted' && stored.interview.unknown.length === 0) {
          const documents = await cases.findDocuments(stored.caseId);
          assert.ok(documents.some((document) => document.formId === 'kg1' && document.kind === 'summary'));
        }
      }
    });
  }

  it('greets a new family with the privacy notice and a way to resume with a code', async () => {
    const sut = harness.conversation();
    const replies = await sut.open();
    assert.match(textsOf(replies).join('\n'), /Datenschutz/);
    const last = replies[replies.length - 1];
    assert.equal(last.textFormat, 'plain');
    assert.ok(last.suggestedActions?.actions.some((action) => action.title === 'Fortsetzen mit Code'));
    assert.ok(harness.app.get(DataSource).isInitialized);
  });
});
