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
import { CaseNoteKind } from '../case-status.types';
import type { Case } from './case.entity';

/** Internal notes, the Kümmerer's questions back, the family's replies and requests for a human. */
@Entity('case_notes')
export class CaseNote {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @ManyToOne('Case', 'notes', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** "family", "system", "user:<id>" */
  @Column({ type: 'varchar', length: 120 })
  author!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: CaseNoteKind;

  /** Encrypted text. */
  @Column({ type: 'text' })
  text!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
