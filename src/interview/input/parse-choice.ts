import { foldForMatching } from './normalize-text';
import { parseNumber } from './parse-number';
import { isWithinOneEdit } from './within-one-edit';

/** The part of a form definition's ChoiceOption this parser needs (src/forms/definition/question.types.ts). */
export interface ChoiceOptionInput {
  value: string;
  label: { [language: string]: string | undefined };
}

/** How the option was recognised; the engine may confirm the weaker ones ("Meinten Sie …?"). */
export type ChoiceMatch = 'number' | 'value' | 'label' | 'prefix' | 'typo';

export type ChoiceParseResult =
  | { ok: true; value: string; matchedBy: ChoiceMatch }
  | { ok: false; reason: 'no-match' }
  | { ok: false; reason: 'ambiguous'; candidates: string[] };

// "Nummer 2", "Nr. 2", "number 2", "#2", "(2)" all mean the second option shown.
const NUMBER_WORDS = /^(?:nummer|nr|no|number|numara|номер|رقم)\s+/;
// Typos are forgiven only in longer labels: in "ledig" one letter off is already another word.
const MIN_TYPO_LENGTH = 6;
// A single letter is too little to pick an option by.
const MIN_PREFIX_LENGTH = 2;

// position: the option's number in the list the person was shown, from 1.
type Candidate = { value: string; position: number; keys: string[]; words: string[] };

/**
 * Matches what a person typed to one of the options: by its number in the list, its value, its label
 * in any language, a unique beginning of a label or one of its words, or a label with one typo.
 */
export function parseChoice(input: string, options: readonly ChoiceOptionInput[]): ChoiceParseResult {
  const folded = foldForMatching(input);
  if (folded === '') {
    return { ok: false, reason: 'no-match' };
  }
  const candidates = candidatesOf(options);
  const position = optionNumber(folded);
  const steps: [ChoiceMatch, (candidate: Candidate) => boolean][] = [
    ['value', (candidate) => candidate.keys[0] === folded],
    ['label', (candidate) => candidate.keys.includes(folded)],
    ['number', (candidate) => candidate.position === position],
    [
      'prefix',
      (candidate) =>
        folded.length >= MIN_PREFIX_LENGTH && candidate.keys.some((key) => key.startsWith(folded)),
    ],
    [
      'prefix',
      (candidate) =>
        folded.length >= MIN_PREFIX_LENGTH && candidate.words.some((word) => word.startsWith(folded)),
    ],
    [
      'typo',
      (candidate) =>
        candidate.keys.some((key) => isTypoOf(folded, key)) ||
        candidate.words.some((word) => isTypoOf(folded, word)),
    ],
  ];
  for (const [matchedBy, matches] of steps) {
    const found = candidates.filter(matches);
    if (found.length === 1) {
      return { ok: true, value: found[0].value, matchedBy };
    }
    if (found.length > 1) {
      return { ok: false, reason: 'ambiguous', candidates: found.map((candidate) => candidate.value) };
    }
  }
  return { ok: false, reason: 'no-match' };
}

// Definitions do not change once loaded, so each option list is folded once, not on every message.
const CANDIDATES = new WeakMap<readonly ChoiceOptionInput[], Candidate[]>();

function candidatesOf(options: readonly ChoiceOptionInput[]): Candidate[] {
  let candidates = CANDIDATES.get(options);
  if (candidates === undefined) {
    candidates = options.map(toCandidate);
    CANDIDATES.set(options, candidates);
  }
  return candidates;
}

function toCandidate(option: ChoiceOptionInput, index: number): Candidate {
  const labels = Object.values(option.label).filter((label): label is string => label !== undefined);
  const keys = [option.value, ...labels].map(foldForMatching);
  const words = keys.slice(1).flatMap((key) => key.split(' '));
  return { value: option.value, position: index + 1, keys, words };
}

function optionNumber(folded: string): number | null {
  const stripped = folded.replace(NUMBER_WORDS, '');
  if (stripped.includes(' ')) {
    return null; // "1 2" is no option number
  }
  const parsed = parseNumber(stripped);
  return parsed.ok && Number.isInteger(parsed.value) ? parsed.value : null;
}

function isTypoOf(folded: string, key: string): boolean {
  return key.length >= MIN_TYPO_LENGTH && isWithinOneEdit(folded, key);
}
