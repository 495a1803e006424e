import { Module } from '@nestjs/common';
import { AccountsModule } from '../../accounts/accounts.module';
import { AccountPageController } from '../pages/account-page.controller';
import { LoginPageController } from '../pages/login-page.controller';
import { LogoutPageController } from '../pages/logout-page.controller';
import { AuthController } from './auth.controller';
import { RolesGuard } from './roles.guard';
import { SessionGuard } from './session.guard';

/**
 * Sign-in, sign-out, the own account page and the guards. Modules with workspace routes import this one to use
 * @Roles/@SignedIn/@CurrentUser; case routes add CaseAccessGuard and provide CASE_TEAM_LOOKUP.
 */
@Module({
  imports: [AccountsModule],
  controllers: [AuthController, LoginPageController, LogoutPageController, AccountPageController],
  providers: [SessionGuard, RolesGuard],
  exports: [AccountsModule, SessionGuard, RolesGuard],
})
export class ReviewAuthModule {}
