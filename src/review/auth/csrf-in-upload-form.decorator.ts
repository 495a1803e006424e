import { SetMetadata } from '@nestjs/common';
import { AccountsError } from '../../accounts/accounts.errors';
import { SessionsService } from '../../accounts/sessions.service';
import { WorkspaceRequest } from './workspace-request.types';

export const csrfInUploadFormKey = 'antragslotse:csrf-in-upload-form';

/**
 * For a page handler that takes a multipart form (a file upload without JavaScript): the form's
 * `_csrf` field comes inside the multipart body, which the guards cannot read. The SessionGuard
 * then checks the session only and leaves the CSRF check pending; the handler must parse the
 * body and call checkPendingCsrf before it changes anything.
 */
export const CsrfInUploadForm = (): MethodDecorator => SetMetadata(csrfInUploadFormKey, true);

/** The CSRF check the SessionGuard left pending, against the parsed form's `_csrf` field (403 else). */
export function checkPendingCsrf(
  request: WorkspaceRequest,
  sessions: SessionsService,
  fields: Record<string, unknown>,
): void {
  if (!request.csrfCheckPending) {
    return;
  }
  const submitted = typeof fields._csrf === 'string' ? fields._csrf : undefined;
  if (!sessions.csrfMatches(request.workspaceSession!, submitted)) {
    throw csrfInvalid();
  }
  request.csrfCheckPending = false;
}

export function csrfInvalid(): AccountsError {
  return new AccountsError(
    'AUTH_CSRF_INVALID',
    'Die Sitzung ist abgelaufen oder die Anfrage kam nicht von dieser Seite. Bitte laden Sie die Seite neu. / Missing or wrong CSRF token; reload the page.',
  );
}
