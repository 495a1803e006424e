import sharp from 'sharp';
import { drawPage, openPdfForDrawing, pixelsOf } from '../../pdf/pdfjs-canvas.util';

export interface RenderedPage {
  png: Buffer;
  width: number;
  height: number;
  /** Pixels per PDF point used for this rendering. */
  scale: number;
  pageCount: number;
}

/** Largest rendered page in pixels (a DIN A4 page at 150 dpi has about 2.2 million). */
const maxPixels = 4_000_000;

/** Most pixels of one image inside a PDF that pdf.js decodes for a preview (as the intake's limit). */
const maxImagePixels = 100_000_000;

/**
 * Renders one page of a PDF to PNG in the calling thread (see drawPage in src/pdf/pdfjs-canvas.util).
 * The workspace draws its previews in the page-render worker (PageRenderThread), which keeps the
 * document open; this is for a single page elsewhere. `page` is 1-based; beyond the end: `undefined`.
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

/** Opens a PDF with pdf.js for drawing (a copy of `bytes`: pdf.js detaches the buffer it gets). */
export async function openPdf(bytes: Uint8Array) {
  return openPdfForDrawing(new Uint8Array(bytes), { maxImageSize: maxImagePixels });
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
  const { rgba, width, height } = await drawPage(document, pdfPage, scale);
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
