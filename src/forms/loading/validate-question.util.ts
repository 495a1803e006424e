import { LETTER_FIELDS, isLetterField } from '../definition/letter-fields';
import {
  ChoiceOption,
  QUESTION_TYPES,
  QuestionDefinition,
  QuestionType,
  ValidationRules,
} from '../definition/question.types';
import { rememberSourcePath } from '../definition/source-path.util';
import { isRelativeDate } from '../answers/resolve-date.util';
import { PathSegment, ProblemCollector } from './problem-collector';
import { LocalizedText } from '../definition/localized-text.types';
import {
  checkKeys,
  describe,
  isObject,
  RawObject,
  readBoolean,
  readLocalized,
  readObject,
  readString,
  readStringList,
} from './raw-reader.util';
import { validatePdfMapping } from './validate-pdf-mapping.util';

export const QUESTION_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const QUESTION_KEYS = [
  'id',
  'type',
  'text',
  'help',
  'examples',
  'required',
  'when',
  'validation',
  'options',
  'questions',
  'letterFields',
  'pdfLabel',
  'label',
  'confirmText',
  'pdf',
] as const;

// Which validation rules each type understands (see docs/form-definitions.md).
const RULES_BY_TYPE: Partial<Record<QuestionType, readonly (keyof ValidationRules)[]>> = {
  text: ['minLength', 'maxLength', 'pattern'],
  date: ['notInFuture', 'notInPast', 'min', 'max'],
  number: ['min', 'max', 'integer'],
  money: ['min', 'max'],
  repeat: ['min', 'max'],
};

/** Reads one question (and, for repeat groups, its nested questions). */
export function validateQuestion(
  value: unknown,
  path: PathSegment[],
  problems: ProblemCollector,
  repeatParent?: string,
): QuestionDefinition | undefined {
  const raw = readObject(value, path, problems);
  if (!raw) {
    return undefined;
  }
  checkKeys(raw, QUESTION_KEYS, path, problems);
  const id = readString(raw, 'id', path, problems);
  if (id !== undefined && !QUESTION_ID_PATTERN.test(id)) {
    problems.add(
      [...path, 'id'],
      `"${id}" is not a valid id (letters, digits, _ and dots, e.g. applicant.lastName)`,
    );
  } else if (id !== undefined && repeatParent && !id.startsWith(`${repeatParent}.`)) {
    problems.add(
      [...path, 'id'],
      `questions of the repeat group "${repeatParent}" must have ids starting with "${repeatParent}."`,
    );
  }
  const type = readType(raw, path, problems);
  const text = readLocalized(raw, 'text', path, problems);
  const help = readLocalized(raw, 'help', path, problems, false);
  const examples = readStringList(raw, 'examples', path, problems);
  const letterFields = readStringList(raw, 'letterFields', path, problems);
  for (const name of letterFields ?? []) {
    if (!isLetterField(name)) {
      problems.add(
        [...path, 'letterFields'],
        `unknown letter field "${name}" (allowed: ${LETTER_FIELDS.join(', ')})`,
      );
    }
  }
  const required = readBoolean(raw, 'required', path, problems) ?? true;
  const when = readString(raw, 'when', path, problems, false);
  const pdfLabel = readString(raw, 'pdfLabel', path, problems, false);
  const label = readShortLabel(raw, pdfLabel, path, problems);
  const confirmText = readConfirmText(raw, path, problems);
  const options =
    type === 'choice' || raw.options !== undefined ? readOptions(raw, type, path, problems) : undefined;
  const questions = readNested(raw, type, id, path, problems, repeatParent);
  const validation = readRules(raw, type, path, problems);
  if (id === undefined || type === undefined || text === undefined) {
    return undefined;
  }
  const question: QuestionDefinition = {
    id,
    type,
    text,
    help,
    examples,
    required,
    when,
    validation,
    options,
    questions,
    letterFields,
    pdfLabel,
    ...(label ? { label } : {}),
    ...(confirmText ? { confirmText } : {}),
  };
  if (raw.pdf !== undefined) {
    question.pdf = validatePdfMapping(raw.pdf, question, [...path, 'pdf'], problems);
  }
  return rememberSourcePath(question, path);
}

/** `label: { en: "Last name" }`: German may be left out, it defaults to the pdfLabel. */
function readShortLabel(
  raw: RawObject,
  pdfLabel: string | undefined,
  path: PathSegment[],
  problems: ProblemCollector,
): LocalizedText | undefined {
  if (raw.label === undefined || raw.label === null) {
    return undefined;
  }
  const german = isObject(raw.label) && raw.label.de === undefined ? pdfLabel : undefined;
  if (isObject(raw.label) && raw.label.de === undefined && german === undefined) {
    problems.add([...path, 'label'], 'German label "de" is missing; give it or a pdfLabel');
    return undefined;
  }
  return readLocalized(
    german === undefined ? raw : { label: { ...raw.label, de: german } },
    'label',
    path,
    problems,
  );
}

