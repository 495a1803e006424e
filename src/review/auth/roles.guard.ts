import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccountsError } from '../../accounts/accounts.errors';
import { Role } from '../../accounts/accounts.types';
import { rolesMetadataKey } from './roles.metadata';
import { WorkspaceRequest } from './workspace-request.types';

/** Checks @Roles(...) after the SessionGuard; the handler's roles override the class's. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(rolesMetadataKey, [
      context.getHandler(),
      context.getClass(),
    ]);
    const session = context.switchToHttp().getRequest<WorkspaceRequest>().workspaceSession;
    if (!session) {
      throw new AccountsError('AUTH_UNAUTHENTICATED', 'Bitte melden Sie sich an. / Please sign in.');
    }
    if (roles && roles.length > 0 && !roles.includes(session.user.role)) {
      throw new AccountsError(
        'AUTH_FORBIDDEN',
        'Dafür fehlt Ihnen die Berechtigung. / You lack the permission for this.',
      );
    }
    return true;
  }
}
