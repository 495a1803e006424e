import { ANSWER_MESSAGES, AnswerErrorCode } from '../forms/answers/answer-messages';
import { matchesPattern, validateAnswer } from '../forms/answers/answer-validator';
import { AnswerValue } from '../forms/definition/answers.types';
import { QuestionDefinition } from '../forms/definition/question.types';
import {
  normalizeCode,
  normalizeIdentifier,
  parseChoice,
  parseDate,
  parseMoney,
  parseNumber,
  parseYesNo,
  tidyText,
} from './input';
import { TextKey } from './texts';

/** Why an answer was not taken: a bot text, or a validation message of src/forms (German, English). */
export type AnswerProblem =
  { key: TextKey } | { validation: { de: string; en: string }; code?: AnswerErrorCode };

export type ReadAnswerResult =
  | {
      ok: true;
      value: AnswerValue;
      /** Matched by a prefix or a typo: say what was understood. */ guessed: boolean;
    }
  | { ok: false; problem: AnswerProblem; candidates?: string[] };

type Parsed =
  | { ok: true; value: unknown; guessed?: boolean }
  | { ok: false; problem: AnswerProblem; candidates?: string[] };

const NOT: Record<'date' | 'yesno' | 'choice' | 'number', AnswerProblem> = {
  date: { validation: ANSWER_MESSAGES.NOT_A_DATE(''), code: 'NOT_A_DATE' },
  yesno: { validation: ANSWER_MESSAGES.NOT_YES_NO(''), code: 'NOT_YES_NO' },
  choice: { validation: ANSWER_MESSAGES.NOT_AN_OPTION(''), code: 'NOT_AN_OPTION' },
  number: { validation: ANSWER_MESSAGES.NOT_A_NUMBER(''), code: 'NOT_A_NUMBER' },
};

/**
 * Reads what a person typed (or a button value) as the answer to a question: parse by type, then
 * check the question's rules with validateAnswer and return the value to store.
 */
export function readAnswer(question: QuestionDefinition, input: string, today: string): ReadAnswerResult {
  const parsed = parse(question, input, today);
  if (!parsed.ok) {
    return parsed;
  }
  const checked = validateAnswer(question, parsed.value, { today });
  if (!checked.ok) {
    return { ok: false, problem: { validation: checked.message, code: checked.code } };
  }
  return { ok: true, value: checked.value, guessed: parsed.guessed === true };
}

function parse(question: QuestionDefinition, input: string, today: string): Parsed {
  switch (question.type) {
    case 'date': {
      const result = parseDate(input, { today, monthOnly: isMonthOnly(question) });
      if (result.ok) {
        return result;
      }
      const keys: Record<string, TextKey> = {
        'invalid-date': 'dateInvalid',
        ambiguous: 'dateAmbiguous',
        incomplete: 'dateIncomplete',
      };
      return { ok: false, problem: result.reason in keys ? { key: keys[result.reason] } : NOT.date };
    }
    case 'yesno': {
      const value = input === 'true' ? true : input === 'false' ? false : parseYesNo(input);
      return value === null ? { ok: false, problem: NOT.yesno } : { ok: true, value };
    }
    case 'choice': {
      const options = question.options ?? [];
      if (options.some((option) => option.value === input)) {
        return { ok: true, value: input };
      }
      const result = parseChoice(input, options);
      if (result.ok) {
        return {
          ok: true,
          value: result.value,
          guessed: result.matchedBy === 'prefix' || result.matchedBy === 'typo',
        };
      }
      if (result.reason === 'ambiguous') {
        return { ok: false, problem: { key: 'choiceAmbiguous' }, candidates: result.candidates };
      }
      return { ok: false, problem: NOT.choice };
    }
    case 'number': {
      const result = parseNumber(input);
      return result.ok ? result : { ok: false, problem: NOT.number };
    }
    case 'money': {
      const result = parseMoney(input);
      if (result.ok) {
        return result;
      }
      if (result.reason === 'negative') {
        return { ok: false, problem: { key: 'moneyNegative' } };
      }
      return {
        ok: false,
        problem:
          result.reason === 'too-many-decimals'
            ? { validation: ANSWER_MESSAGES.TOO_MANY_DECIMALS(''), code: 'TOO_MANY_DECIMALS' }
            : NOT.number,
      };
    }
    case 'iban':
    case 'taxId':
    case 'postalCode':
    case 'phone':
    case 'email':
      return { ok: true, value: normalizeIdentifier(question.type, input) };
    case 'text':
      return { ok: true, value: readText(question, input) };
    case 'repeat':
      return { ok: false, problem: NOT.choice };
  }
}

/**
 * Text as typed, spaces tidied. Codes are typed as "cobadeffxxx", "COBA DE FF XXX" or "215 fk
 * 482913": when the question's pattern refuses the text but takes it in capitals without spaces
 * (BIC, Kindergeldnummer), that form is stored, as an IBAN is. Other text keeps its case.
 */
function readText(question: QuestionDefinition, input: string): string {
  const typed = tidyText(input);
  const pattern = question.validation?.pattern;
  if (pattern === undefined || matchesPattern(pattern, typed)) {
    return typed;
  }
  const code = normalizeCode(input);
  return matchesPattern(pattern, code) ? code : typed;
}

/** Dates printed as "MM.JJJJ" ask for month and year only. */
function isMonthOnly(question: QuestionDefinition): boolean {
  const format = question.pdf && 'format' in question.pdf ? question.pdf.format : undefined;
  return format !== undefined && !format.includes('TT');
}
