import { Controller, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { LoginService } from '../../accounts/login.service';
import { AppConfig } from '../../config/app-config';
import { SignedIn } from '../auth/roles.decorator';
import { clearSessionCookie, readSessionToken } from '../auth/session-cookie.util';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import { PageExceptionFilter } from './page-exception.filter';

/** Sign-out as a plain form POST (CSRF token in the form), so it works without JavaScript. */
@ApiExcludeController()
@Controller('review/logout')
@UseFilters(PageExceptionFilter)
export class LogoutPageController {
  constructor(
    private readonly logins: LoginService,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @SignedIn()
  async logout(@Req() request: WorkspaceRequest, @Res() response: Response): Promise<void> {
    await this.logins.logout(request.workspaceSession!.user, readSessionToken(request));
    clearSessionCookie(request, response, this.config);
    response.redirect(303, '/review/login');
  }
}
