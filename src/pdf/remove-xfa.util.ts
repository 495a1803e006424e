import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';

/**
 * Turns an XFA hybrid into a plain AcroForm document: Acrobat shows the XFA layer when it is
 * present, so values written to the AcroForm fields would stay invisible there.
 * Also drops the usage-rights signature (/Perms UR3): any change invalidates it and Acrobat would
 * then warn that the document was altered.
 * The orphaned streams are removed afterwards by removeUnreachableObjects.
 */
export function removeXfa(doc: PDFDocument): void {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  acroForm?.delete(PDFName.of('XFA'));
  doc.catalog.delete(PDFName.of('NeedsRendering'));
  doc.catalog.delete(PDFName.of('Perms'));
}
