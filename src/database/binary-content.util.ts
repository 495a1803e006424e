import type { DataSource, EntityManager } from 'typeorm';
import { placeholder } from './plain-sql.util';

/** The tables with a binary "content" column. */
export type ContentTable = 'case_documents' | 'directline_attachments' | 'documents' | 'pdf_bases';

/**
 * Files (uploaded letters, chat attachments, generated PDFs) are stored encrypted in a binary
 * "content" column: BLOB on SQLite, bytea on PostgreSQL. No TypeORM column type is valid on both,
 * so no entity maps the column: rows are inserted with `insertRows(..., { content })` and the bytes
 * are read here. It also keeps megabytes out of every entity query by construction.
 */
export async function readContent(
  runner: DataSource | EntityManager,
  table: ContentTable,
  where: Record<string, string>,
): Promise<Buffer | undefined> {
  return (await readContentRow(runner, table, where, []))?.content;
}

/** readContent, with the values of further (text) columns of the same row. */
export async function readContentRow<Column extends string>(
  runner: DataSource | EntityManager,
  table: ContentTable,
  where: Record<string, string>,
  columns: readonly Column[],
): Promise<{ content: Buffer; values: Record<Column, string | null> } | undefined> {
  const dataSource = 'connection' in runner ? runner.connection : runner;
  const conditions = Object.keys(where).map(
    (column, index) => `"${column}" = ${placeholder(dataSource, index + 1)}`,
  );
  const selected = ['content', ...columns].map((column) => `"${column}"`).join(', ');
  const rows = await runner.query<Array<Record<string, unknown> & { content: Uint8Array }>>(
    `SELECT ${selected} FROM "${table}" WHERE ${conditions.join(' AND ')}`,
    Object.values(where),
  );
  const row = rows[0];
  if (row === undefined) {
    return undefined;
  }
  const { content } = row;
  const values = Object.fromEntries(
    columns.map((column) => [column, (row[column] as string | null) ?? null]),
  );
  return {
    content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
    values: values as Record<Column, string | null>,
  };
}
