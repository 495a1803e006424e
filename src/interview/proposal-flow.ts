import { validateAnswer } from '../forms/answers/answer-validator';
import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { displayValue } from './display-value.util';
import { EngineOptions, EngineResult } from './engine.types';
import { answerAt, FlowStep, progressOf } from './flow.util';
import { InterviewState, PendingProposal, QUESTION_PHASES } from './interview-state.types';
import { itemTitle } from './item-title.util';
import { addProposals, proposalFor, withoutProposal } from './proposals.util';
import { readAnswer } from './read-answer.util';
import { shortLabel } from './short-label.util';
import { Turn } from './turn';

type QuestionStep = Extract<FlowStep, { kind: 'question' }>;

/**
 * Adds values found in a letter and, when the family is being asked one of those questions or looks
 * at the summary right now, offers the value at once. Other proposals wait until their question comes;
 * the question the chat waits for is asked again (the letter's messages came in between).
 */
export function offerProposals(
  application: LoadedApplication,
  state: InterviewState,
  proposals: readonly PendingProposal[],
  options: EngineOptions,
): EngineResult {
  const turn = new Turn(application, addProposals(state, proposals), options);
  const pointer = turn.state.pointer;
  const current =
    pointer &&
    turn
      .steps()
      .find(
        (step): step is QuestionStep =>
          step.kind === 'question' &&
          step.pointer.questionId === pointer.questionId &&
          step.pointer.item === pointer.item,
      );
  if (turn.state.phase === 'asking' && current && usableProposal(turn, current)) {
    turn.update({ phase: 'confirming-proposal' });
    turn.askCurrent();
  } else if (turn.state.phase === 'summary') {
    turn.advance();
  } else if (QUESTION_PHASES.has(turn.state.phase)) {
    // The letter's explanation came in between: the family sees again what the chat is waiting for.
    turn.askCurrent();
  }
  return turn.result();
}

/**
 * The proposal for a step as a value the question accepts (spaces removed, dates as YYYY-MM-DD), or
 * undefined. A value the question would refuse (an IBAN with a wrong checksum) is dropped: a letter
 * read wrongly must never be put to the family as if it were right.
 */
export function usableProposal(turn: Turn, step: QuestionStep): PendingProposal | undefined {
  const proposal = proposalFor(turn.state, step.path);
  if (proposal === undefined) {
    return undefined;
  }
  const value = acceptedValue(step.indexed.question, proposal.value, turn.options.today);
  if (value === undefined) {
    turn.update({ proposals: withoutProposal(turn.state, step.path) });
    return undefined;
  }
  return { ...proposal, value };
}

function acceptedValue(
  question: QuestionDefinition,
  value: AnswerValue,
  today: string,
): AnswerValue | undefined {
  const checked = validateAnswer(question, value, { today });
  if (checked.ok) {
    return checked.value;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const read = readAnswer(question, value, today);
  return read.ok && !read.guessed ? read.value : undefined;
}

/**
 * After the last question: a letter value for a question the family already answered differently
 * (or marked "Ich weiß es nicht") is offered as a change. The same value as the answer is dropped.
 */
export function nextChangeOffer(turn: Turn, steps: FlowStep[]): QuestionStep | undefined {
  const answers = turn.applying();
  for (const proposal of turn.state.proposals) {
    const step = steps.find(
      (candidate): candidate is QuestionStep =>
        candidate.kind === 'question' && candidate.path === proposal.path,
    );
    if (!step) {
      continue;
    }
    const usable = usableProposal(turn, step);
    if (!usable) {
      continue;
    }
    const answer = answerAt(answers, step.pointer, step.indexed.repeatId);
    if (answer !== undefined && JSON.stringify(answer) === JSON.stringify(usable.value)) {
      turn.update({ proposals: withoutProposal(turn.state, step.path) });
      continue;
    }
    return step;
  }
  return undefined;
}

/** "Ihre Kindergeldnummer ist 215FK381902 – stimmt das?", with the earlier answer when it differs. */
export function askProposal(turn: Turn, step: QuestionStep | undefined): void {
  const proposal = step && usableProposal(turn, step);
  if (!step || !proposal) {
    return turn.advance();
  }
  const { question, repeatId } = step.indexed;
  const { locale } = turn.state;
  const answers = turn.applying();
  const value = displayValue(question, proposal.value, locale);
  const own = question.confirmText?.[locale];
  const statement =
    own !== undefined ? own.replace('{value}', value) : `${shortLabel(question, locale)}: ${value}`;
  const previous = answerAt(answers, step.pointer, repeatId);
  const lines: string[] = [];
  if (repeatId !== null && step.pointer.item !== null) {
    lines.push(itemTitle(answers, repeatId, step.pointer.item, locale));
  }
  lines.push(turn.t(previous === undefined ? 'proposal' : 'proposalChange', { statement }));
  if (previous !== undefined) {
    lines.push(turn.t('previousAnswer', { value: displayValue(question, previous, locale) }));
  }
  turn.say('confirm', lines.join('\n'), {
    suggestions: turn.yesNo(),
    progress: progressOf(turn.steps(), step.path),
  });
}

/**
 * The family's reply to a proposal: yes stores the letter's value with its source; no asks the
 * question (or keeps the earlier answer); a typed value answers the question directly.
 */
export function confirmProposal(
  turn: Turn,
  step: QuestionStep | undefined,
  said: { yes: boolean | null; text: string },
  answer: () => void,
): void {
  const proposal = step && usableProposal(turn, step);
  if (!step || !proposal) {
    turn.update({ phase: 'asking' });
    return turn.askCurrent();
  }
  const answered = answerAt(turn.state.answers, step.pointer, step.indexed.repeatId) !== undefined;
  if (said.yes === true) {
    turn.update({ history: [...turn.state.history, step.pointer] });
    turn.store(proposal.value, { source: 'letter', at: turn.options.now, ...proposal.source });
    turn.sayText('info', 'proposalTaken');
    return turn.advance();
  }
  if (said.yes === false) {
    turn.update({ proposals: withoutProposal(turn.state, step.path) });
    if (answered) {
      turn.sayText('info', 'proposalKept');
      return turn.advance();
    }
    turn.update({ phase: 'asking' });
    return turn.askCurrent();
  }
  // The family may simply type the right value instead of yes or no.
  if (readAnswer(step.indexed.question, said.text, turn.options.today).ok) {
    turn.update({ phase: answered ? 'editing' : 'asking' });
    return answer();
  }
  turn.sayText('error', 'yesOrNo');
  turn.askCurrent();
}
