export interface DocumentsOptions {
  /** Largest file a family may upload, in bytes. */
  maxBytes: number;
}

export const DOCUMENTS_OPTIONS = Symbol('DOCUMENTS_OPTIONS');

export const defaultDocumentMaxBytes = 20 * 1024 * 1024;
