import { DocumentIntakeError } from './document-intake.errors';

/**
 * Reads an upload (a Node stream or any async iterable of chunks) into memory, and refuses it with
 * FILE_TOO_LARGE as soon as it passes the limit: the rest is never read, and leaving the loop early
 * closes the source (for await calls return(), which destroys a Node stream).
 */
export async function readStreamWithLimit(
  source: AsyncIterable<Uint8Array | string>,
  limitBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    total += buffer.length;
    if (total > limitBytes) {
      throw new DocumentIntakeError('FILE_TOO_LARGE', `The file is larger than ${limitBytes} bytes.`, {
        limit: limitBytes,
      });
    }
    // Copy: a producer may reuse its chunk buffers.
    chunks.push(Buffer.from(buffer));
  }
  return Buffer.concat(chunks, total);
}
