import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '../../accounts/accounts.types';
import { RolesGuard } from './roles.guard';
import { SessionGuard } from './session.guard';
import { sessionCookieName } from './session-cookie.util';
import { rolesMetadataKey } from './roles.metadata';

/**
 * Signed in with one of the given roles; with no roles, any signed-in user. Also enforces CSRF
 * on state-changing methods (SessionGuard). Use on a controller class or a handler.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(rolesMetadataKey, roles),
    UseGuards(SessionGuard, RolesGuard),
    ApiCookieAuth(sessionCookieName),
    ApiUnauthorizedResponse({ description: 'Nicht angemeldet / not signed in' }),
    ApiForbiddenResponse({
      description: 'CSRF-Token fehlt oder Rolle reicht nicht / CSRF token missing or role insufficient',
    }),
  );
}

/** Any signed-in user (admin or Kümmerer). */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return Roles();
}
