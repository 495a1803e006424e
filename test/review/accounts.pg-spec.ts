import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserSession } from '../../src/accounts/entities/user-session.entity';
import { startTestApp, TestApp } from '../support/test-app';
import { createPgSchema, PgSchema } from '../support/pg-schema';
import { createUser, ensureTeam, signIn, testPassword } from './workspace-session';

describe('workspace accounts on PostgreSQL', () => {
  let sut: TestApp;
  let schema: PgSchema;

  before(async () => {
    schema = await createPgSchema('accounts');
    sut = await startTestApp({ DATABASE_URL: schema.url });
  });

  after(async () => {
    await sut?.close();
    await schema?.drop();
  });

  it('creates teams, users and user_sessions with their constraints', async () => {
    const rows = (
      await schema.admin.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = $1 AND table_name IN ('teams', 'users', 'user_sessions') ORDER BY table_name`,
        [schema.name],
      )
    ).rows as Array<{ table_name: string }>;
    assert.deepEqual(
      rows.map((row) => row.table_name),
      ['teams', 'user_sessions', 'users'],
    );
    await assert.rejects(
      schema.admin.query(
        `INSERT INTO "${schema.name}".users (id, login, display_name, role, password_hash, password_changed_at)
         VALUES (gen_random_uuid(), 'x@example.org', 'X', 'root', 'h', now())`,
      ),
      /chk_users_role/,
    );
  });

  it('signs in, filters the audit log by time, and ends the session at logout', async () => {
    const team = await ensureTeam(sut.app, 'Essen-Altendorf');
    await createUser(sut.app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    await createUser(sut.app, 'dragana.petrovic@example.org', 'kuemmerer', team, 'Dragana Petrović');
    const ayse = await signIn(sut.app, 'ayse.yilmaz@example.org');
    await signIn(sut.app, 'dragana.petrovic@example.org');
    await request(sut.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'dragana.petrovic@example.org', password: `${testPassword}x` })
      .expect(401);

    const audit = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ action: 'auth.login', from: new Date(Date.now() - 60_000).toISOString() })
      .set('Cookie', ayse.cookie)
      .expect(200);
    assert.equal(audit.body.total, 2);

    await request(sut.app.getHttpServer())
      .post('/api/auth/logout')
      .set({ Cookie: ayse.cookie, 'X-CSRF-Token': ayse.csrfToken })
      .expect(204);
    assert.equal(await sut.app.get(DataSource).getRepository(UserSession).countBy({ userId: ayse.id }), 0);
  });

  it('reverts the accounts migration and applies it again', async () => {
    const dataSource = sut.app.get(DataSource);
    await dataSource.query(`DELETE FROM "user_sessions"`);
    await dataSource.query(`DELETE FROM "users"`);
    await dataSource.query(`DELETE FROM "teams"`);
    const usersTable = () =>
      schema.admin.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'users'`,
        [schema.name],
      );
    // Later migrations (if any) are reverted first, down to and including the accounts one.
    for (let i = 0; i < dataSource.migrations.length && (await usersTable()).rowCount === 1; i++) {
      await dataSource.undoLastMigration();
    }
    assert.equal((await usersTable()).rowCount, 0);
    await dataSource.runMigrations();
    assert.equal(await dataSource.showMigrations(), false);
  });
});
