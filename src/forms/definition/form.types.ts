import { LocalizedText } from './localized-text.types';
import { QuestionDefinition } from './question.types';

export interface TemplateReference {
  /** File name of the official PDF in the template directory. */
  file: string;
  sha256: string;
}

export interface SectionDefinition {
  id: string;
  title: LocalizedText;
  /** How the addendum refers to this part of the form, e.g. "Punkt 1". */
  pdfLabel?: string;
  questions: QuestionDefinition[];
}

/** A field filled from a template, an expression or several answers (`computed:` list). */
export type ComputedField =
  | {
      kind: 'text';
      field: string;
      template?: string;
      /** An expression, e.g. `count(children)` or `today()`. */
      value?: string;
      format?: string;
      label?: string;
      when?: string;
    }
  | { kind: 'checkbox'; checkbox: string; value: string; when?: string };

export interface FormDefinition {
  schemaVersion: number;
  /** Same as the folder name, e.g. "kg1". */
  id: string;
  title: LocalizedText;
  shortTitle: string;
  issuer: string;
  edition: string;
  authority?: string;
  template: TemplateReference;
  /** Id of a repeat group: one copy of this form per item. */
  repeatOf: string | null;
  sections: SectionDefinition[];
  computed: ComputedField[];
}
