/** What a person may do in the workspace. */
export const roles = ['admin', 'kuemmerer'] as const;
export type Role = (typeof roles)[number];

/** The signed-in person as guards and controllers see it; never the password hash. */
export interface AuthenticatedUser {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

/** A user as the admin pages list it. */
export interface UserView extends AuthenticatedUser {
  teamName: string | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface TeamView {
  id: string;
  name: string;
  createdAt: Date;
}

/** The audit actor string of a user, as AuditService and cases store it. */
export function actorOf(user: { id: string }): string {
  return `user:${user.id}`;
}
