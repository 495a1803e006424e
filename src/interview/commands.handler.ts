import { LocalizedText } from '../forms/definition/localized-text.types';
import { foldForMatching } from './input';
import { answerPath, parseAnswerPath } from './answer-path.util';
import { INTERVIEW_LOCALES, InterviewLocale, QUESTION_PHASES } from './interview-state.types';
import { summarize, summaryText } from './summary.builder';
import { localized } from './texts';
import { Turn } from './turn';

/** A command from a typed message or a button, understood the same way in every phase. */
export interface Command {
  name:
    | 'help'
    | 'back'
    | 'skip'
    | 'dont-know'
    | 'pause'
    | 'cancel'
    | 'human'
    | 'change'
    | 'language'
    | 'summary'
    | 'restart';
  argument?: string;
}

/** Interruptions, handled once for every question type (the dialogue rules in interview.engine.ts call this). */
export function handleCommand(turn: Turn, command: Command, said: string): void {
  const { state } = turn;
  switch (command.name) {
    case 'help':
      return help(turn);
    case 'language':
      return switchLanguage(turn, command.argument);
    case 'human':
      turn.update({
        notes: [
          ...state.notes,
          { at: turn.options.now, text: said, ...(state.pointer ? { path: currentPath(turn) } : {}) },
        ],
      });
      turn.events.push({ type: 'human-requested', text: said });
      turn.sayText('info', 'humanNoted');
      return turn.askCurrent();
    case 'pause':
      turn.update({ phase: 'paused', resumePhase: state.phase });
      turn.events.push({ type: 'paused' });
      return turn.askCurrent();
    case 'cancel':
    case 'restart':
      turn.update({
        phase: command.name === 'cancel' ? 'confirming-cancel' : 'confirming-restart',
        resumePhase: state.phase,
      });
      return turn.askCurrent();
    case 'back':
      return back(turn);
    case 'skip':
    case 'dont-know':
      return skipOrDontKnow(turn, command.name);
    case 'summary':
      if (state.phase === 'summary') {
        return turn.askCurrent();
      }
      turn.say('summary', summaryText(summarize(turn.application, state, turn.options.today)), {
        summary: summarize(turn.application, state, turn.options.today),
      });
      return turn.askCurrent();
    case 'change':
      return change(turn, command.argument);
  }
}

function currentPath(turn: Turn): string {
  const pointer = turn.state.pointer;
  if (pointer === null) {
    return '';
  }
  const known = turn.application.questions.get(pointer.questionId);
  return answerPath(pointer, known?.repeatId ?? null);
}

function questionText(turn: Turn, path: string): string {
  const target = parseAnswerPath(path);
  const question = target && turn.application.questions.get(target.questionId)?.question;
  return question ? localized(turn.state.locale, question.text) : '';
}

function help(turn: Turn): void {
  const pointer = turn.state.pointer;
  const question =
    pointer && (turn.state.phase === 'asking' || turn.state.phase === 'editing')
      ? turn.indexed(pointer).question
      : null;
  const lines: string[] = [];
  if (question?.help) {
    lines.push(localizedHelp(turn, question.help));
  }
  if (question?.examples?.length) {
    lines.push(
      turn.t('examples', {
        examples: question.examples.map((example) => exampleText(question.type, example)).join(', '),
      }),
    );
  }
  lines.push(turn.t('helpGeneric'));
  turn.say('help', lines.join('\n'));
  turn.askCurrent();
}

/**
 * The help in the chat's language when the definition has it (both Kindergeld forms have all six);
 * otherwise German with the English help on its own line, as `localized()` does for short texts.
 */
function localizedHelp(turn: Turn, help: LocalizedText): string {
  const { locale } = turn.state;
  const own = help[locale];
  if (own !== undefined || locale === 'de' || locale === 'en') {
    return localized(locale, help);
  }
  return help.en ? `${help.de}\n(${help.en})` : help.de;
}

// Examples of dates are stored as YYYY-MM-DD; people read and type them as TT.MM.JJJJ.
function exampleText(type: string, example: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(example);
  return type === 'date' && iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : example;
}

function switchLanguage(turn: Turn, argument: string | undefined): void {
  const locale: InterviewLocale | undefined = INTERVIEW_LOCALES.find((candidate) => candidate === argument);
  if (locale === undefined) {
    if (turn.state.phase !== 'choosing-language') {
      turn.update({ phase: 'choosing-language', resumePhase: turn.state.phase });
    }
    return turn.askCurrent();
  }
  const phase =
    turn.state.phase === 'choosing-language' ? (turn.state.resumePhase ?? 'asking') : turn.state.phase;
  turn.update({ locale, phase });
  turn.events.push({ type: 'language-changed', locale });
  turn.sayText('info', 'languageChanged');
  turn.askCurrent();
}

