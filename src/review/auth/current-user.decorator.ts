import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedUser } from '../../accounts/accounts.types';
import { WorkspaceRequest } from './workspace-request.types';

/** The signed-in user of a handler behind @Roles(...) or @SignedIn(). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const session = context.switchToHttp().getRequest<WorkspaceRequest>().workspaceSession;
    if (!session) {
      // A programming error: the handler lacks @Roles/@SignedIn.
      throw new Error('CurrentUser used on a handler without SessionGuard');
    }
    return session.user;
  },
);
