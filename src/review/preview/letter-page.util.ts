import sharp from 'sharp';
import type { Box } from './letter-region.util';
import { renderPdfPage } from './pdf-page-render.util';

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
  bytes: Buffer,
  mediaType: string,
  page: number,
  dpi: number,
): Promise<LetterPageImage | undefined> {
  if (mediaType === 'application/pdf') {
    const rendered = await renderPdfPage(bytes, page, dpi);
    return rendered && { image: rendered.png, scale: rendered.scale };
  }
  if (page !== 1) {
    return undefined;
  }
  return { image: await sharp(bytes).rotate().png().toBuffer(), scale: 1 };
}

/** A stored box in pixels of the rendered letter page. */
export function boxInPixels(box: Box, page: Pick<LetterPageImage, 'scale'>): Box {
  return box.map((value) => value * page.scale) as Box;
}
