import { HttpStatus } from '@nestjs/common';
import { documentIntakeMessage } from '../../documents/intake/document-intake-messages.util';
import {
  DocumentIntakeErrorCode,
  DocumentIntakeErrorDetails,
} from '../../documents/intake/document-intake.errors';

/** Why an uploaded letter was refused, in the chat's words: German first, then English. */
export function intakeRefusalText(
  code: DocumentIntakeErrorCode,
  details: DocumentIntakeErrorDetails = {},
): string {
  return `${documentIntakeMessage(code, 'de', details)} / ${documentIntakeMessage(code, 'en', details)}`;
}

/** 413 for a file over the size limit, 422 for everything else about the file. */
export function intakeRefusalStatus(code: DocumentIntakeErrorCode): number {
  return code === 'FILE_TOO_LARGE' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY;
}
