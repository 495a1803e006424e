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
import { FillMode } from '../../pdf/fill-plan';
import { CaseDocumentKind } from '../case-status.types';
import type { Case } from './case.entity';

/** A generated PDF of a case: one copy of one form, draft or final, official form or answer summary. */
@Entity('case_documents')
export class CaseDocument {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId!: string;

  @ManyToOne('Case', 'documents', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column({ name: 'form_id', type: 'varchar', length: 60 })
  formId!: string;

  /** Index of the repeat item (child) for forms filled once per item; null for forms filled once. */
  @Column({ name: 'instance_index', type: 'integer', nullable: true })
  instanceIndex!: number | null;

  /** "KG 1 Anlage Kind (Kind 2)": no personal data. */
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName!: string;

  @Column({ type: 'varchar', length: 10 })
  mode!: FillMode;

  @Column({ type: 'varchar', length: 10 })
  kind!: CaseDocumentKind;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  // The encrypted bytes are in the binary "content" column, outside the entity: binary-content.util.

  /**
   * A draft stored as an incremental update: the SHA-256 of its base (table pdf_bases), which the
   * decrypted content follows. Null: the content is the whole PDF (finals, summaries, older drafts).
   */
  @Column({ name: 'base_sha256', type: 'varchar', length: 64, nullable: true })
  baseSha256!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
  }
}
