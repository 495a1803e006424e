import type { Response } from 'express';

/**
 * Sends a file of a case (a filled PDF, an upload as it was sent): never cached (personal data),
 * never sniffed into another type, shown in the browser (`inline`) or saved under a file name
 * reduced to safe characters.
 */
export function sendCaseFile(
  response: Response,
  file: { bytes: Buffer; mediaType: string; fileName: string },
  inline: boolean,
): void {
  response
    .status(200)
    .type(file.mediaType)
    .set('Cache-Control', 'no-store')
    .set('X-Content-Type-Options', 'nosniff')
    .set(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
    )
    .send(file.bytes);
}
