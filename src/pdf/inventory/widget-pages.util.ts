import { PDFArray, PDFDict, PDFName, type PDFDocument } from '@cantoo/pdf-lib';

/**
 * Maps every annotation dictionary to the 1-based number of the page whose /Annots lists it.
 * Widgets often lack the optional /P entry, so the pages are the reliable source.
 */
export function mapWidgetPages(doc: PDFDocument): Map<PDFDict, number> {
  const pages = new Map<PDFDict, number>();
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) {
      return;
    }
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (annot instanceof PDFDict && !pages.has(annot)) {
        pages.set(annot, index + 1);
      }
    }
  });
  return pages;
}
