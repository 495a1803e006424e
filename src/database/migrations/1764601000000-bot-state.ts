import { MigrationInterface, QueryRunner } from 'typeorm';

// Conversation state of the bot and resume codes. Hand-written for SQLite and PostgreSQL.
export class BotState1764601000000 implements MigrationInterface {
  name = 'BotState1764601000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    const timestamp = postgres ? 'timestamp' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await queryRunner.query(`
      CREATE TABLE "bot_state" (
        "key" varchar(400) PRIMARY KEY NOT NULL,
        "etag" varchar(40) NOT NULL,
        "document" text NOT NULL,
        "updated_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`
      CREATE TABLE "resume_codes" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "code_hash" varchar(64) NOT NULL,
        "conversation_key" varchar(400) NOT NULL,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "locked_at" ${timestamp} NULL,
        "expires_at" ${timestamp} NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "idx_resume_codes_hash" ON "resume_codes" ("code_hash")`);
    await queryRunner.query(
      `CREATE INDEX "idx_resume_codes_conversation" ON "resume_codes" ("conversation_key")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_resume_codes_conversation"`);
    await queryRunner.query(`DROP INDEX "idx_resume_codes_hash"`);
    await queryRunner.query(`DROP TABLE "resume_codes"`);
    await queryRunner.query(`DROP TABLE "bot_state"`);
  }
}
