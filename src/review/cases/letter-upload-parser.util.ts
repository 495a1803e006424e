import type { Request, Response } from 'express';
import multer from 'multer';
import { DocumentIntakeError } from '../../documents/intake/document-intake.errors';

/** A letter as it came in a multipart request: the file (field "file") and the text fields beside it. */
export interface UploadedLetter {
  file?: { originalName: string; bytes: Buffer };
  fields: Record<string, unknown>;
}

/**
 * Reads one file into memory, at most `maxBytes` (the chat's intake limit): a larger upload is cut
 * off as soon as it passes the limit. Refusals are DocumentIntakeErrors (FILE_TOO_LARGE,
 * FILE_DAMAGED for a broken or unexpected multipart body), which the caller turns into a message.
 * A request that is not multipart yields no file.
 */
export function letterUploadParser(
  maxBytes: number,
): (request: Request, response: Response) => Promise<UploadedLetter> {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 },
  }).single('file');
  return (request, response) =>
    new Promise((resolve, reject) => {
      parse(request, response, (error: unknown) => {
        if (error) {
          const code = (error as { code?: string }).code;
          reject(
            code === 'LIMIT_FILE_SIZE'
              ? new DocumentIntakeError('FILE_TOO_LARGE', 'The upload is larger than allowed.', {
                  limit: maxBytes,
                })
              : new DocumentIntakeError('FILE_DAMAGED', 'The upload could not be read.'),
          );
          return;
        }
        const file = (request as Request & { file?: Express.Multer.File }).file;
        const fields: unknown = request.body;
        resolve({
          file: file && { originalName: file.originalname, bytes: file.buffer },
          fields: fields && typeof fields === 'object' ? (fields as Record<string, unknown>) : {},
        });
      });
    });
}
