import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import { Command, handleCommand, skipOrDontKnow } from './commands.handler';
import { CONSENT_VERSION } from './consent';
import { EngineOptions, EngineResult, StartOptions, UserInput } from './engine.types';
import { nextOpenStep, submittedAnswers } from './flow.util';
import { parseYesNo, recognizeCommand } from './input';
import { INTERVIEW_STATE_VERSION, InterviewLocale, InterviewState } from './interview-state.types';
import { nextChangeOffer } from './letter-offers';
import { confirmProposal } from './proposal-flow';
import { readAnswer } from './read-answer.util';
import { addItem, askRemoveItem, confirmRemoveItem, typedItemAction } from './repeat-items';
import { Turn } from './turn';

/** A new conversation: the privacy notice comes first. */
export function startInterview(application: LoadedApplication, options: StartOptions): EngineResult {
  const turn = new Turn(application, freshState(application, options.locale, null), options);
  turn.askCurrent();
  return turn.result();
}

function freshState(
  application: LoadedApplication,
  locale: InterviewLocale,
  consentVersion: string | null,
): InterviewState {
  return {
    version: INTERVIEW_STATE_VERSION,
    applicationId: application.definition.id,
    locale,
    phase: consentVersion === null ? 'consent' : 'asking',
    resumePhase: null,
    answers: {},
    provenance: {},
    unknown: [],
    pointer: null,
    history: [],
    failures: 0,
    completedGroups: [],
    proposals: [],
    consentVersion,
    notes: [],
    afterLetter: null,
  };
}

/** What the family said, from a typed message or a button. */
interface Said {
  text: string;
  /** An exact answer from a button (option value, "true"/"false"). */
  answer?: string;
  yes?: boolean;
  submit?: boolean;
  resume?: boolean;
  /** Keep the stored answer ("Beibehalten" after going back). */
  keep?: boolean;
}

const COMMAND_ACTIONS = new Set([
  'help',
  'back',
  'skip',
  'dont-know',
  'pause',
  'cancel',
  'human',
  'change',
  'language',
  'summary',
  'restart',
]);

/**
 * The dialogue rules, in this order for every turn:
 * 1. a conversation that ended (declined, cancelled, submitted) only understands restart and language;
 * 2. a paused conversation resumes with any message;
 * 3. commands (help, back, change, pause, cancel, language, human, summary, restart, skip, don't know)
 *    interrupt any question the same way;
 * 4. otherwise the message answers what the current phase asks.
 */
export function handleInput(
  application: LoadedApplication,
  state: InterviewState,
  input: UserInput,
  options: EngineOptions,
): EngineResult {
  const turn = new Turn(application, state, options);
  const said = toSaid(input);
  const command = commandOf(turn, input);

  if (said.resume) {
    // Continued with a resume code (the bot has welcomed the family): a pause ends without a word,
    // and the chat asks again what it waits for. Nothing here is an answer to it.
    if (state.phase === 'paused') {
      turn.update({ phase: state.resumePhase ?? 'asking', resumePhase: null });
    }
    turn.askCurrent();
    return turn.result();
  }

  if (state.phase === 'declined' && command === null && yesOf(said) === true) {
    // "Doch einverstanden" after a refusal: the consent the privacy notice asked for.
    turn.update({ phase: 'consent' });
    answerPhase(turn, said);
    return turn.result();
  }
  if (state.phase === 'declined' || state.phase === 'cancelled' || state.phase === 'submitted') {
    if (command?.name === 'restart') {
      restart(turn, state.phase === 'declined' ? null : state.consentVersion);
    } else if (command?.name === 'language') {
      handleCommand(turn, command, said.text);
    } else {
      turn.askCurrent();
    }
    return turn.result();
  }
  if (state.phase === 'paused') {
    turn.update({ phase: state.resumePhase ?? 'asking', resumePhase: null });
    turn.sayText('info', 'resumed');
    turn.askCurrent();
    return turn.result();
  }
  const itemAction =
    input.type === 'action'
      ? input
      : state.phase === 'summary'
        ? typedItemAction(turn, input.text)
        : undefined;
  if (itemAction?.action === 'add-item' || itemAction?.action === 'remove-item') {
    if (itemAction.action === 'add-item') {
      addItem(turn, itemAction.value);
    } else {
      askRemoveItem(turn, itemAction.value);
    }
    return turn.result();
  }
  if (
    command !== null &&
    (state.phase !== 'consent' || command.name === 'language' || command.name === 'help')
  ) {
    handleCommand(turn, command, said.text);
    return turn.result();
  }
  answerPhase(turn, said);
  return turn.result();
}

