import sharp from 'sharp';

export type Box = [x: number, y: number, width: number, height: number];

/** "x,y,width,height" as stored with an answer's provenance; anything else is no box. */
export function parseBox(stored: string | null): Box | undefined {
  const parts = stored?.split(',').map(Number);
  if (!parts || parts.length !== 4 || parts.some((part) => !Number.isFinite(part) || part < 0)) {
    return undefined;
  }
  return parts as Box;
}

/** Widest crop sent to the browser. */
const maxWidth = 900;

/**
 * Cuts the area around `box` (pixels) out of a page image, with room for the surrounding lines,
 * and marks the box with a thick frame, so the Kümmerer sees the value in its context.
 */
export async function highlightRegion(image: Buffer, box: Box): Promise<Buffer> {
  const { width: imageWidth = 1, height: imageHeight = 1 } = await sharp(image).metadata();
  const [x, y, width, height] = box.map(Math.round);
  const padY = Math.max(48, height * 3);
  const padX = Math.max(96, Math.round(width * 0.5));
  const left = clamp(x - padX, 0, imageWidth - 1);
  const top = clamp(y - padY, 0, imageHeight - 1);
  const right = clamp(x + width + padX, left + 1, imageWidth);
  const bottom = clamp(y + height + padY, top + 1, imageHeight);
  const cropWidth = right - left;
  const cropHeight = bottom - top;
  const stroke = Math.max(3, Math.round(Math.min(cropWidth, cropHeight) / 120));
  const frame = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cropWidth}" height="${cropHeight}">` +
      `<rect x="${x - left - stroke}" y="${y - top - stroke}" width="${width + 2 * stroke}" ` +
      `height="${height + 2 * stroke}" fill="#ffd400" fill-opacity="0.25" stroke="#c2185b" ` +
      `stroke-width="${stroke}"/></svg>`,
  );
  const cropped = await sharp(image)
    .extract({ left, top, width: cropWidth, height: cropHeight })
    .composite([{ input: frame, left: 0, top: 0 }])
    .png()
    .toBuffer();
  return sharp(cropped).resize({ width: maxWidth, withoutEnlargement: true }).png().toBuffer();
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
