import { DocumentIntakeError } from './document-intake.errors';

export type SupportedDocumentType =
  'image/jpeg' | 'image/png' | 'image/webp' | 'image/tiff' | 'application/pdf';
export type SniffedDocumentType = SupportedDocumentType | 'image/heic';

// ISO-BMFF brands of HEIF/HEIC photos (iPhone default). AVIF ("avif") is not a photo format we expect.
const heicBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pdfMarker = Buffer.from('%PDF-', 'latin1');

/**
 * The document type by the file's first bytes (magic numbers), or null for anything else. The file
 * name and the sender's content type are not trusted. PDF readers accept "%PDF-" anywhere in the
 * first 1024 bytes (some scanners write a header before it), so we do too.
 */
export function sniffType(bytes: Uint8Array): SniffedDocumentType | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024));
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return 'image/jpeg';
  }
  if (head.subarray(0, 8).equals(pngSignature)) {
    return 'image/png';
  }
  if (
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') {
    return 'image/tiff';
  }
  if (
    head.subarray(4, 8).toString('latin1') === 'ftyp' &&
    heicBrands.has(head.subarray(8, 12).toString('latin1'))
  ) {
    return 'image/heic';
  }
  if (head.indexOf(pdfMarker) !== -1) {
    return 'application/pdf';
  }
  return null;
}

/** The supported type of the bytes; throws FILE_EMPTY, HEIC_NOT_SUPPORTED or UNSUPPORTED_TYPE. */
export function requireSupportedType(bytes: Uint8Array): SupportedDocumentType {
  if (bytes.length === 0) {
    throw new DocumentIntakeError('FILE_EMPTY', 'The file is empty.');
  }
  const type = sniffType(bytes);
  if (type === 'image/heic') {
    throw new DocumentIntakeError('HEIC_NOT_SUPPORTED', 'HEIC photos are not supported yet.');
  }
  if (type === null) {
    throw new DocumentIntakeError(
      'UNSUPPORTED_TYPE',
      'The file is neither a PDF nor a JPEG, PNG, WebP or TIFF image.',
    );
  }
  return type;
}
