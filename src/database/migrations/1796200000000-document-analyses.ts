import { MigrationInterface, QueryRunner } from 'typeorm';

// Letter analyses beside their stored document (encrypted JSON and explanation), with the
// deadline readable for the reminder scheduler; deleted with the document.
export class DocumentAnalyses1796200000000 implements MigrationInterface {
  name = 'DocumentAnalyses1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    const timestamp = postgres ? 'timestamp' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await queryRunner.query(`
      CREATE TABLE "document_analyses" (
        "document_id" ${id} PRIMARY KEY NOT NULL REFERENCES "documents" ("id") ON DELETE CASCADE,
        "analysis" text NOT NULL,
        "explanation" text NOT NULL,
        "locale" varchar(10) NOT NULL,
        "deadline" date NULL,
        "reminded_at" ${timestamp} NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_document_analyses_deadline" ON "document_analyses" ("deadline", "reminded_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_document_analyses_deadline"`);
    await queryRunner.query(`DROP TABLE "document_analyses"`);
  }
}
