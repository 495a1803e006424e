import { MigrationInterface, QueryRunner } from 'typeorm';

// A letter a Kümmerer uploads is read in the background (OCR), after the upload has answered.
// `reading_state` is 'pending' until the analysis is stored ('done') or reading failed ('failed',
// with the reason's code in `reading_failure`); the start-up sweep reads again what a crash or
// restart interrupted. Null for chat uploads, which the chat's letter flow reads.
export class DocumentReadingState1796710000000 implements MigrationInterface {
  name = 'DocumentReadingState1796710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "documents" ADD COLUMN "reading_state" varchar(20)`);
    await queryRunner.query(`ALTER TABLE "documents" ADD COLUMN "reading_failure" text`);
    await queryRunner.query(`CREATE INDEX "IDX_documents_reading_state" ON "documents" ("reading_state")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_documents_reading_state"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "reading_failure"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP COLUMN "reading_state"`);
  }
}
