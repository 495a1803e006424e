// What `FieldInventoryService` reports about a fillable PDF. The JSON printed by
// `npm run forms:import -- <pdf> --json` has exactly this shape.

export type InventoryFieldType =
  'text' | 'checkbox' | 'radio' | 'dropdown' | 'listbox' | 'button' | 'signature';

/** [x, y, width, height] in PDF points, origin bottom-left of the page, rounded to 0.01. */
export type WidgetRect = [number, number, number, number];

export interface InventoryWidget {
  /** 1-based page number, or null when no page lists the widget in its /Annots. */
  page: number | null;
  rect: WidgetRect;
  /** The appearance state that means "on" (checkbox and radio widgets only). */
  onValue?: string;
}

export interface InventoryField {
  /** Fully qualified name, e.g. topmostSubform[0].Seite1[0].Punkt-1[0]...Name-Antragsteller[0] */
  name: string;
  type: InventoryFieldType;
  /** /TU decoded, whitespace collapsed; the official forms say in German what the field asks. */
  tooltip: string | null;
  /** Page of the first widget (1-based). */
  page: number | null;
  widgets: InventoryWidget[];
  /** /MaxLen of text fields. */
  maxLength: number | null;
  comb: boolean;
  multiline: boolean;
  readOnly: boolean;
  required: boolean;
  /** Export values of dropdown, listbox and radio options, in the PDF's order. */
  options: string[];
  /** Display texts of dropdown/listbox options, only when they differ from the export values. */
  optionLabels?: string[];
  /** Checkbox on-values (usually one, e.g. "1" or "Ja"). */
  onValues: string[];
}

export type EncryptionMethod = 'RC4-40' | 'RC4-128' | `RC4-${number}` | 'AES-128' | 'AES-256' | 'unknown';

/** Read from the document's /Encrypt dictionary before decryption. */
export interface EncryptionInfo {
  method: EncryptionMethod;
  /** Security handler, normally "Standard". */
  filter: string | null;
  /** /V: algorithm version (1, 2, 4 or 5). */
  version: number | null;
  /** /R: revision of the standard security handler (2, 3, 4 or 6). */
  revision: number | null;
  /** Key length in bits. */
  keyBits: number | null;
  /** /StmF and /StrF: the crypt filters for streams and strings (V 4 and 5 only). */
  streamFilter: string | null;
  stringFilter: string | null;
  /** /CFM of the stream crypt filter, e.g. "AESV2" (V 4 and 5 only). */
  cryptFilterMethod: string | null;
}

export interface PdfInventory {
  fileName: string | null;
  sha256: string;
  byteLength: number;
  pageCount: number;
  /** The document's /Title, if any. */
  title: string | null;
  encrypted: boolean;
  encryption: EncryptionInfo | null;
  hasAcroForm: boolean;
  /** True for XFA hybrids such as the Familienkasse forms; the filler drops the XFA layer. */
  hasXfa: boolean;
  fieldCount: number;
  fields: InventoryField[];
  /** Plain-language remarks for the operator, German first, then English. */
  notes: string[];
}
