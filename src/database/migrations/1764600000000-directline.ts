import { MigrationInterface, QueryRunner } from 'typeorm';

// Direct Line conversation log and uploads; hand-written to run on SQLite and PostgreSQL.
export class DirectLine1764600000000 implements MigrationInterface {
  name = 'DirectLine1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const timestamp = postgres
      ? 'timestamp NOT NULL DEFAULT now()'
      : "datetime NOT NULL DEFAULT (datetime('now'))";
    await queryRunner.query(`
      CREATE TABLE "directline_conversations" (
        "id" varchar(64) PRIMARY KEY NOT NULL,
        "created_at" ${timestamp},
        "user_id" varchar(120)
      )`);
    await queryRunner.query(`
      CREATE TABLE "directline_activities" (
        "conversation_id" varchar(64) NOT NULL REFERENCES "directline_conversations" ("id") ON DELETE CASCADE,
        "watermark" integer NOT NULL,
        "created_at" ${timestamp},
        "body" text NOT NULL,
        PRIMARY KEY ("conversation_id", "watermark")
      )`);
    await queryRunner.query(`
      CREATE TABLE "directline_attachments" (
        "id" varchar(36) PRIMARY KEY NOT NULL,
        "conversation_id" varchar(64) NOT NULL REFERENCES "directline_conversations" ("id") ON DELETE CASCADE,
        "created_at" ${timestamp},
        "content_type" varchar(120) NOT NULL,
        "size" integer NOT NULL,
        "meta" text NOT NULL,
        "content" text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_directline_attachments_conversation" ON "directline_attachments" ("conversation_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_directline_attachments_conversation"`);
    await queryRunner.query(`DROP TABLE "directline_attachments"`);
    await queryRunner.query(`DROP TABLE "directline_activities"`);
    await queryRunner.query(`DROP TABLE "directline_conversations"`);
  }
}
