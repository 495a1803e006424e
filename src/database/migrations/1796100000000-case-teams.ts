import { MigrationInterface, QueryRunner } from 'typeorm';

// Cases belong to a team (the Kümmerer workspace shows a Kümmerer only their team's cases), and
// the indexes the queue needs: team + status + deadline, and the newest status change per case.
export class CaseTeams1796100000000 implements MigrationInterface {
  name = 'CaseTeams1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    await queryRunner.query(
      `ALTER TABLE "cases" ADD COLUMN "team_id" ${id} NULL REFERENCES "teams" ("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_cases_team_status_deadline" ON "cases" ("team_id", "status", "nearest_deadline", "created_at")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cases_assigned" ON "cases" ("assigned_to")`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_status_changes_newest" ON "case_status_changes" ("case_id", "changed_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_case_status_changes_newest',
      'idx_cases_assigned',
      'idx_cases_team_status_deadline',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "team_id"`);
  }
}
