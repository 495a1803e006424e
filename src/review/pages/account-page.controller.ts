import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsError } from '../../accounts/accounts.errors';
import { OwnPasswordService } from '../../accounts/own-password.service';
import { AppConfig } from '../../config/app-config';
import { SignedIn } from '../auth/roles.decorator';
import { writeSessionCookie } from '../auth/session-cookie.util';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import { ChangePasswordFormDto } from './account-form.dto';
import { accountPage } from './account.page';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './send-page.util';

const refusalStatus: Partial<Record<string, number>> = { PASSWORD_WRONG: 403, PASSWORD_REJECTED: 422 };

/** "Mein Konto": every signed-in person, whatever the role, changes their own password here. */
@ApiExcludeController()
@Controller('review/account')
@SignedIn()
@UseFilters(PageExceptionFilter)
export class AccountPageController {
  constructor(
    private readonly ownPassword: OwnPasswordService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  show(
    @Query('msg') message: string | undefined,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const text =
      message === 'password'
        ? 'Ihr Passwort ist geändert. Andere Geräte sind abgemeldet. / Password changed; other devices signed out.'
        : undefined;
    this.render(request, response, { message: text });
  }

  @Post('password')
  async changePassword(
    @Body() body: ChangePasswordFormDto,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ): Promise<void> {
    if (body.newPassword !== body.repeatPassword) {
      this.render(request, response, {
        error: ['Die beiden neuen Passwörter sind verschieden. / The two new passwords differ.'],
        status: 422,
      });
      return;
    }
    try {
      const session = await this.ownPassword.change(
        request.workspaceSession!.user,
        body.currentPassword,
        body.newPassword,
      );
      writeSessionCookie(request, response, session.token, this.config);
      response.redirect(303, '/review/account?msg=password');
    } catch (error) {
      const status = error instanceof AccountsError ? refusalStatus[error.code] : undefined;
      if (!status) {
        throw error; // locked out (signed out with it) and anything else: the error page
      }
      const refusal = error as AccountsError;
      this.render(request, response, { error: [refusal.message, ...refusal.reasons], status });
    }
  }

  private render(
    request: WorkspaceRequest,
    response: Response,
    options: { message?: string; error?: readonly string[]; status?: number },
  ): void {
    const { user, csrfToken } = request.workspaceSession!;
    sendPage(
      response.status(options.status ?? 200),
      accountPage({
        user: { displayName: user.displayName, login: user.login, csrfToken, admin: user.role === 'admin' },
        message: options.message,
        error: options.error,
      }),
    );
  }
}
