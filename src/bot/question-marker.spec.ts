import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { startBotHarness, BotHarness } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { readTranscript, transcriptFiles } from '../../test/transcripts/transcript-runner';

const questionOf = (replies: Partial<Activity>[]) =>
  (replies.at(-1)?.channelData as { question?: { id: string; item: number | null } } | undefined)?.question;

describe('question activities name their question (channelData.question)', () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness();
  });
  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('carries the definition id, with the child index inside the children group, and nothing on other messages', async () => {
    const transcript = readTranscript(
      transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
    );
    const conversation = harness.conversation({ locale: 'de-DE' });
    harness.clock.setToday(transcript.today);
    assert.equal(questionOf(await conversation.open()), undefined, 'the privacy notice is no question');
    const first = questionOf(await conversation.say('ja'));
    assert.ok(first && first.id.length > 0);
    assert.equal(first.item, null);

    // Up to the first child's first name: the question of the children group names item 0.
    const toChild = transcript.steps.findIndex((step) => step.user === 'Elif');
    await replayThroughBot(harness, transcript, { from: 2, to: toChild, conversation });
    const child = questionOf(await conversation.say('Elif'));
    assert.ok(child);
    assert.equal(child.item, 0, `${child.id} of the first child`);
  });
});
