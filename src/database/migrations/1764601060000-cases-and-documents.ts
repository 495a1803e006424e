import { MigrationInterface, QueryRunner } from 'typeorm';

// Cases (answers with provenance, generated PDFs, notes, status history) and uploaded documents.
// Hand-written for SQLite and PostgreSQL. Every child table cascades: deleting a case deletes
// all personal data that belongs to it.
export class CasesAndDocuments1764601060000 implements MigrationInterface {
  name = 'CasesAndDocuments1764601060000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    const id = postgres ? 'uuid' : 'varchar(36)';
    const timestamp = postgres ? 'timestamp' : 'datetime';
    const now = postgres ? 'now()' : "(datetime('now'))";
    const falseValue = postgres ? 'false' : '0';
    const caseId = `"case_id" ${id} NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE`;

    await queryRunner.query(`
      CREATE TABLE "cases" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "application_id" varchar(60) NOT NULL,
        "status" varchar(30) NOT NULL,
        "conversation_key" varchar(400) NULL,
        "conversation_reference" text NULL,
        "family_name" text NOT NULL,
        "nearest_deadline" date NULL,
        "assigned_to" varchar(120) NULL,
        "last_activity_at" ${timestamp} NOT NULL DEFAULT ${now},
        "created_at" ${timestamp} NOT NULL DEFAULT ${now},
        "updated_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_cases_status_deadline" ON "cases" ("status", "nearest_deadline")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cases_conversation" ON "cases" ("conversation_key")`);

    await queryRunner.query(`
      CREATE TABLE "case_answers" (
        "id" ${id} PRIMARY KEY NOT NULL,
        ${caseId},
        "question_id" varchar(120) NOT NULL,
        "group_id" varchar(120) NULL,
        "item_index" integer NULL,
        "value" text NOT NULL,
        "marked_unknown" boolean NOT NULL DEFAULT ${falseValue},
        "source" varchar(20) NOT NULL,
        "source_document_id" varchar(36) NULL,
        "source_page" integer NULL,
        "source_box" varchar(120) NULL,
        "source_confidence" real NULL,
        "given_by" varchar(120) NOT NULL,
        "given_at" ${timestamp} NOT NULL,
        "superseded_at" ${timestamp} NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_answers_case" ON "case_answers" ("case_id", "question_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "case_documents" (
        "id" ${id} PRIMARY KEY NOT NULL,
        ${caseId},
        "form_id" varchar(60) NOT NULL,
        "instance_index" integer NULL,
        "title" varchar(200) NOT NULL,
        "file_name" varchar(120) NOT NULL,
        "mode" varchar(10) NOT NULL,
        "kind" varchar(10) NOT NULL,
        "size_bytes" integer NOT NULL,
        "content" text NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`CREATE INDEX "idx_case_documents_case" ON "case_documents" ("case_id")`);

    await queryRunner.query(`
      CREATE TABLE "case_notes" (
        "id" ${id} PRIMARY KEY NOT NULL,
        ${caseId},
        "author" varchar(120) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "text" text NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`CREATE INDEX "idx_case_notes_case" ON "case_notes" ("case_id")`);

    await queryRunner.query(`
      CREATE TABLE "case_status_changes" (
        "id" ${id} PRIMARY KEY NOT NULL,
        ${caseId},
        "from_status" varchar(30) NULL,
        "to_status" varchar(30) NOT NULL,
        "changed_by" varchar(120) NOT NULL,
        "changed_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(
      `CREATE INDEX "idx_case_status_changes_case" ON "case_status_changes" ("case_id")`,
    );

    // Uploads belong to a conversation first and to a case once the family submits.
    await queryRunner.query(`
      CREATE TABLE "documents" (
        "id" ${id} PRIMARY KEY NOT NULL,
        "conversation_key" varchar(400) NOT NULL,
        "case_id" ${id} NULL REFERENCES "cases" ("id") ON DELETE CASCADE,
        "media_type" varchar(100) NOT NULL,
        "file_name" text NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" varchar(64) NOT NULL,
        "content" text NOT NULL,
        "created_at" ${timestamp} NOT NULL DEFAULT ${now}
      )`);
    await queryRunner.query(`CREATE INDEX "idx_documents_conversation" ON "documents" ("conversation_key")`);
    await queryRunner.query(`CREATE INDEX "idx_documents_case" ON "documents" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'idx_documents_case',
      'idx_documents_conversation',
      'idx_case_status_changes_case',
      'idx_case_notes_case',
      'idx_case_documents_case',
      'idx_case_answers_case',
      'idx_cases_conversation',
      'idx_cases_status_deadline',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    for (const table of [
      'documents',
      'case_status_changes',
      'case_notes',
      'case_documents',
      'case_answers',
      'cases',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