function toSaid(input: UserInput): Said {
  if (input.type === 'text') {
    return { text: input.text };
  }
  const value = input.value ?? '';
  switch (input.action) {
    case 'answer':
      return { text: value, answer: value };
    case 'yes':
      return { text: value, yes: true };
    case 'no':
      return { text: value, yes: false };
    case 'consent':
      return { text: value, yes: value === 'accept' };
    case 'submit':
      return { text: value, yes: true, submit: true };
    case 'resume':
      return { text: value, resume: true };
    case 'keep':
      return { text: value, keep: true };
    default:
      return { text: value };
  }
}

function commandOf(turn: Turn, input: UserInput): Command | null {
  if (input.type === 'action') {
    return COMMAND_ACTIONS.has(input.action)
      ? { name: input.action as Command['name'], argument: input.value }
      : null;
  }
  const recognized = recognizeCommand(input.text, { ignore: ignoredCommands(turn) });
  return recognized ? { name: recognized.command, argument: recognized.argument } : null;
}

// "deutsch" answers the nationality question; it is no wish to switch the language there.
function ignoredCommands(turn: Turn): Array<'language'> {
  const pointer = turn.state.pointer;
  if (pointer === null || (turn.state.phase !== 'asking' && turn.state.phase !== 'editing')) {
    return [];
  }
  return /nationality|language/i.test(pointer.questionId) ? ['language'] : [];
}

function yesOf(said: Said): boolean | null {
  return said.yes ?? parseYesNo(said.text);
}

function answerPhase(turn: Turn, said: Said): void {
  const { state, options } = turn;
  switch (state.phase) {
    case 'consent': {
      const yes = yesOf(said);
      if (yes === true) {
        turn.update({ consentVersion: CONSENT_VERSION, phase: 'asking' });
        turn.events.push({ type: 'consent-accepted', version: CONSENT_VERSION });
        turn.sayText('info', 'welcome');
        return turn.advance();
      }
      if (yes === false) {
        turn.update({ phase: 'declined' });
        turn.events.push({ type: 'consent-refused' });
        return turn.askCurrent();
      }
      return turn.askCurrent();
    }
    case 'asking':
    case 'editing':
      return answerQuestion(turn, said);
    case 'confirming-proposal':
      return confirmCurrentProposal(turn, said);
    case 'confirming-guess':
      return confirmGuess(turn, said);
    case 'confirming-remove':
      return confirmRemoveItem(turn, yesOf(said));
    case 'another-item': {
      const yes = yesOf(said);
      const groupId = state.pointer?.questionId ?? '';
      if (yes === null) {
        turn.sayText('error', 'yesOrNo');
        return turn.askCurrent();
      }
      if (yes) {
        const items = state.answers[groupId];
        turn.update({
          answers: { ...state.answers, [groupId]: [...(Array.isArray(items) ? items : []), {}] },
        });
      } else {
        turn.update({ completedGroups: [...state.completedGroups, groupId] });
      }
      return turn.advance();
    }
    case 'summary': {
      const yes = yesOf(said);
      if (yes === true) {
        return submit(turn);
      }
      if (yes === false) {
        return turn.sayText('info', 'changeHint');
      }
      turn.sayText('info', 'notUnderstood');
      return turn.askCurrent();
    }
    case 'confirming-cancel':
    case 'confirming-restart': {
      const yes = yesOf(said);
      if (yes === null) {
        return turn.askCurrent();
      }
      if (yes && state.phase === 'confirming-cancel') {
        turn.update({ phase: 'cancelled', resumePhase: null });
        turn.events.push({ type: 'cancelled' });
        return turn.sayText('info', 'cancelled');
      }
      if (yes) {
        return restart(turn, state.consentVersion);
      }
      turn.update({ phase: state.resumePhase ?? 'asking', resumePhase: null });
      turn.sayText('info', 'continueNow');
      return turn.askCurrent();
    }
    case 'choosing-language':
      turn.sayText('info', 'notUnderstood');
      return turn.askCurrent();
    default:
      void options;
      return turn.askCurrent();
  }
}

