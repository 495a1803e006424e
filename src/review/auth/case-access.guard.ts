import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AccountsError } from '../../accounts/accounts.errors';
import { TeamScope } from '../../accounts/team-scope';
import { CASE_TEAM_LOOKUP, CaseTeamLookup } from './case-team-lookup.types';
import { WorkspaceRequest } from './workspace-request.types';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one answer for a case id that is malformed, unknown or another team's: nothing leaks. */
export function caseNotFound(): AccountsError {
  return new AccountsError('SCOPED_RESOURCE_NOT_FOUND', 'Nicht gefunden. / Not found.');
}

/**
 * For routes with a `:caseId` parameter (use @CaseScoped(), which runs it after the session check): lets the request through only
 * when the case exists and lies in the user's TeamScope. Anything else is the same 404, so a
 * Kümmerer cannot probe which ids exist in other teams. Document routes (`:caseId/documents/:id`)
 * stay safe because the case repository reads a document only together with its case id.
 */
@Injectable()
export class CaseAccessGuard implements CanActivate {
  constructor(@Inject(CASE_TEAM_LOOKUP) private readonly lookup: CaseTeamLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    const session = request.workspaceSession;
    if (!session) {
      throw new AccountsError('AUTH_UNAUTHENTICATED', 'Bitte melden Sie sich an. / Please sign in.');
    }
    const caseId = request.params.caseId;
    if (typeof caseId !== 'string' || !uuidPattern.test(caseId)) {
      throw caseNotFound();
    }
    const teamId = await this.lookup.findTeamOfCase(caseId);
    if (teamId === undefined || !TeamScope.of(session.user).allows(teamId)) {
      throw caseNotFound();
    }
    return true;
  }
}
