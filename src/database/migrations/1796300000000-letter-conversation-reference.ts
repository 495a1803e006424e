import { MigrationInterface, QueryRunner } from 'typeorm';

// Where to remind a family of a letter's deadline before they submitted (no case yet): the
// conversation reference of the chat the letter came in, encrypted, beside the analysis.
export class LetterConversationReference1796300000000 implements MigrationInterface {
  name = 'LetterConversationReference1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_analyses" ADD COLUMN "conversation_reference" text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_analyses" DROP COLUMN "conversation_reference"`);
  }
}
