import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

describe('service on the embedded SQLite database', () => {
  let sut: TestApp;
  before(async () => {
    sut = await startTestApp();
  });
  after(async () => {
    await sut.close();
  });

  it('creates the database file in the data folder and runs the migrations at start-up', async () => {
    assert.ok(existsSync(join(sut.dataDir, 'antragslotse.sqlite')));
    const dataSource = sut.app.get(DataSource);
    assert.equal(await dataSource.showMigrations(), false, 'no migration is pending');
    const tables = await dataSource.query<Array<{ name: string }>>(
      `SELECT name FROM sqlite_master WHERE type = 'table'`,
    );
    assert.ok(tables.some((table) => table.name === 'audit_events'));
  });

  it('reports health including the database', async () => {
    const response = await request(sut.app.getHttpServer()).get('/health').expect(200);
    assert.equal(response.body.status, 'ok');
    assert.equal(response.body.details.database.status, 'up');
  });

  it('serves the OpenAPI description', async () => {
    const response = await request(sut.app.getHttpServer()).get('/api/docs-json').expect(200);
    assert.equal(response.body.info.title, 'Antragslotse');
    assert.ok('/health' in response.body.paths);
  });

  it('answers unknown routes with JSON and a correlation id', async () => {
    const response = await request(sut.app.getHttpServer()).get('/does-not-exist').expect(404);
    assert.match(response.body.correlationId, /^[0-9a-f-]{36}$/);
  });
});
