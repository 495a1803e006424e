import {
  draftQuestions,
  fieldPath,
  TODO,
  type DraftQuestion,
  type DraftedQuestion,
} from './draft-question.util';
import type { InventoryField, PdfInventory } from './pdf-inventory.types';

// Turns a field inventory into a DRAFT form definition (docs/form-definitions.md): one question
// per field, grouped into sections by the field names' "Punkt-n" path. A person reviews it.

export interface DraftSection {
  id: string;
  title: { de: string; en: string };
  pdfLabel: string;
  questions: DraftQuestion[];
}

export interface DraftFormDefinition {
  schemaVersion: 1;
  id: string;
  title: { de: string; en: string };
  shortTitle: string;
  issuer: string;
  edition: string;
  authority: string;
  template: { file: string; sha256: string };
  repeatOf: null;
  sections: DraftSection[];
}

export interface DraftResult {
  definition: DraftFormDefinition;
  /** Fields without a question (push buttons, signatures), for the header comment. */
  skippedFields: InventoryField[];
}

export interface DraftOptions {
  /** The template's file name, e.g. kg1-antrag-auf-kindergeld-2025-09.pdf */
  templateFile: string;
  /** Form id; derived from the file name when missing. */
  id?: string;
}

export function draftFormDefinition(inventory: PdfInventory, options: DraftOptions): DraftResult {
  const drafted = draftQuestions(inventory.fields);
  const covered = new Set(drafted.flatMap((entry) => entry.fields.map((field) => field.name)));
  assignQuestionIds(drafted);

  const sections = new Map<string, DraftSection>();
  for (const entry of drafted) {
    const key = sectionKeyOf(entry.fields[0].name);
    const id = camelCase(key);
    let section = sections.get(id);
    if (!section) {
      const label = key.replace(/-/g, ' ');
      section = { id, title: { de: label, en: TODO }, pdfLabel: label, questions: [] };
      sections.set(id, section);
    }
    section.questions.push(entry.question);
  }

  const baseName = options.templateFile.replace(/\.pdf$/i, '');
  return {
    definition: {
      schemaVersion: 1,
      id: options.id ?? formIdFromFileName(baseName),
      title: { de: inventory.title ?? baseName, en: TODO },
      shortTitle: TODO,
      issuer: TODO,
      edition: editionFromFileName(baseName) ?? TODO,
      authority: TODO,
      template: { file: options.templateFile, sha256: inventory.sha256 },
      repeatOf: null,
      sections: [...sections.values()],
    },
    skippedFields: inventory.fields.filter((field) => !covered.has(field.name)),
  };
}

/** "kg1-antrag-auf-kindergeld-2025-09" -> "09/2025"; null when the name carries no year-month. */
export function editionFromFileName(baseName: string): string | null {
  const match = /(?:^|[-_ ])(20\d{2})[-_.](0[1-9]|1[0-2])(?:$|[-_ ])/.exec(baseName);
  return match ? `${match[2]}/${match[1]}` : null;
}

function formIdFromFileName(baseName: string): string {
  const withoutEdition = baseName.replace(/[-_ ]20\d{2}[-_.](0[1-9]|1[0-2])$/, '');
  return slug(withoutEdition, '-') || 'form';
}

const PAGE = /^(Seite|Page)-?\d+$/i;
const POINT = /^(Punkt|Pkt|Frage)-?\d+$/i;
// The XFA root subform that every field name starts with ("topmostSubform", "Formular1").
const ROOT = /^(topmostSubform|form|formular)\d*$/i;

// The form's own numbering ("Punkt-1", "Frage-1") is the natural section; other fields go by their first
// named group on the page (e.g. "Kopfzeile", "Unterschrift-1"), else by page.
function sectionKeyOf(name: string): string {
  const segments = meaningfulSegments(name);
  const point = segments.find((segment) => POINT.test(segment));
  if (point) {
    return point.replace(/^Pkt-?/i, 'Punkt-');
  }
  const groups = segments.slice(0, -1).filter((segment) => !PAGE.test(segment));
  return groups[0] ?? segments.find((segment) => PAGE.test(segment)) ?? 'Allgemein';
}

function meaningfulSegments(name: string): string[] {
  const segments = fieldPath(name).filter((segment) => !segment.startsWith('#'));
  return segments.length > 1 && ROOT.test(segments[0]) ? segments.slice(1) : segments;
}

// Question ids use the last name segment; where that repeats (table cells "Zelle1"), more of the
// path is added until every id is unique, so all cells of a table get ids of the same shape.
function assignQuestionIds(drafted: DraftedQuestion[]): void {
  const paths = drafted.map((entry) => {
    const segments = meaningfulSegments(entry.fields[0].name);
    const section = camelCase(sectionKeyOf(entry.fields[0].name));
    const inSection = segments.filter((segment) => camelCase(segment) !== section);
    // A split question is named for what it asks, not for its first part: "Steuer-ID-1" -> "Steuer-ID".
    if (entry.fields.length > 1 && inSection.length > 0) {
      inSection[inSection.length - 1] = inSection[inSection.length - 1].replace(/[-_.]?0*1$/, '');
    }
    return { section, segments: inSection };
  });
  const depth = paths.map(() => 1);
  const idOf = (index: number): string => {
    const { section, segments } = paths[index];
    return `${section}.${camelCase(segments.slice(-depth[index]).join('-') || 'feld')}`;
  };
  for (let round = 0; round < 10; round++) {
    const ids = drafted.map((_, index) => idOf(index));
    const seen = new Map<string, number[]>();
    ids.forEach((id, index) => seen.set(id, [...(seen.get(id) ?? []), index]));
    const clashes = [...seen.values()].filter((indexes) => indexes.length > 1);
    if (clashes.length === 0) {
      break;
    }
    for (const indexes of clashes) {
      for (const index of indexes) {
        depth[index]++;
      }
    }
  }
  // Still equal after the whole path (should not happen with XFA names): number them.
  const used = new Map<string, number>();
  drafted.forEach((entry, index) => {
    const id = idOf(index);
    const count = (used.get(id) ?? 0) + 1;
    used.set(id, count);
    entry.question.id = count === 1 ? id : `${id}${count}`;
  });
}

function slug(text: string, separator: string): string {
  return text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
    .toLowerCase();
}

/** "Name-Antragsteller" -> "nameAntragsteller"; ids must match the definition loader's pattern. */
function camelCase(text: string): string {
  const words = slug(text.replace(/([a-zäöü])([A-ZÄÖÜ])/g, '$1 $2'), ' ')
    .split(' ')
    .filter(Boolean);
  const joined = words
    .map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1)))
    .join('');
  return /^[a-z_]/.test(joined) ? joined : `f${joined}`;
}
