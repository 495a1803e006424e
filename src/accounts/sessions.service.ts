import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AccountsError } from './accounts.errors';
import { AuthenticatedUser } from './accounts.types';
import { UserSession } from './entities/user-session.entity';
import { User } from './entities/user.entity';

/** A new session: the token goes into the cookie and exists nowhere else. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A valid session with its user. */
export interface ActiveSession {
  user: AuthenticatedUser;
  csrfToken: string;
  tokenHash: string;
}

// Writing last_seen_at on every request would turn every page view into a write; a minute of
// slack on a 30-minute idle timeout is harmless.
const touchIntervalMs = 60_000;

/** Server-side sessions of the workspace: issue, resolve (idle and absolute expiry), end. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async issue(userId: string, now = new Date()): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_MAX_HOURS * 3_600_000);
    await this.dataSource.getRepository(UserSession).insert({
      tokenHash: hashToken(token),
      userId,
      csrfToken,
      lastSeenAt: now,
      expiresAt,
    });
    return { token, csrfToken, expiresAt };
  }

  /** The session behind a cookie token, or AUTH_UNAUTHENTICATED (unknown, expired, user disabled). */
  async resolve(token: string | undefined, now = new Date()): Promise<ActiveSession> {
    if (!token || token.length > 100) {
      throw unauthenticated();
    }
    const tokenHash = hashToken(token);
    const sessions = this.dataSource.getRepository(UserSession);
    const session = await sessions.findOne({ where: { tokenHash } });
    if (!session) {
      throw unauthenticated();
    }
    const idleLimit = session.lastSeenAt.getTime() + this.config.SESSION_IDLE_MINUTES * 60_000;
    if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleLimit) {
      await sessions.delete({ tokenHash });
      throw unauthenticated();
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: session.userId } });
    if (!user || user.disabledAt) {
      await sessions.delete({ tokenHash });
      throw unauthenticated();
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs) {
      await sessions.update({ tokenHash }, { lastSeenAt: now });
    }
    return {
      user: {
        id: user.id,
        login: user.login,
        displayName: user.displayName,
        role: user.role,
        teamId: user.teamId,
      },
      csrfToken: session.csrfToken,
      tokenHash,
    };
  }

  /** Whether a submitted CSRF token is the session's own (constant-time comparison). */
  csrfMatches(session: ActiveSession, submitted: string | undefined): boolean {
    if (!submitted) {
      return false;
    }
    const expected = Buffer.from(session.csrfToken);
    const given = Buffer.from(submitted);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Ends the session of a cookie token (logout, rotation at login); unknown tokens are ignored. */
  async end(token: string | undefined): Promise<void> {
    if (token && token.length <= 100) {
      await this.dataSource.getRepository(UserSession).delete({ tokenHash: hashToken(token) });
    }
  }

  /** Ends every session of a user (disabled, password reset, role or team changed). */
  async endAllOf(userId: string): Promise<void> {
    await this.dataSource.getRepository(UserSession).delete({ userId });
  }

  /** Deletes sessions past their absolute expiry; idle ones go when next presented. */
  async deleteExpired(now = new Date()): Promise<number> {
    const result = await this.dataSource.getRepository(UserSession).delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function unauthenticated(): AccountsError {
  return new AccountsError('AUTH_UNAUTHENTICATED', 'Bitte melden Sie sich an. / Please sign in.');
}
