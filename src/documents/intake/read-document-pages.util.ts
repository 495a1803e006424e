import { DocumentIntakeError } from './document-intake.errors';
import { readImagePages } from './image-pages.util';
import { resolveIntakeLimits, type IntakeLimits } from './intake-limits';
import type { PageSource } from './page-source.types';
import { readPdfPages } from './pdf-pages.util';
import { requireSupportedType, type SupportedDocumentType } from './sniff-type.util';

export interface ReadDocumentPagesResult {
  type: SupportedDocumentType;
  pages: PageSource[];
}

/**
 * The intake in one call: size, type by magic numbers, limits, then the pages of the file (text
 * layers read directly, everything else as grayscale images for OCR). Throws DocumentIntakeError
 * with a code for every refusal; never hangs (each step is bounded by limits.stepTimeoutMs).
 */
export async function readDocumentPages(
  bytes: Uint8Array,
  overrides: Partial<IntakeLimits> = {},
  onOpened?: (pages: number) => void,
): Promise<ReadDocumentPagesResult> {
  const limits = resolveIntakeLimits(overrides);
  if (bytes.length > limits.maxBytes) {
    throw new DocumentIntakeError(
      'FILE_TOO_LARGE',
      `The file has ${bytes.length} bytes; at most ${limits.maxBytes} are allowed.`,
      {
        limit: limits.maxBytes,
        actual: bytes.length,
      },
    );
  }
  const type = requireSupportedType(bytes);
  if (type === 'application/pdf') {
    return { type, pages: await readPdfPages(bytes, limits, { onOpened }) };
  }
  const images = await readImagePages(bytes, type, limits);
  onOpened?.(images.length);
  return { type, pages: images.map((image) => ({ kind: 'image', image })) };
}
