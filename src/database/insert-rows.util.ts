import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { placeholder } from './plain-sql.util';

/**
 * INSERT of many rows of one entity as plain SQL statements (SQLite and PostgreSQL), each value
 * converted by TypeORM's driver exactly as its own insert() would (dates, booleans). insert() builds
 * every statement through the query builder, which costs more CPU than the database takes to store
 * the rows; on the chat's submission turn (~60 answer rows) that was most of the turn's own work.
 * Every row must give the same columns; columns a row leaves undefined get their database default.
 * `content` gives the binary "content" column of each row, which no entity maps (binary-content.util).
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly T[],
  options: { rowsPerStatement?: number; content?: readonly Uint8Array[] } = {},
): Promise<void> {
  const { rowsPerStatement = 50, content } = options;
  if (rows.length === 0) {
    return;
  }
  if (content && content.length !== rows.length) {
    throw new Error('insertRows: give one content per row.');
  }
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((column) => column.getEntityValue(rows[0]) !== undefined);
  const names = [
    ...columns.map((column) => `"${column.databaseName}"`),
    ...(content ? ['"content"'] : []),
  ].join(', ');
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row, index) => {
      const marks = columns.map((column) => {
        const value: unknown = column.getEntityValue(row);
        if (value === undefined) {
          throw new Error(`insertRows: every row must give "${column.propertyName}".`);
        }
        parameters.push(driver.preparePersistentValue(value, column));
        return placeholder(manager.connection, parameters.length);
      });
      if (content) {
        parameters.push(content[start + index]);
        marks.push(placeholder(manager.connection, parameters.length));
      }
      return `(${marks.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "${metadata.tableName}" (${names}) VALUES ${tuples.join(', ')}`,
      parameters,
    );
  }
}
