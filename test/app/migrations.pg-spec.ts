import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { startTestApp, TestApp } from '../support/test-app';

// A fresh schema per run keeps the shared `test` database clean and the test repeatable.
const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `antragslotse_test_${process.pid}`;

describe('service on PostgreSQL', () => {
  let sut: TestApp;
  const admin = new Client({ connectionString: baseUrl });

  before(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    sut = await startTestApp({ DATABASE_URL: url.toString() });
  });

  after(async () => {
    await sut?.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('runs every migration at start-up', async () => {
    const dataSource = sut.app.get(DataSource);
    assert.equal(dataSource.options.type, 'postgres');
    assert.equal(await dataSource.showMigrations(), false);
    const rows = (
      await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])
    ).rows as Array<{ table_name: string }>;
    const tables = new Set(rows.map((row) => row.table_name));
    // Every entity's table comes from a migration (nothing is synchronised).
    for (const entity of dataSource.entityMetadatas) {
      assert.ok(tables.has(entity.tableName), `table ${entity.tableName} of ${entity.name}`);
    }
    assert.ok(tables.has('migrations'));
  });

  it('stores and reads audit events', async () => {
    const audit = sut.app.get(AuditService);
    await audit.record({
      actor: 'system',
      action: 'forms.filled',
      subjectType: 'form',
      subjectId: 'kg1',
      details: { pages: 5 },
    });
    const events = await audit.findBySubject('form', 'kg1');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0].details, { pages: 5 });
    assert.ok(events[0].occurredAt instanceof Date);
  });

  it('can revert every migration and apply it again', async () => {
    const dataSource = sut.app.get(DataSource);
    for (let i = 0; i < dataSource.migrations.length; i++) {
      await dataSource.undoLastMigration();
    }
    assert.equal(await dataSource.showMigrations(), true);
    await dataSource.runMigrations();
    assert.equal(await dataSource.showMigrations(), false);
  });

  it('reports health including the database', async () => {
    const response = await request(sut.app.getHttpServer()).get('/health').expect(200);
    assert.equal(response.body.details.database.status, 'up');
  });
});
