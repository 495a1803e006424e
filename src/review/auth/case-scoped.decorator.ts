import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiNotFoundResponse } from '@nestjs/swagger';
import { CaseAccessGuard } from './case-access.guard';
import { RolesGuard } from './roles.guard';
import { SessionGuard } from './session.guard';

/**
 * For controllers or handlers with a `:caseId` parameter: signed in (and CSRF on changes), then
 * the case must lie in the user's TeamScope, else 404. Carries its own SessionGuard because Nest
 * runs class guards in decorator order; the session check is done once per request either way.
 * The module must provide CaseAccessGuard and CASE_TEAM_LOOKUP.
 */
export function CaseScoped(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(SessionGuard, RolesGuard, CaseAccessGuard),
    ApiNotFoundResponse({ description: 'Nicht gefunden (also for other teams’ cases) / not found' }),
  );
}
