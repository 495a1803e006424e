import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type DocumentReadingState = 'pending' | 'done' | 'failed';

export interface DocumentReadingFailure {
  /** A DocumentIntakeErrorCode, an OcrErrorCode, or READING_FAILED for anything else. */
  code: string;
  limit?: number;
}

/**
 * A file a family sent in the chat (photo of a letter, PDF). Bytes and file name are encrypted;
 * it belongs to the conversation until the family submits, then also to the case (deleted with it).
 */
@Entity('documents')
export class StoredDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'conversation_key', type: 'varchar', length: 400 })
  conversationKey!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId!: string | null;

  /** Sniffed from the bytes, not taken from the sender's claim. */
  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType!: string;

  /** Encrypted: file names often hold names ("Bescheid_Yilmaz.pdf"). */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** SHA-256 of the plain bytes: recognises the same photo sent twice. */
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /**
   * A Kümmerer's upload is read in the background: 'pending' until its analysis is stored ('done')
   * or reading failed ('failed'); pending ones are read again at start-up. Null for chat uploads.
   */
  @Column({ name: 'reading_state', type: 'varchar', length: 20, nullable: true })
  readingState!: DocumentReadingState | null;

  /** Why reading failed: an error code and, for limits, the limit (no personal data). */
  @Column({ name: 'reading_failure', type: 'simple-json', nullable: true })
  readingFailure!: DocumentReadingFailure | null;

  // The encrypted bytes are in the binary "content" column, outside the entity: binary-content.util.

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
