import { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `work` in one database transaction.
 *
 * TypeORM's better-sqlite3 driver shares ONE connection between all callers, so two transactions
 * started at the same time would interleave on it (the second BEGIN becomes a savepoint of the
 * first). Writers that need a transaction on SQLite therefore queue here, one after the other,
 * in this process. PostgreSQL gives every transaction its own connection and needs no queue.
 */
export function runInWriteTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type === 'postgres') {
    return dataSource.transaction(work);
  }
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(
    () => dataSource.transaction(work),
    () => dataSource.transaction(work),
  );
  queues.set(
    dataSource,
    run.catch(() => undefined),
  );
  return run;
}
