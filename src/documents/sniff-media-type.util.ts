/** Media types a family may send: photos of letters and PDFs. */
export const allowedMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/tiff',
] as const;
export type AllowedMediaType = (typeof allowedMediaTypes)[number];

/**
 * The media type by the file's first bytes (magic numbers), or null for anything else.
 * The sender's content type is not trusted: a renamed file must not pass as a photo.
 */
export function sniffMediaType(bytes: Uint8Array): AllowedMediaType | null {
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return 'application/pdf';
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return 'image/jpeg';
  }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  const brand = head.subarray(8, 12).toString('latin1');
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1|msf1|heim|heis)$/.test(brand)) {
    return 'image/heic';
  }
  const tiff = head.subarray(0, 4).toString('latin1');
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') {
    return 'image/tiff';
  }
  return null;
}
