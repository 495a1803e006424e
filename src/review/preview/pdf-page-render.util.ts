import { join } from 'node:path';
import sharp from 'sharp';
import { loadPdfJs } from '../../pdf/load-pdfjs.util';

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  /** Pixels per PDF point used for this rendering. */
  scale: number;
  pageCount: number;
}

interface CanvasAndContext {
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

// Local standard fonts: a PDF with non-embedded Helvetica still renders and pdf.js fetches nothing.
const standardFontDataUrl = `${join(require.resolve('pdfjs-dist/package.json'), '..', 'standard_fonts')}/`;

/** Largest rendered page in pixels (a DIN A4 page at 150 dpi has about 2.2 million). */
const maxPixels = 4_000_000;

/**
 * Renders one page of a PDF to PNG with pdf.js and pdf.js's own canvas factory (never the
 * top-level @napi-rs/canvas: two copies of that native library in one drawing crash the process).
 * Used for the workspace's previews: our own filled forms and letters that intake already read.
 * `page` is 1-based; a page beyond the end gives `undefined`.
 */
export async function renderPdfPage(
  bytes: Uint8Array,
  page: number,
  dpi: number,
): Promise<RenderedPage | undefined> {
  const document = await openPdf(bytes);
  try {
    return await renderPageOf(document, page, dpi);
  } finally {
    await document.destroy();
  }
}

/** An opened PDF (pdf.js); `destroy()` frees it. */
export type OpenedPdf = Awaited<ReturnType<typeof openPdf>>;

/** Opens a PDF with pdf.js for drawing: no script, no XFA, local standard fonts, no font faces. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  return getDocument({
    // pdf.js takes ownership of (detaches) the buffer it gets.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
}

/**
 * Draws one page of an opened PDF to PNG. Drawing several pages of one opened document is about
 * four times faster than opening it for each page (fonts and objects are parsed once).
 */
export async function renderPageOf(
  document: OpenedPdf,
  page: number,
  dpi: number,
): Promise<RenderedPage | undefined> {
  if (!Number.isInteger(page) || page < 1 || page > document.numPages) {
    return undefined;
  }
  const pdfPage = await document.getPage(page);
  const scale = scaleFor(pdfPage.getViewport({ scale: 1 }), dpi);
  const viewport = pdfPage.getViewport({ scale });
  const { width, height } = pixelsOf(viewport);
  const canvasFactory = (
    document as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext } }
  ).canvasFactory;
  const { context } = canvasFactory.create(width, height);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // The parameter's DOM type does not exist in Node; the context is a real 2D context.
  await pdfPage.render({ canvasContext: context as never, viewport }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length), {
    raw: { width, height, channels: 4 },
  })
    .png({ compressionLevel: 6, palette: true })
    .toBuffer();
  pdfPage.cleanup();
  return { png, width, height, scale, pageCount: document.numPages };
}

/** Pixels of a rendered page: what renderPdfPage makes at `dpi`, and the <img>'s width and height. */
export interface PageSize {
  width: number;
  height: number;
}

/**
 * The size in pixels of every page of a PDF at `dpi`, as renderPdfPage will draw it, without
 * drawing anything (pdf.js reads only the page dictionaries): the page count, and the width and
 * height the case page gives each <img> so the layout does not jump and only visible pages load.
 */
export async function pageSizesOf(document: OpenedPdf, dpi: number): Promise<PageSize[]> {
  const sizes: PageSize[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const pdfPage = await document.getPage(page);
    sizes.push(pixelsOf(pdfPage.getViewport({ scale: scaleFor(pdfPage.getViewport({ scale: 1 }), dpi) })));
  }
  return sizes;
}

/** Pixels per point for `dpi`, less for a page so large it would exceed maxPixels. */
function scaleFor(base: { width: number; height: number }, dpi: number): number {
  const scale = dpi / 72;
  return base.width * base.height * scale * scale > maxPixels
    ? Math.sqrt(maxPixels / (base.width * base.height))
    : scale;
}

function pixelsOf(viewport: { width: number; height: number }): PageSize {
  return { width: Math.max(1, Math.floor(viewport.width)), height: Math.max(1, Math.floor(viewport.height)) };
}
