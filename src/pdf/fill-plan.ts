// The contract between the form definitions (src/forms) and the PDF filler (src/pdf).
// The forms side turns answers into a FillPlan; the PDF side knows nothing about questions.

/** One value for one AcroForm field of the official template. */
export type FieldFill =
  | {
      kind: 'text';
      /** Fully qualified field name, e.g. topmostSubform[0].Seite1[0]...Name-Antragsteller[0] */
      field: string;
      value: string;
      /**
       * What the value is, in German, for the addendum when it does not fit the field even at the
       * smallest readable font size, e.g. "Punkt 1: Anschrift der antragstellenden Person".
       */
      label: string;
    }
  | { kind: 'checkbox'; field: string; checked: boolean }
  | { kind: 'radio'; field: string; option: string };

/** Text that belongs to the form but has no field: rows beyond the form's table, long answers. */
export interface AddendumSection {
  /** e.g. "Punkt 5: Kinder, für die Kindergeld beantragt wird (weitere Kinder)" */
  title: string;
  rows: Array<{ label: string; value: string }>;
}

export interface FillPlan {
  formId: string;
  /** German title of the official form, e.g. "KG 1 Antrag auf Kindergeld" */
  formTitle: string;
  fields: FieldFill[];
  addendum: AddendumSection[];
}

/** A readable copy of the answers when the official template is not installed. */
export interface AnswerSummary {
  formId: string;
  formTitle: string;
  issuer: string;
  edition: string;
  sections: Array<{ title: string; rows: Array<{ label: string; value: string }> }>;
}

export type FillMode = 'draft' | 'final';
