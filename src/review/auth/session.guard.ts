import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SessionsService } from '../../accounts/sessions.service';
import { csrfInUploadFormKey, csrfInvalid } from './csrf-in-upload-form.decorator';
import { readSessionToken } from './session-cookie.util';
import { WorkspaceRequest } from './workspace-request.types';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Signed in (401 otherwise) and, for every state-changing method, the session's CSRF token in
 * the X-CSRF-Token header or the `_csrf` form field (403 otherwise). GET handlers never change state.
 * A multipart form to a handler marked CsrfInUploadForm carries its token in the body, which is not
 * read yet: the check is left pending for the handler (checkPendingCsrf).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    if (request.workspaceSession) {
      // Already checked by the class-level guard.
      return true;
    }
    const session = await this.sessions.resolve(readSessionToken(request));
    const submitted = submittedCsrfToken(request);
    const pending =
      submitted === undefined &&
      request.is('multipart/form-data') === 'multipart/form-data' &&
      this.reflector.get<boolean>(csrfInUploadFormKey, context.getHandler()) === true;
    if (!safeMethods.has(request.method) && !pending && !this.sessions.csrfMatches(session, submitted)) {
      throw csrfInvalid();
    }
    request.workspaceSession = session;
    request.csrfCheckPending = pending && !safeMethods.has(request.method);
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
