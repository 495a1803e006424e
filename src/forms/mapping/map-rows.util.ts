import { AddendumSection, FieldFill } from '../../pdf/fill-plan';
import { SectionDefinition } from '../definition/form.types';
import { RowsMapping } from '../definition/pdf-mapping.types';
import { QuestionDefinition } from '../definition/question.types';
import { AnswerScope, hasValue } from './answer-scope.util';
import { fieldLabel, formatForPdf, itemLabel, questionLabel } from './format-answer.util';

export interface RowsResult {
  fields: FieldFill[];
  addendum: AddendumSection[];
}

/**
 * A repeat group in a table: item n fills row n; items beyond the table's rows go to the
 * addendum under `overflowTitle`, one line per answer ("Kind 6: Vorname").
 */
export function mapRows(
  section: SectionDefinition,
  repeat: QuestionDefinition,
  mapping: RowsMapping,
  scope: AnswerScope,
): RowsResult {
  const children = new Map((repeat.questions ?? []).map((child) => [child.id, child]));
  const fields: FieldFill[] = [];
  const overflow: AddendumSection['rows'] = [];
  scope.itemsOf(repeat.id).forEach((values, index) => {
    const itemScope = scope.forItem(repeat.id, index, values);
    for (const [childId, pattern] of Object.entries(mapping.fields)) {
      const child = children.get(childId);
      const value = values[childId];
      if (!child || !hasValue(value) || !itemScope.isActive(child)) {
        continue;
      }
      const text = formatForPdf(child, value);
      if (index < mapping.count) {
        const field = pattern.replaceAll('{n}', String(index + 1));
        fields.push({
          kind: 'text',
          field,
          value: text,
          label: `${fieldLabel(section, repeat)}, ${itemLabel(repeat, index)}: ${questionLabel(child)}`,
        });
      } else {
        overflow.push({ label: `${itemLabel(repeat, index)}: ${questionLabel(child)}`, value: text });
      }
    }
  });
  const title = mapping.overflowTitle ?? `${fieldLabel(section, repeat)} (Fortsetzung)`;
  return { fields, addendum: overflow.length > 0 ? [{ title, rows: overflow }] : [] };
}
