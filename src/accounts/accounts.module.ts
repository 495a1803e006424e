import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LoginService } from './login.service';
import { OwnPasswordService } from './own-password.service';
import { PasswordHasher } from './password/password-hasher.service';
import { SessionsService } from './sessions.service';
import { TeamsService } from './teams.service';
import { UsersService } from './users.service';

/** Users, teams and sessions of the review workspace. No HTTP here: see src/review. */
@Module({
  imports: [AuditModule],
  providers: [PasswordHasher, SessionsService, LoginService, OwnPasswordService, UsersService, TeamsService],
  exports: [PasswordHasher, SessionsService, LoginService, OwnPasswordService, UsersService, TeamsService],
})
export class AccountsModule {}
