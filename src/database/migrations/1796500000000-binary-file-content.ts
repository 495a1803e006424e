import { MigrationInterface, QueryRunner } from 'typeorm';

const tables = ['case_documents', 'directline_attachments', 'documents'] as const;
/** Rows converted per statement on SQLite: a few files of up to 20 MB each in memory at a time. */
const batch = 8;

// Encrypted files were stored as base64 text. Binary columns store a third less, and writing a
// submission's three draft PDFs (about 4.5 MB) as text held the event loop, and with it every
// family's chat, for 25-40 ms; as bytes it is about half of that, and the encryption moved to the
// thread pool (DataCipher.encryptAsync). PostgreSQL converts in place; SQLite (which has no base64
// function) gets a new column, filled row by row, that takes the old one's name.
export class BinaryFileContent1796500000000 implements MigrationInterface {
  name = 'BinaryFileContent1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await changeContentColumns(queryRunner, {
      postgres: `bytea USING decode("content", 'base64')`,
      sqlite: `blob NOT NULL DEFAULT x''`,
      convert: (text) => Buffer.from(String(text), 'base64'),
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await changeContentColumns(queryRunner, {
      postgres: `text USING encode("content", 'base64')`,
      sqlite: `text NOT NULL DEFAULT ''`,
      convert: (bytes) => Buffer.from(bytes as Uint8Array).toString('base64'),
    });
  }
}

/** The new type of every table's "content" column, and on SQLite how each value is converted. */
async function changeContentColumns(
  queryRunner: QueryRunner,
  change: { postgres: string; sqlite: string; convert: (value: unknown) => Buffer | string },
): Promise<void> {
  for (const table of tables) {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "content" TYPE ${change.postgres}`);
      continue;
    }
    await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "content_new" ${change.sqlite}`);
    await convertSqlite(queryRunner, table, 'content', 'content_new', change.convert);
    await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "content"`);
    await queryRunner.query(`ALTER TABLE "${table}" RENAME COLUMN "content_new" TO "content"`);
  }
}

async function convertSqlite(
  queryRunner: QueryRunner,
  table: string,
  from: string,
  to: string,
  convert: (value: unknown) => Buffer | string,
): Promise<void> {
  for (let after = 0; ;) {
    const rows = (await queryRunner.query(
      `SELECT rowid AS "position", "${from}" AS "value" FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${batch}`,
      [after],
    )) as Array<{ position: number; value: unknown }>;
    if (rows.length === 0) {
      return;
    }
    for (const row of rows) {
      await queryRunner.query(`UPDATE "${table}" SET "${to}" = ? WHERE rowid = ?`, [
        convert(row.value),
        row.position,
      ]);
    }
    after = rows[rows.length - 1].position;
  }
}
