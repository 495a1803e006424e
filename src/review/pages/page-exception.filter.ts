import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { httpStatusOfCode } from '../../common/domain-exception.filter';
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

/** Workspace pages answer in HTML: not signed in -> the login page, other errors as a short page. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const code = (exception as { code?: unknown })?.code;
    if (code === 'AUTH_UNAUTHENTICATED') {
      response.redirect(303, '/review/login');
      return;
    }
    const status =
      (typeof code === 'string' ? pages[code]?.status : undefined) ??
      httpStatusOfCode(code) ??
      (exception instanceof HttpException ? exception.getStatus() : 500);
    // A domain refusal the page did not handle itself still gets a plain page with its status.
    const known = (typeof code === 'string' ? pages[code] : undefined) ?? pageOfStatus(status);
    const correlationId = randomUUID();
    if (!known && status >= 500) {
      this.logger.error(
        `${correlationId}: ${exception instanceof Error ? exception.message : String(exception)}`,
      );
    }
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
