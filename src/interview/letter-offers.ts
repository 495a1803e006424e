import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { answerPath } from './answer-path.util';
import { EngineOptions } from './engine.types';
import { answerAt, FlowStep } from './flow.util';
import { InterviewPhase, InterviewState, LetterInterruption } from './interview-state.types';
import { usableProposal } from './proposal-flow';
import { sameAnswer, withoutProposal } from './proposals.util';
import { Turn } from './turn';

type QuestionStep = Extract<FlowStep, { kind: 'question' }>;

/** Phases whose question is asked again after a letter's values; the others come back by themselves. */
const RESUMABLE: ReadonlySet<InterviewPhase> = new Set<InterviewPhase>([
  'asking',
  'editing',
  'confirming-proposal',
  'confirming-guess',
]);

/**
 * The next letter value for a question the family has already answered (or marked "Ich weiß es
 * nicht"), in the order of the questions. A value that says the same as the answer (sameAnswer:
 * also when only accents or capitals differ) is dropped, never offered. Values for questions still
 * to come wait for them; the question the letter interrupted is asked last (resumeAfterLetter).
 */
export function nextChangeOffer(turn: Turn, steps: FlowStep[]): QuestionStep | undefined {
  const interrupted = interruptedPath(turn);
  const answers = turn.applying();
  for (const step of steps) {
    if (step.kind !== 'question' || step.path === interrupted) {
      continue;
    }
    if (!turn.state.proposals.some((proposal) => proposal.path === step.path)) {
      continue;
    }
    const answer = answerAt(answers, step.pointer, step.indexed.repeatId);
    if (answer === undefined && !turn.state.unknown.includes(step.path)) {
      continue;
    }
    const usable = usableProposal(turn, step);
    if (!usable) {
      continue;
    }
    if (sameAnswer(answer, usable.value)) {
      turn.update({ proposals: withoutProposal(turn.state, step.path) });
      continue;
    }
    return step;
  }
  return undefined;
}

/**
 * The answer paths among `paths` whose letter value the family will be asked about: the value is
 * pending, its question is in the flow, the question would take it, and it says something else
 * than the answer given (or there is none yet). Call it with the state after offerProposals; the
 * bot says "Ich frage Sie nach und nach, ob sie stimmen" only when this is not empty.
 */
export function letterValuesToAsk(
  application: LoadedApplication,
  state: InterviewState,
  paths: readonly string[],
  options: EngineOptions,
): string[] {
  // A turn of its own: what usableProposal drops from it is not kept.
  const turn = new Turn(application, state, options);
  const answers = turn.applying();
  const wanted = new Set(paths);
  return turn
    .steps()
    .filter((step): step is QuestionStep => step.kind === 'question' && wanted.has(step.path))
    .filter((step) => {
      const usable = usableProposal(turn, step);
      return (
        usable !== undefined &&
        !sameAnswer(answerAt(answers, step.pointer, step.indexed.repeatId), usable.value)
      );
    })
    .map((step) => step.path);
}

/** Remembers what the chat was asking, so that it comes back after the letter's values. */
export function interruptForLetter(turn: Turn): void {
  const { phase, pointer, guess } = turn.state;
  const interruption: LetterInterruption = { phase, pointer, guess: guess ?? null };
  turn.update({ afterLetter: interruption });
}

/**
 * After the letter's values: the question the letter interrupted, as it was (the guess to confirm,
 * the answer being changed, or its own letter value). False when nothing is to be resumed or the
 * question no longer applies; the dialogue then goes on with the next open question.
 */
export function resumeAfterLetter(turn: Turn, steps: FlowStep[]): boolean {
  const before = turn.state.afterLetter;
  turn.update({ afterLetter: null });
  if (!before || before.pointer === null || !RESUMABLE.has(before.phase)) {
    return false;
  }
  const pointer = before.pointer;
  const step = steps.find(
    (candidate): candidate is QuestionStep =>
      candidate.kind === 'question' &&
      candidate.pointer.questionId === pointer.questionId &&
      candidate.pointer.item === pointer.item,
  );
  if (!step) {
    return false;
  }
  if (before.phase === 'confirming-guess' && before.guess) {
    turn.update({ phase: 'confirming-guess', pointer, guess: before.guess, failures: 0 });
    return true;
  }
  const answered = answerAt(turn.applying(), pointer, step.indexed.repeatId) !== undefined;
  const phase: InterviewPhase | null = usableProposal(turn, step)
    ? 'confirming-proposal'
    : before.phase === 'editing'
      ? 'editing'
      : answered || turn.state.unknown.includes(step.path)
        ? null
        : 'asking';
  if (phase === null) {
    return false;
  }
  turn.update({ phase, pointer, failures: 0 });
  return true;
}

function interruptedPath(turn: Turn): string | undefined {
  const before = turn.state.afterLetter;
  if (!before?.pointer || !RESUMABLE.has(before.phase)) {
    return undefined;
  }
  const indexed = turn.application.questions.get(before.pointer.questionId);
  return indexed ? answerPath(before.pointer, indexed.repeatId) : undefined;
}
