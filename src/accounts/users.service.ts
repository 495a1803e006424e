import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsError } from './accounts.errors';
import { Role, UserView } from './accounts.types';
import { Team } from './entities/team.entity';
import { User } from './entities/user.entity';
import { normalizeLogin } from './login.service';
import { PasswordHasher } from './password/password-hasher.service';
import { assertPasswordAccepted } from './password/password-policy.util';
import { SessionsService } from './sessions.service';

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  teamId?: string | null;
  password: string;
}

/** What an admin may change; every field is optional. */
export interface UserChange {
  displayName?: string;
  role?: Role;
  teamId?: string | null;
  disabled?: boolean;
  unlock?: boolean;
  password?: string;
}

/** Accounts as admins manage them. Audit details name the changed fields, never their values. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** Every account; the look is audited (who saw the list). */
  async list(actor: string): Promise<UserView[]> {
    await this.audit.record({ actor, action: 'user.listed', subjectType: 'user', subjectId: '*' });
    const users = await this.dataSource.getRepository(User).find({ order: { login: 'ASC' } });
    const teams = new Map(
      (await this.dataSource.getRepository(Team).find()).map((team) => [team.id, team.name] as const),
    );
    return users.map((user) => toView(user, teams));
  }

  async get(userId: string): Promise<UserView> {
    const user = await this.findUser(userId);
    return toView(user, await this.teamNames(user.teamId));
  }

  async create(input: NewUser, actor: string): Promise<UserView> {
    const login = normalizeLogin(input.login);
    assertPasswordAccepted(input.password, login);
    const teamId = input.teamId ?? null;
    await this.assertTeamFits(input.role, teamId);
    const repository = this.dataSource.getRepository(User);
    if (await repository.exists({ where: { login } })) {
      throw new AccountsError(
        'USER_LOGIN_TAKEN',
        'Diese E-Mail-Adresse hat schon ein Konto. / This e-mail address already has an account.',
      );
    }
    const now = new Date();
    const user = await repository.save(
      repository.create({
        login,
        displayName: input.displayName.trim(),
        role: input.role,
        teamId,
        passwordHash: await this.hasher.hash(input.password),
        failedAttempts: 0,
        lastFailedAt: null,
        lockedUntil: null,
        disabledAt: null,
        passwordChangedAt: now,
      }),
    );
    await this.audit.record({
      actor,
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      details: { role: user.role, ...(teamId ? { teamId } : {}) },
    });
    return this.get(user.id);
  }

  async update(userId: string, change: UserChange, actor: string): Promise<UserView> {
    const user = await this.findUser(userId);
    const role = change.role ?? user.role;
    const teamId = change.teamId === undefined ? user.teamId : change.teamId;
    if (change.role !== undefined || change.teamId !== undefined) {
      await this.assertTeamFits(role, teamId);
    }
    const patch: Partial<User> = {};
    const changed: string[] = [];
    if (change.displayName !== undefined) {
      patch.displayName = change.displayName.trim();
      changed.push('displayName');
    }
    if (change.role !== undefined && change.role !== user.role) {
      patch.role = change.role;
      changed.push('role');
    }
    if (change.teamId !== undefined && change.teamId !== user.teamId) {
      patch.teamId = change.teamId;
      changed.push('team');
    }
    if (change.disabled !== undefined && change.disabled !== (user.disabledAt !== null)) {
      patch.disabledAt = change.disabled ? new Date() : null;
      changed.push(change.disabled ? 'disabled' : 'enabled');
    }
    if (change.unlock) {
      Object.assign(patch, { failedAttempts: 0, lastFailedAt: null, lockedUntil: null });
      changed.push('unlocked');
    }
    if (change.password !== undefined) {
      assertPasswordAccepted(change.password, user.login);
      patch.passwordHash = await this.hasher.hash(change.password);
      patch.passwordChangedAt = new Date();
      changed.push('password');
    }
    if (changed.length > 0) {
      await this.dataSource.getRepository(User).update({ id: userId }, patch);
    }
    // Access rights changed: open sessions must not keep the old ones.
    if (['role', 'team', 'disabled', 'password'].some((field) => changed.includes(field))) {
      await this.sessions.endAllOf(userId);
    }
    await this.audit.record({
      actor,
      action: 'user.updated',
      subjectType: 'user',
      subjectId: userId,
      details: { changed: changed.join(',') || 'nothing', ...(patch.role ? { role: patch.role } : {}) },
    });
    return this.get(userId);
  }

  private async assertTeamFits(role: Role, teamId: string | null): Promise<void> {
    if (role === 'kuemmerer' && !teamId) {
      throw new AccountsError(
        'USER_TEAM_REQUIRED',
        'Ein Kümmerer braucht ein Team. / A Kümmerer needs a team.',
      );
    }
    if (teamId && !(await this.dataSource.getRepository(Team).exists({ where: { id: teamId } }))) {
      throw new AccountsError('TEAM_NOT_FOUND', 'Dieses Team gibt es nicht. / This team does not exist.');
    }
  }

  private async findUser(userId: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: userId } });
    if (!user) {
      throw new AccountsError('USER_NOT_FOUND', 'Dieses Konto gibt es nicht. / This account does not exist.');
    }
    return user;
  }

  private async teamNames(teamId: string | null): Promise<Map<string, string>> {
    const team = teamId ? await this.dataSource.getRepository(Team).findOne({ where: { id: teamId } }) : null;
    return new Map(team ? [[team.id, team.name]] : []);
  }
}

function toView(user: User, teamNames: Map<string, string>): UserView {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    teamId: user.teamId,
    teamName: user.teamId ? (teamNames.get(user.teamId) ?? null) : null,
    lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > Date.now() ? user.lockedUntil : null,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
  };
}
