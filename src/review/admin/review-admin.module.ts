import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ReviewAuthModule } from '../auth/review-auth.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminTeamsController } from './admin-teams.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminPagesController } from '../pages/admin-pages.controller';
import { AuditLogService } from './audit-log.service';

/** Accounts, teams, audit log: the admin API and the admin pages. */
@Module({
  imports: [ReviewAuthModule, AuditModule],
  controllers: [AdminUsersController, AdminTeamsController, AdminAuditController, AdminPagesController],
  providers: [AuditLogService],
})
export class ReviewAdminModule {}
