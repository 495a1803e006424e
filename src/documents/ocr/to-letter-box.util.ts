import type { OcrPage, OcrWord } from '../analysis/ocr-document.types';
import { toOriginalBox } from './to-original-box.util';

type Box = OcrWord['box'];

/**
 * A box of a read page in the unit stored with a letter answer's provenance: PDF points for every
 * PDF page (text layers already are; boxes on a scanned page's rendering are divided by its render
 * scale), pixels of the image as received for photos. The review crop relies on this: it scales
 * PDF boxes by its own render scale and uses photo boxes as they are. A reading without
 * `transform.pixelsPerPoint` (photos, readings stored before it existed) stays in pixels.
 */
export function toLetterBox(page: Pick<OcrPage, 'width' | 'height' | 'transform'>, box: Box): Box {
  const original = toOriginalBox(page, box);
  const pixelsPerPoint = page.transform?.pixelsPerPoint;
  if (!pixelsPerPoint || !(pixelsPerPoint > 0)) {
    return original;
  }
  // Tenths of a point: finer than any rendering the crop uses, short in the stored "x,y,w,h".
  return original.map((value) => Math.round((value / pixelsPerPoint) * 10) / 10) as Box;
}
