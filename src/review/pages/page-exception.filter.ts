import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { httpStatusOfCode, logErrorAnswer } from '../../common/domain-exception.filter';
import { returnPathOf } from '../auth/return-path.util';
import { readSessionToken } from '../auth/session-cookie.util';
import { html } from './html.util';
import { contentSecurityPolicy, layoutPage } from './layout.page';

const pages: Record<string, { status: number; title: string; text: string }> = {
  SCOPED_RESOURCE_NOT_FOUND: {
    status: 404,
    title: 'Nicht gefunden',
    text: 'Diese Seite gibt es nicht. / Not found.',
  },
  USER_NOT_FOUND: {
    status: 404,
    title: 'Nicht gefunden',
    text: 'Dieses Konto gibt es nicht. / This account does not exist.',
  },
  AUTH_CSRF_INVALID: {
    status: 403,
    title: 'Bitte neu laden',
    text: 'Die Sitzung ist abgelaufen oder die Anfrage kam nicht von dieser Seite. Bitte laden Sie die Seite neu. / Please reload the page.',
  },
  AUTH_FORBIDDEN: {
    status: 403,
    title: 'Keine Berechtigung',
    text: 'Dafür fehlt Ihnen die Berechtigung. / No permission.',
  },
};

function pageOfStatus(status: number): { status: number; title: string; text: string } | undefined {
  if (status === 404) {
    return pages.SCOPED_RESOURCE_NOT_FOUND;
  }
  if (status === 409 || status === 422) {
    return {
      status,
      title: 'Nicht möglich',
      text: 'Das ist gerade nicht möglich. Bitte gehen Sie zurück und laden Sie die Seite neu. / Not possible right now.',
    };
  }
  return undefined;
}

/**
 * Workspace pages answer in HTML: not signed in -> the login page (with the way back, and why),
 * other errors as a short page.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const code = (exception as { code?: unknown })?.code;
    if (code === 'AUTH_UNAUTHENTICATED') {
      response.redirect(303, loginRedirectOf(request));
      return;
    }
    const status =
      (typeof code === 'string' ? pages[code]?.status : undefined) ??
      httpStatusOfCode(code) ??
      (exception instanceof HttpException ? exception.getStatus() : 500);
    // A domain refusal the page did not handle itself still gets a plain page with its status.
    const known = (typeof code === 'string' ? pages[code] : undefined) ?? pageOfStatus(status);
    const correlationId = randomUUID();
    // The number on the page is in the log: 4xx as a warning, 5xx as an error.
    logErrorAnswer(this.logger, correlationId, status, request, exception);
    response
      .status(status)
      .set('Content-Security-Policy', contentSecurityPolicy)
      .type('html')
      .send(
        layoutPage({
          title: known?.title ?? 'Fehler',
          body: html`<h1>${known?.title ?? 'Fehler / Error'}</h1>
            <p>
              ${known?.text ?? 'Etwas ist schiefgegangen. Bitte nennen Sie diese Nummer, wenn Sie Hilfe brauchen.'}
            </p>
            <p><small>${correlationId}</small></p>
            <p><a href="/review">Zu den Fällen / to the cases</a></p>`,
        }),
      );
  }
}

/**
 * The sign-in page with the way back (`next`), whether a session had ended (the browser still sent
 * its cookie: `reason=expired`) and whether a form post was lost (`lost=1`): what was typed into a
 * POST is not replayed after signing in, the page says so instead.
 */
export function loginRedirectOf(request: Request): string {
  if (request.path === '/review/logout') {
    // Signing out of a session that has already ended: done, nothing was lost.
    return '/review/login';
  }
  const query = new URLSearchParams({ next: returnPathOf(request) });
  if (readSessionToken(request) !== undefined) {
    query.set('reason', 'expired');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    query.set('lost', '1');
  }
  return `/review/login?${query.toString()}`;
}
