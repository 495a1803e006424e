import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AnswerSource } from '../case-status.types';
import type { Case } from './case.entity';

/**
 * One answer with its provenance. The path is the question id plus, inside a repeat group, the
 * group id and the item index (children.firstName of child 2: group "children", index 1).
 * A repeat group itself is one row whose value is its number of items and whose group id is its own id.
 * A change never overwrites: the old row gets `supersededAt`, a new row holds the new value.
 */
@Entity('case_answers')
export class CaseAnswer {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @ManyToOne('Case', 'answers', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ name: 'question_id', type: 'varchar', length: 120 })
  questionId!: string;

  @Column({ name: 'group_id', type: 'varchar', length: 120, nullable: true })
  groupId!: string | null;

  @Column({ name: 'item_index', type: 'integer', nullable: true })
  itemIndex!: number | null;

  /** Encrypted JSON of the value (null when marked unknown). */
  @Column({ type: 'text' })
  value!: string;

  /** The family said "Ich weiß es nicht": the Kümmerer has to find the value. */
  @Column({ name: 'marked_unknown', type: Boolean, default: false })
  markedUnknown!: boolean;

  @Column({ type: 'varchar', length: 20 })
  source!: AnswerSource;

  /** For values read from a letter: which uploaded document, page and box, and how sure OCR was. */
  @Column({ name: 'source_document_id', type: 'varchar', length: 36, nullable: true })
  sourceDocumentId!: string | null;

  @Column({ name: 'source_page', type: 'integer', nullable: true })
  sourcePage!: number | null;

  /** "x,y,width,height" in PDF points of the page */
  @Column({ name: 'source_box', type: 'varchar', length: 120, nullable: true })
  sourceBox!: string | null;

  @Column({ name: 'source_confidence', type: 'real', nullable: true })
  sourceConfidence!: number | null;

  /** "family", "user:<id>" */
  @Column({ name: 'given_by', type: 'varchar', length: 120 })
  givenBy!: string;

  @Column({ name: 'given_at', type: Date })
  givenAt!: Date;

  @Column({ name: 'superseded_at', type: Date, nullable: true })
  supersededAt!: Date | null;

  /**
   * A Kümmerer removed the item of a repeat group this answer belonged to (then it is superseded
   * too): kept in the history, never shown as the "before" of the item that took its number.
   */
  @Column({ name: 'removed_at', type: Date, nullable: true })
  removedAt!: Date | null;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
