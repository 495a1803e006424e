import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AccountsError } from '../../accounts/accounts.errors';
import { SessionsService } from '../../accounts/sessions.service';
import { readSessionToken } from './session-cookie.util';
import { WorkspaceRequest } from './workspace-request.types';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed in (401 otherwise) and, for every state-changing method, the session's CSRF token in
 * the X-CSRF-Token header or the `_csrf` form field (403 otherwise). GET handlers never change state.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    if (request.workspaceSession) {
      // Already checked by the class-level guard.
      return true;
    }
    const session = await this.sessions.resolve(readSessionToken(request));
    if (
      !safeMethods.has(request.method) &&
      !this.sessions.csrfMatches(session, submittedCsrfToken(request))
    ) {
      throw new AccountsError(
        'AUTH_CSRF_INVALID',
        'Die Sitzung ist abgelaufen oder die Anfrage kam nicht von dieser Seite. Bitte laden Sie die Seite neu. / Missing or wrong CSRF token; reload the page.',
      );
    }
    request.workspaceSession = session;
    return true;
  }
}

function submittedCsrfToken(request: WorkspaceRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') {
    return header;
  }
  const body: unknown = request.body;
  const field = body && typeof body === 'object' ? (body as Record<string, unknown>)._csrf : undefined;
  return typeof field === 'string' ? field : undefined;
}