function answerQuestion(turn: Turn, said: Said): void {
  const pointer = turn.state.pointer;
  if (pointer === null) {
    return turn.advance();
  }
  const { question } = turn.indexed(pointer);
  if (keepsAnswer(turn, question, said)) {
    turn.update({ history: [...turn.state.history, pointer] });
    turn.sayText('info', 'proposalKept');
    return turn.advance();
  }
  const read = readAnswer(question, said.answer ?? said.text, turn.options.today);
  const bareYesNo = said.answer === undefined ? bareYesNoTo(question, said.text, read.ok) : null;
  if (bareYesNo === false) {
    // "nein" to "Haben Sie einen Doktortitel?": nothing to enter, not a title called "nein".
    return skipOrDontKnow(turn, 'skip');
  }
  if (bareYesNo === true) {
    turn.sayText('info', 'typeTheValue');
    return turn.askCurrent();
  }
  if (!read.ok) {
    turn.update({ failures: turn.state.failures + 1 });
    turn.sayProblem(read.problem);
    if (turn.state.failures >= 3 && question.required) {
      turn.sayText('info', 'offerDontKnow');
    }
    return turn.askCurrent();
  }
  if (read.guessed) {
    // "verhei" or "verheiratt": ask before storing, a wrong guess would fill the form wrongly.
    turn.update({
      phase: 'confirming-guess',
      guess: { value: read.value, phase: turn.state.phase === 'editing' ? 'editing' : 'asking' },
    });
    return turn.askCurrent();
  }
  turn.update({ history: [...turn.state.history, pointer] });
  turn.store(read.value, { source: 'family', at: turn.options.now });
  turn.advance();
}

/**
 * Back at an answered question: "Beibehalten", or a typed "ja"/👍 where yes is not itself an
 * answer, goes on with the stored answer (its provenance unchanged).
 */
function keepsAnswer(turn: Turn, question: QuestionDefinition, said: Said): boolean {
  const previous = turn.currentAnswer();
  if (turn.state.phase !== 'editing' || previous === undefined || previous === null) {
    return false;
  }
  if (said.keep) {
    return true;
  }
  const yesIsAnAnswer = question.type === 'yesno' || question.type === 'choice';
  return !yesIsAnAnswer && said.answer === undefined && parseYesNo(said.text) === true;
}

/**
 * A typed "ja" or "nein" where the question wants a value and may stay empty ("Haben Sie einen
 * Doktortitel?", "Hatten Sie früher einen anderen Familiennamen?"): false means "nothing to enter",
 * true "yes, there is one" without the value. Null when the words are the answer (a yes/no
 * question, a choice option) or the question must be answered.
 */
function bareYesNoTo(question: QuestionDefinition, text: string, readAsValue: boolean): boolean | null {
  if (question.required || question.type === 'yesno' || (question.type === 'choice' && readAsValue)) {
    return null;
  }
  const yes = parseYesNo(text);
  // A "yes" only where it would otherwise be stored as the value itself.
  return yes === false || (yes === true && question.type === 'text') ? yes : null;
}

function confirmGuess(turn: Turn, said: Said): void {
  const { guess, pointer } = turn.state;
  const yes = yesOf(said);
  turn.update({ phase: guess?.phase ?? 'asking', guess: null });
  if (!guess || pointer === null) {
    return turn.askCurrent();
  }
  if (yes === true) {
    turn.update({ history: [...turn.state.history, pointer] });
    turn.store(guess.value, { source: 'family', at: turn.options.now });
    return turn.advance();
  }
  if (yes === false) {
    return turn.askCurrent();
  }
  // Anything else is a new try at the question itself.
  answerQuestion(turn, said);
}

function confirmCurrentProposal(turn: Turn, said: Said): void {
  // The family's own value, tapped next to the letter's ("keep"), keeps the answer.
  const yes = said.keep ? false : yesOf(said);
  confirmProposal(turn, turn.currentStep(), { yes, text: said.text }, () => answerQuestion(turn, said));
}

function submit(turn: Turn): void {
  const answers = submittedAnswers(turn.application, turn.state, turn.options.today);
  const steps = turn.steps();
  // A letter read while the summary was shown: its values are offered before anything is sent.
  if (nextOpenStep(steps, answers, turn.state.unknown) !== null || nextChangeOffer(turn, steps)) {
    return turn.advance();
  }
  const unknown = turn.state.unknown.filter((path) =>
    turn.steps().some((step) => step.kind === 'question' && step.path === path),
  );
  turn.update({ phase: 'submitted', pointer: null });
  turn.events.push({ type: 'submitted', answers, unknown });
  turn.sayText('info', 'submitted');
}

function restart(turn: Turn, consentVersion: string | null): void {
  turn.update(freshState(turn.application, turn.state.locale, consentVersion));
  turn.sayText('info', 'restarted');
  if (consentVersion === null) {
    turn.askCurrent();
  } else {
    turn.advance();
  }
}
