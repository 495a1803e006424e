import { FormDefinition } from '../definition/form.types';
import { indexQuestions } from '../definition/question-index.util';
import { sourcePathOf } from '../definition/source-path.util';
import { PathSegment } from './problem-collector';

export interface ReferencedField {
  field: string;
  /** What the mapping expects to find in the template. */
  expected: 'text' | 'checkbox';
  path: PathSegment[];
}

/** Every AcroForm field a form definition writes to; row fields are expanded for each row. */
export function collectPdfFields(form: FormDefinition): ReferencedField[] {
  const found: ReferencedField[] = [];
  for (const { question, path } of indexQuestions(form)) {
    const mapping = question.pdf;
    const at = [...path, 'pdf'];
    if (!mapping) {
      continue;
    }
    switch (mapping.kind) {
      case 'text':
      case 'comb':
        found.push({ field: mapping.field, expected: 'text', path: at });
        break;
      case 'split':
        mapping.fields.forEach((field, index) =>
          found.push({ field, expected: 'text', path: [...at, 'split', index] }),
        );
        break;
      case 'checkbox':
        found.push({ field: mapping.field, expected: 'checkbox', path: at });
        break;
      case 'checkboxes':
        for (const [value, field] of Object.entries(mapping.boxes)) {
          found.push({ field, expected: 'checkbox', path: [...at, 'checkboxes', value] });
        }
        break;
      case 'rows':
        for (const [id, pattern] of Object.entries(mapping.fields)) {
          const key = id.slice(question.id.length + 1);
          for (let row = 1; row <= mapping.count; row++) {
            found.push({
              field: pattern.replaceAll('{n}', String(row)),
              expected: 'text',
              path: [...at, 'rows', 'fields', key],
            });
          }
        }
        break;
    }
  }
  form.computed.forEach((entry, index) => {
    const path = sourcePathOf(entry) ?? ['computed', index];
    if (entry.kind === 'text') {
      found.push({ field: entry.field, expected: 'text', path: [...path, 'field'] });
    } else {
      found.push({ field: entry.checkbox, expected: 'checkbox', path: [...path, 'checkbox'] });
    }
  });
  return found;
}
