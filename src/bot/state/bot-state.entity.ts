import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One botbuilder storage item (conversation or user state), encrypted at rest.
 * `key` is botbuilder's storage key, e.g. "directline/conversations/<id>": ids only, no personal data.
 */
@Entity('bot_state')
export class BotStateRecord {
  @PrimaryColumn({ type: 'varchar', length: 400 })
  key!: string;

  /** Changes on every write; a writer that read an older eTag loses (optimistic concurrency). */
  @Column({ type: 'varchar', length: 40 })
  etag!: string;

  /** DataCipher.encryptJson of the item, with the key as authenticated context. */
  @Column({ type: 'text' })
  document!: string;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
