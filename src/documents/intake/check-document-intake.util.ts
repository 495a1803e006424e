import { DocumentIntakeError } from './document-intake.errors';
import { checkImageHeader } from './image-pages.util';
import { resolveIntakeLimits, type IntakeLimits } from './intake-limits';
import { readPdfPages } from './pdf-pages.util';
import { requireSupportedType, type SupportedDocumentType } from './sniff-type.util';

/**
 * The quick part of the intake, for an upload that is read later: size, type by magic numbers,
 * an image's header (pixels, TIFF pages), a PDF opened in its worker thread (end marker, password,
 * page count, page sizes). Nothing is decoded, rendered or read by OCR; readDocumentPages does
 * that, with the same limits, in the background. Throws DocumentIntakeError with the same codes.
 */
export async function checkDocumentIntake(
  bytes: Uint8Array,
  overrides: Partial<IntakeLimits> = {},
): Promise<SupportedDocumentType> {
  const limits = resolveIntakeLimits(overrides);
  if (bytes.length === 0) {
    throw new DocumentIntakeError('FILE_EMPTY', 'The file is empty.');
  }
  if (bytes.length > limits.maxBytes) {
    throw new DocumentIntakeError(
      'FILE_TOO_LARGE',
      `The file has ${bytes.length} bytes; at most ${limits.maxBytes} are allowed.`,
      { limit: limits.maxBytes, actual: bytes.length },
    );
  }
  const type = requireSupportedType(bytes);
  if (type === 'application/pdf') {
    await readPdfPages(bytes, limits, { checkOnly: true });
  } else {
    await checkImageHeader(bytes, type, limits);
  }
  return type;
}
