import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

/** The case aggregate. Needs the global FillingModule (ApplicationFillerService) and PrivacyModule. */
@Module({
  imports: [AuditModule],
  providers: [CasesService, CasesRepository],
  exports: [CasesService, CasesRepository],
})
export class CasesModule {}
