import { FormDefinition } from '../definition/form.types';
import { sourcePathOf } from '../definition/source-path.util';
import { IndexedQuestion, indexQuestions } from '../definition/question-index.util';
import { ExpressionSyntaxError } from '../expressions/expression.errors';
import { collectIdentifiers } from '../expressions/collect-identifiers.util';
import { compileExpression } from '../expressions/compile-expression.util';
import { parseTemplate, TemplateSyntaxError } from '../expressions/template.util';
import { formatPath, PathSegment, ProblemCollector } from './problem-collector';

/**
 * Semantic checks of one form against the questions it can see (its application's questions):
 * duplicate ids in the form, ids in conditions, templates and computed values, repeatOf.
 */
export function validateReferences(
  form: FormDefinition,
  known: Map<string, IndexedQuestion>,
  problems: ProblemCollector,
): void {
  const seen = new Map<string, PathSegment[]>();
  for (const entry of indexQuestions(form)) {
    const earlier = seen.get(entry.question.id);
    if (earlier) {
      problems.add(
        [...entry.path, 'id'],
        `duplicate question id "${entry.question.id}" (also at ${formatPath(earlier)})`,
      );
    }
    seen.set(entry.question.id, entry.path);
    if (entry.question.when !== undefined) {
      checkExpression(entry.question.when, [...entry.path, 'when'], entry.repeatId, known, problems);
    }
  }
  if (form.repeatOf !== null && known.get(form.repeatOf)?.question.type !== 'repeat') {
    problems.add(['repeatOf'], `"${form.repeatOf}" is not a repeat question of the application`);
  }
  form.computed.forEach((entry, index) => {
    const path: PathSegment[] = sourcePathOf(entry) ?? ['computed', index];
    if (entry.when !== undefined) {
      checkExpression(entry.when, [...path, 'when'], form.repeatOf, known, problems);
    }
    if (entry.value !== undefined) {
      checkExpression(entry.value, [...path, 'value'], form.repeatOf, known, problems);
    }
    if (entry.kind === 'text' && entry.template !== undefined) {
      checkTemplate(entry.template, [...path, 'template'], form.repeatOf, known, problems);
    }
  });
}

function checkExpression(
  source: string,
  path: PathSegment[],
  repeatContext: string | null,
  known: Map<string, IndexedQuestion>,
  problems: ProblemCollector,
): void {
  try {
    const identifiers = collectIdentifiers(compileExpression(source));
    for (const id of identifiers) {
      checkId(id, path, repeatContext, known, problems);
    }
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) {
      throw error;
    }
    problems.add(path, `cannot read the condition: ${error.message}`);
  }
}

function checkTemplate(
  template: string,
  path: PathSegment[],
  repeatContext: string | null,
  known: Map<string, IndexedQuestion>,
  problems: ProblemCollector,
): void {
  try {
    for (const part of parseTemplate(template)) {
      if (part.kind === 'placeholder') {
        checkId(part.id, path, repeatContext, known, problems);
      }
    }
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) {
      throw error;
    }
    problems.add(path, `cannot read the template: ${error.message}`);
  }
}

function checkId(
  id: string,
  path: PathSegment[],
  repeatContext: string | null,
  known: Map<string, IndexedQuestion>,
  problems: ProblemCollector,
): void {
  const entry = known.get(id);
  if (!entry) {
    problems.add(path, `unknown question id "${id}"`);
  } else if (entry.repeatId !== null && entry.repeatId !== repeatContext) {
    // `children.firstName` only has a value while one child is being looked at.
    problems.add(
      path,
      `"${id}" belongs to the repeat group "${entry.repeatId}" and can only be used inside it`,
    );
  }
}
