import sharp, { type Metadata } from 'sharp';
import { DocumentIntakeError } from './document-intake.errors';
import type { IntakeLimits } from './intake-limits';
import type { PageImage } from './page-source.types';
import type { SupportedDocumentType } from './sniff-type.util';
import { withTimeout } from './with-timeout.util';

type ImageType = Exclude<SupportedDocumentType, 'application/pdf'>;

/**
 * Decodes a photo or scan into one grayscale PNG per page, EXIF orientation applied. Dimensions and
 * page count come from the header (sharp metadata) and are checked BEFORE anything is decoded, so a
 * small file claiming 100000 x 100000 pixels is refused at once. Multi-page TIFFs are split;
 * other formats (an animated WebP) give their first frame only.
 */
export async function readImagePages(
  bytes: Uint8Array,
  type: ImageType,
  limits: IntakeLimits,
): Promise<PageImage[]> {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const seconds = Math.max(1, Math.ceil(limits.stepTimeoutMs / 1000));
  const { metadata, pageCount } = await checkedHeader(input, type, limits);
  const pages: PageImage[] = [];
  for (let index = 0; index < pageCount; index += 1) {
    const pageMetadata = index === 0 ? metadata : await readMetadata(input, index, limits);
    const decode = sharp(input, {
      page: index,
      pages: 1,
      limitInputPixels: limits.maxPixels,
      failOn: 'error',
    })
      .timeout({ seconds })
      .rotate()
      .flatten({ background: '#ffffff' })
      // One grey channel: grayscale() alone still writes three (sRGB), three times the pixels for OCR.
      .toColourspace('b-w')
      .png({ compressionLevel: 1 })
      .toBuffer({ resolveWithObject: true });
    const { data, info } = await withTimeout(decode, limits.stepTimeoutMs, 'Decoding the image').catch(
      (error: unknown) => {
        throw toIntakeError(error);
      },
    );
    pages.push({
      page: index + 1,
      png: data,
      width: info.width,
      height: info.height,
      dpi: densityOf(pageMetadata),
    });
  }
  return pages;
}

/**
 * The checks of readImagePages that need only the header (pixels, TIFF pages, damaged header),
 * without decoding: fast enough to run while an upload waits for its answer.
 */
export async function checkImageHeader(
  bytes: Uint8Array,
  type: ImageType,
  limits: IntakeLimits,
): Promise<void> {
  await checkedHeader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), type, limits);
}

/** The header's metadata and page count, each checked against the limits; nothing decoded. */
async function checkedHeader(
  input: Buffer,
  type: ImageType,
  limits: IntakeLimits,
): Promise<{ metadata: Metadata; pageCount: number }> {
  checkPngHeader(input, limits);
  const metadata = await readMetadata(input, 0, limits);
  const pageCount = type === 'image/tiff' ? (metadata.pages ?? 1) : 1;
  if (pageCount > limits.maxPages) {
    throw new DocumentIntakeError(
      'TOO_MANY_PAGES',
      `The TIFF has ${pageCount} pages; at most ${limits.maxPages} are allowed.`,
      { limit: limits.maxPages, actual: pageCount },
    );
  }
  return { metadata, pageCount };
}

async function readMetadata(input: Buffer, page: number, limits: IntakeLimits): Promise<Metadata> {
  let metadata: Metadata;
  try {
    metadata = await withTimeout(
      sharp(input, { page, limitInputPixels: false }).metadata(),
      limits.stepTimeoutMs,
      'Reading the image header',
    );
  } catch (error) {
    throw toIntakeError(error);
  }
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width <= 0 || height <= 0) {
    throw new DocumentIntakeError('FILE_DAMAGED', 'The image has no size.');
  }
  if (width * height > limits.maxPixels) {
    throw new DocumentIntakeError('IMAGE_TOO_LARGE', `The image has ${width} x ${height} pixels.`, {
      limit: limits.maxPixels,
      actual: width * height,
    });
  }
  return metadata;
}

/**
 * PNG bombs are the classic: a few kilobytes of zeros that inflate to gigabytes. The size sits at a
 * fixed place (IHDR), so it is checked even when libvips would refuse the rest of the header.
 */
function checkPngHeader(input: Buffer, limits: IntakeLimits): void {
  if (input.length < 24 || input.toString('latin1', 12, 16) !== 'IHDR') {
    return;
  }
  const width = input.readUInt32BE(16);
  const height = input.readUInt32BE(20);
  if (width * height > limits.maxPixels) {
    throw new DocumentIntakeError('IMAGE_TOO_LARGE', `The image has ${width} x ${height} pixels.`, {
      limit: limits.maxPixels,
      actual: width * height,
    });
  }
}

function densityOf(metadata: Metadata): number | undefined {
  // 72 dpi is what cameras write when they know nothing; it says nothing about text size.
  return metadata.density && metadata.density > 72 ? metadata.density : undefined;
}

function toIntakeError(error: unknown): DocumentIntakeError {
  if (error instanceof DocumentIntakeError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new DocumentIntakeError('IMAGE_TOO_LARGE', 'The image has too many pixels.');
  }
  if (/timeout/i.test(message)) {
    return new DocumentIntakeError('PROCESSING_TIMEOUT', 'Decoding the image took too long.');
  }
  return new DocumentIntakeError('FILE_DAMAGED', `The image cannot be decoded (${message}).`);
}
