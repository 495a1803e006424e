import type { DataSource, EntityManager } from 'typeorm';
import { placeholder } from './plain-sql.util';

/**
 * Files (uploaded letters, chat attachments, generated PDFs) are stored encrypted in a binary
 * "content" column: BLOB on SQLite, bytea on PostgreSQL. No TypeORM column type is valid on both,
 * so no entity maps the column: rows are inserted with `insertRows(..., { content })` and the bytes
 * are read here. It also keeps megabytes out of every entity query by construction.
 */
export async function readContent(
  runner: DataSource | EntityManager,
  table: 'case_documents' | 'directline_attachments' | 'documents',
  where: Record<string, string>,
): Promise<Buffer | undefined> {
  const dataSource = 'connection' in runner ? runner.connection : runner;
  const conditions = Object.keys(where).map(
    (column, index) => `"${column}" = ${placeholder(dataSource, index + 1)}`,
  );
  const rows = await runner.query<Array<{ content: Uint8Array }>>(
    `SELECT "content" FROM "${table}" WHERE ${conditions.join(' AND ')}`,
    Object.values(where),
  );
  const content = rows[0]?.content;
  return content === undefined
    ? undefined
    : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}
