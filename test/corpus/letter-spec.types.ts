import type { LetterAnalysis } from '../../src/documents/analysis/letter-analysis.types';

/** What the quality test compares: the analysis without its evidence. */
export type GroundTruth = Omit<LetterAnalysis, 'evidence'>;

export type Paragraph = string | { bullets: string[] };

/** One invented letter, laid out by DIN 5008 form A or B when rendered. */
export interface LetterSpec {
  id: string;
  form: 'A' | 'B';
  /** Authority name first. */
  letterhead: string[];
  /** Small return-address line at the top of the address field. */
  returnLine: string;
  /** Address lines from top to bottom, e.g. ["Frau", "Ayşe Yılmaz", "Hafenstraße 12", "45127 Essen"]. */
  recipientLines: string[];
  /** Information block on the right: "Kindergeldnummer: 123FK456789", "Datum: 02.11.2026". */
  info: string[];
  /** Place-and-date line above the subject, used instead of a "Datum:" entry in some letters. */
  dateLine?: string;
  subject: string[];
  paragraphs: Paragraph[];
  truth: GroundTruth;
}
