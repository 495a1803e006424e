import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The conversation log: every activity of both sides, in order. The watermark is the position in
 * the log (0, 1, 2 …) and part of the key, so two writers can never take the same place.
 * `body` is the activity JSON encrypted with DataCipher.
 */
@Entity('directline_activities')
export class DirectLineActivity {
  @PrimaryColumn({ name: 'conversation_id', type: 'varchar', length: 64 })
  conversationId!: string;

  @PrimaryColumn({ type: 'integer' })
  watermark!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'text' })
  body!: string;
}
