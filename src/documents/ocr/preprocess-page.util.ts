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

export interface PreprocessedPage {
  /** One-channel (grey) PNG. */
  png: Buffer;
  width: number;
  height: number;
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
 * The output has ONE channel: an RGBA PNG (what a canvas renders) is four times the data for
 * tesseract to decode and convert.
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
  // A clean grey page at the right resolution (what the intake renders from a PDF) goes to
  // tesseract as it came: encoding the same pixels again would cost ~0.1 s per page.
  if (!stretched && scale === 1 && (await isOneChannelPng(image.png))) {
    return { png: image.png, width, height, scale, stretched };
  }
  let pipeline = sharp(grey, { raw: { width, height, channels: 1 } }).timeout({
    seconds: options.timeoutSeconds,
  });
  if (scale !== 1) {
    pipeline = pipeline.resize({
      width: Math.round(width * scale),
      height: Math.round(height * scale),
      kernel: scale > 1 ? 'cubic' : 'lanczos3',
    });
  }
  const { data, info } = await pipeline
    .toColourspace('b-w')
    // withDensity, not withMetadata: withMetadata converts to sRGB and writes three channels.
    .withDensity(options.targetDpi)
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, scale, stretched };
}

/** A small copy for orientation detection (shorter side ~1000 px: enough for OSD, 4-8x less work). */
export async function orientationSample(png: Buffer): Promise<Buffer> {
  return sharp(png)
    .resize({ width: 1000, height: 1000, fit: 'outside', withoutEnlargement: true })
    .toColourspace('b-w')
    .withDensity(150)
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
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

async function isOneChannelPng(png: Buffer): Promise<boolean> {
  const meta = await sharp(png).metadata();
  return meta.format === 'png' && meta.channels === 1 && meta.depth === 'uchar' && !meta.hasAlpha;
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
