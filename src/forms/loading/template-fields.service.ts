import { Injectable } from '@nestjs/common';
import { PDFCheckBox, PDFTextField } from '@cantoo/pdf-lib';
import { loadPdf } from '../../pdf/load-pdf.util';

export type TemplateFieldKind = 'text' | 'checkbox' | 'other';

/**
 * Reads the AcroForm field names of an official template. Opening a 1.5 MB encrypted form takes
 * about 200 ms, so results are kept per SHA-256 of the file.
 */
@Injectable()
export class TemplateFieldsService {
  private readonly cache = new Map<string, Promise<Map<string, TemplateFieldKind>>>();

  fieldsOf(bytes: Uint8Array, sha256: string): Promise<Map<string, TemplateFieldKind>> {
    let fields = this.cache.get(sha256);
    if (!fields) {
      fields = readFields(bytes);
      this.cache.set(sha256, fields);
      // A failed read is not cached, so a repaired file is read again.
      fields.catch(() => this.cache.delete(sha256));
    }
    return fields;
  }
}

async function readFields(bytes: Uint8Array): Promise<Map<string, TemplateFieldKind>> {
  // preserveXfa avoids rewriting the document: we only read the field list.
  const document = await loadPdf(bytes, { preserveXfa: true });
  const fields = new Map<string, TemplateFieldKind>();
  for (const field of document.getForm().getFields()) {
    const kind = field instanceof PDFTextField ? 'text' : field instanceof PDFCheckBox ? 'checkbox' : 'other';
    fields.set(field.getName(), kind);
  }
  return fields;
}
