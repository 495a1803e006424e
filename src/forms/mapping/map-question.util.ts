import { FieldFill } from '../../pdf/fill-plan';
import { SectionDefinition } from '../definition/form.types';
import { QuestionDefinition } from '../definition/question.types';
import { AnswerScope, hasValue } from './answer-scope.util';
import { fieldLabel, formatForPdf } from './format-answer.util';

/**
 * The fields one answered question fills (all mappings except repeat rows). Unanswered questions
 * fill nothing; for checkboxes every box of the question is set, the unchosen ones unchecked.
 */
export function mapQuestion(
  section: SectionDefinition,
  question: QuestionDefinition,
  scope: AnswerScope,
): FieldFill[] {
  const mapping = question.pdf;
  const value = scope.lookup(question.id);
  if (!mapping || !hasValue(value)) {
    return [];
  }
  const label = fieldLabel(section, question);
  switch (mapping.kind) {
    case 'text':
      return [
        { kind: 'text', field: mapping.field, value: formatForPdf(question, value, mapping.format), label },
      ];
    case 'comb':
      return [
        {
          kind: 'text',
          field: mapping.field,
          value: formatForPdf(question, value, mapping.format).replace(/\s+/g, ''),
          label,
        },
      ];
    case 'split':
      return splitValue(formatForPdf(question, value, mapping.format), mapping.sizes).map((part, index) => ({
        kind: 'text',
        field: mapping.fields[index],
        value: part,
        label: `${label} (Teil ${index + 1})`,
      }));
    case 'checkbox':
      return [{ kind: 'checkbox', field: mapping.field, checked: value === true }];
    case 'checkboxes':
      return Object.entries(mapping.boxes).map(([boxValue, field]) => ({
        kind: 'checkbox',
        field,
        checked: boxValue === String(value as string | boolean),
      }));
    case 'rows':
      return [];
  }
}

/** "65929970489" with sizes [2, 3, 3, 3] -> ["65", "929", "970", "489"]; extra characters stay in the last part. */
export function splitValue(value: string, sizes: number[]): string[] {
  const compact = value.replace(/\s+/g, '');
  const parts: string[] = [];
  let start = 0;
  sizes.forEach((size, index) => {
    const end = index === sizes.length - 1 ? compact.length : start + size;
    parts.push(compact.slice(start, end));
    start = end;
  });
  return parts;
}
