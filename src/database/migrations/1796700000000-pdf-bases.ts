import { MigrationInterface, QueryRunner } from 'typeorm';

// Draft PDFs are stored as incremental updates over the prepared official template (about 30 kB
// instead of 1.4 MB each): the template is stored once in "pdf_bases", under the SHA-256 of its
// bytes, and a draft's row names it in "base_sha256". A base is a public form, never personal data,
// so it is stored in the clear; the update is encrypted like every case document. Rows from before
// (and finals) have no base: their content is the whole PDF. No foreign key: SQLite cannot drop a
// column that has one, and bases are never deleted.
export class PdfBases1796700000000 implements MigrationInterface {
  name = 'PdfBases1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const timestamp = postgres ? 'timestamp' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    await queryRunner.query(`
      CREATE TABLE "pdf_bases" (
        "sha256" varchar(64) PRIMARY KEY NOT NULL,
        "size_bytes" integer NOT NULL,
        "content" ${postgres ? 'bytea' : 'blob'} NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`ALTER TABLE "case_documents" ADD COLUMN "base_sha256" varchar(64) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A draft without its base is not a PDF: the drafts stored as updates are dropped and owed
    // again (drafts_pending), so the service makes them whole at its next start.
    await queryRunner.query(
      `UPDATE "cases" SET "drafts_pending" = ${queryRunner.connection.options.type === 'postgres' ? 'true' : '1'}
       WHERE "id" IN (SELECT "case_id" FROM "case_documents" WHERE "base_sha256" IS NOT NULL)`,
    );
    await queryRunner.query(`DELETE FROM "case_documents" WHERE "base_sha256" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "base_sha256"`);
    await queryRunner.query(`DROP TABLE "pdf_bases"`);
  }
}