/** `confirmText: { de: "Ihre IBAN ist {value}" }`: how a value found in a letter is read back. */
function readConfirmText(
  raw: RawObject,
  path: PathSegment[],
  problems: ProblemCollector,
): LocalizedText | undefined {
  const confirmText = readLocalized(raw, 'confirmText', path, problems, false);
  if (!confirmText) {
    return undefined;
  }
  for (const [language, text] of Object.entries(confirmText)) {
    if (text !== undefined && !text.includes('{value}')) {
      problems.add([...path, 'confirmText', language], 'must contain the placeholder {value}');
    }
  }
  return confirmText;
}

function readType(raw: RawObject, path: PathSegment[], problems: ProblemCollector): QuestionType | undefined {
  const type = readString(raw, 'type', path, problems);
  if (type === undefined) {
    return undefined;
  }
  if ((QUESTION_TYPES as readonly string[]).includes(type)) {
    return type as QuestionType;
  }
  problems.add([...path, 'type'], `unknown question type "${type}" (known: ${QUESTION_TYPES.join(', ')})`);
  return undefined;
}

function readOptions(
  raw: RawObject,
  type: QuestionType | undefined,
  path: PathSegment[],
  problems: ProblemCollector,
): ChoiceOption[] | undefined {
  const optionsPath = [...path, 'options'];
  if (type !== undefined && type !== 'choice') {
    problems.add(optionsPath, `only choice questions have options, this one is "${type}"`);
    return undefined;
  }
  if (!Array.isArray(raw.options) || raw.options.length === 0) {
    problems.add(optionsPath, 'a choice question needs a list of options');
    return undefined;
  }
  const seen = new Set<string>();
  const options: ChoiceOption[] = [];
  raw.options.forEach((item: unknown, index: number) => {
    const optionPath = [...optionsPath, index];
    const option = readObject(item, optionPath, problems);
    if (!option) {
      return;
    }
    checkKeys(option, ['value', 'label', 'pdfValue'], optionPath, problems);
    const value = readString(option, 'value', optionPath, problems);
    const label = readLocalized(option, 'label', optionPath, problems);
    const pdfValue = readString(option, 'pdfValue', optionPath, problems, false);
    if (value !== undefined && seen.has(value)) {
      problems.add([...optionPath, 'value'], `duplicate option value "${value}"`);
    }
    if (value !== undefined) {
      seen.add(value);
    }
    if (value !== undefined && label !== undefined) {
      options.push({ value, label, pdfValue });
    }
  });
  return options;
}

function readNested(
  raw: RawObject,
  type: QuestionType | undefined,
  id: string | undefined,
  path: PathSegment[],
  problems: ProblemCollector,
  repeatParent: string | undefined,
): QuestionDefinition[] | undefined {
  const nestedPath = [...path, 'questions'];
  if (type !== 'repeat') {
    if (raw.questions !== undefined && type !== undefined) {
      problems.add(nestedPath, 'only repeat questions have nested questions');
    }
    return undefined;
  }
  if (repeatParent) {
    problems.add(path, 'a repeat group inside a repeat group is not supported');
    return undefined;
  }
  if (!Array.isArray(raw.questions) || raw.questions.length === 0) {
    problems.add(nestedPath, 'a repeat question needs a list of questions');
    return undefined;
  }
  return raw.questions
    .map((item: unknown, index: number) => validateQuestion(item, [...nestedPath, index], problems, id))
    .filter((question): question is QuestionDefinition => question !== undefined);
}

function readRules(
  raw: RawObject,
  type: QuestionType | undefined,
  path: PathSegment[],
  problems: ProblemCollector,
): ValidationRules | undefined {
  if (raw.validation === undefined || type === undefined) {
    return undefined;
  }
  const rulesPath = [...path, 'validation'];
  const rules = readObject(raw.validation, rulesPath, problems);
  if (!rules) {
    return undefined;
  }
  const allowed = RULES_BY_TYPE[type] ?? [];
  checkKeys(rules, allowed, rulesPath, problems);
  for (const [key, value] of Object.entries(rules)) {
    const rulePath = [...rulesPath, key];
    if (key === 'pattern') {
      checkPattern(value, rulePath, problems);
    } else if (key === 'integer' || key === 'notInFuture' || key === 'notInPast') {
      if (typeof value !== 'boolean') {
        problems.add(rulePath, `must be true or false, got ${describe(value)}`);
      }
    } else if (type === 'date' && (key === 'min' || key === 'max')) {
      if (typeof value !== 'string' || !isRelativeDate(value)) {
        problems.add(
          rulePath,
          `must be a date YYYY-MM-DD or today, today-18y, today+3m, today-14d; got ${describe(value)}`,
        );
      }
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.add(rulePath, `must be a number, got ${describe(value)}`);
    }
  }
  return rules;
}

function checkPattern(value: unknown, path: PathSegment[], problems: ProblemCollector): void {
  if (typeof value !== 'string') {
    problems.add(path, `must be a regular expression text, got ${describe(value)}`);
    return;
  }
  try {
    new RegExp(value, 'u');
  } catch (error) {
    problems.add(path, `is not a valid regular expression (${(error as Error).message})`);
  }
}
