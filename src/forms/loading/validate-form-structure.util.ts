import {
  ComputedField,
  FormDefinition,
  SectionDefinition,
  TemplateReference,
} from '../definition/form.types';
import { QuestionDefinition } from '../definition/question.types';
import { rememberSourcePath } from '../definition/source-path.util';
import { PathSegment, ProblemCollector } from './problem-collector';
import { checkKeys, RawObject, readLocalized, readObject, readString } from './raw-reader.util';
import { validateQuestion } from './validate-question.util';

const FORM_KEYS = [
  'schemaVersion',
  'id',
  'title',
  'shortTitle',
  'issuer',
  'edition',
  'authority',
  'template',
  'repeatOf',
  'sections',
  'computed',
];
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Checks the shape of a form definition (keys, types, question types, mappings) and returns the
 * typed definition. Cross-references (ids, conditions, fields) are checked later, per application.
 * Returns undefined only when the file is unusable; otherwise a best-effort definition.
 */
export function validateFormStructure(
  raw: RawObject,
  problems: ProblemCollector,
): FormDefinition | undefined {
  checkKeys(raw, FORM_KEYS, [], problems);
  const id = readString(raw, 'id', [], problems);
  const title = readLocalized(raw, 'title', [], problems);
  const shortTitle = readString(raw, 'shortTitle', [], problems);
  const issuer = readString(raw, 'issuer', [], problems);
  const edition = readString(raw, 'edition', [], problems);
  const authority = readString(raw, 'authority', [], problems, false);
  const template = readTemplate(raw, problems);
  const repeatOf = raw.repeatOf === null ? null : (readString(raw, 'repeatOf', [], problems, false) ?? null);
  const sections = readSections(raw, problems);
  const computed = readComputed(raw, problems);
  if (id === undefined || title === undefined || template === undefined) {
    return undefined;
  }
  return {
    schemaVersion: raw.schemaVersion as number,
    id,
    title,
    shortTitle: shortTitle ?? id,
    issuer: issuer ?? '',
    edition: edition ?? '',
    authority,
    template,
    repeatOf,
    sections,
    computed,
  };
}

function readTemplate(raw: RawObject, problems: ProblemCollector): TemplateReference | undefined {
  if (raw.template === undefined) {
    problems.add(['template'], 'required key "template" is missing');
    return undefined;
  }
  const template = readObject(raw.template, ['template'], problems);
  if (!template) {
    return undefined;
  }
  checkKeys(template, ['file', 'sha256'], ['template'], problems);
  const file = readString(template, 'file', ['template'], problems);
  const sha256 = readString(template, 'sha256', ['template'], problems);
  if (file !== undefined && (file.includes('/') || file.includes('\\'))) {
    problems.add(['template', 'file'], 'must be a file name without folders');
  }
  if (sha256 !== undefined && !SHA256.test(sha256)) {
    problems.add(['template', 'sha256'], 'must be 64 lower-case hexadecimal characters');
  }
  return file !== undefined && sha256 !== undefined ? { file, sha256 } : undefined;
}

function readSections(raw: RawObject, problems: ProblemCollector): SectionDefinition[] {
  if (!Array.isArray(raw.sections) || raw.sections.length === 0) {
    problems.add(
      ['sections'],
      raw.sections === undefined ? 'required key "sections" is missing' : 'must be a non-empty list',
    );
    return [];
  }
  const sections: SectionDefinition[] = [];
  raw.sections.forEach((item: unknown, index: number) => {
    const path: PathSegment[] = ['sections', index];
    const section = readObject(item, path, problems);
    if (!section) {
      return;
    }
    checkKeys(section, ['id', 'title', 'pdfLabel', 'questions'], path, problems);
    const id = readString(section, 'id', path, problems);
    const title = readLocalized(section, 'title', path, problems);
    const pdfLabel = readString(section, 'pdfLabel', path, problems, false);
    if (!Array.isArray(section.questions)) {
      problems.add([...path, 'questions'], 'must be a list of questions');
    }
    const questions = (Array.isArray(section.questions) ? section.questions : [])
      .map((question: unknown, questionIndex: number) =>
        validateQuestion(question, [...path, 'questions', questionIndex], problems),
      )
      .filter((question): question is QuestionDefinition => question !== undefined);
    if (id !== undefined && title !== undefined) {
      sections.push({ id, title, pdfLabel, questions });
    }
  });
  return sections;
}

function readComputed(raw: RawObject, problems: ProblemCollector): ComputedField[] {
  if (raw.computed === undefined || raw.computed === null) {
    return [];
  }
  if (!Array.isArray(raw.computed)) {
    problems.add(['computed'], 'must be a list');
    return [];
  }
  const computed: ComputedField[] = [];
  raw.computed.forEach((item: unknown, index: number) => {
    const path: PathSegment[] = ['computed', index];
    const entry = readObject(item, path, problems);
    if (!entry) {
      return;
    }
    const when = readString(entry, 'when', path, problems, false);
    if ('checkbox' in entry) {
      checkKeys(entry, ['checkbox', 'value', 'when'], path, problems);
      const checkbox = readString(entry, 'checkbox', path, problems);
      const value = readString(entry, 'value', path, problems);
      if (checkbox !== undefined && value !== undefined) {
        computed.push(rememberSourcePath({ kind: 'checkbox', checkbox, value, when }, path));
      }
      return;
    }
    checkKeys(entry, ['field', 'template', 'value', 'format', 'label', 'when'], path, problems);
    const field = readString(entry, 'field', path, problems);
    const template = readString(entry, 'template', path, problems, false);
    const value = readString(entry, 'value', path, problems, false);
    const format = readString(entry, 'format', path, problems, false);
    const label = readString(entry, 'label', path, problems, false);
    if ((template === undefined) === (value === undefined)) {
      problems.add(path, 'needs exactly one of "template" or "value"');
      return;
    }
    if (field !== undefined) {
      computed.push(rememberSourcePath({ kind: 'text', field, template, value, format, label, when }, path));
    }
  });
  return computed;
}
