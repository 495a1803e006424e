import { MigrationInterface, QueryRunner } from 'typeorm';

// Draft PDFs are made after the family's submission, in the background: the flag marks a case
// whose drafts are still owed, so the start-up sweep can make those a restart interrupted.
export class CaseDraftsPending1796400000000 implements MigrationInterface {
  name = 'CaseDraftsPending1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const falseValue = queryRunner.connection.options.type === 'postgres' ? 'false' : '0';
    await queryRunner.query(
      `ALTER TABLE "cases" ADD COLUMN "drafts_pending" boolean NOT NULL DEFAULT ${falseValue}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "drafts_pending"`);
  }
}
