import type { DataSource } from 'typeorm';

/**
 * Helpers for the few statements written as plain SQL (hot paths where TypeORM's query builder cost
 * more CPU than the statement), portable between SQLite and PostgreSQL.
 */

/** The bound parameter number `index` (1-based): "$index" on PostgreSQL, "?" on SQLite. */
export function placeholder(dataSource: DataSource, index: number): string {
  return dataSource.options.type === 'postgres' ? `$${index}` : '?';
}

/** `count` bound parameters from number `first` on, comma-separated: "?, ?" or "$1, $2". */
export function placeholders(dataSource: DataSource, count: number, first = 1): string {
  return Array.from({ length: count }, (_, index) => placeholder(dataSource, first + index)).join(', ');
}

/** A unique or primary key violation, from TypeORM (QueryFailedError) or the driver itself. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError =
    (error as { driverError?: { code?: string } } | undefined)?.driverError ?? (error as { code?: string });
  const code = driverError?.code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}
