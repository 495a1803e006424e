import sharp from 'sharp';
import type { PageImage } from '../intake/page-source.types';
import { contrastStretch } from './contrast-stretch.util';

export interface PreprocessOptions {
  /** Resolution tesseract reads best at; body text of 10-11 pt then has an x-height of 20-30 px. */
  targetDpi: number;
  /** Time sharp may take for one page. */
  timeoutSeconds: number;
}

export const defaultPreprocessOptions: PreprocessOptions = { targetDpi: 300, timeoutSeconds: 30 };

// Width of an A4 page in inches: a photo's shorter side is about the letter's width.
const a4WidthInches = 8.27;

/** A page as grey pixels, one byte per pixel, row by row. */
export interface GreyPage {
  grey: Buffer;
  width: number;
  height: number;
}

export interface PreprocessedPage extends GreyPage {
  /** Factor applied to the input image's size. */
  scale: number;
  /** Whether the contrast was stretched (false for clean scans and rendered PDFs). */
  stretched: boolean;
}

/**
 * Grey, contrast stretch when needed (1st to 99th percentile, which also evens out a grey phone
 * photo), then scaling to about targetDpi: by the known resolution of scans and rendered PDFs,
 * otherwise by assuming the photo's shorter side is an A4 page's width. Upscaling low-resolution
 * photos helps tesseract far more than it costs; scaling is skipped within 20 % of the target, so a
 * clean 300 dpi scan is never resampled.
 *
 * Why by hand: sharp's normalise() costs ~0.7 s CPU on an A4 page at 300 dpi (it decodes twice and
 * works on all channels); one decode to raw grey, a histogram in JS and a lookup table take ~0.1 s.
 * The result stays raw grey pixels: tesseract gets them as PGM (toPgm), which needs no encoding
 * here and no decoding in the worker, and the page can be cut into stripes without a decode.
 */
export async function preprocessPage(
  image: PageImage,
  options: PreprocessOptions = defaultPreprocessOptions,
): Promise<PreprocessedPage> {
  const currentDpi = image.dpi ?? Math.min(image.width, image.height) / a4WidthInches;
  let scale = clamp(options.targetDpi / currentDpi, 0.5, 3);
  if (scale > 0.8 && scale < 1.2) {
    scale = 1;
  }
  const decoded = await sharp(image.png)
    .timeout({ seconds: options.timeoutSeconds })
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = decoded.info;
  // toColourspace('b-w') gives one channel; keep only the first if libvips ever returns more.
  const grey = decoded.info.channels === 1 ? decoded.data : firstChannel(decoded.data, decoded.info.channels);
  const stretched = contrastStretch(grey, { lowerPercent: 1, upperPercent: 99 });
  if (scale === 1) {
    return { grey, width, height, scale, stretched };
  }
  const resized = await sharp(grey, { raw: { width, height, channels: 1 } })
    .timeout({ seconds: options.timeoutSeconds })
    .resize({
      width: Math.round(width * scale),
      height: Math.round(height * scale),
      kernel: scale > 1 ? 'cubic' : 'lanczos3',
    })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { grey: resized.data, width: resized.info.width, height: resized.info.height, scale, stretched };
}

// tesseract.js looks for an EXIF orientation tag in the first 500 bytes of every image; a comment
// in the header keeps pixel values out of that window.
const pgmComment = `# ${'-'.repeat(500)}\n`;

/**
 * The rows [fromRow, toRow) of a grey page as a binary PGM (netpbm P5): a short header before the
 * pixels, so there is nothing to encode or decode; tesseract (leptonica) reads it natively.
 */
export function toPgm(page: GreyPage, fromRow = 0, toRow = page.height): Buffer {
  const header = Buffer.from(`P5\n${pgmComment}${page.width} ${toRow - fromRow}\n255\n`, 'latin1');
  return Buffer.concat([header, page.grey.subarray(fromRow * page.width, toRow * page.width)]);
}

/** A small copy for orientation detection (shorter side ~1000 px: enough for OSD, 4-8x less work). */
export async function orientationSample(page: GreyPage): Promise<Buffer> {
  return sharp(page.grey, { raw: { width: page.width, height: page.height, channels: 1 } })
    .resize({ width: 1000, height: 1000, fit: 'outside', withoutEnlargement: true })
    .toColourspace('b-w')
    .withDensity(150)
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The page turned clockwise by 90, 180 or 270 degrees. */
export async function rotatePage(page: GreyPage, degrees: number): Promise<GreyPage> {
  const { data, info } = await sharp(page.grey, {
    raw: { width: page.width, height: page.height, channels: 1 },
  })
    .rotate(degrees)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { grey: data, width: info.width, height: info.height };
}

function firstChannel(data: Buffer, channels: number): Buffer {
  const grey = Buffer.allocUnsafe(data.length / channels);
  for (let index = 0; index < grey.length; index += 1) {
    grey[index] = data[index * channels];
  }
  return grey;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
