import { Injectable } from '@nestjs/common';
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { loadPdf } from '../load-pdf.util';
import { PdfError } from '../pdf.errors';
import { describeField } from './describe-field.util';
import type { PdfInventory } from './pdf-inventory.types';
import { readTrailer, type RawTrailer } from './read-trailer.util';
import { sha256Hex } from '../sha256.util';
import { mapWidgetPages } from './widget-pages.util';

export interface InventoryOptions {
  /** Reported as `fileName`; the service itself never touches the file system. */
  fileName?: string;
}

/**
 * Lists every AcroForm field of a PDF: the raw material for drafting a form definition and for
 * checking that a definition only names fields the installed template really has.
 */
@Injectable()
export class FieldInventoryService {
  /** @throws PdfError PDF_UNREADABLE or PDF_PASSWORD_REQUIRED */
  async inventory(bytes: Uint8Array, options: InventoryOptions = {}): Promise<PdfInventory> {
    const { encryption, infoRef } = await readTrailerOrFail(bytes);
    // Keep the XFA layer: we only read, and its presence is part of the report.
    const doc = await loadPdf(bytes, { preserveXfa: true });

    const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
    const hasXfa = acroForm?.has(PDFName.of('XFA')) ?? false;
    // getForm() would create an empty AcroForm where there is none, so ask only when one exists.
    const pageOf = mapWidgetPages(doc);
    const fields = acroForm
      ? doc
          .getForm()
          .getFields()
          .map((field) => describeField(field, pageOf))
      : [];

    return {
      fileName: options.fileName ?? null,
      sha256: sha256Hex(bytes),
      byteLength: bytes.byteLength,
      pageCount: doc.getPageCount(),
      title: titleOf(doc, infoRef),
      encrypted: encryption !== null,
      encryption,
      hasAcroForm: acroForm !== undefined,
      hasXfa,
      fieldCount: fields.length,
      fields,
      notes: notesFor(acroForm !== undefined, hasXfa, fields.length),
    };
  }
}

async function readTrailerOrFail(bytes: Uint8Array): Promise<RawTrailer> {
  if (!hasPdfHeader(bytes)) {
    throw new PdfError('PDF_UNREADABLE', 'The file is not a PDF (no %PDF- header).');
  }
  // The parser is lenient: a cut-off download still yields pages, but no trailer, no /Encrypt and
  // no form. Acrobat accepts the end marker within the last 1024 bytes; so do we.
  if (!hasEndOfFileMarker(bytes)) {
    throw new PdfError('PDF_UNREADABLE', 'The file is not a complete PDF (no %%EOF at the end; truncated?).');
  }
  let trailer: RawTrailer;
  try {
    trailer = await readTrailer(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PdfError('PDF_UNREADABLE', `The file is not a readable PDF (${message}).`);
  }
  if (!trailer.hasCatalog) {
    throw new PdfError('PDF_UNREADABLE', 'The file is not a readable PDF (no document catalog).');
  }
  return trailer;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return asBuffer(bytes).subarray(0, 1024).includes('%PDF-', 0, 'latin1');
}

function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  return asBuffer(bytes).subarray(-1024).includes('%%EOF', 0, 'latin1');
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function titleOf(doc: PDFDocument, infoRef: PDFRef | null): string | null {
  const info = infoRef ? doc.context.lookup(infoRef) : undefined;
  const title = info instanceof PDFDict ? info.lookup(PDFName.of('Title')) : undefined;
  if (!(title instanceof PDFString || title instanceof PDFHexString)) {
    return null;
  }
  return title.decodeText().trim() || null;
}

function notesFor(hasAcroForm: boolean, hasXfa: boolean, fieldCount: number): string[] {
  if (!hasAcroForm) {
    return [
      'Kein Formular: Das PDF hat keine ausfüllbaren Felder (kein AcroForm). / No form: the PDF has no fillable fields (no AcroForm).',
    ];
  }
  if (fieldCount === 0) {
    return [
      hasXfa
        ? 'Nur XFA, keine AcroForm-Felder: Dieses PDF können wir nicht ausfüllen. / XFA only, no AcroForm fields: we cannot fill this PDF.'
        : 'Das AcroForm hat keine Felder. / The AcroForm has no fields.',
    ];
  }
  return hasXfa
    ? [
        'XFA-Hybrid: Beim Ausfüllen wird die XFA-Schicht entfernt, die AcroForm-Felder bleiben. / XFA hybrid: filling drops the XFA layer and keeps the AcroForm fields.',
      ]
    : [];
}
