import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';

/** Maps a domain error code to an HTTP status. Areas register their codes here. */
const statusByCode: Record<string, number> = {
  PDF_UNREADABLE: HttpStatus.UNPROCESSABLE_ENTITY,
  PDF_PASSWORD_REQUIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  PDF_NO_FORM: HttpStatus.UNPROCESSABLE_ENTITY,
  TEMPLATE_NOT_INSTALLED: HttpStatus.SERVICE_UNAVAILABLE,
  TEMPLATE_HASH_MISMATCH: HttpStatus.INTERNAL_SERVER_ERROR,
  FORM_NOT_FOUND: HttpStatus.NOT_FOUND,
  ANSWERS_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  DIRECTLINE_UNAUTHORIZED: HttpStatus.UNAUTHORIZED,
  DIRECTLINE_TOKEN_EXPIRED: HttpStatus.FORBIDDEN,
  DIRECTLINE_FORBIDDEN: HttpStatus.FORBIDDEN,
  DIRECTLINE_CONVERSATION_NOT_FOUND: HttpStatus.NOT_FOUND,
  DIRECTLINE_ATTACHMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  DIRECTLINE_ACTIVITY_INVALID: HttpStatus.BAD_REQUEST,
  DIRECTLINE_UPLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  DIRECTLINE_UPLOAD_EMPTY: HttpStatus.BAD_REQUEST,
  CHAT_TOKEN_RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  AUTH_LOGIN_FAILED: HttpStatus.UNAUTHORIZED,
  AUTH_RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  AUTH_UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  AUTH_CSRF_INVALID: HttpStatus.FORBIDDEN,
  AUTH_FORBIDDEN: HttpStatus.FORBIDDEN,
  AUTH_CONTENT_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  PASSWORD_REJECTED: HttpStatus.UNPROCESSABLE_ENTITY,
  PASSWORD_WRONG: HttpStatus.FORBIDDEN,
  USER_NOT_FOUND: HttpStatus.NOT_FOUND,
  USER_LOGIN_TAKEN: HttpStatus.CONFLICT,
  USER_TEAM_REQUIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  TEAM_NOT_FOUND: HttpStatus.NOT_FOUND,
  TEAM_NAME_TAKEN: HttpStatus.CONFLICT,
  TEAM_NAME_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SCOPED_RESOURCE_NOT_FOUND: HttpStatus.NOT_FOUND,
  // Case routes check the team first (@CaseScoped): these only follow a case deleted meanwhile.
  CASE_NOT_FOUND: HttpStatus.NOT_FOUND,
  CASE_DOCUMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  CASE_STATUS_INVALID: HttpStatus.CONFLICT,
  CASE_ANSWER_UNKNOWN: HttpStatus.UNPROCESSABLE_ENTITY,
  CASE_ANSWER_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  CASE_ANSWERS_INCOMPLETE: HttpStatus.UNPROCESSABLE_ENTITY,
  // Uploaded documents (DocumentsError): too large, nothing in it, a type we do not take, gone.
  DOCUMENT_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  DOCUMENT_EMPTY: HttpStatus.UNPROCESSABLE_ENTITY,
  DOCUMENT_TYPE_NOT_ALLOWED: HttpStatus.UNPROCESSABLE_ENTITY,
  DOCUMENT_NOT_FOUND: HttpStatus.NOT_FOUND,
  DOCUMENT_ALREADY_READ: HttpStatus.CONFLICT,
  // Reading a document (DocumentIntakeError): the file is the problem, so 413 or 422; a PDF that
  // takes too long to open is refused as well (422), the service itself is fine.
  FILE_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  FILE_EMPTY: HttpStatus.UNPROCESSABLE_ENTITY,
  UNSUPPORTED_TYPE: HttpStatus.UNPROCESSABLE_ENTITY,
  HEIC_NOT_SUPPORTED: HttpStatus.UNPROCESSABLE_ENTITY,
  TOO_MANY_PAGES: HttpStatus.UNPROCESSABLE_ENTITY,
  IMAGE_TOO_LARGE: HttpStatus.UNPROCESSABLE_ENTITY,
  PAGE_TOO_LARGE: HttpStatus.UNPROCESSABLE_ENTITY,
  PDF_ENCRYPTED: HttpStatus.UNPROCESSABLE_ENTITY,
  FILE_DAMAGED: HttpStatus.UNPROCESSABLE_ENTITY,
  PROCESSING_TIMEOUT: HttpStatus.UNPROCESSABLE_ENTITY,
  // OCR (OcrError): a full queue or a restart is temporary (503, try again); a page that cannot be
  // read in time or at all is the file's problem (422).
  OCR_BUSY: HttpStatus.SERVICE_UNAVAILABLE,
  OCR_CLOSED: HttpStatus.SERVICE_UNAVAILABLE,
  OCR_TIMEOUT: HttpStatus.UNPROCESSABLE_ENTITY,
  OCR_FAILED: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** The HTTP status of a domain error code, or undefined for a code no area registered. */
export function httpStatusOfCode(code: unknown): number | undefined {
  return typeof code === 'string' && Object.hasOwn(statusByCode, code) ? statusByCode[code] : undefined;
}

/**
 * The log line of an error answer, so that the number a person quotes is found: its correlation
 * id, status, code (or the exception's class) and route. A 4xx is the client's business (warn,
 * and nothing of the message, which may quote what was typed); a 5xx is ours (error, with the
 * message, redacted by the logger, and for an unexpected error the stack). Never a body or a query
 * string; the path holds ids only (case ids are fine).
 */
export function logErrorAnswer(
  logger: Pick<Logger, 'warn' | 'error'>,
  correlationId: string,
  status: number,
  request: Pick<Request, 'method' | 'path'>,
  exception: unknown,
): void {
  const code = (exception as { code?: unknown })?.code;
  const kind =
    typeof code === 'string' ? code : exception instanceof Error ? exception.name : typeof exception;
  const line = `${correlationId} ${status} ${kind} ${request.method} ${request.path}`;
  if (status < 500) {
    logger.warn(line);
    return;
  }
  const message = exception instanceof Error ? exception.message : String(exception);
  const unexpected = typeof code !== 'string' && !(exception instanceof HttpException);
  if (unexpected && exception instanceof Error && exception.stack) {
    logger.error(`${line}: ${message}`, exception.stack);
  } else {
    logger.error(`${line}: ${message}`);
  }
}

/**
 * Every error leaves as JSON with a correlation id that also appears in the log line,
 * so a Kümmerer can quote it to the operator without any personal data changing hands.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const correlationId = randomUUID();

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      logErrorAnswer(this.logger, correlationId, status, request, exception);
      response.status(status).json({
        ...(typeof body === 'string' ? { message: body } : body),
        statusCode: status,
        correlationId,
      });
      return;
    }

    const code = (exception as { code?: unknown })?.code;
    if (typeof code === 'string' && code in statusByCode) {
      const status = statusByCode[code];
      const message = exception instanceof Error ? exception.message : 'Error';
      logErrorAnswer(this.logger, correlationId, status, request, exception);
      // Plain-language reasons a person can act on (password rules), when the error has them.
      const reasons = (exception as { reasons?: unknown }).reasons;
      const withReasons = Array.isArray(reasons) && reasons.length > 0 ? { reasons } : {};
      if (status === 503 && code.startsWith('OCR_')) {
        // Clients may retry a full OCR queue; a minute is about what a burst of letters takes.
        response.setHeader('Retry-After', '60');
      }
      response.status(status).json({ statusCode: status, code, message, ...withReasons, correlationId });
      return;
    }

    logErrorAnswer(this.logger, correlationId, HttpStatus.INTERNAL_SERVER_ERROR, request, exception);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Interner Fehler. Bitte nennen Sie diese Nummer, wenn Sie Hilfe brauchen.',
      correlationId,
    });
  }
}
