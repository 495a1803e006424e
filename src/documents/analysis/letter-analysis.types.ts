// The result of reading one letter from an authority. Unknown values are null, never guessed.

export const AUTHORITIES = [
  'familienkasse',
  'jobcenter',
  'wohngeldstelle',
  'unterhaltsvorschusskasse',
  'elterngeldstelle',
  'but-stelle',
  'other',
] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const LETTER_TYPES = [
  'mitwirkung',
  'bewilligung',
  'ablehnung',
  'rueckforderung',
  'einladung',
  'anhoerung',
  'weiterbewilligung',
  'other',
] as const;
export type LetterType = (typeof LETTER_TYPES)[number];

/** Where a value was read: page (1-based), union box of its words in page units, lowest word confidence. */
export interface FieldEvidence {
  page: number;
  box: [x: number, y: number, w: number, h: number];
  confidence: number;
}

export interface LetterDeadline {
  /** YYYY-MM-DD: the day by which the family must act. */
  date: string;
  /** true when computed from a period ("innerhalb eines Monats nach Bekanntgabe") with the delivery rule. */
  estimated: boolean;
  /** The words of the letter the deadline comes from. */
  text: string;
}

export interface LetterReferences {
  kindergeldNummer: string | null;
  bgNummer: string | null;
  kundennummer: string | null;
  aktenzeichen: string | null;
  steuerId: string | null;
}

export interface LetterRecipient {
  name: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface LetterAnalysis {
  authority: Authority;
  letterType: LetterType;
  letterDate: string | null;
  deadline: LetterDeadline | null;
  validUntil: string | null;
  /** YYYY-MM-DDTHH:MM, local time of the letter. */
  appointment: string | null;
  references: LetterReferences;
  iban: string | null;
  amounts: number[];
  recipient: LetterRecipient | null;
  requestedDocuments: string[];
  /** Keyed by field path: "letterDate", "references.kindergeldNummer", "amounts.0", "requestedDocuments.1" ... */
  evidence: Record<string, FieldEvidence>;
}

export interface AnalyzeLetterOptions {
  /** YYYY-MM-DD; completes dates written without a year and is the fallback posting day. */
  today: string;
}
