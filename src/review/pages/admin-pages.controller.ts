import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { isEmail } from 'class-validator';
import type { Response } from 'express';
import { AccountsError } from '../../accounts/accounts.errors';
import { actorOf, AuthenticatedUser } from '../../accounts/accounts.types';
import { TeamsService } from '../../accounts/teams.service';
import { UserChange, UsersService } from '../../accounts/users.service';
import { AuditFilter } from '../../audit/audit.service';
import { AuditLogService } from '../admin/audit-log.service';
import {
  AuditPageQueryDto,
  CreateTeamFormDto,
  CreateUserFormDto,
  UpdateUserFormDto,
} from '../admin/dto/admin-forms.dto';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { WorkspaceRequest } from '../auth/workspace-request.types';
import { adminAuditPage, AuditPageFilter } from './admin-audit.page';
import { adminTeamsPage } from './admin-teams.page';
import { adminUserPage, adminUsersPage } from './admin-users.page';
import { PageExceptionFilter } from './page-exception.filter';
import { sendPage } from './send-page.util';

const messages: Record<string, string> = {
  created: 'Das Konto ist angelegt. / Account created.',
  'role-team': 'Rolle und Team gespeichert. Offene Sitzungen wurden beendet. / Saved; sessions ended.',
  disable: 'Das Konto ist deaktiviert. / Account disabled.',
  enable: 'Das Konto ist wieder aktiv. / Account enabled.',
  unlock: 'Die Sperre ist aufgehoben. / Lockout lifted.',
  password: 'Das Passwort ist gesetzt. Alle Sitzungen wurden beendet. / Password set; sessions ended.',
  team: 'Das Team ist angelegt. / Team created.',
};

