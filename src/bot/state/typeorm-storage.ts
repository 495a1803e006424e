import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation, placeholders } from '../../database/plain-sql.util';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { DataCipher } from '../../privacy/data-cipher.service';
import { runInWriteTransaction } from '../../database/write-transaction.util';
import { StateConflictError } from '../bot.errors';
import { BotStateRecord } from './bot-state.entity';

/** One change of a batch: `item` null deletes. */
export interface StateChange {
  key: string;
  item: StoreItem | null;
  /** "*": write whatever is stored; null: the key must not exist yet; otherwise the eTag that was read. */
  expected: string | null;
}

/** Further writes that must commit together with a turn's state. */
export type CommitWork = (manager: EntityManager) => Promise<void>;

/**
 * botbuilder `Storage` on TypeORM (table bot_state), for SQLite and PostgreSQL.
 * Items are encrypted with DataCipher, the storage key being the authenticated context, so an item
 * cannot be copied to another conversation in the database. Writes follow botbuilder's eTag rules:
 * "*" or no eTag writes unconditionally, any other eTag must match the stored one.
 * All changes of one `write` call commit in one transaction, or none does.
 */
@Injectable()
export class TypeOrmStorage implements Storage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    if (keys.length === 0) {
      return {};
    }
    const rows = await this.dataSource.query<Array<{ key: string; etag: string; document: string }>>(
      `SELECT "key", "etag", "document" FROM "bot_state" WHERE "key" IN (${placeholders(this.dataSource, keys.length)})`,
      keys,
    );
    const items: StoreItems = {};
    for (const row of rows) {
      items[row.key] = { ...this.cipher.decryptJson<StoreItem>(row.document, row.key), eTag: row.etag };
    }
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    return this.commit(
      Object.entries(changes).map(([key, item]: [string, StoreItem]) => ({
        key,
        item,
        expected: item.eTag && item.eTag !== '*' ? item.eTag : '*',
      })),
    );
  }

  delete(keys: string[]): Promise<void> {
    return this.commit(keys.map((key) => ({ key, item: null, expected: '*' })));
  }

  /**
   * Applies every change in one transaction; a failed precondition rolls all of them back.
   * `alongside` runs in the same transaction (e.g. a resume code that moves with the state).
   */
  async commit(changes: StateChange[], alongside: CommitWork[] = []): Promise<void> {
    if (changes.length === 0 && alongside.length === 0) {
      return;
    }
    // Encrypt first, so the transaction (and on SQLite the write queue) is held only for the SQL.
    const prepared = changes.map((change) => ({
      change,
      row: change.item ? this.seal(change.key, change.item) : null,
    }));
    await runInWriteTransaction(this.dataSource, async (manager) => {
      for (const { change, row } of prepared) {
        if (row) {
          await this.put(manager, change, row);
        } else {
          await this.remove(manager, change);
        }
      }
      for (const work of alongside) {
        await work(manager);
      }
    });
  }

  private seal(key: string, item: StoreItem): BotStateRecord {
    // The eTag lives in its own column, not in the encrypted document.
    const document: StoreItem = { ...item };
    delete document.eTag;
    return Object.assign(new BotStateRecord(), {
      key,
      etag: randomUUID(),
      document: this.cipher.encryptJson(document, key),
      updatedAt: new Date(),
    });
  }

  // Plain SQL on the path every chat turn takes: TypeORM's query builder cost more CPU than the
  // statements themselves (the conversation benchmark's profile). Portable between SQLite and PostgreSQL.
  private async put(manager: EntityManager, change: StateChange, row: BotStateRecord): Promise<void> {
    const updatedAt = this.dataSource.driver.preparePersistentValue(
      row.updatedAt,
      this.updatedAtColumn(),
    ) as unknown;
    if (change.expected === '*') {
      await this.run(
        manager,
        `INSERT INTO "bot_state" ("key", "etag", "document", "updated_at") VALUES (${placeholders(this.dataSource, 4)})
         ON CONFLICT ("key") DO UPDATE SET "etag" = excluded."etag", "document" = excluded."document",
         "updated_at" = excluded."updated_at"`,
        [row.key, row.etag, row.document, updatedAt],
      );
      return;
    }
    if (change.expected === null) {
      try {
        await this.run(
          manager,
          `INSERT INTO "bot_state" ("key", "etag", "document", "updated_at") VALUES (${placeholders(this.dataSource, 4)})`,
          [row.key, row.etag, row.document, updatedAt],
        );
      } catch (error) {
        // Another turn created the item after this one read it as missing.
        if (isUniqueViolation(error)) {
          throw new StateConflictError(change.key);
        }
        throw error;
      }
      return;
    }
    const [etag, document, at, key, expected] = placeholders(this.dataSource, 5).split(', ');
    const affected = await this.run(
      manager,
      `UPDATE "bot_state" SET "etag" = ${etag}, "document" = ${document}, "updated_at" = ${at}
       WHERE "key" = ${key} AND "etag" = ${expected}`,
      [row.etag, row.document, updatedAt, change.key, change.expected],
    );
    if (!affected) {
      throw new StateConflictError(change.key);
    }
  }

  private async remove(manager: EntityManager, change: StateChange): Promise<void> {
    const unconditional = change.expected === '*' || change.expected === null;
    const [key, etag] = placeholders(this.dataSource, 2).split(', ');
    const affected = await this.run(
      manager,
      `DELETE FROM "bot_state" WHERE "key" = ${key}${unconditional ? '' : ` AND "etag" = ${etag}`}`,
      unconditional ? [change.key] : [change.key, change.expected],
    );
    if (!unconditional && !affected) {
      throw new StateConflictError(change.key);
    }
  }

  /** Runs a statement in the turn's transaction; returns the number of rows it changed. */
  private async run(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
    const result = await manager.queryRunner!.query(sql, parameters, true);
    return result.affected ?? 0;
  }

  private updatedAtColumn(): ColumnMetadata {
    return this.dataSource.getMetadata(BotStateRecord).findColumnWithPropertyName('updatedAt')!;
  }
}
