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
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { AuthenticatedUser } from '../../accounts/accounts.types';
import { AppConfig } from '../../config/app-config';
import {
  DocumentIntakeError,
  DocumentIntakeErrorCode,
  DocumentIntakeErrorDetails,
} from '../../documents/intake/document-intake.errors';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { CaseLetterUploadService } from './case-letter-upload.service';
import { CaseLettersService } from './case-letters.service';
import type { CaseLetterReading } from './case-letters.types';
import { intakeRefusalStatus, intakeRefusalText } from './intake-refusal.util';
import { letterUploadParser, UploadedLetter } from './letter-upload-parser.util';
import { sendCaseFile } from './send-case-file.util';

/** One file per request, in memory, at most DOCUMENT_MAX_BYTES: the chat's intake limit. */
@Injectable()
export class CaseDocumentUploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<typeof letterUploadParser>;

  constructor(config: AppConfig) {
    this.parse = letterUploadParser(config.DOCUMENT_MAX_BYTES);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    try {
      parsedUploads.set(request, await this.parse(request, context.switchToHttp().getResponse<Response>()));
    } catch (error) {
      throw error instanceof DocumentIntakeError ? refusal(error.code, error.details) : error;
    }
    return next.handle();
  }
}

/** What the interceptor read, per request. */
const parsedUploads = new WeakMap<Request, UploadedLetter>();

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
    private readonly uploads: CaseLetterUploadService,
    private readonly letters: CaseLettersService,
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
    try {
      return await this.uploads.upload(caseId, parsedUploads.get(request)?.file, user);
    } catch (error) {
      throw error instanceof DocumentIntakeError ? refusal(error.code, error.details) : error;
    }
  }

  @Get(':documentId/file')
  @ApiOperation({
    summary:
      'Eine Unterlage der Familie ansehen (Foto oder PDF, wie gesendet) / an upload as it was sent (?inline=1 to view); audited',
  })
  async file(
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
    @Query('inline') inline: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    sendCaseFile(response, await this.uploads.open(caseId, documentId, user), inline === '1');
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

/** The chat's intake message, German first, as an HTTP refusal (413 for size, else 422). */
function refusal(code: DocumentIntakeErrorCode, details: DocumentIntakeErrorDetails = {}): HttpException {
  return new HttpException({ code, message: intakeRefusalText(code, details) }, intakeRefusalStatus(code));
}
