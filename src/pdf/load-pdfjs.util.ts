import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js 4 is an ES module. TypeScript compiles this import() to require(), which Node 20.19+
 * can do for ES modules without top-level await, so it works from our CommonJS build.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Opens a PDF with pdf.js, an implementation independent of pdf-lib (for previews and for checking
 * what we wrote). Script evaluation is off: the official forms carry JavaScript.
 */
export async function openWithPdfJs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  return getDocument({
    // pdf.js takes ownership of (detaches) the buffer it gets.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
}
