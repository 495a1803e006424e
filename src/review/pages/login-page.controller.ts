import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginService } from '../../accounts/login.service';
import { AppConfig } from '../../config/app-config';
import { issueLoginToken, loginTokenValid } from '../auth/login-form-token.util';
import { safeReturnPath } from '../auth/return-path.util';
import { isSecureRequest, readSessionToken, writeSessionCookie } from '../auth/session-cookie.util';
import { LoginFormDto } from './login-form.dto';
import { loginPage } from './login.page';
import { sendPage } from './send-page.util';

const refusals: Record<string, { status: number; text: string }> = {
  AUTH_RATE_LIMITED: {
    status: 429,
    text: 'Zu viele Versuche von diesem Gerät. Bitte warten Sie 15 Minuten. / Too many attempts; wait 15 minutes.',
  },
  AUTH_LOGIN_FAILED: {
    status: 401,
    text: 'Anmeldung fehlgeschlagen. Bitte prüfen Sie E-Mail und Passwort. / Sign-in failed. Check e-mail and password.',
  },
};

/** The server-rendered sign-in: a form POST with a pre-session CSRF token, no JavaScript needed. */
@ApiExcludeController()
@Controller('review/login')
export class LoginPageController {
  constructor(
    private readonly logins: LoginService,
    private readonly config: AppConfig,
  ) {}

  /** `next`, `reason=expired` and `lost=1` come from a page that found no session (PageExceptionFilter). */
  @Get()
  show(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): void {
    sendPage(
      response,
      loginPage({
        formToken: issueLoginToken(response, isSecureRequest(request, this.config)),
        next: safeReturnPath(query.next),
        expired: query.reason === 'expired',
        lost: query.lost === '1',
      }),
    );
  }

  @Post()
  async submit(
    @Body() body: LoginFormDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const secure = isSecureRequest(request, this.config);
    const next = safeReturnPath(body.next);
    if (!loginTokenValid(request, body._csrf)) {
      const page = loginPage({
        formToken: issueLoginToken(response, secure),
        email: body.email,
        next,
        error:
          'Die Anmeldeseite war veraltet. Bitte versuchen Sie es noch einmal. / The page was out of date; please try again.',
      });
      sendPage(response.status(403), page);
      return;
    }
    try {
      const { session } = await this.logins.login(
        body.email ?? '',
        body.password ?? '',
        readSessionToken(request),
        request.ip ?? 'unknown',
      );
      writeSessionCookie(request, response, session.token, this.config);
      response.redirect(303, next ?? '/review');
    } catch (error) {
      const refusal = refusals[String((error as { code?: unknown })?.code)];
      if (!refusal) {
        throw error;
      }
      const page = loginPage({
        formToken: issueLoginToken(response, secure),
        email: body.email,
        next,
        error: refusal.text,
      });
      sendPage(response.status(refusal.status), page);
    }
  }
}
