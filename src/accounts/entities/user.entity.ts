import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '../accounts.types';

/** A local account of the workspace (admin or Kümmerer). */
@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** The e-mail address used to sign in, stored lower-case. */
  @Column({ type: 'varchar', length: 254, unique: true })
  login!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'team_id', type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  /** argon2id PHC string ($argon2id$v=19$m=...); never leaves the accounts module. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash!: string;

  /** Failed sign-ins in the current window; reset by a successful sign-in or an unlock. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'last_failed_at', type: Date, nullable: true })
  lastFailedAt!: Date | null;

  @Column({ name: 'locked_until', type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'disabled_at', type: Date, nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'password_changed_at', type: Date })
  passwordChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
