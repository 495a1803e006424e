import { PdfMapping } from '../definition/pdf-mapping.types';
import { QuestionDefinition } from '../definition/question.types';
import { PathSegment, ProblemCollector } from './problem-collector';
import {
  checkKeys,
  describe,
  isObject,
  RawObject,
  readNumber,
  readObject,
  readString,
} from './raw-reader.util';

const TEXT_TYPES = new Set([
  'text',
  'date',
  'number',
  'money',
  'iban',
  'taxId',
  'postalCode',
  'phone',
  'email',
  'choice',
  'yesno',
]);

/** Reads the `pdf:` mapping of a question and checks it fits the question's type and options. */
export function validatePdfMapping(
  raw: unknown,
  question: Pick<QuestionDefinition, 'id' | 'type' | 'options' | 'questions'>,
  path: PathSegment[],
  problems: ProblemCollector,
): PdfMapping | undefined {
  const mapping = readObject(raw, path, problems);
  if (!mapping) {
    return undefined;
  }
  const fitsType = (allowed: boolean, what: string) => {
    if (!allowed) {
      problems.add(path, `${what} does not fit a question of type "${question.type}"`);
    }
    return allowed;
  };
  if ('field' in mapping) {
    checkKeys(mapping, ['field', 'format'], path, problems);
    const field = readString(mapping, 'field', path, problems);
    const format = readString(mapping, 'format', path, problems, false);
    if (format !== undefined) {
      fitsType(question.type === 'date', 'format');
    }
    if (!fitsType(TEXT_TYPES.has(question.type), 'a text field') || !field) {
      return undefined;
    }
    return { kind: 'text', field, format };
  }
  if ('split' in mapping) {
    return readSplit(mapping, question, path, problems, fitsType);
  }
  if ('comb' in mapping) {
    checkKeys(mapping, ['comb', 'format'], path, problems);
    const field = readString(mapping, 'comb', path, problems);
    const format = readString(mapping, 'format', path, problems, false);
    if (!fitsType(TEXT_TYPES.has(question.type), 'a comb field') || !field) {
      return undefined;
    }
    return { kind: 'comb', field, format };
  }
  if ('checkboxes' in mapping) {
    return readCheckboxes(mapping, question, path, problems, fitsType);
  }
  if ('checkbox' in mapping) {
    checkKeys(mapping, ['checkbox'], path, problems);
    const field = readString(mapping, 'checkbox', path, problems);
    if (!fitsType(question.type === 'yesno', 'a single checkbox') || !field) {
      return undefined;
    }
    return { kind: 'checkbox', field };
  }
  if ('rows' in mapping) {
    return readRows(mapping, question, path, problems, fitsType);
  }
  problems.add(path, 'must have one of the keys field, split, comb, checkboxes, checkbox, rows');
  return undefined;
}

type FitsType = (allowed: boolean, what: string) => boolean;

function readSplit(
  mapping: RawObject,
  question: Pick<QuestionDefinition, 'type'>,
  path: PathSegment[],
  problems: ProblemCollector,
  fitsType: FitsType,
): PdfMapping | undefined {
  checkKeys(mapping, ['split', 'sizes', 'format'], path, problems);
  const fields = mapping.split;
  const sizes = mapping.sizes;
  const format = readString(mapping, 'format', path, problems, false);
  let valid = fitsType(TEXT_TYPES.has(question.type), 'a split field');
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    !fields.every((field) => typeof field === 'string' && field !== '')
  ) {
    problems.add([...path, 'split'], 'must be a list of field names');
    valid = false;
  }
  if (!Array.isArray(sizes) || !sizes.every((size) => Number.isInteger(size) && (size as number) > 0)) {
    problems.add([...path, 'sizes'], 'must be a list of positive whole numbers, one per field');
    valid = false;
  } else if (Array.isArray(fields) && sizes.length !== fields.length) {
    problems.add(
      [...path, 'sizes'],
      `has ${sizes.length} sizes for ${fields.length} fields; give one size per field`,
    );
    valid = false;
  }
  return valid ? { kind: 'split', fields: fields as string[], sizes: sizes as number[], format } : undefined;
}

function readCheckboxes(
  mapping: RawObject,
  question: Pick<QuestionDefinition, 'type' | 'options'>,
  path: PathSegment[],
  problems: ProblemCollector,
  fitsType: FitsType,
): PdfMapping | undefined {
  checkKeys(mapping, ['checkboxes'], path, problems);
  const boxes = mapping.checkboxes;
  if (!fitsType(question.type === 'choice' || question.type === 'yesno', 'checkboxes')) {
    return undefined;
  }
  if (!isObject(boxes) || Object.keys(boxes).length === 0) {
    problems.add([...path, 'checkboxes'], 'must map each answer value to a checkbox field');
    return undefined;
  }
  const allowed =
    question.type === 'yesno' ? ['true', 'false'] : (question.options ?? []).map((option) => option.value);
  let valid = true;
  for (const [value, field] of Object.entries(boxes)) {
    if (!allowed.includes(value)) {
      problems.add(
        [...path, 'checkboxes', value],
        `"${value}" is not an option of this question (options: ${allowed.join(', ')})`,
      );
      valid = false;
    }
    if (typeof field !== 'string' || field === '') {
      problems.add([...path, 'checkboxes', value], `must be a field name, got ${describe(field)}`);
      valid = false;
    }
  }
  return valid ? { kind: 'checkboxes', boxes: boxes as Record<string, string> } : undefined;
}

function readRows(
  mapping: RawObject,
  question: Pick<QuestionDefinition, 'id' | 'type' | 'questions'>,
  path: PathSegment[],
  problems: ProblemCollector,
  fitsType: FitsType,
): PdfMapping | undefined {
  checkKeys(mapping, ['rows', 'overflowTitle'], path, problems);
  const rows = readObject(mapping.rows, [...path, 'rows'], problems);
  const overflowTitle = readString(mapping, 'overflowTitle', path, problems, false);
  if (!fitsType(question.type === 'repeat', 'rows') || !rows) {
    return undefined;
  }
  const rowsPath = [...path, 'rows'];
  checkKeys(rows, ['count', 'fields'], rowsPath, problems);
  const count = readNumber(rows, 'count', rowsPath, problems, {
    required: true,
    integer: true,
    positive: true,
  });
  const rawFields = readObject(rows.fields, [...rowsPath, 'fields'], problems);
  if (count === undefined || !rawFields) {
    return undefined;
  }
  const childIds = new Set((question.questions ?? []).map((child) => child.id));
  const fields: Record<string, string> = {};
  for (const [key, field] of Object.entries(rawFields)) {
    const fieldPath = [...rowsPath, 'fields', key];
    // A short key such as `firstName` means the child question `children.firstName`.
    const id = childIds.has(key) ? key : `${question.id}.${key}`;
    if (!childIds.has(id)) {
      problems.add(fieldPath, `"${key}" is not a question of the repeat group "${question.id}"`);
    }
    if (typeof field !== 'string' || !field.includes('{n}')) {
      problems.add(fieldPath, 'must be a field name containing {n} (the row number)');
    } else {
      fields[id] = field;
    }
  }
  return { kind: 'rows', count, fields, overflowTitle };
}
