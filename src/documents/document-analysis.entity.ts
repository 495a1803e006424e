import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the letter analysis found in a stored document, and the explanation the family got. Both
 * are encrypted (names, numbers, IBAN). The deadline stays readable: the reminder scheduler and the
 * case queue need it, and a date alone names nobody. Deleted with its document.
 */
@Entity('document_analyses')
export class DocumentAnalysisRecord {
  @PrimaryColumn({ name: 'document_id', type: 'varchar', length: 36 })
  documentId!: string;

  /** DataCipher-sealed LetterAnalysis JSON. */
  @Column({ type: 'text' })
  analysis!: string;

  /** DataCipher-sealed text the family read in the chat. */
  @Column({ type: 'text' })
  explanation!: string;

  /** The chat language of the explanation. */
  @Column({ type: 'varchar', length: 10 })
  locale!: string;

  /** YYYY-MM-DD: the letter's deadline, or null. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  /** When the family was reminded of this deadline (once per deadline). */
  @Column({ name: 'reminded_at', type: Date, nullable: true })
  remindedAt!: Date | null;

  /**
   * DataCipher-sealed ConversationReference of the chat the letter came in: lets a deadline
   * reminder reach a family that has not submitted yet (no case). Null for workspace uploads.
   */
  @Column({ name: 'conversation_reference', type: 'text', nullable: true, select: false })
  conversationReference!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
