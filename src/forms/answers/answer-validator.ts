import { isEmail, isIBAN, isPhoneNumber, isPostalCode, isTaxId } from 'class-validator';
import { AnswerValue } from '../definition/answers.types';
import { QuestionDefinition } from '../definition/question.types';
import { formatDate, formatNumber } from '../mapping/format-value.util';
import { ANSWER_MESSAGES, AnswerErrorCode } from './answer-messages';
import { isIsoDate, resolveDate } from './resolve-date.util';

export type AnswerValidationResult =
  | {
      ok: true;
      /** The value to store, normalised (IBAN without spaces, upper case ...). */ value: AnswerValue;
    }
  | { ok: false; code: AnswerErrorCode; message: { de: string; en: string } };

export interface AnswerValidationOptions {
  /** Today as YYYY-MM-DD, for `notInFuture` and rules such as `today-18y`. */
  today: string;
}

/**
 * Checks one answer against its question's type and rules. Expects canonical values (dates as
 * YYYY-MM-DD, numbers as numbers); reading what people type is the interview engine's job.
 * A repeat answer is checked for its number of items only; items are checked question by question.
 */
export function validateAnswer(
  question: QuestionDefinition,
  value: unknown,
  options: AnswerValidationOptions,
): AnswerValidationResult {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  if (trimmed === undefined || trimmed === null || trimmed === '') {
    return question.required ? fail('REQUIRED') : { ok: true, value: null };
  }
  switch (question.type) {
    case 'text':
      return checkText(question, trimmed);
    case 'date':
      return checkDate(question, trimmed, options.today);
    case 'yesno':
      return typeof trimmed === 'boolean' ? ok(trimmed) : fail('NOT_YES_NO');
    case 'choice':
      return question.options?.some((option) => option.value === trimmed)
        ? ok(trimmed as string)
        : fail('NOT_AN_OPTION');
    case 'number':
    case 'money':
      return checkNumber(question, trimmed);
    case 'iban':
      return checkFormatted(trimmed, (iban) => compact(iban).toUpperCase(), isIBAN, 'INVALID_IBAN');
    case 'taxId':
      return checkFormatted(
        trimmed,
        compact,
        (id) => /^\d{11}$/.test(id) && isTaxId(id, 'de-DE'),
        'INVALID_TAX_ID',
      );
    case 'postalCode':
      return checkFormatted(
        trimmed,
        (code) => code,
        (code) => isPostalCode(code, 'DE'),
        'INVALID_POSTAL_CODE',
      );
    case 'phone':
      return checkFormatted(
        trimmed,
        (phone) => phone,
        (phone) => isPhoneNumber(phone, 'DE'),
        'INVALID_PHONE',
      );
    case 'email':
      return checkFormatted(
        trimmed,
        (email) => email,
        (email) => isEmail(email),
        'INVALID_EMAIL',
      );
    case 'repeat':
      return checkRepeat(question, trimmed);
  }
}

function ok(value: AnswerValue): AnswerValidationResult {
  return { ok: true, value };
}

function fail(code: AnswerErrorCode, limit = ''): AnswerValidationResult {
  return { ok: false, code, message: ANSWER_MESSAGES[code](limit) };
}

function compact(value: string): string {
  return value.replace(/\s+/g, '');
}

function checkFormatted(
  raw: unknown,
  normalise: (value: string) => string,
  valid: (value: string) => boolean,
  code: AnswerErrorCode,
): AnswerValidationResult {
  if (typeof raw !== 'string') {
    return fail(code);
  }
  const normalised = normalise(raw);
  return valid(normalised) ? ok(normalised) : fail(code);
}

function checkText(question: QuestionDefinition, value: unknown): AnswerValidationResult {
  if (typeof value !== 'string') {
    return fail('PATTERN');
  }
  const rules = question.validation ?? {};
  // Count characters, not UTF-16 units, so "ş" is one.
  const length = [...value].length;
  if (rules.minLength !== undefined && length < rules.minLength) {
    return fail('TOO_SHORT', String(rules.minLength));
  }
  if (rules.maxLength !== undefined && length > rules.maxLength) {
    return fail('TOO_LONG', String(rules.maxLength));
  }
  if (rules.pattern !== undefined && !matchesPattern(rules.pattern, value)) {
    return fail('PATTERN');
  }
  return ok(value);
}

/** Whether a text fits a definition's `validation.pattern` (the whole text, Unicode aware). */
export function matchesPattern(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(value);
}

function checkDate(question: QuestionDefinition, value: unknown, today: string): AnswerValidationResult {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    return fail('NOT_A_DATE');
  }
  const rules = question.validation ?? {};
  if (rules.notInFuture && value > today) {
    return fail('DATE_IN_FUTURE');
  }
  if (rules.notInPast && value < today) {
    return fail('DATE_IN_PAST');
  }
  if (typeof rules.min === 'string') {
    const min = resolveDate(rules.min, today);
    if (value < min) {
      return fail('DATE_TOO_EARLY', formatDate(min));
    }
  }
  if (typeof rules.max === 'string') {
    const max = resolveDate(rules.max, today);
    if (value > max) {
      return fail('DATE_TOO_LATE', formatDate(max));
    }
  }
  return ok(value);
}

function checkNumber(question: QuestionDefinition, value: unknown): AnswerValidationResult {
  const money = question.type === 'money';
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fail('NOT_A_NUMBER');
  }
  const rules = question.validation ?? {};
  if (rules.integer && !Number.isInteger(value)) {
    return fail('NOT_WHOLE_NUMBER');
  }
  if (money && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) {
    return fail('TOO_MANY_DECIMALS');
  }
  if (typeof rules.min === 'number' && value < rules.min) {
    return fail('NUMBER_TOO_SMALL', formatNumber(rules.min));
  }
  if (typeof rules.max === 'number' && value > rules.max) {
    return fail('NUMBER_TOO_LARGE', formatNumber(rules.max));
  }
  return ok(value);
}

function checkRepeat(question: QuestionDefinition, value: unknown): AnswerValidationResult {
  if (!Array.isArray(value)) {
    return fail('NOT_A_LIST');
  }
  const rules = question.validation ?? {};
  if (typeof rules.min === 'number' && value.length < rules.min) {
    return fail('TOO_FEW_ITEMS', String(rules.min));
  }
  if (typeof rules.max === 'number' && value.length > rules.max) {
    return fail('TOO_MANY_ITEMS', String(rules.max));
  }
  return ok(value as AnswerValue);
}
