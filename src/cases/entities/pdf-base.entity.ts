import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A prepared official template that drafts are stored as incremental updates of (see
 * PdfBasesService). Public: the Familienkasse's empty form, so stored in the clear, once, and kept.
 */
@Entity('pdf_bases')
export class PdfBaseRecord {
  /** SHA-256 of the bytes. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  // The bytes are in the binary "content" column, outside the entity: binary-content.util.

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
