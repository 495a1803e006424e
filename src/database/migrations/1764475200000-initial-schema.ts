import { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand for both databases: the same migration must run on SQLite and PostgreSQL.
export class InitialSchema1764475200000 implements MigrationInterface {
  name = 'InitialSchema1764475200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    const timestamp = postgres
      ? 'timestamp NOT NULL DEFAULT now()'
      : "datetime NOT NULL DEFAULT (datetime('now'))";
    await queryRunner.query(`
      CREATE TABLE "audit_events" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "occurred_at" ${timestamp},
        "actor" varchar(120) NOT NULL,
        "action" varchar(80) NOT NULL,
        "subject_type" varchar(40) NOT NULL,
        "subject_id" varchar(120) NOT NULL,
        "details" text
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_audit_events_subject" ON "audit_events" ("subject_type", "subject_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_audit_events_subject"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
