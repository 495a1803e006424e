import { ApplicationDefinition, ApplicationFormEntry } from '../definition/application.types';
import { FormDefinition } from '../definition/form.types';
import { IndexedQuestion, indexQuestions } from '../definition/question-index.util';
import { formatPath, PathSegment, ProblemCollector } from './problem-collector';
import { checkKeys, RawObject, readLocalized, readObject, readString } from './raw-reader.util';

/** Checks the shape of `forms/applications/<id>.yaml`. */
export function validateApplicationStructure(
  raw: RawObject,
  problems: ProblemCollector,
): ApplicationDefinition | undefined {
  checkKeys(raw, ['schemaVersion', 'id', 'title', 'forms'], [], problems);
  const id = readString(raw, 'id', [], problems);
  const title = readLocalized(raw, 'title', [], problems);
  if (!Array.isArray(raw.forms) || raw.forms.length === 0) {
    problems.add(
      ['forms'],
      raw.forms === undefined ? 'required key "forms" is missing' : 'must be a non-empty list',
    );
  }
  const forms: ApplicationFormEntry[] = [];
  (Array.isArray(raw.forms) ? raw.forms : []).forEach((item: unknown, index: number) => {
    const path: PathSegment[] = ['forms', index];
    const entry = readObject(item, path, problems);
    if (!entry) {
      return;
    }
    checkKeys(entry, ['form', 'each'], path, problems);
    const form = readString(entry, 'form', path, problems);
    const each = readString(entry, 'each', path, problems, false);
    if (form !== undefined) {
      forms.push(each === undefined ? { form } : { form, each });
    }
  });
  if (id === undefined || title === undefined) {
    return undefined;
  }
  return { schemaVersion: raw.schemaVersion as number, id, title, forms };
}

/**
 * Checks that an application's forms exist, that `each` names a repeat question and matches the
 * form's `repeatOf`, and that no question id is used twice across the forms.
 * Returns every question the application's forms can refer to.
 */
export function validateApplicationReferences(
  application: ApplicationDefinition,
  forms: Map<string, FormDefinition>,
  problems: ProblemCollector,
): Map<string, IndexedQuestion> {
  const known = new Map<string, IndexedQuestion>();
  const included = new Set<string>();
  application.forms.forEach((entry, index) => {
    const form = forms.get(entry.form);
    if (!form) {
      problems.add(
        ['forms', index, 'form'],
        `unknown form "${entry.form}" (known: ${[...forms.keys()].join(', ') || 'none'})`,
      );
      return;
    }
    if (included.has(entry.form)) {
      problems.add(['forms', index, 'form'], `form "${entry.form}" is listed twice`);
    }
    included.add(entry.form);
    for (const question of indexQuestions(form)) {
      const earlier = known.get(question.question.id);
      if (earlier && earlier.formId !== form.id) {
        problems.add(
          ['forms', index],
          `question id "${question.question.id}" is defined in both "${earlier.formId}" (${formatPath(earlier.path)}) and "${form.id}" (${formatPath(question.path)})`,
        );
      }
      if (!earlier) {
        known.set(question.question.id, question);
      }
    }
  });
  application.forms.forEach((entry, index) => checkEach(entry, index, forms, known, problems));
  return known;
}

function checkEach(
  entry: ApplicationFormEntry,
  index: number,
  forms: Map<string, FormDefinition>,
  known: Map<string, IndexedQuestion>,
  problems: ProblemCollector,
): void {
  const form = forms.get(entry.form);
  if (!form) {
    return;
  }
  if (entry.each !== undefined) {
    const target = known.get(entry.each);
    if (!target) {
      problems.add(['forms', index, 'each'], `unknown question id "${entry.each}"`);
    } else if (target.question.type !== 'repeat') {
      problems.add(
        ['forms', index, 'each'],
        `"${entry.each}" is a ${target.question.type} question, not a repeat group`,
      );
    }
  }
  if ((entry.each ?? null) !== form.repeatOf) {
    problems.add(
      ['forms', index, 'each'],
      `form "${form.id}" has repeatOf: ${form.repeatOf ?? 'null'}, so the application must say each: ${form.repeatOf ?? '(nothing)'}`,
    );
  }
}
