import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import { createPgSchema, PgSchema } from '../support/pg-schema';
import { startTestApp, TestApp } from '../support/test-app';

describe('service on PostgreSQL', () => {
  let sut: TestApp;
  let schema: PgSchema;

  before(async () => {
    schema = await createPgSchema('migrations');
    sut = await startTestApp({ DATABASE_URL: schema.url });
  });

  after(async () => {
    await sut?.close();
    await schema?.drop();
  });

  it('runs every migration at start-up', async () => {
    const dataSource = sut.app.get(DataSource);
    assert.equal(dataSource.options.type, 'postgres');
    assert.equal(await dataSource.showMigrations(), false);
    const rows = (
      await schema.admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [
        schema.name,
      ])
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
