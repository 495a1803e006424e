import { join } from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfJs } from './load-pdfjs.util';

// The one place pdf.js is set up for drawing pages: the letters intake's worker (scanned pages for
// OCR) and the workspace's page-image worker (previews) both open and draw through here.

/** Local standard fonts: a PDF with non-embedded Helvetica still renders and pdf.js fetches nothing. */
export const standardFontDataUrl = `${join(require.resolve('pdfjs-dist/package.json'), '..', 'standard_fonts')}/`;

export interface OpenForDrawingOptions {
  /** Most pixels of one image inside the PDF that pdf.js decodes (bounds a decompression bomb). */
  maxImageSize?: number;
}

/**
 * Opens a PDF with pdf.js for drawing: no script, no XFA, local standard fonts, no font faces.
 * pdf.js takes ownership of (detaches) `data`: pass a copy when the caller still needs the bytes.
 */
export async function openPdfForDrawing(
  data: Uint8Array,
  options: OpenForDrawingOptions = {},
): Promise<PDFDocumentProxy> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  return getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl,
    ...(options.maxImageSize === undefined ? {} : { maxImageSize: options.maxImageSize }),
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
}

export interface DrawnPage {
  /** Pixels as RGBA, row by row, on a white background. */
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

interface CanvasAndContext {
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

/** Pixels of a page drawn at `scale` (pixels per PDF point): what drawPage makes. */
export function pixelsOf(viewport: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.max(1, Math.floor(viewport.width)), height: Math.max(1, Math.floor(viewport.height)) };
}

/**
 * Draws one page on white at `scale` with pdf.js's own canvas factory. Never the top-level
 * @napi-rs/canvas: pdf.js brings its own copy of that native library, and canvases of two copies
 * in one drawing crash the process.
 */
export async function drawPage(
  document: PDFDocumentProxy,
  page: PDFPageProxy,
  scale: number,
): Promise<DrawnPage> {
  const viewport = page.getViewport({ scale });
  const { width, height } = pixelsOf(viewport);
  const canvasFactory = (
    document as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext } }
  ).canvasFactory;
  const { context } = canvasFactory.create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // The parameter's DOM type does not exist in Node; the context is a real 2D context.
  await page.render({ canvasContext: context as never, viewport }).promise;
  return { rgba: context.getImageData(0, 0, width, height).data, width, height };
}
