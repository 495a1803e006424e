import type { InventoryField } from './pdf-inventory.types';

// Drafts one question (or one split question) from inventory fields, following
// docs/form-definitions.md. Only a starting point: a person rewrites the texts afterwards.

export type DraftPdfMapping =
  { field: string } | { comb: string } | { checkbox: string } | { split: string[]; sizes: number[] };

export interface DraftQuestion {
  /** Filled in by the caller once all questions of the form are known (ids must be unique). */
  id: string;
  type: 'text' | 'date' | 'yesno' | 'choice' | 'iban' | 'taxId' | 'postalCode' | 'phone' | 'email';
  text: { de: string; en: string };
  validation?: { maxLength: number };
  options?: Array<{ value: string; label: { de: string; en: string }; pdfValue: string }>;
  pdf: DraftPdfMapping;
}

export interface DraftedQuestion {
  question: DraftQuestion;
  /** The fields it fills; the first one names the question. */
  fields: InventoryField[];
}

export const TODO = 'TODO';

/** Drafts questions for all fields in order; push buttons and signatures are left out. */
export function draftQuestions(fields: InventoryField[]): DraftedQuestion[] {
  const drafted: DraftedQuestion[] = [];
  for (let index = 0; index < fields.length; index++) {
    const split = splitRunAt(fields, index);
    if (split.length > 1) {
      drafted.push({ question: splitQuestion(split), fields: split });
      index += split.length - 1;
      continue;
    }
    const question = singleQuestion(fields[index]);
    if (question) {
      drafted.push({ question, fields: [fields[index]] });
    }
  }
  return drafted;
}

const PART = /^(.*?),?\s*Teil\s*(\d+)\s*$/i;

// Consecutive text fields whose tooltips read "<same prefix>, Teil 1", "…, Teil 2", … form one value.
function splitRunAt(fields: InventoryField[], start: number): InventoryField[] {
  const first = PART.exec(fields[start].tooltip ?? '');
  if (!first || first[2] !== '1' || fields[start].type !== 'text') {
    return [];
  }
  const run = [fields[start]];
  for (let index = start + 1; index < fields.length; index++) {
    const part = PART.exec(fields[index].tooltip ?? '');
    if (
      !part ||
      fields[index].type !== 'text' ||
      part[1] !== first[1] ||
      Number(part[2]) !== run.length + 1
    ) {
      break;
    }
    run.push(fields[index]);
  }
  return run;
}

function splitQuestion(run: InventoryField[]): DraftQuestion {
  const prefix = PART.exec(run[0].tooltip ?? '')?.[1] ?? run[0].name;
  const isTaxId = /Identifikationsnummer|Steuer-?ID/i.test(`${prefix} ${run[0].name}`);
  return {
    id: '',
    type: isTaxId ? 'taxId' : 'text',
    text: { de: prefix, en: TODO },
    pdf: { split: run.map((field) => field.name), sizes: run.map((field) => field.maxLength ?? 0) },
  };
}

function singleQuestion(field: InventoryField): DraftQuestion | undefined {
  const text = { de: field.tooltip ?? lastSegment(field.name), en: TODO };
  switch (field.type) {
    case 'checkbox':
      return { id: '', type: 'yesno', text, pdf: { checkbox: field.name } };
    case 'radio':
    case 'dropdown':
    case 'listbox':
      return {
        id: '',
        type: 'choice',
        text,
        options: field.options.map((value, index) => ({
          value,
          label: { de: field.optionLabels?.[index] ?? value, en: TODO },
          pdfValue: value,
        })),
        pdf: { field: field.name },
      };
    case 'text':
      return textQuestion(field, text);
    default:
      return undefined;
  }
}

function textQuestion(field: InventoryField, text: { de: string; en: string }): DraftQuestion {
  const tooltip = field.tooltip ?? '';
  const name = lastSegment(field.name);
  const about = `${tooltip} ${name}`;
  if (/\bIBAN\b/i.test(about)) {
    return { id: '', type: 'iban', text, pdf: { comb: field.name } };
  }
  if (/datum/i.test(about)) {
    return { id: '', type: 'date', text, pdf: { field: field.name } };
  }
  // An address tooltip lists "Postleitzahl" among its parts; only a field of its own is a postal code.
  if (/\bPLZ\b/i.test(about) || (/Postleitzahl/i.test(tooltip) && !/Anschrift|Adresse/i.test(tooltip))) {
    return { id: '', type: 'postalCode', text, pdf: { field: field.name } };
  }
  if (/Telefon/i.test(about)) {
    return { id: '', type: 'phone', text, pdf: { field: field.name } };
  }
  if (/E-?Mail/i.test(about)) {
    return { id: '', type: 'email', text, pdf: { field: field.name } };
  }
  // Key order is the order in form.yaml: validation before the mapping, as in the docs.
  return field.maxLength === null
    ? { id: '', type: 'text', text, pdf: { field: field.name } }
    : { id: '', type: 'text', text, validation: { maxLength: field.maxLength }, pdf: { field: field.name } };
}

/** "a[0].b[0].Name-Antragsteller[0]" -> "Name-Antragsteller"; escaped dots stay in the segment. */
export function lastSegment(name: string): string {
  const segments = fieldPath(name);
  return segments[segments.length - 1] ?? name;
}

/** The segments of a field name without XFA indices: "a[0].b\.1[0]" -> ["a", "b.1"]. */
export function fieldPath(name: string): string[] {
  return name
    .split(/(?<!\\)\./)
    .map((segment) => segment.replace(/\[\d+\]$/, '').replace(/\\\./g, '.'))
    .filter((segment) => segment !== '');
}
