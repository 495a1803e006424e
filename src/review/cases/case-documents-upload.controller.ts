import {
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  Param,
  Post,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { AuthenticatedUser, actorOf } from '../../accounts/accounts.types';
import { AuditService } from '../../audit/audit.service';
import { AppConfig } from '../../config/app-config';
import { DocumentsError } from '../../documents/documents.errors';
import { DocumentInfo, DocumentsService } from '../../documents/documents.service';
import { DocumentIntakeError, DocumentIntakeErrorCode } from '../../documents/intake/document-intake.errors';
import { documentIntakeMessage } from '../../documents/intake/document-intake-messages.util';
import { checkDocumentIntake } from '../../documents/intake/check-document-intake.util';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CaseLettersService } from './case-letters.service';
import type { CaseLetterReading } from './case-letters.types';

/** One file per request, in memory, at most DOCUMENT_MAX_BYTES: the chat's intake limit. */
@Injectable()
export class CaseDocumentUploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(private readonly config: AppConfig) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.DOCUMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    await new Promise<void>((resolve, reject) => {
      this.parse(request, response, (error: unknown) => {
        const code = (error as { code?: string } | undefined)?.code;
        if (!error) {
          resolve();
        } else if (code === 'LIMIT_FILE_SIZE') {
          reject(refusal('FILE_TOO_LARGE', { limit: this.config.DOCUMENT_MAX_BYTES }));
        } else {
          reject(refusal('FILE_DAMAGED'));
        }
      });
    });
    return next.handle();
  }
}

/**
 * A Kümmerer uploads a letter for a family: checked as the chat checks it (type, size, pages,
 * damaged or password-protected PDF), stored encrypted with the case and audited, then answered
 * at once (202, reading state 'pending'). The OCR and the letter analysis run in the background
 * (CaseLettersService); the result is stored with the document as for a chat upload, and a case
 * event updates open workspace pages. Refusals carry the family-facing intake message in German
 * and English.
 */
@ApiTags('review')
@Controller('api/review/cases/:caseId/documents')
@Roles('kuemmerer', 'admin')
@CaseScoped()
export class CaseDocumentsUploadController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly letters: CaseLettersService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(CaseDocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Brief für die Familie hochladen; er wird im Hintergrund gelesen / upload a letter for the family (202; read in the background)',
  })
  async upload(
    @Param('caseId') caseId: string,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseLetterReading> {
    const file = (request as Request & { file?: Express.Multer.File }).file;
    if (!file) {
      throw refusal('FILE_EMPTY');
    }
    // The quick part of the intake (header, page count, password, damage) before anything is stored.
    try {
      await checkDocumentIntake(file.buffer, {
        maxBytes: this.config.DOCUMENT_MAX_BYTES,
        maxPages: this.config.DOCUMENT_MAX_PAGES,
        maxPixels: this.config.DOCUMENT_MAX_PIXELS,
      });
    } catch (error) {
      if (error instanceof DocumentIntakeError) {
        throw refusal(error.code, error.details);
      }
      throw error;
    }
    let document: DocumentInfo;
    try {
      document = await this.documents.storeUpload({
        // A key of its own: the upload belongs to the case at once, never to a family's chat.
        conversationKey: `workspace/cases/${caseId}/`,
        caseId,
        fileName: file.originalname,
        bytes: file.buffer,
        readingState: 'pending',
      });
    } catch (error) {
      throw error instanceof DocumentsError
        ? refusal(intakeCodeOf(error), { limit: error.limitBytes })
        : error;
    }
    await this.audit.record({
      actor: actorOf(user),
      action: 'case.document-uploaded',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId: document.id, mediaType: document.mediaType, sizeBytes: document.sizeBytes },
    });
    this.letters.schedule(document.id);
    return this.letters.resultOf(document);
  }

  @Get(':documentId/reading')
  @ApiOperation({
    summary: 'Stand des Lesens eines hochgeladenen Briefs / reading state and result of an uploaded letter',
  })
  reading(
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
  ): Promise<CaseLetterReading> {
    return this.letters.readingOf(caseId, documentId);
  }

  @Post(':documentId/read')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Einen Brief noch einmal lesen, dessen Lesen fehlschlug / read a letter again whose reading failed (202; 409 DOCUMENT_ALREADY_READ when it was read)',
  })
  readAgain(
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
  ): Promise<CaseLetterReading> {
    return this.letters.readAgain(caseId, documentId);
  }
}

function intakeCodeOf(error: DocumentsError): DocumentIntakeErrorCode {
  switch (error.code) {
    case 'DOCUMENT_TOO_LARGE':
      return 'FILE_TOO_LARGE';
    case 'DOCUMENT_EMPTY':
      return 'FILE_EMPTY';
    default:
      return 'UNSUPPORTED_TYPE';
  }
}

/** The chat's intake message, German first, as an HTTP refusal (413 for size, else 422). */
function refusal(code: DocumentIntakeErrorCode, details: { limit?: number } = {}): HttpException {
  const status = code === 'FILE_TOO_LARGE' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY;
  const message = `${documentIntakeMessage(code, 'de', details)} / ${documentIntakeMessage(code, 'en', details)}`;
  return new HttpException({ code, message }, status);
}
