import { randomUUID } from 'node:crypto';
import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { CaseStatus } from '../case-status.types';
import type { Case } from './case.entity';

/** Who moved a case to which status, when. */
@Entity('case_status_changes')
export class CaseStatusChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @ManyToOne('Case', 'statusChanges', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus!: CaseStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30 })
  toStatus!: CaseStatus;

  @Column({ name: 'changed_by', type: 'varchar', length: 120 })
  changedBy!: string;

  @CreateDateColumn({ name: 'changed_at' })
  changedAt!: Date;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
