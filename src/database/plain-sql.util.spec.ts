import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { isUniqueViolation, placeholder, placeholders } from './plain-sql.util';

const sqlite = { options: { type: 'better-sqlite3' } } as DataSource;
const postgres = { options: { type: 'postgres' } } as DataSource;

describe('plain SQL helpers', () => {
  it('numbers parameters on PostgreSQL and marks them on SQLite', () => {
    assert.equal(placeholders(sqlite, 3), '?, ?, ?');
    assert.equal(placeholders(postgres, 3), '$1, $2, $3');
    assert.equal(placeholders(postgres, 2, 4), '$4, $5');
    assert.equal(placeholder(postgres, 7), '$7');
    assert.equal(placeholder(sqlite, 7), '?');
  });

  it('recognises unique violations of both databases, wrapped by TypeORM or not', () => {
    assert.ok(isUniqueViolation({ driverError: { code: '23505' } }));
    assert.ok(isUniqueViolation({ driverError: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } }));
    assert.ok(isUniqueViolation({ code: 'SQLITE_CONSTRAINT_UNIQUE' }));
    assert.ok(!isUniqueViolation({ driverError: { code: '23503' } }), 'a foreign key is something else');
    assert.ok(!isUniqueViolation(new Error('disk full')));
    assert.ok(!isUniqueViolation(undefined));
  });
});
