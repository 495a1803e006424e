import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { BotModule } from '../../bot/bot.module';
import { CaseQueueRepository } from '../../cases/case-queue.repository';
import { CasesModule } from '../../cases/cases.module';
import { DocumentsModule } from '../../documents/documents.module';
import { CaseAccessGuard } from '../auth/case-access.guard';
import { CASE_TEAM_LOOKUP } from '../auth/case-team-lookup.types';
import { ReviewAuthModule } from '../auth/review-auth.module';
import { CaseLetterUploadPageController } from '../pages/case-letter-upload-page.controller';
import { CasePageRenderer } from '../pages/case-page-renderer.service';
import { ReviewPagesController } from '../pages/review-pages.controller';
import { CasePreviewController } from '../preview/case-preview.controller';
import { CasePreviewService } from '../preview/case-preview.service';
import { CaseEventsService } from './case-events.service';
import { CaseDocumentsUploadController } from './case-documents-upload.controller';
import { CaseLetterUploadService } from './case-letter-upload.service';
import { CaseLettersService } from './case-letters.service';
import { CaseViewService } from './case-view.service';
import { ReviewCaseActionsService } from './review-case-actions.service';
import { ReviewCaseController, ReviewQueueController } from './review-cases.controller';

/** Queue, case view, corrections, ask-back, approval: the API and the pages. */
@Module({
  imports: [ReviewAuthModule, AuditModule, CasesModule, BotModule, DocumentsModule],
  controllers: [
    ReviewQueueController,
    ReviewCaseController,
    ReviewPagesController,
    CaseDocumentsUploadController,
    CaseLetterUploadPageController,
    CasePreviewController,
  ],
  providers: [
    CaseAccessGuard,
    { provide: CASE_TEAM_LOOKUP, useExisting: CaseQueueRepository },
    CaseViewService,
    CaseEventsService,
    ReviewCaseActionsService,
    CasePreviewService,
    CaseLettersService,
    CaseLetterUploadService,
    CasePageRenderer,
  ],
})
export class ReviewCasesModule {}
