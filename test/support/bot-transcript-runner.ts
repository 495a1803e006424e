import { Activity } from 'botbuilder';
import { answerAt } from '../../src/interview/flow.util';
import { parseAnswerPath } from '../../src/interview';
import { BotExpectation, Transcript } from '../transcripts/transcript.types';
import { BotHarness, buttonsOf, summaryOf, TestConversation, textsOf } from './bot-harness';

/**
 * Replays one of the engine's transcript files (test/transcripts/*.yaml) through the real bot:
 * TestAdapter, Activities, the database-backed state. Each turn reads the state back from the
 * database, so a passing replay also shows that nothing lives only in memory between turns.
 * It returns once the background work of the turns (draft PDFs after a submission) is done.
 */
export async function replayThroughBot(
  harness: BotHarness,
  transcript: Transcript,
  options: { from?: number; to?: number; conversation?: TestConversation } = {},
): Promise<TestConversation> {
  harness.clock.setToday(transcript.today);
  const conversation = options.conversation ?? harness.conversation({ locale: transcript.locale });
  const steps = transcript.steps.slice(options.from ?? 0, options.to);
  for (const [offset, step] of steps.entries()) {
    const index = (options.from ?? 0) + offset;
    // A letter step offers what the analysis read; the step's own input (if any) follows.
    const letterReplies = step.letter ? await conversation.offerLetterValues(step.letter) : [];
    const replies =
      index === 0
        ? await conversation.open()
        : step.user !== undefined
          ? await conversation.say(step.user)
          : step.action
            ? await conversation.tap(step.action.action, step.action.value)
            : letterReplies;
    if (conversation.errors.length > 0) {
      throw conversation.errors[0];
    }
    if (step.bot) {
      await check(
        conversation,
        replies,
        step.bot,
        `${transcript.title}, step ${index + 1} (${step.user ?? JSON.stringify(step.action ?? (step.letter ? 'letter' : 'start'))})`,
      );
    }
  }
  await harness.settled();
  return conversation;
}

async function check(
  conversation: TestConversation,
  replies: Partial<Activity>[],
  expected: BotExpectation,
  where: string,
) {
  const texts = textsOf(replies);
  const buttons = buttonsOf(replies);
  const fail = (what: string): never => {
    throw new Error(
      `${where}: ${what}\nBot said:\n${texts.join('\n---\n')}\nButtons: ${buttons.join(' | ')}`,
    );
  };
  for (const part of expected.says ?? []) {
    if (!texts.some((text) => text.includes(part))) {
      fail(`expected "${part}"`);
    }
  }
  for (const part of expected.notSays ?? []) {
    if (texts.some((text) => text.includes(part))) {
      fail(`did not expect "${part}"`);
    }
  }
  for (const title of expected.buttons ?? []) {
    if (!buttons.includes(title)) {
      fail(`expected button "${title}"`);
    }
  }
  const storedState = await conversation.stored();
  for (const [path, wanted] of Object.entries(expected.provenance ?? {})) {
    const actual = storedState?.interview?.provenance[path] as unknown as Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(wanted)) {
      if (JSON.stringify(actual?.[key]) !== JSON.stringify(value)) {
        fail(
          `expected stored provenance ${path}.${key} = ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`,
        );
      }
    }
  }
  const summary = summaryOf(replies);
  for (const part of expected.summaryHas ?? []) {
    if (!summary.includes(part)) {
      fail(`expected "${part}" in the summary card:\n${summary}`);
    }
  }
  for (const part of expected.summaryLacks ?? []) {
    if (summary.includes(part)) {
      fail(`did not expect "${part}" in the summary card`);
    }
  }
  if (expected.direction) {
    const engineMessages = replies.filter(
      (reply) => (reply.channelData as { kind?: string } | undefined)?.kind && reply.type === 'message',
    );
    if (
      engineMessages.some(
        (reply) => (reply.channelData as { direction: string }).direction !== expected.direction,
      )
    ) {
      fail(`expected direction ${expected.direction}`);
    }
  }
  if (expected.progress) {
    const progress = [...replies]
      .reverse()
      .map(
        (reply) =>
          (reply.channelData as { progress?: { current: number; total: number } } | undefined)?.progress,
      )
      .find(Boolean);
    if (!progress) {
      fail('expected a progress hint');
    }
    if (expected.progress.current !== undefined && progress!.current !== expected.progress.current) {
      fail(`expected progress ${expected.progress.current}`);
    }
  }
  const stored = storedState;
  if (expected.events?.includes('submitted') && !stored?.caseId) {
    fail('expected the submission to create a case');
  }
  for (const [path, value] of Object.entries(expected.answers ?? {})) {
    const target = parseAnswerPath(path);
    const actual =
      target &&
      stored?.interview &&
      answerAt(
        stored.interview.answers,
        { questionId: target.questionId, item: target.item },
        target.repeatId,
      );
    if ((actual ?? null) !== value) {
      fail(`expected stored answer ${path} = ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
    }
  }
}
