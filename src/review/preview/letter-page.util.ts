import sharp from 'sharp';
import type { Box } from './letter-region.util';
import { renderPdfPage, type RenderedPage } from './pdf-page-render.util';

/** A letter as stored: its type, and its bytes read when needed. */
export interface LetterSource {
  mediaType: string;
  read: () => Promise<Buffer>;
}

/** Draws page `page` of a PDF letter at `dpi`; the workspace's goes through its drawing thread. */
export type PdfPageDrawer = (
  read: () => Promise<Buffer>,
  page: number,
  dpi: number,
) => Promise<Pick<RenderedPage, 'png' | 'scale'> | undefined>;

const drawInThisThread: PdfPageDrawer = async (read, page, dpi) => renderPdfPage(await read(), page, dpi);

export interface LetterPageImage {
  image: Buffer;
  /** Pixels of `image` per unit of a stored box. */
  scale: number;
}

/**
 * A letter page as an image and the factor from stored boxes to its pixels. Stored boxes are PDF
 * points for every PDF letter, text layer or scan (toLetterBox, src/documents/ocr), so a PDF page is
 * rendered at `dpi` and boxes scale by its render scale; photos are boxes in pixels of the image as
 * received (EXIF orientation applied), scale 1. A page the letter does not have gives undefined.
 */
export async function renderLetterPage(
  { mediaType, read }: LetterSource,
  page: number,
  dpi: number,
  drawPdfPage: PdfPageDrawer = drawInThisThread,
): Promise<LetterPageImage | undefined> {
  if (mediaType === 'application/pdf') {
    const rendered = await drawPdfPage(read, page, dpi);
    return rendered && { image: rendered.png, scale: rendered.scale };
  }
  if (page !== 1) {
    return undefined;
  }
  return {
    image: await sharp(await read())
      .rotate()
      .png()
      .toBuffer(),
    scale: 1,
  };
}

/** A stored box in pixels of the rendered letter page. */
export function boxInPixels(box: Box, page: Pick<LetterPageImage, 'scale'>): Box {
  return box.map((value) => value * page.scale) as Box;
}
