import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { CaseApprovalService } from './case-approval.service';
import { CaseCorrectionsService } from './case-corrections.service';
import { CaseDraftsService } from './case-drafts.service';
import { CaseExportService } from './case-export.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseItemRemovalService } from './case-item-removal.service';
import { CaseQueueRepository } from './case-queue.repository';
import { CaseTeamService } from './case-team.service';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CoverSheetPdfService } from './cover-sheet-pdf.service';
import { PdfBasesService } from './pdf-bases.service';
import { CASE_EVENT_BUS, CaseEventBus } from './events/case-events.types';
import { InProcessCaseEventBus } from './events/in-process-case-event-bus';
import { RedisCaseEventBus } from './events/redis-case-event-bus';
import { AppConfig } from '../config/app-config';

/** The case aggregate. Needs the global FillingModule (ApplicationFillerService) and PrivacyModule. */
@Module({
  imports: [AuditModule, DocumentsModule],
  providers: [
    CasesService,
    CaseIntakeService,
    CasesRepository,
    CaseExportService,
    CaseQueueRepository,
    CaseTeamService,
    CaseCorrectionsService,
    CaseItemRemovalService,
    CaseApprovalService,
    CaseDraftsService,
    PdfBasesService,
    CoverSheetPdfService,
    // Several instances (REDIS_URL): events reach the workspace pages open on every instance.
    {
      provide: CASE_EVENT_BUS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): CaseEventBus =>
        config.REDIS_URL ? new RedisCaseEventBus(config.REDIS_URL) : new InProcessCaseEventBus(),
    },
  ],
  exports: [
    CasesService,
    CaseIntakeService,
    CasesRepository,
    CaseQueueRepository,
    CaseCorrectionsService,
    CaseItemRemovalService,
    CaseApprovalService,
    CaseDraftsService,
    CASE_EVENT_BUS,
  ],
})
export class CasesModule implements OnApplicationShutdown {
  constructor(@Inject(CASE_EVENT_BUS) private readonly events: CaseEventBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
  }
}
