import type { AuditEntry } from '../audit/audit.service';

/** 5 failed sign-ins within 15 minutes lock the account for 15 minutes. */
export const lockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export interface LockoutState {
  failedAttempts: number;
  lastFailedAt: Date | null;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed sign-in; failures older than the window start a new count. */
export function afterFailedLogin(state: LockoutState, now: Date, policy = lockoutPolicy): LockoutState {
  const withinWindow =
    state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() < policy.windowMs;
  const failedAttempts = withinWindow ? state.failedAttempts + 1 : 1;
  const lock = failedAttempts >= policy.maxFailures;
  return {
    // The count starts again after a lock, so the next lock needs five new failures.
    failedAttempts: lock ? 0 : failedAttempts,
    lastFailedAt: lock ? null : now,
    lockedUntil: lock ? new Date(now.getTime() + policy.lockMs) : state.lockedUntil,
  };
}

/** The audit entry of an account just locked (by failed sign-ins or wrong current passwords). */
export function lockedAuditEntry(userId: string, lockedUntil: Date): AuditEntry {
  return {
    actor: 'system',
    action: 'user.locked',
    subjectType: 'user',
    subjectId: userId,
    details: { until: lockedUntil.toISOString() },
  };
}
