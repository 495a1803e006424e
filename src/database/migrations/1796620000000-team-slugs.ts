import { MigrationInterface, QueryRunner } from 'typeorm';
import { teamSlug } from '../../accounts/team-slug.util';
import { placeholder } from '../plain-sql.util';

// Team names that differ only in capitals, spaces, hyphens or accents ("Team Altendorf", "team
// altendorf") name the same team for the chat (channelData.team is matched by slug), so two such
// teams may not exist: a unique slug column, computed here in TypeScript (SQLite's lower() knows
// only ASCII, so an index on lower(name) would not agree between SQLite and PostgreSQL).
// Existing duplicates must not stop the upgrade: the oldest team keeps the plain slug, each later
// one gets "-2", "-3", ... Names stay as they are; an admin can tell the teams apart and move people.
export class TeamSlugs1796620000000 implements MigrationInterface {
  name = 'TeamSlugs1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teams" ADD COLUMN "slug" varchar(110) NULL`);
    const teams = (await queryRunner.query(
      `SELECT "id", "name" FROM "teams" ORDER BY "created_at" ASC, "id" ASC`,
    )) as Array<{ id: string; name: string }>;
    const taken = new Set<string>();
    for (const team of teams) {
      const base = teamSlug(team.name) || 'team';
      let slug = base;
      for (let n = 2; taken.has(slug); n++) {
        slug = `${base}-${n}`;
      }
      taken.add(slug);
      const connection = queryRunner.connection;
      await queryRunner.query(
        `UPDATE "teams" SET "slug" = ${placeholder(connection, 1)} WHERE "id" = ${placeholder(connection, 2)}`,
        [slug, team.id],
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_teams_slug" ON "teams" ("slug")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_teams_slug"`);
    await queryRunner.query(`ALTER TABLE "teams" DROP COLUMN "slug"`);
  }
}