function back(turn: Turn): void {
  if (!QUESTION_PHASES.has(turn.state.phase)) {
    return turn.askCurrent();
  }
  let { history } = turn.state;
  const pointer = turn.state.pointer;
  const answers = turn.state.answers;
  // Going back from the first question of a new, still empty item removes that item again.
  if (pointer?.item != null) {
    const repeatId = turn.indexed(pointer).repeatId;
    const items = repeatId !== null ? answers[repeatId] : undefined;
    if (
      repeatId !== null &&
      Array.isArray(items) &&
      pointer.item === items.length - 1 &&
      Object.keys(items[pointer.item]).length === 0
    ) {
      turn.update({ answers: { ...answers, [repeatId]: items.slice(0, -1) } });
    }
  }
  const active = new Set(turn.steps().flatMap((step) => (step.kind === 'question' ? [step.path] : [])));
  while (history.length > 0) {
    const previous = history[history.length - 1];
    history = history.slice(0, -1);
    const repeatId = turn.application.questions.get(previous.questionId)?.repeatId ?? null;
    const path = answerPath(previous, repeatId);
    if (!active.has(path)) {
      continue;
    }
    // Back from "noch ein Kind?" to a child's question re-opens the group.
    const groupDone =
      repeatId !== null
        ? turn.state.completedGroups.filter((id) => id !== repeatId)
        : turn.state.completedGroups;
    turn.update({ history, pointer: previous, phase: 'editing', failures: 0, completedGroups: groupDone });
    return turn.askCurrent();
  }
  turn.update({ history });
  turn.sayText('info', 'backAtStart');
  turn.askCurrent();
}

export function skipOrDontKnow(turn: Turn, name: 'skip' | 'dont-know'): void {
  const { state } = turn;
  const pointer = state.pointer;
  if ((state.phase !== 'asking' && state.phase !== 'editing') || pointer === null) {
    turn.sayText('info', 'notUnderstood');
    return turn.askCurrent();
  }
  const { question, repeatId } = turn.indexed(pointer);
  const path = answerPath(pointer, repeatId);
  const history = [...state.history, pointer];
  if (!question.required) {
    turn.update({ history });
    turn.store(null, { source: 'family', at: turn.options.now });
    turn.sayText('info', 'skipped');
    return turn.advance();
  }
  if (name === 'skip') {
    turn.sayText('info', 'cannotSkip');
    return turn.askCurrent();
  }
  turn.update({ history, unknown: state.unknown.includes(path) ? state.unknown : [...state.unknown, path] });
  turn.clear(pointer, repeatId);
  turn.events.push({ type: 'answer-marked-unknown', path });
  turn.sayText('info', 'markedUnknown');
  turn.advance();
}

/** "Geburtsdatum ändern" or a tap in the summary: ask that question again, then continue. */
function change(turn: Turn, argument: string | undefined): void {
  if (argument === undefined || argument === '') {
    turn.sayText('info', 'changeHint');
    return;
  }
  const groups = summarize(turn.application, turn.state, turn.options.today);
  const items = groups.flatMap((group) => group.items.map((item) => ({ ...item, group: group.title })));
  const exact = items.find((item) => item.path === argument);
  const wanted = foldForMatching(argument);
  // "Familienstand ändern" means the item labelled so, not also "Familienstand seit".
  const named = items.filter((item) => foldForMatching(item.label) === wanted);
  const matches = exact
    ? [exact]
    : named.length === 1
      ? named
      : items.filter((item) =>
          foldForMatching(`${item.label} ${questionText(turn, item.path)} ${item.path}`).includes(wanted),
        );
  if (matches.length === 1) {
    const target = parseAnswerPath(matches[0].path);
    if (target) {
      turn.update({
        pointer: { questionId: target.questionId, item: target.item },
        phase: 'editing',
        failures: 0,
      });
      return turn.askCurrent();
    }
  }
  if (matches.length > 1) {
    turn.sayText(
      'question',
      'changeWhich',
      {},
      {
        suggestions: matches
          .slice(0, 10)
          .map((item) => ({ title: `${item.group}: ${item.label}`, action: 'change', value: item.path })),
      },
    );
    return;
  }
  turn.sayText('info', 'changeNotFound');
  turn.askCurrent();
}
