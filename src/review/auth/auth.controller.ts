import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsError } from '../../accounts/accounts.errors';
import { LoginService } from '../../accounts/login.service';
import { OwnPasswordService } from '../../accounts/own-password.service';
import { AppConfig } from '../../config/app-config';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { SessionInfoDto } from './dto/session-info.dto';
import { SignedIn } from './roles.decorator';
import {
  clearSessionCookie,
  readSessionToken,
  sessionCookieName,
  writeSessionCookie,
} from './session-cookie.util';
import { WorkspaceRequest } from './workspace-request.types';

@ApiTags('workspace: sign-in')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly ownPassword: OwnPasswordService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Anmelden / sign in (JSON only); sets the session cookie' })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiUnauthorizedResponse({ description: 'Anmeldung fehlgeschlagen (one message for every reason)' })
  @ApiTooManyRequestsResponse({ description: 'Zu viele Fehlversuche von dieser Adresse / too many failures' })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionInfoDto> {
    // A cross-site HTML form cannot send JSON without a CORS preflight: this is the login's CSRF guard.
    if (!request.is('application/json')) {
      throw new AccountsError('AUTH_CONTENT_TYPE', 'Bitte als JSON senden. / Send JSON.');
    }
    // request.ip is the client's address behind a proxy trusted by TRUST_PROXY.
    const { user, session } = await this.logins.login(
      body.email,
      body.password,
      readSessionToken(request),
      request.ip ?? 'unknown',
    );
    writeSessionCookie(request, response, session.token, this.config);
    return { user, csrfToken: session.csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Abmelden / sign out: ends the session (needs X-CSRF-Token)' })
  @ApiNoContentResponse()
  async logout(
    @Req() request: WorkspaceRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.logins.logout(request.workspaceSession!.user, readSessionToken(request));
    clearSessionCookie(request, response, this.config);
  }

  @Get('me')
  @SignedIn()
  @ApiCookieAuth(sessionCookieName)
  @ApiOperation({ summary: 'Wer bin ich / the signed-in user and the CSRF token' })
  @ApiOkResponse({ type: SessionInfoDto })
  me(@Req() request: WorkspaceRequest): SessionInfoDto {
    const session = request.workspaceSession!;
    return { user: session.user, csrfToken: session.csrfToken };
  }

  @Post('password')
  @HttpCode(200)
  @SignedIn()
  @ApiCookieAuth(sessionCookieName)
  @ApiOperation({
    summary:
      'Eigenes Passwort ändern / change your own password (needs X-CSRF-Token). Ends every session of the account and sets a new session cookie for this browser.',
  })
  @ApiOkResponse({ type: SessionInfoDto })
  @ApiForbiddenResponse({ description: 'Das bisherige Passwort stimmt nicht (PASSWORD_WRONG)' })
  @ApiUnprocessableEntityResponse({
    description: 'Das neue Passwort erfüllt die Regeln nicht (PASSWORD_REJECTED)',
  })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @Req() request: WorkspaceRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionInfoDto> {
    const { user } = request.workspaceSession!;
    const session = await this.ownPassword.change(user, body.currentPassword, body.newPassword);
    writeSessionCookie(request, response, session.token, this.config);
    return { user, csrfToken: session.csrfToken };
  }
}
