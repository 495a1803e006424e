import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed-in browser. The cookie carries a random 256-bit token; only its SHA-256 is stored,
 * so a copy of the database does not let anyone take over a session.
 */
@Entity('user_sessions')
@Index('idx_user_sessions_user', ['userId'])
export class UserSession {
  /** Hex SHA-256 of the cookie token. */
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  /** Synchronizer token for state-changing requests (X-CSRF-Token header or _csrf field). */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  /** Idle expiry counts from here. */
  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt!: Date;

  /** Absolute expiry: the session ends here however active it is. */
  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;
}
