import { validateAnswer } from '../forms/answers/answer-validator';
import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { displayValue } from './display-value.util';
import { EngineOptions, EngineResult } from './engine.types';
import { answerAt, FlowStep, progressOf } from './flow.util';
import { InterviewState, PendingProposal, QUESTION_PHASES } from './interview-state.types';
import { itemTitle } from './item-title.util';
import { interruptForLetter, nextChangeOffer } from './letter-offers';
import { addProposals, proposalFor, sameAnswer, withoutProposal } from './proposals.util';
import { readAnswer } from './read-answer.util';
import { shortLabel } from './short-label.util';
import { Turn } from './turn';

type QuestionStep = Extract<FlowStep, { kind: 'question' }>;

/**
 * Adds values found in a letter, right after the letter's explanation:
 * 1. values for questions the family has already answered and that differ from the answer are
 *    offered one by one at once ("Im Brief steht als … Sie hatten … angegeben. Was stimmt?"); then
 * 2. the chat asks again what it was waiting for: the question (with its own letter value, if the
 *    letter has one), the summary, "noch ein Kind?". Values for questions still to come wait for them.
 */
export function offerProposals(
  application: LoadedApplication,
  state: InterviewState,
  proposals: readonly PendingProposal[],
  options: EngineOptions,
): EngineResult {
  const turn = new Turn(application, addProposals(state, proposals), options);
  if (!QUESTION_PHASES.has(turn.state.phase)) {
    // Paused, choosing a language, confirming a cancel: the values come with the next step.
    return turn.result();
  }
  if (turn.state.afterLetter) {
    // An earlier letter's values are being offered: this one's join them, then the chat goes back.
    turn.askCurrent();
    return turn.result();
  }
  interruptForLetter(turn);
  if (nextChangeOffer(turn, turn.steps())) {
    turn.advance();
    return turn.result();
  }
  turn.update({ afterLetter: null });
  const current = turn.currentStep();
  if (
    (turn.state.phase === 'asking' || turn.state.phase === 'editing') &&
    current &&
    usableProposal(turn, current)
  ) {
    turn.update({ phase: 'confirming-proposal' });
    turn.askCurrent();
  } else if (turn.state.phase === 'summary') {
    turn.advance();
  } else {
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
 * "Ihre Kindergeldnummer ist 215FK381902 – stimmt das?" with yes and no; for a question already
 * answered "Im Brief steht als Kindergeldnummer 215FK381902. Sie hatten 215FK381900 angegeben. Was
 * stimmt?" with both values as buttons (the letter's, then the family's), except for yes/no
 * questions, whose values are themselves yes and no.
 */
export function askProposal(turn: Turn, step: QuestionStep | undefined): void {
  const proposal = step && usableProposal(turn, step);
  if (!step || !proposal) {
    return turn.advance();
  }
  const { question, repeatId } = step.indexed;
  const { locale } = turn.state;
  const answers = turn.applying();
  const value = displayValue(question, proposal.value, locale);
  const previous = answerAt(answers, step.pointer, repeatId);
  const lines: string[] = [];
  if (repeatId !== null && step.pointer.item !== null) {
    lines.push(itemTitle(answers, repeatId, step.pointer.item, locale));
  }
  const progress = progressOf(turn.steps(), step.path);
  if (previous !== undefined && previous !== null && question.type !== 'yesno') {
    const before = displayValue(question, previous, locale);
    lines.push(turn.t('proposalChange', { label: shortLabel(question, locale), value, previous: before }));
    turn.say('confirm', lines.join('\n'), {
      suggestions: [
        { title: value, action: 'yes' },
        { title: before, action: 'keep' },
      ],
      progress,
    });
    return;
  }
  const own = question.confirmText?.[locale];
  const statement =
    own !== undefined ? own.replace('{value}', value) : `${shortLabel(question, locale)}: ${value}`;
  lines.push(turn.t('proposal', { statement }));
  if (previous !== undefined && previous !== null) {
    // A yes/no answer: "Ja"/"Nein" as buttons would be ambiguous, so the question stays yes or no.
    lines.push(turn.t('previousAnswer', { value: displayValue(question, previous, locale) }));
  }
  turn.say('confirm', lines.join('\n'), { suggestions: turn.yesNo(), progress });
}

/**
 * The family's reply to a proposal: yes (or the letter's value, tapped or typed) stores the
 * letter's value with its source (document, page, box); no asks the question, or keeps the earlier
 * answer, as does tapping or typing that answer; another typed value answers the question directly.
 */
export function confirmProposal(
  turn: Turn,
  step: QuestionStep | undefined,
  said: { yes: boolean | null; text: string },
  answer: () => void,
): void {
  const proposal = step && usableProposal(turn, step);
  const previous = step && answerAt(turn.state.answers, step.pointer, step.indexed.repeatId);
  if (!step || !proposal) {
    if (step && previous === undefined) {
      turn.update({ phase: 'asking' });
      return turn.askCurrent();
    }
    return turn.advance();
  }
  const answered = previous !== undefined;
  const typed = said.yes === null ? readAnswer(step.indexed.question, said.text, turn.options.today) : null;
  const choice =
    said.yes ??
    (typed?.ok && !typed.guessed && sameAnswer(typed.value, proposal.value)
      ? true
      : typed?.ok && !typed.guessed && answered && sameAnswer(previous, typed.value)
        ? false
        : null);
  if (choice === true) {
    turn.update({ history: [...turn.state.history, step.pointer] });
    turn.store(proposal.value, { source: 'letter', at: turn.options.now, ...proposal.source });
    turn.sayText('info', 'proposalTaken');
    return turn.advance();
  }
  if (choice === false) {
    turn.update({ proposals: withoutProposal(turn.state, step.path) });
    if (answered) {
      turn.sayText('info', 'proposalKept');
      return turn.advance();
    }
    turn.update({ phase: 'asking' });
    return turn.askCurrent();
  }
  // The family may simply type the right value instead of yes or no.
  if (typed?.ok) {
    turn.update({ phase: answered ? 'editing' : 'asking' });
    return answer();
  }
  turn.sayText('error', answered ? 'whichIsRight' : 'yesOrNo');
  turn.askCurrent();
}
