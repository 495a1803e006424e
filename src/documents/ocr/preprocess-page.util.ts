import sharp from 'sharp';
import type { PageImage } from '../intake/page-source.types';

export interface PreprocessOptions {
  /** Resolution tesseract reads best at; text of 10-12 pt is then 30-40 pixels high. */
  targetDpi: number;
  /** Time sharp may take for one page. */
  timeoutSeconds: number;
}

export const defaultPreprocessOptions: PreprocessOptions = { targetDpi: 300, timeoutSeconds: 30 };

// Width of an A4 page in inches: a photo's shorter side is about the letter's width.
const a4WidthInches = 8.27;

export interface PreprocessedPage {
  png: Buffer;
  width: number;
  height: number;
  /** Factor applied to the input image's size. */
  scale: number;
}

/**
 * Grayscale and contrast stretch (1st to 99th percentile, which also evens out a grey phone photo),
 * then scaling to about targetDpi: by the known resolution of scans and rendered PDFs, otherwise by
 * assuming the photo's shorter side is an A4 page's width. Upscaling low-resolution photos helps
 * tesseract far more than it costs; scaling is skipped within 20 % of the target.
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
  let pipeline = sharp(image.png)
    .timeout({ seconds: options.timeoutSeconds })
    .grayscale()
    .normalise({ lower: 1, upper: 99 });
  if (scale !== 1) {
    pipeline = pipeline.resize({
      width: Math.round(image.width * scale),
      height: Math.round(image.height * scale),
      kernel: scale > 1 ? 'cubic' : 'lanczos3',
    });
  }
  const { data, info } = await pipeline
    .withMetadata({ density: options.targetDpi })
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, scale };
}

/** A small copy for orientation detection (shorter side ~1000 px: enough for OSD, 4-8x less work). */
export async function orientationSample(png: Buffer): Promise<Buffer> {
  return sharp(png)
    .resize({ width: 1000, height: 1000, fit: 'outside', withoutEnlargement: true })
    .withMetadata({ density: 150 })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The page turned clockwise by 90, 180 or 270 degrees. */
export async function rotatePage(
  png: Buffer,
  degrees: number,
): Promise<{ png: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png)
    .rotate(degrees)
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
