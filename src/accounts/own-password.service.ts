import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsError } from './accounts.errors';
import { AuthenticatedUser } from './accounts.types';
import { User } from './entities/user.entity';
import { afterFailedLogin, isLocked, lockedAuditEntry } from './lockout.util';
import { PasswordHasher } from './password/password-hasher.service';
import { assertPasswordAccepted } from './password/password-policy.util';
import { IssuedSession, SessionsService } from './sessions.service';

/**
 * A signed-in person changes their own password (an admin only sets a first one, or resets it).
 * The current password is asked again, so an unattended open session is not enough: a wrong one
 * counts like a failed sign-in, and the lockout that follows also ends the account's sessions.
 */
@Injectable()
export class OwnPasswordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sets the new password and ends every session of the account, this one included; returns a new
   * session for the browser that made the change, which stays signed in.
   */
  async change(
    user: AuthenticatedUser,
    currentPassword: string,
    newPassword: string,
    now = new Date(),
  ): Promise<IssuedSession> {
    const users = this.dataSource.getRepository(User);
    const account = await users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOne();
    if (!account || account.disabledAt) {
      throw new AccountsError('AUTH_UNAUTHENTICATED', 'Bitte melden Sie sich an. / Please sign in.');
    }
    if (isLocked(account, now) || !(await this.hasher.verify(account.passwordHash, currentPassword))) {
      await this.refuseWrongPassword(account, now);
    }
    assertPasswordAccepted(
      newPassword,
      account.login,
      newPassword === currentPassword
        ? ['Das neue Passwort ist dasselbe wie das bisherige. / The new password is the current one.']
        : [],
    );
    await users.update(
      { id: account.id },
      {
        passwordHash: await this.hasher.hash(newPassword),
        passwordChangedAt: now,
        failedAttempts: 0,
        lastFailedAt: null,
        lockedUntil: null,
      },
    );
    // Anyone else signed in with the old password is signed out.
    await this.sessions.endAllOf(account.id);
    const session = await this.sessions.issue(account.id, now);
    await this.audit.record({
      actor: `user:${account.id}`,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: account.id,
    });
    return session;
  }

  private async refuseWrongPassword(account: User, now: Date): Promise<never> {
    const wasLocked = isLocked(account, now);
    const next = wasLocked ? account : afterFailedLogin(account, now);
    if (!wasLocked) {
      await this.dataSource.getRepository(User).update({ id: account.id }, next);
    }
    await this.audit.record({
      actor: `user:${account.id}`,
      action: 'user.password_change_failed',
      subjectType: 'user',
      subjectId: account.id,
      details: { reason: wasLocked ? 'locked' : 'password' },
    });
    if (isLocked(next, now)) {
      if (!wasLocked) {
        await this.audit.record(lockedAuditEntry(account.id, next.lockedUntil!));
      }
      // Someone is guessing with an open session: it ends with the lock.
      await this.sessions.endAllOf(account.id);
      throw new AccountsError(
        'AUTH_UNAUTHENTICATED',
        'Zu viele falsche Passwörter. Das Konto ist 15 Minuten gesperrt. / Too many wrong passwords; the account is locked for 15 minutes.',
      );
    }
    throw new AccountsError(
      'PASSWORD_WRONG',
      'Das bisherige Passwort stimmt nicht. / The current password is wrong.',
    );
  }
}
