import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ReviewAuthModule } from '../auth/review-auth.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminTeamsController } from './admin-teams.controller';
import { AdminUsersController } from './admin-users.controller';
import { AuditLogService } from './audit-log.service';

/** The admin's pages' API: accounts, teams, audit log. */
@Module({
  imports: [ReviewAuthModule, AuditModule],
  controllers: [AdminUsersController, AdminTeamsController, AdminAuditController],
  providers: [AuditLogService],
})
export class ReviewAdminModule {}
