import {
  COMMAND_PHRASES,
  COURTESY_WORDS,
  CommandName,
  LANGUAGE_NAMES,
  LANGUAGE_WORDS,
} from './command-phrases';
import { foldForMatching, matchingKeysFor, tidyText } from './normalize-text';

export type { CommandName } from './command-phrases';

/** `argument`: the target locale for `language` ("de", "tr" …), the rest of the message for `change`. */
export interface RecognizedCommand {
  command: CommandName;
  argument?: string;
}

export interface RecognizeCommandOptions {
  /**
   * Commands not to recognise right now, e.g. `['language']` while the question is the nationality
   * and "deutsch" is an answer, not a wish to switch the language.
   */
  ignore?: readonly CommandName[];
}

const keyed = <T>(phrases: readonly string[], meaning: T) =>
  phrases.flatMap((phrase) => matchingKeysFor(phrase).map((key) => [key, meaning] as const));

const COMMAND_BY_PHRASE: ReadonlyMap<string, CommandName> = new Map(
  Object.entries(COMMAND_PHRASES).flatMap(([command, phrases]) => keyed(phrases, command as CommandName)),
);
const LOCALE_BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(LANGUAGE_NAMES).flatMap(([locale, names]) => keyed(names, locale)),
);
const LANGUAGE_KEYS: ReadonlySet<string> = new Set(LANGUAGE_WORDS.flatMap(matchingKeysFor));
const COURTESY_KEYS: readonly string[] = COURTESY_WORDS.flatMap(matchingKeysFor);
// Verbs that may come before or after what is to be changed: "ändern Geburtsdatum", "Geburtsdatum ändern".
const CHANGE_VERBS: ReadonlySet<string> = new Set(
  COMMAND_PHRASES.change.flatMap(matchingKeysFor).filter((key) => !key.includes(' ')),
);
// Possessives and articles before what is to be changed: "ändern mein Geburtsdatum", "change the IBAN".
const ARTICLES: ReadonlySet<string> = new Set([
  'mein',
  'meine',
  'meinen',
  'das',
  'die',
  'den',
  'der',
  'my',
  'the',
]);
const ONLY_QUESTION_MARKS = /^[?？؟¿]+$/u;

/**
 * Recognises a command typed at any point of the interview. Only whole messages count: "Hilfe" is
 * help, "Hilde" (a name) and "Ne" (an answer) are not commands. Returns null for everything else.
 */
export function recognizeCommand(
  input: string,
  options: RecognizeCommandOptions = {},
): RecognizedCommand | null {
  const recognized = recognize(tidyText(input));
  return recognized !== null && options.ignore?.includes(recognized.command) === true ? null : recognized;
}

type Word = { original: string; folded: string };

function recognize(text: string): RecognizedCommand | null {
  if (ONLY_QUESTION_MARKS.test(text)) {
    return { command: 'help' };
  }
  const words = withoutCourtesy(toWords(text));
  const folded = words.map((word) => word.folded).join(' ');
  if (folded === '') {
    return null;
  }
  const command = COMMAND_BY_PHRASE.get(folded);
  if (command !== undefined) {
    return { command };
  }
  return recognizeLanguage(folded) ?? recognizeChange(words);
}

function toWords(text: string): Word[] {
  return text
    .split(' ')
    .map((original) => ({ original, folded: foldForMatching(original) }))
    .filter((word) => word.folded !== '');
}

function recognizeLanguage(folded: string): RecognizedCommand | null {
  const locale = LOCALE_BY_NAME.get(folded);
  if (locale !== undefined) {
    return { command: 'language', argument: locale };
  }
  if (LANGUAGE_KEYS.has(folded)) {
    return { command: 'language' };
  }
  // "Sprache: Türkçe", "language english"
  for (const word of LANGUAGE_KEYS) {
    const named = folded.startsWith(`${word} `)
      ? LOCALE_BY_NAME.get(folded.slice(word.length + 1))
      : undefined;
    if (named !== undefined) {
      return { command: 'language', argument: named };
    }
  }
  return null;
}

// "ändern Geburtsdatum", "Geburtsdatum ändern", "change my birth date": the argument keeps the
// person's spelling so the engine can match it against question labels.
function recognizeChange(words: Word[]): RecognizedCommand | null {
  if (words.length < 2) {
    return null;
  }
  let rest: Word[];
  if (CHANGE_VERBS.has(words[0].folded)) {
    rest = words.slice(1);
  } else if (CHANGE_VERBS.has(words[words.length - 1].folded)) {
    rest = words.slice(0, -1);
  } else {
    return null;
  }
  while (rest.length > 1 && ARTICLES.has(rest[0].folded)) {
    rest = rest.slice(1);
  }
  const argument = rest
    .map((word) => word.original)
    .join(' ')
    .replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');
  return { command: 'change', argument };
}

// "bitte zurück", "help please", "auf Deutsch": courtesy at either end, as long as something remains.
function withoutCourtesy(words: Word[]): Word[] {
  let rest = words;
  let changed = true;
  while (changed && rest.length > 1) {
    changed = false;
    for (const courtesy of COURTESY_KEYS) {
      const size = courtesy.split(' ').length;
      if (rest.length <= size) {
        continue;
      }
      if (joinFolded(rest.slice(0, size)) === courtesy) {
        rest = rest.slice(size);
        changed = true;
      } else if (joinFolded(rest.slice(-size)) === courtesy) {
        rest = rest.slice(0, -size);
        changed = true;
      }
    }
  }
  return rest;
}

function joinFolded(words: Word[]): string {
  return words.map((word) => word.folded).join(' ');
}
