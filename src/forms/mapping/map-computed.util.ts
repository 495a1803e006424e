import { FieldFill } from '../../pdf/fill-plan';
import { ComputedField } from '../definition/form.types';
import { IndexedQuestion } from '../definition/question-index.util';
import { compileExpression } from '../expressions/compile-expression.util';
import { parseTemplate, renderTemplate } from '../expressions/template.util';
import { AnswerScope, hasValue } from './answer-scope.util';
import { formatForPdf } from './format-answer.util';
import { formatDate, formatNumber, formatYesNo } from './format-value.util';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One `computed:` entry: a template, an expression or a checkbox. Returns undefined when it has no value. */
export function mapComputed(
  entry: ComputedField,
  scope: AnswerScope,
  questions: Map<string, IndexedQuestion>,
): FieldFill | undefined {
  if (!scope.holds(entry.when)) {
    return undefined;
  }
  if (entry.kind === 'checkbox') {
    return { kind: 'checkbox', field: entry.checkbox, checked: scope.holds(entry.value) };
  }
  const value =
    entry.template !== undefined
      ? fillTemplate(entry.template, scope, questions)
      : computeValue(entry, scope, questions);
  if (value === '') {
    return undefined;
  }
  return { kind: 'text', field: entry.field, value, label: entry.label ?? shortFieldName(entry.field) };
}

function fillTemplate(template: string, scope: AnswerScope, questions: Map<string, IndexedQuestion>): string {
  return renderTemplate(parseTemplate(template), (id) => {
    const value = scope.lookup(id);
    const question = questions.get(id)?.question;
    if (!hasValue(value)) {
      return '';
    }
    return question ? formatForPdf(question, value) : String(value); // eslint-disable-line @typescript-eslint/no-base-to-string -- answers are JSON primitives;
  });
}

function computeValue(
  entry: Extract<ComputedField, { kind: 'text' }>,
  scope: AnswerScope,
  questions: Map<string, IndexedQuestion>,
): string {
  const node = compileExpression(entry.value ?? '');
  // A bare question id is formatted like the question itself would be.
  if (node.kind === 'identifier') {
    const value = scope.lookup(node.name);
    const question = questions.get(node.name)?.question;
    if (!hasValue(value)) {
      return '';
    }
    if (question) {
      return formatForPdf(question, value, entry.format);
    }
  }
  const value = scope.evaluate(entry.value ?? '');
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return formatNumber(value);
  }
  if (typeof value === 'boolean') {
    return formatYesNo(value);
  }
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    return formatDate(value, entry.format);
  }
  return Array.isArray(value) ? value.join(', ') : String(value); // eslint-disable-line @typescript-eslint/no-base-to-string -- answers are JSON primitives;
}

/** "topmostSubform[0].Seite1[0].Anzahl-Anlagen[0]" -> "Anzahl-Anlagen" */
function shortFieldName(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/\[\d+\]$/, '');
}
