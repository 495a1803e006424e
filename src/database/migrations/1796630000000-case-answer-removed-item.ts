import { MigrationInterface, QueryRunner } from 'typeorm';

// A Kümmerer removes an item of a repeat group (a child entered twice): its answers are superseded
// and marked with the time of the removal, so that they stay in the case's history but never show
// as the "before" of the item that takes their number.
export class CaseAnswerRemovedItem1796630000000 implements MigrationInterface {
  name = 'CaseAnswerRemovedItem1796630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamp' : 'datetime';
    await queryRunner.query(`ALTER TABLE "case_answers" ADD COLUMN "removed_at" ${timestamp} NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_answers" DROP COLUMN "removed_at"`);
  }
}
