import type { Request } from 'express';
import type { ActiveSession } from '../../accounts/sessions.service';

/** A request that passed the SessionGuard. */
export type WorkspaceRequest = Request & {
  workspaceSession?: ActiveSession;
  /** A multipart form's CSRF token is checked by its handler (CsrfInUploadForm). */
  csrfCheckPending?: boolean;
};
