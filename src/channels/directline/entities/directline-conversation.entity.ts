import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One Direct Line conversation: the anchor that tokens are bound to. Holds no personal data. */
@Entity('directline_conversations')
export class DirectLineConversation {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  /** The user id the conversation was started for (random, e.g. "dl_…"), when the starter named one. */
  @Column({ name: 'user_id', type: 'varchar', length: 120, nullable: true })
  userId!: string | null;
}
