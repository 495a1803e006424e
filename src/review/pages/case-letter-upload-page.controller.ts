import { Controller, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser } from '../../accounts/accounts.types';
import { SessionsService } from '../../accounts/sessions.service';
import { AppConfig } from '../../config/app-config';
import { DocumentIntakeError } from '../../documents/intake/document-intake.errors';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { checkPendingCsrf, CsrfInUploadForm } from '../auth/csrf-in-upload-form.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import { CaseLetterUploadService } from '../cases/case-letter-upload.service';
import { intakeRefusalStatus, intakeRefusalText } from '../cases/intake-refusal.util';
import { letterUploadParser } from '../cases/letter-upload-parser.util';
import { CasePageRenderer } from './case-page-renderer.service';
import { PageExceptionFilter } from './page-exception.filter';

/**
 * The case page's upload form (works without JavaScript): a Kümmerer uploads a letter for the
 * family. Stored -> back to the case page, where it shows "Wird gelesen …" until the reading is
 * done; refused (too large, wrong type, damaged, password) -> the case page with the reason in
 * the chat's words, and nothing stored.
 */
@ApiExcludeController()
@Controller('review')
@UseFilters(PageExceptionFilter)
export class CaseLetterUploadPageController {
  private readonly parse: ReturnType<typeof letterUploadParser>;

  constructor(
    config: AppConfig,
    private readonly uploads: CaseLetterUploadService,
    private readonly pages: CasePageRenderer,
    private readonly sessions: SessionsService,
  ) {
    this.parse = letterUploadParser(config.DOCUMENT_MAX_BYTES);
  }

  @Post('cases/:caseId/letters')
  @CaseScoped()
  @CsrfInUploadForm()
  async upload(
    @Param('caseId') caseId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const letter = await this.parse(request, response);
      checkPendingCsrf(request, this.sessions, letter.fields);
      await this.uploads.upload(caseId, letter.file, user);
    } catch (error) {
      if (!(error instanceof DocumentIntakeError)) {
        throw error;
      }
      // Nothing was stored; a refusal changes nothing, so it needs no CSRF check of its own.
      const refusal = `Der Brief wurde nicht angenommen. ${intakeRefusalText(error.code, error.details)}`;
      await this.pages.render(request, response, caseId, { error: refusal }, intakeRefusalStatus(error.code));
      return;
    }
    response.redirect(303, `/review/cases/${caseId}?msg=letter-uploaded#uploads`);
  }
}
