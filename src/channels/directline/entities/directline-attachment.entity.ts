import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A file a family uploaded into a conversation; content and name encrypted with DataCipher. */
@Entity('directline_attachments')
export class DirectLineAttachment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'conversation_id', type: 'varchar', length: 64 })
  conversationId!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'content_type', type: 'varchar', length: 120 })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  /** Encrypted JSON: { name } */
  @Column({ type: 'text' })
  meta!: string;

  // The encrypted bytes are in the binary "content" column, outside the entity: binary-content.util.
}
