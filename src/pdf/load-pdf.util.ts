import { PDFDocument } from '@cantoo/pdf-lib';
import { PdfError } from './pdf.errors';

export interface LoadPdfOptions {
  /** Keep the XFA layer (only useful for inspection); filling always drops it. */
  preserveXfa?: boolean;
  /**
   * Keep the loaded bytes and record which objects change, so that `saveIncremental` can write only
   * those as an update to append to the bytes (see track-changes.util).
   */
  forIncrementalUpdate?: boolean;
}

/**
 * Opens any PDF, including the Familienkasse forms that are encrypted with an empty user
 * password (RC4 or AES). Decryption is done by @cantoo/pdf-lib; nothing here is hand-rolled.
 */
export async function loadPdf(bytes: Uint8Array, options: LoadPdfOptions = {}): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, {
      password: '',
      updateMetadata: false,
      preserveXFA: options.preserveXfa ?? false,
      throwOnInvalidObject: false,
      forIncrementalUpdate: options.forIncrementalUpdate ?? false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) {
      throw new PdfError('PDF_PASSWORD_REQUIRED', 'The PDF is protected by a password that we do not know.');
    }
    throw new PdfError('PDF_UNREADABLE', `The file is not a readable PDF (${message}).`);
  }
}
