import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { teamSlug } from '../team-slug.util';

/** One neighbourhood's Kümmerer, e.g. "Essen-Altendorf". A Kümmerer sees only their team's cases. */
@Entity('teams')
export class Team {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /**
   * The name as the chat page names the team ("essen-altendorf", teamSlug): unique, so names that
   * differ only in capitals, spaces, hyphens or accents cannot both exist. Set from the name when
   * a team is inserted without one; nullable in the table only because SQLite cannot add a NOT NULL
   * column without a default (migration TeamSlugs1796620000000).
   */
  @Column({ type: 'varchar', length: 110, unique: true, nullable: true })
  slug!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @BeforeInsert()
  assignId(): void {
    this.id ??= randomUUID();
    this.slug ??= teamSlug(this.name);
  }
}
