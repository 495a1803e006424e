import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { ChannelError } from '../channels.errors';

/** Parses the multipart upload into memory, with the size limit from configuration and a clear message. */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['any']>;

  constructor(private readonly config: AppConfig) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.DIRECTLINE_UPLOAD_LIMIT_BYTES, files: 10, fields: 10, parts: 20 },
    }).any();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      this.parse(request, response, (error: unknown) => (error ? reject(this.translate(error)) : resolve()));
    });
    return next.handle();
  }

  private translate(error: unknown): Error {
    const code = (error as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') {
      const megabytes = Math.floor(this.config.DIRECTLINE_UPLOAD_LIMIT_BYTES / (1024 * 1024));
      return new ChannelError(
        'DIRECTLINE_UPLOAD_TOO_LARGE',
        `Die Datei ist zu groß. Erlaubt sind höchstens ${megabytes} MB. / The file is too large: at most ${megabytes} MB.`,
      );
    }
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      return new ChannelError(
        'DIRECTLINE_UPLOAD_TOO_LARGE',
        `Zu viele Dateien oder Teile. / Too many files or parts (${code}).`,
      );
    }
    return new ChannelError(
      'DIRECTLINE_ACTIVITY_INVALID',
      'Die Datei konnte nicht gelesen werden. / The upload could not be read.',
    );
  }
}
