import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { CaseExportService } from './case-export.service';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The case aggregate. Needs the global FillingModule (ApplicationFillerService) and PrivacyModule. */
@Module({
  imports: [AuditModule, DocumentsModule],
  providers: [CasesService, CasesRepository, CaseExportService],
  exports: [CasesService, CasesRepository],
})
export class CasesModule {}
