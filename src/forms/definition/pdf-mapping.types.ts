// How an answer reaches the official PDF. In YAML the kind is implied by the key
// (`field`, `split`, `comb`, `checkboxes`, `checkbox`, `rows`); the loader adds `kind`.

export interface TextFieldMapping {
  kind: 'text';
  field: string;
  /** Date pattern such as "MM.JJJJ" (tokens TT, MM, JJJJ, JJ); default TT.MM.JJJJ. */
  format?: string;
}

export interface SplitMapping {
  kind: 'split';
  fields: string[];
  /** Characters per field, same length as `fields`, e.g. [2, 3, 3, 3] for the Steuer-ID. */
  sizes: number[];
  format?: string;
}

export interface CombMapping {
  kind: 'comb';
  field: string;
  format?: string;
}

export interface CheckboxesMapping {
  kind: 'checkboxes';
  /** Option value (or "true"/"false" for yes/no) -> checkbox field. */
  boxes: Record<string, string>;
}

export interface CheckboxMapping {
  kind: 'checkbox';
  field: string;
}

export interface RowsMapping {
  kind: 'rows';
  /** How many rows the official table has. */
  count: number;
  /** Full child question id -> field name containing `{n}` (the row number, 1-based). */
  fields: Record<string, string>;
  /** Addendum title for items beyond `count`. */
  overflowTitle?: string;
}

export type PdfMapping =
  TextFieldMapping | SplitMapping | CombMapping | CheckboxesMapping | CheckboxMapping | RowsMapping;
