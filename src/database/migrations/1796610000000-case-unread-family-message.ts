import { MigrationInterface, QueryRunner } from 'typeorm';

// A family's message (a reply to a question back, a request for a person) that no Kümmerer has
// answered yet: the queue puts such cases first and marks them (docs/case-status.md). Cases the
// old rule had at the top for a reply (in review, the family moved last) keep their place.
export class CaseUnreadFamilyMessage1796610000000 implements MigrationInterface {
  name = 'CaseUnreadFamilyMessage1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const timestamp = queryRunner.connection.options.type === 'postgres' ? 'timestamp' : 'datetime';
    await queryRunner.query(`ALTER TABLE "cases" ADD COLUMN "unread_family_message_at" ${timestamp} NULL`);
    await queryRunner.query(`
      UPDATE "cases" SET "unread_family_message_at" = "last_activity_at"
      WHERE "status" = 'in_review' AND (
        SELECT s."changed_by" FROM "case_status_changes" s
        WHERE s."case_id" = "cases"."id" ORDER BY s."changed_at" DESC LIMIT 1
      ) = 'family'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "unread_family_message_at"`);
  }
}
