import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthenticatedUser } from '../../accounts/accounts.types';
import { caseNotFound } from '../auth/case-access.guard';
import { CaseScoped } from '../auth/case-scoped.decorator';
import { CurrentUser } from '../auth/current-user.decorator';
import { CasePreviewService, PreviewImage } from './case-preview.service';

/** Page images of the filled forms and letter regions; both are reads of the case, audited. */
@ApiTags('review')
@Controller('api/review/cases/:caseId')
@CaseScoped()
export class CasePreviewController {
  constructor(private readonly previews: CasePreviewService) {}

  @Get('documents/:documentId/pages/:page')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'Eine Seite des ausgefüllten Formulars als PNG / one form page as PNG' })
  async formPage(
    @Param('caseId') caseId: string,
    @Param('documentId') documentId: string,
    // A malformed page number is the same 404 as an unknown one.
    @Param('page', new ParseIntPipe({ exceptionFactory: () => caseNotFound() })) page: number,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    sendPng(response, await this.previews.formPage(caseId, documentId, page, user));
  }

  @Get('letter-region')
  @ApiProduces('image/png')
  @ApiOperation({
    summary: 'Ausschnitt aus dem Brief, aus dem eine Angabe stammt / the letter region of an answer',
  })
  async letterRegion(
    @Param('caseId') caseId: string,
    @Query('path') path: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    sendPng(response, await this.previews.letterRegion(caseId, path ?? '', user));
  }
}

function sendPng(response: Response, image: PreviewImage): void {
  response
    .status(200)
    .type('image/png')
    // Private data: the browser keeps it for the page only, no shared cache stores it.
    .set('Cache-Control', 'private, no-store')
    .set('X-Content-Type-Options', 'nosniff')
    // The alt text travels along for clients of the API (URI-encoded: German umlauts).
    .set('X-Alt-Text', encodeURIComponent(image.alt))
    .send(image.png);
}
