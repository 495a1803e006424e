import type { OcrPage, OcrWord } from '../analysis/ocr-document.types';

type Box = OcrWord['box'];

/**
 * A box of an OCR page mapped back onto the page image as received (what the family sent, EXIF
 * orientation applied), so the review workspace can mark the region on the original photo. Undoes
 * the page's transform in reverse order: deskew, quarter turn, scale. A skewed box becomes the
 * axis-aligned box around its four turned corners, clipped to the image. Pages without a transform
 * (text layers) are returned unchanged.
 */
export function toOriginalBox(page: Pick<OcrPage, 'width' | 'height' | 'transform'>, box: Box): Box {
  const transform = page.transform;
  if (!transform) {
    return box;
  }
  const [x, y, w, h] = box;
  const corners: [number, number][] = [
    [x, y],
    [x + w, y],
    [x, y + h],
    [x + w, y + h],
  ];
  const quarter = ((transform.rotatedDegrees % 360) + 360) % 360;
  // Size of the scaled image before the quarter turn; the deskew keeps the size.
  const turned = quarter === 90 || quarter === 270;
  const scaledWidth = turned ? page.height : page.width;
  const scaledHeight = turned ? page.width : page.height;
  const scaleX = transform.originalWidth / scaledWidth;
  const scaleY = transform.originalHeight / scaledHeight;
  const cos = Math.cos(transform.skewRadians);
  const sin = Math.sin(transform.skewRadians);
  const centreX = page.width / 2;
  const centreY = page.height / 2;
  const mapped = corners.map(([cornerX, cornerY]) => {
    // Undo the deskew: turn back by -skew about the centre (y grows downwards).
    const dx = cornerX - centreX;
    const dy = cornerY - centreY;
    const unskewedX = centreX + dx * cos + dy * sin;
    const unskewedY = centreY - dx * sin + dy * cos;
    // Undo the clockwise quarter turn.
    const [scaledX, scaledY] = unturn(unskewedX, unskewedY, quarter, scaledWidth, scaledHeight);
    return [scaledX * scaleX, scaledY * scaleY] as const;
  });
  const left = clamp(Math.min(...mapped.map(([px]) => px)), transform.originalWidth);
  const right = clamp(Math.max(...mapped.map(([px]) => px)), transform.originalWidth);
  const top = clamp(Math.min(...mapped.map(([, py]) => py)), transform.originalHeight);
  const bottom = clamp(Math.max(...mapped.map(([, py]) => py)), transform.originalHeight);
  return [Math.round(left), Math.round(top), Math.round(right - left), Math.round(bottom - top)];
}

/** A point of the turned image back in the image before a clockwise turn of width x height pixels. */
function unturn(x: number, y: number, quarter: number, width: number, height: number): [number, number] {
  switch (quarter) {
    case 90:
      return [y, height - x];
    case 180:
      return [width - x, height - y];
    case 270:
      return [width - y, x];
    default:
      return [x, y];
  }
}

function clamp(value: number, max: number): number {
  return Math.min(max, Math.max(0, value));
}
