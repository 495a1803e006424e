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
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const document = await getDocument({
    // pdf.js takes ownership of (detaches) the buffer it gets.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    if (!Number.isInteger(page) || page < 1 || page > document.numPages) {
      return undefined;
    }
    const pdfPage = await document.getPage(page);
    const base = pdfPage.getViewport({ scale: 1 });
    let scale = dpi / 72;
    if (base.width * base.height * scale * scale > maxPixels) {
      scale = Math.sqrt(maxPixels / (base.width * base.height));
    }
    const viewport = pdfPage.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
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
  } finally {
    await document.destroy();
  }
}

/** The number of pages of a PDF (pdf.js). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
