import { FillMode } from '../pdf/fill-plan';
import { FormInstance } from '../forms/mapping/form-instances.util';
import type { PdfBase } from '../pdf/workers/pdf-render-job.types';

/** What is known of one PDF of an application: KG 1, or the Anlage Kind of one child. */
export interface FilledDocumentInfo {
  formId: string;
  instance: FormInstance;
  /** "KG 1 Antrag auf Kindergeld", "KG 1 Anlage Kind (Kind 2)" */
  title: string;
  /** e.g. "kg1.pdf", "kg1-anlage-kind-2.pdf" */
  fileName: string;
  /** false: the answer summary PDF, because the official template is not installed. */
  official: boolean;
  mode: FillMode;
}

/** One PDF of an application, as bytes. */
export interface FilledDocument extends FilledDocumentInfo {
  bytes: Uint8Array;
}

/** One PDF of an application, encrypted for storing (ApplicationFillerService.fillSealed). */
export interface SealedFilledDocument extends FilledDocumentInfo {
  /** The id the document is stored under; part of the encryption's context. */
  id: string;
  /** DataCipher's format, opened with the context the document was sealed for. */
  sealed: Uint8Array;
  /** Size of the PDF itself, its base included. */
  sizeBytes: number;
  /** An incremental draft's base: the PDF is the base followed by the update in `sealed`. */
  base?: PdfBase;
}

export interface FillApplicationOptions {
  mode: FillMode;
  /** Today as YYYY-MM-DD: the date of signing. */
  today: string;
  /** Only the copies of this form (e.g. "kg1"); all forms of the application when unset. */
  formId?: string;
  /**
   * Answer paths the family marked "Ich weiß es nicht" ("applicant.taxId", "children[1].children.birthDate"):
   * left empty on the form for the Kümmerer to complete, instead of refusing the whole fill.
   */
  unknownPaths?: readonly string[];
  /**
   * The day the family gave the answers (its submission), YYYY-MM-DD. Questions that conditions on
   * dates ask only later (a child now close to 18) may stay empty instead of refusing the fill.
   */
  answeredOn?: string;
}