/** Server-rendered admin pages (German first) over the same services as the admin API. */
@ApiExcludeController()
@Controller('review/admin')
@Roles('admin')
@UseFilters(PageExceptionFilter)
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly teams: TeamsService,
    private readonly auditLog: AuditLogService,
  ) {}

  @Get()
  index(@Res() response: Response): void {
    response.redirect(303, '/review/admin/users');
  }

  @Get('users')
  async usersPage(
    @Query('msg') message: string | undefined,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    await this.renderUsers(request, response, { message: message ? messages[message] : undefined });
  }

  @Post('users')
  async createUser(
    @Body() body: CreateUserFormDto,
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const draft = { email: body.email, displayName: body.displayName, role: body.role, teamId: body.teamId };
    if (!isEmail(body.email) || body.displayName.trim() === '') {
      const error =
        'Bitte eine gültige E-Mail-Adresse und einen Namen angeben. / Enter a valid e-mail and a name.';
      return this.renderUsers(request, response, { draft, error }, 422);
    }
    try {
      await this.users.create(
        {
          login: body.email,
          displayName: body.displayName,
          role: body.role,
          teamId: body.teamId || null,
          password: body.password,
        },
        actorOf(admin),
      );
    } catch (error) {
      const refusal = accountsRefusal(error);
      return this.renderUsers(request, response, { draft, error: refusal.reasons }, refusal.status);
    }
    response.redirect(303, '/review/admin/users?msg=created');
  }

  @Get('users/:id')
  async userPage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query('msg') message: string | undefined,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    await this.renderUser(request, response, id, { message: message ? messages[message] : undefined });
  }

  @Post('users/:id')
  async updateUser(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserFormDto,
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const change: UserChange =
      body.change === 'role-team'
        ? { role: body.role, teamId: body.teamId || null }
        : body.change === 'disable' || body.change === 'enable'
          ? { disabled: body.change === 'disable' }
          : body.change === 'unlock'
            ? { unlock: true }
            : { password: body.password ?? '' };
    try {
      await this.users.update(id, change, actorOf(admin));
    } catch (error) {
      const refusal = accountsRefusal(error);
      return this.renderUser(request, response, id, { error: refusal.reasons }, refusal.status);
    }
    // An admin who changes their own role or password has just ended their own session.
    response.redirect(303, `/review/admin/users/${id}?msg=${body.change}`);
  }

  @Get('teams')
  async teamsPage(
    @Query('msg') message: string | undefined,
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    sendPage(
      response,
      adminTeamsPage({
        user: pageUser(request),
        teams: await this.teams.list(actorOf(admin)),
        message: message ? messages[message] : undefined,
      }),
    );
  }

  @Post('teams')
  async createTeam(
    @Body() body: CreateTeamFormDto,
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    let refusal: { status: number; reasons: readonly string[] } | undefined;
    if (body.name.trim().length < 2) {
      refusal = { status: 422, reasons: ['Der Name braucht mindestens 2 Zeichen. / At least 2 characters.'] };
    } else {
      try {
        await this.teams.create(body.name, actorOf(admin));
      } catch (error) {
        refusal = accountsRefusal(error);
      }
    }
    if (refusal) {
      sendPage(
        response.status(refusal.status),
        adminTeamsPage({
          user: pageUser(request),
          teams: await this.teams.list(),
          name: body.name,
          error: refusal.reasons.join(' '),
        }),
      );
      return;
    }
    response.redirect(303, '/review/admin/teams?msg=team');
  }

  @Get('audit')
  async auditPage(
    @Query() query: AuditPageQueryDto,
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WorkspaceRequest,
    @Res() response: Response,
  ) {
    const filter = auditFilterOf(query);
    const result = await this.auditLog.view(filter, query.page ?? 1, 50, actorOf(admin));
    const exportQuery = new URLSearchParams(
      Object.entries(filter).flatMap(([key, value]: [string, string | Date | undefined]) =>
        value === undefined
          ? []
          : [[key, value instanceof Date ? value.toISOString() : value] as [string, string]],
      ),
    ).toString();
    const accounts = await this.users.list(actorOf(admin));
    sendPage(
      response,
      adminAuditPage({
        user: pageUser(request),
        filter: pageFilterOf(query),
        result,
        exportQuery,
        names: new Map(accounts.map((account) => [actorOf(account), account.displayName])),
      }),
    );
  }

  private async renderUsers(
    request: WorkspaceRequest,
    response: Response,
    flash: Pick<Parameters<typeof adminUsersPage>[0], 'draft' | 'message' | 'error'>,
    status = 200,
  ): Promise<void> {
    const actor = actorOf(request.workspaceSession!.user);
    const [users, teams] = await Promise.all([this.users.list(actor), this.teams.list()]);
    sendPage(response.status(status), adminUsersPage({ user: pageUser(request), users, teams, ...flash }));
  }

  private async renderUser(
    request: WorkspaceRequest,
    response: Response,
    id: string,
    flash: { message?: string; error?: readonly string[] },
    status = 200,
  ): Promise<void> {
    const [account, teams] = await Promise.all([this.users.get(id), this.teams.list()]);
    sendPage(response.status(status), adminUserPage({ user: pageUser(request), account, teams, ...flash }));
  }
}

function pageUser(request: WorkspaceRequest): { displayName: string; csrfToken: string } {
  const { user, csrfToken } = request.workspaceSession!;
  return { displayName: user.displayName, csrfToken };
}

const refusalStatus: Partial<Record<string, number>> = {
  PASSWORD_REJECTED: 422,
  USER_TEAM_REQUIRED: 422,
  TEAM_NOT_FOUND: 422,
  USER_LOGIN_TAKEN: 409,
  TEAM_NAME_TAKEN: 409,
  TEAM_NAME_INVALID: 422,
};

/** A refusal the admin can act on, German first; anything else goes to the error page. */
function accountsRefusal(error: unknown): { status: number; reasons: readonly string[] } {
  if (error instanceof AccountsError && refusalStatus[error.code]) {
    return {
      status: refusalStatus[error.code]!,
      reasons: [error.message, ...error.reasons],
    };
  }
  throw error;
}

function pageFilterOf(query: AuditPageQueryDto): AuditPageFilter {
  const { action, actor, subjectType, subjectId, from, to } = query;
  return { action, actor, subjectType, subjectId, from, to };
}

/** Form days are UTC days; "to" is inclusive on the page, exclusive in the service. */
function auditFilterOf(query: AuditPageQueryDto): AuditFilter {
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : undefined;
  to?.setUTCDate(to.getUTCDate() + 1);
  return {
    action: query.action || undefined,
    actor: query.actor || undefined,
    subjectType: query.subjectType || undefined,
    subjectId: query.subjectId || undefined,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    to,
  };
}
