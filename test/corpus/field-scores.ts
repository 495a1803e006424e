import { isDeepStrictEqual } from 'node:util';
import type { LetterAnalysis } from '../../src/documents/analysis/letter-analysis.types';
import type { GroundTruth } from './letter-spec.types';

/** The fields the quality tests score, each as a path into the analysis. */
export const SCORED_FIELDS = [
  'authority',
  'letterType',
  'letterDate',
  'deadline.date',
  'deadline.estimated',
  'validUntil',
  'appointment',
  'references.kindergeldNummer',
  'references.bgNummer',
  'references.kundennummer',
  'references.aktenzeichen',
  'references.steuerId',
  'iban',
  'amounts',
  'recipient.name',
  'recipient.street',
  'recipient.postalCode',
  'recipient.city',
  'requestedDocuments',
] as const;

function valueAt(source: object | null, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split('.')) {
    value = value === null || value === undefined ? null : (value as Record<string, unknown>)[key];
  }
  const empty =
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    value === 'other';
  return empty ? null : value;
}

export interface FieldScore {
  field: string;
  correct: number;
  total: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/**
 * Per-field accuracy (analysis equals truth, including both empty) and the counts for field-level F1:
 * a value found and right is a true positive, found and wrong a false positive (and a false negative
 * when the truth has a value), missing while the truth has one a false negative.
 */
export interface FieldScorerOptions {
  /**
   * Compare recipient.name with diacritics folded to ASCII (Şahin = Sahin, Jurić = Juric, ı = i),
   * case kept. Only for OCR and only for the name: tesseract's German model has no ş, ı, ć, č and
   * reads them as s, i, c; the family confirms every proposal before it is used, and the review shows
   * the letter itself. Every other field (city, street, documents) is compared exactly.
   */
  foldNames?: boolean;
}

/** Diacritics removed, case kept: the name comparison of FieldScorerOptions.foldNames. */
export function foldNameToAscii(name: string): string {
  return name
    .replace(/ı/g, 'i')
    .replace(/İ/g, 'I')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export class FieldScorer {
  private readonly scores = new Map<string, FieldScore>(
    SCORED_FIELDS.map((field) => [
      field,
      { field, correct: 0, total: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    ]),
  );
  readonly mistakes: string[] = [];

  constructor(private readonly options: FieldScorerOptions = {}) {}

  add(id: string, analysis: LetterAnalysis, truth: GroundTruth): void {
    for (const field of SCORED_FIELDS) {
      const score = this.scores.get(field)!;
      let found = valueAt(analysis, field);
      let expected = valueAt(truth, field);
      if (this.options.foldNames && field === 'recipient.name') {
        found = typeof found === 'string' ? foldNameToAscii(found) : found;
        expected = typeof expected === 'string' ? foldNameToAscii(expected) : expected;
      }
      score.total++;
      if (isDeepStrictEqual(found, expected)) {
        score.correct++;
        if (expected !== null) {
          score.truePositives++;
        }
        continue;
      }
      this.mistakes.push(`${id} ${field}: ${JSON.stringify(found)} != ${JSON.stringify(expected)}`);
      if (found !== null) {
        score.falsePositives++;
      }
      if (expected !== null) {
        score.falseNegatives++;
      }
    }
  }

  fields(): FieldScore[] {
    return [...this.scores.values()];
  }

  /** F1 of one field (1 when the field never had a value and none was found). */
  static fieldF1(score: FieldScore): number {
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
    return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  }

  /** Micro-averaged F1 over all fields. */
  f1(): number {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const score of this.scores.values()) {
      tp += score.truePositives;
      fp += score.falsePositives;
      fn += score.falseNegatives;
    }
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }

  accuracy(): number {
    let correct = 0;
    let total = 0;
    for (const score of this.scores.values()) {
      correct += score.correct;
      total += score.total;
    }
    return total === 0 ? 0 : correct / total;
  }

  /** One line per row: the title with totals, then each field's accuracy and F1. */
  report(title: string): string[] {
    const rows = this.fields().map(
      (score) =>
        `  ${score.field.padEnd(28)} ${((100 * score.correct) / Math.max(1, score.total)).toFixed(1).padStart(6)} %` +
        `   F1 ${FieldScorer.fieldF1(score).toFixed(3)}`,
    );
    return [
      `${title}: accuracy ${(100 * this.accuracy()).toFixed(1)} %, field F1 ${this.f1().toFixed(3)}`,
      ...rows,
    ];
  }
}
