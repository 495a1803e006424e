import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who did what, when: the trail that § 67 SGB X processing and the review workspace need.
 * `details` never holds personal data, only ids and technical facts.
 */
@Entity('audit_events')
@Index('idx_audit_events_subject', ['subjectType', 'subjectId'])
export class AuditEvent {
  // Generated here rather than by the database, so SQLite and PostgreSQL behave the same.
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @CreateDateColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  /** "system", "family:<conversation id>", "user:<user id>" */
  @Column({ type: 'varchar', length: 120 })
  actor!: string;

  /** e.g. "forms.filled", "case.viewed" */
  @Column({ type: 'varchar', length: 80 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 40 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 120 })
  subjectId!: string;

  @Column({ type: 'simple-json', nullable: true })
  details!: Record<string, string | number | boolean> | null;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
