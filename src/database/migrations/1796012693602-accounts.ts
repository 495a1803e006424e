import { MigrationInterface, QueryRunner } from 'typeorm';

// Workspace accounts: teams, users (argon2id hashes, lockout), server-side sessions; and indexes
// the admin's audit-log filters need. Hand-written for SQLite and PostgreSQL.
export class Accounts1796012693602 implements MigrationInterface {
  name = 'Accounts1796012693602';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    const timestamp = postgres ? 'timestamp' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";

    await queryRunner.query(`
      CREATE TABLE "teams" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "name" varchar(100) NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now},
        CONSTRAINT "uq_teams_name" UNIQUE ("name")
      )`);

    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "login" varchar(254) NOT NULL,
        "display_name" varchar(120) NOT NULL,
        "role" varchar(20) NOT NULL,
        "team_id" ${id} NULL REFERENCES "teams" ("id"),
        "password_hash" varchar(200) NOT NULL,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "last_failed_at" ${timestamp} NULL,
        "locked_until" ${timestamp} NULL,
        "disabled_at" ${timestamp} NULL,
        "password_changed_at" ${timestamp} NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now},
        CONSTRAINT "uq_users_login" UNIQUE ("login"),
        CONSTRAINT "chk_users_role" CHECK ("role" IN ('admin', 'kuemmerer'))
      )`);
    await queryRunner.query(`CREATE INDEX "idx_users_team" ON "users" ("team_id")`);

    await queryRunner.query(`
      CREATE TABLE "user_sessions" (
        "token_hash" varchar(64) PRIMARY KEY NOT NULL,
        "user_id" ${id} NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
        "csrf_token" varchar(64) NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now},
        "last_seen_at" ${timestamp} NOT NULL,
        "expires_at" ${timestamp} NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "idx_user_sessions_user" ON "user_sessions" ("user_id")`);

    await queryRunner.query(`CREATE INDEX "idx_audit_events_occurred" ON "audit_events" ("occurred_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_events_actor" ON "audit_events" ("actor", "occurred_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_audit_events_actor',
      'idx_audit_events_occurred',
      'idx_user_sessions_user',
      'idx_users_team',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    for (const table of ['user_sessions', 'users', 'teams']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
