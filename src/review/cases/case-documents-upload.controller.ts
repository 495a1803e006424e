import {
  CallHandler,
  Controller,
  ExecutionContext,
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
import { LetterReadingService } from '../../bot/letters/letter-reading.service';
import { CasesRepository } from '../../cases/cases.repository';
import { AppConfig } from '../../config/app-config';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import { DocumentsError } from '../../documents/documents.errors';
import { DocumentInfo, DocumentsService } from '../../documents/documents.service';
import { DocumentIntakeError, DocumentIntakeErrorCode } from '../../documents/intake/document-intake.errors';
import { documentIntakeMessage } from '../../documents/intake/document-intake-messages.util';
import { OcrError } from '../../documents/ocr/ocr.errors';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';

export interface CaseDocumentUploadResult {
  document: DocumentInfo;
  analysis: LetterAnalysis;
  /** The plain-language explanation (German: the Kümmerer reads it). */
  explanation: string;
  /** The case's nearest deadline after this letter. */
  caseDeadline: string | null;
}

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
 * A Kümmerer uploads a letter for a family: stored encrypted with the case, read and analysed as
 * in the chat (the analysis is stored, the case deadline updated), and audited. Refusals carry the
 * family-facing intake message in German and English.
 */
@ApiTags('review')
@Controller('api/review/cases/:caseId/documents')
@Roles('kuemmerer', 'admin')
@CaseScoped()
export class CaseDocumentsUploadController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly reading: LetterReadingService,
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @UseInterceptors(CaseDocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Brief für die Familie hochladen und lesen / upload and read a letter for the family',
  })
  async upload(
    @Param('caseId') caseId: string,
    @Req() request: Request,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CaseDocumentUploadResult> {
    const file = (request as Request & { file?: Express.Multer.File }).file;
    if (!file) {
      throw refusal('FILE_EMPTY');
    }
    // A key of its own: the upload belongs to the case at once, never to a family's chat.
    const conversationKey = `workspace/cases/${caseId}/`;
    let document: DocumentInfo;
    try {
      document = await this.documents.storeUpload({
        conversationKey,
        fileName: file.originalname,
        bytes: file.buffer,
      });
    } catch (error) {
      throw error instanceof DocumentsError
        ? refusal(intakeCodeOf(error), { limit: error.limitBytes })
        : error;
    }
    await this.documents.attachToCase(conversationKey, caseId);
    await this.audit.record({
      actor: actorOf(user),
      action: 'case.document-uploaded',
      subjectType: 'case',
      subjectId: caseId,
      details: { documentId: document.id, mediaType: document.mediaType, sizeBytes: document.sizeBytes },
    });
    try {
      const { analysis, explanation } = await this.reading.readAndStore(document.id, file.buffer, 'de');
      const caseDeadline = (await this.cases.getCase(caseId)).nearestDeadline;
      return { document: { ...document, caseId }, analysis, explanation, caseDeadline };
    } catch (error) {
      if (error instanceof DocumentIntakeError) {
        throw refusal(error.code, error.details);
      }
      if (error instanceof OcrError && error.code === 'OCR_BUSY') {
        throw new HttpException(
          {
            code: 'OCR_BUSY',
            message:
              'Gerade lesen wir viele Briefe. Bitte versuchen Sie es gleich noch einmal. / Busy, please try again shortly.',
          },
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      throw error;
    }
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
