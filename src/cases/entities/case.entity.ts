import { randomUUID } from 'node:crypto';
import {
  BeforeInsert,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CaseStatus } from '../case-status.types';
import { CaseAnswer } from './case-answer.entity';
import { CaseDocument } from './case-document.entity';
import { CaseNote } from './case-note.entity';
import { CaseStatusChange } from './case-status-change.entity';

/**
 * One family's application after submission. Personal data (name, conversation reference) is
 * stored encrypted; ids, status and dates stay plain so the queue can sort and filter in SQL.
 */
@Entity('cases')
export class Case {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** e.g. "kindergeld" (forms/applications/<id>.yaml) */
  @Column({ name: 'application_id', type: 'varchar', length: 60 })
  applicationId!: string;

  @Column({ type: 'varchar', length: 30 })
  status!: CaseStatus;

  /** botbuilder storage key of the family's conversation: finds the case when the family replies. */
  @Column({ name: 'conversation_key', type: 'varchar', length: 400, nullable: true })
  conversationKey!: string | null;

  /** Encrypted JSON of botbuilder's ConversationReference, for proactive messages. */
  @Column({ name: 'conversation_reference', type: 'text', nullable: true })
  conversationReference!: string | null;

  /** Encrypted "Ayşe Yılmaz": what the queue shows. */
  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  /** YYYY-MM-DD of the nearest deadline (from letters); sorts the queue. */
  @Column({ name: 'nearest_deadline', type: 'date', nullable: true })
  nearestDeadline!: string | null;

  /** The team (neighbourhood) whose Kümmerer work on the case; null = unassigned, admins only. */
  @Column({ name: 'team_id', type: 'varchar', length: 36, nullable: true })
  teamId!: string | null;

  /** "user:<id>" of the Kümmerer who took the case; null while unassigned. */
  @Column({ name: 'assigned_to', type: 'varchar', length: 120, nullable: true })
  assignedTo!: string | null;

  /** The family submitted and the draft PDFs are still being made (CaseDraftsService). */
  @Column({ name: 'drafts_pending', type: 'boolean', default: false })
  draftsPending!: boolean;

  /**
   * When the family wrote (a reply, a request for a person) and no Kümmerer has answered since
   * (a note, a question back, a status change, or "gelesen"); null when nothing is unread. Such
   * cases come first in the queue, marked (docs/case-status.md).
   */
  @Column({ name: 'unread_family_message_at', type: Date, nullable: true })
  unreadFamilyMessageAt!: Date | null;

  /** Last thing that happened (submission, family reply): shown in the queue. */
  @Column({ name: 'last_activity_at', type: Date })
  lastActivityAt!: Date;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @OneToMany(() => CaseAnswer, (answer) => answer.case)
  answers?: CaseAnswer[];

  @OneToMany(() => CaseDocument, (document) => document.case)
  documents?: CaseDocument[];

  @OneToMany(() => CaseNote, (note) => note.case)
  notes?: CaseNote[];

  @OneToMany(() => CaseStatusChange, (change) => change.case)
  statusChanges?: CaseStatusChange[];

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
