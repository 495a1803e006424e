import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsError } from './accounts.errors';
import { AuthenticatedUser } from './accounts.types';
import { User } from './entities/user.entity';
import { FailedLoginThrottle } from './failed-login-throttle.util';
import { afterFailedLogin, isLocked, lockedAuditEntry } from './lockout.util';
import { PasswordHasher } from './password/password-hasher.service';
import { IssuedSession, SessionsService } from './sessions.service';

export interface LoginResult {
  user: AuthenticatedUser;
  session: IssuedSession;
}

/** The one message for every failed sign-in: it never tells whether the account exists or is locked. */
export const loginFailedMessage =
  'Anmeldung fehlgeschlagen. Bitte prüfen Sie E-Mail und Passwort. Nach mehreren Fehlversuchen ist das Konto 15 Minuten gesperrt. / Sign-in failed. Check e-mail and password. After several failed attempts the account is locked for 15 minutes.';

/** Sign-in with lockout; every attempt costs one argon2id verification, known login or not. */
@Injectable()
export class LoginService {
  private readonly throttle = new FailedLoginThrottle();

  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks login and password and issues a new session. `previousToken` (the cookie the browser
   * sent, if any) is ended first: a session id never survives a sign-in (no session fixation).
   */
  async login(
    login: string,
    password: string,
    previousToken?: string,
    clientKey = 'unknown',
    now = new Date(),
  ): Promise<LoginResult> {
    await this.sessions.end(previousToken);
    if (this.throttle.isBlocked(clientKey)) {
      await this.audit.record({
        actor: 'anonymous',
        action: 'auth.login_throttled',
        subjectType: 'user',
        subjectId: 'unknown',
      });
      throw new AccountsError(
        'AUTH_RATE_LIMITED',
        'Zu viele fehlgeschlagene Anmeldungen von diesem Gerät. Bitte warten Sie 15 Minuten. / Too many failed sign-ins from this device; wait 15 minutes.',
      );
    }
    const users = this.dataSource.getRepository(User);
    const user = await users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.login = :login', { login: normalizeLogin(login) })
      .getOne();

    if (!user || user.disabledAt || isLocked(user, now)) {
      await this.hasher.verifyDummy(password);
      await this.audit.record({
        actor: 'anonymous',
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user?.id ?? 'unknown',
        details: { reason: !user ? 'unknown-login' : user.disabledAt ? 'disabled' : 'locked' },
      });
      this.throttle.recordFailure(clientKey);
      throw loginFailed();
    }

    if (!(await this.hasher.verify(user.passwordHash, password))) {
      const next = afterFailedLogin(user, now);
      await users.update({ id: user.id }, next);
      await this.audit.record({
        actor: 'anonymous',
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user.id,
        details: { reason: 'password' },
      });
      this.throttle.recordFailure(clientKey);
      if (isLocked(next, now)) {
        await this.audit.record(lockedAuditEntry(user.id, next.lockedUntil!));
      }
      throw loginFailed();
    }

    if (user.failedAttempts > 0 || user.lockedUntil) {
      await users.update({ id: user.id }, { failedAttempts: 0, lastFailedAt: null, lockedUntil: null });
    }
    await this.sessions.deleteExpired(now);
    const session = await this.sessions.issue(user.id, now);
    await this.audit.record({
      actor: `user:${user.id}`,
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
    });
    return {
      user: {
        id: user.id,
        login: user.login,
        displayName: user.displayName,
        role: user.role,
        teamId: user.teamId,
      },
      session,
    };
  }

  async logout(user: AuthenticatedUser, token: string | undefined): Promise<void> {
    await this.sessions.end(token);
    await this.audit.record({
      actor: `user:${user.id}`,
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: user.id,
    });
  }
}

/** Logins are e-mail addresses; compared trimmed and lower-case. */
export function normalizeLogin(login: string): string {
  return login.trim().normalize('NFC').toLowerCase();
}

function loginFailed(): AccountsError {
  return new AccountsError('AUTH_LOGIN_FAILED', loginFailedMessage);
}
