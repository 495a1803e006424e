import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A code that lets a family continue a conversation on another device. Only its HMAC is stored. */
@Entity('resume_codes')
export class ResumeCode {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  /** botbuilder storage key of the conversation whose interview the code continues. */
  @Column({ name: 'conversation_key', type: 'varchar', length: 400 })
  conversationKey!: string;

  /** Wrong birth dates given with this code; locked at 5. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'locked_at', type: Date, nullable: true })
  lockedAt!: Date | null;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
