import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, ensureTeam, signIn, SignedInUser, testPassword } from './workspace-session';

describe('admin API: users, teams, audit log', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let altendorf: string;

  const as = (user: SignedInUser) => ({ Cookie: user.cookie, 'X-CSRF-Token': user.csrfToken });

  before(async () => {
    sut = await startTestApp();
    altendorf = await ensureTeam(sut.app, 'Essen-Altendorf');
    await createUser(sut.app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    admin = await signIn(sut.app, 'ayse.yilmaz@example.org');
  });

  after(async () => {
    await sut?.close();
  });

  it('creates a team, then a Kümmerer in it, who can sign in', async () => {
    const team = await request(sut.app.getHttpServer())
      .post('/api/admin/teams')
      .set(as(admin))
      .send({ name: 'Essen-Katernberg' })
      .expect(201);
    const created = await request(sut.app.getHttpServer())
      .post('/api/admin/users')
      .set(as(admin))
      .send({
        email: 'Olena.Kovalenko@example.org',
        displayName: 'Olena Kovalenko',
        role: 'kuemmerer',
        teamId: team.body.id,
        password: testPassword,
      })
      .expect(201);
    assert.equal(created.body.login, 'olena.kovalenko@example.org');
    assert.equal(created.body.teamName, 'Essen-Katernberg');
    assert.equal('passwordHash' in created.body, false);
    const olena = await signIn(sut.app, 'olena.kovalenko@example.org');
    assert.equal(olena.id, created.body.id);
  });

  it('refuses weak passwords with plain German reasons', async () => {
    const response = await request(sut.app.getHttpServer())
      .post('/api/admin/users')
      .set(as(admin))
      .send({
        email: 'mehmet.yilmaz@example.org',
        displayName: 'Mehmet Yılmaz',
        role: 'admin',
        password: 'passwort',
      })
      .expect(422);
    assert.equal(response.body.code, 'PASSWORD_REJECTED');
    assert.ok(response.body.reasons.some((reason: string) => reason.startsWith('Das Passwort ist zu kurz.')));
    assert.ok(
      response.body.reasons.some((reason: string) => reason.startsWith('Dieses Passwort ist zu bekannt.')),
    );
  });

  it('refuses a Kümmerer without a team, a second account for one address and a second team of one name', async () => {
    const noTeam = await request(sut.app.getHttpServer())
      .post('/api/admin/users')
      .set(as(admin))
      .send({
        email: 'dragana.petrovic@example.org',
        displayName: 'Dragana Petrović',
        role: 'kuemmerer',
        password: testPassword,
      })
      .expect(422);
    assert.equal(noTeam.body.code, 'USER_TEAM_REQUIRED');
    const again = await request(sut.app.getHttpServer())
      .post('/api/admin/users')
      .set(as(admin))
      .send({
        email: 'AYSE.YILMAZ@example.org',
        displayName: 'Ayşe Yılmaz',
        role: 'admin',
        password: testPassword,
      })
      .expect(409);
    assert.equal(again.body.code, 'USER_LOGIN_TAKEN');
    await request(sut.app.getHttpServer())
      .post('/api/admin/teams')
      .set(as(admin))
      .send({ name: 'Essen-Altendorf' })
      .expect(409);
  });

  it('changes role and password; the user is signed out and signs in with the new password', async () => {
    const id = await createUser(
      sut.app,
      'mehmet.yilmaz@example.org',
      'kuemmerer',
      altendorf,
      'Mehmet Yılmaz',
    );
    const mehmet = await signIn(sut.app, 'mehmet.yilmaz@example.org');
    const updated = await request(sut.app.getHttpServer())
      .patch(`/api/admin/users/${id}`)
      .set(as(admin))
      .send({ role: 'admin', teamId: null, password: 'Neue-Stadtteil-Karte-2025' })
      .expect(200);
    assert.equal(updated.body.role, 'admin');
    assert.equal(updated.body.teamId, null);
    await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', mehmet.cookie).expect(401);
    await request(sut.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'mehmet.yilmaz@example.org', password: testPassword })
      .expect(401);
    await signIn(sut.app, 'mehmet.yilmaz@example.org', 'Neue-Stadtteil-Karte-2025');
  });

  it('answers 404 for an unknown user id', async () => {
    const response = await request(sut.app.getHttpServer())
      .patch('/api/admin/users/9b2f7c1e-1111-4a2b-8c3d-0123456789ab')
      .set(as(admin))
      .send({ unlock: true })
      .expect(404);
    assert.equal(response.body.code, 'USER_NOT_FOUND');
  });

  it('lists users and teams, and records who looked', async () => {
    const users = await request(sut.app.getHttpServer()).get('/api/admin/users').set(as(admin)).expect(200);
    assert.ok(users.body.some((user: { login: string }) => user.login === 'ayse.yilmaz@example.org'));
    assert.ok(users.body.every((user: object) => !('passwordHash' in user)));
    const teams = await request(sut.app.getHttpServer()).get('/api/admin/teams').set(as(admin)).expect(200);
    assert.deepEqual(
      teams.body.map((team: { name: string }) => team.name),
      ['Essen-Altendorf', 'Essen-Katernberg'],
    );
    const audit = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ actor: `user:${admin.id}`, action: 'user.listed' })
      .set(as(admin))
      .expect(200);
    assert.equal(audit.body.total, 1);
  });

  it('filters the audit log by subject, actor and time, newest first, paginated', async () => {
    const all = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ subjectType: 'user', subjectId: admin.id, pageSize: 2 })
      .set(as(admin))
      .expect(200);
    assert.equal(all.body.pageSize, 2);
    assert.equal(all.body.items.length, 2);
    assert.ok(all.body.total >= 2);
    const actions = new Set(all.body.items.map((item: { action: string }) => item.action));
    assert.ok([...actions].every((action) => typeof action === 'string'));
    const times = all.body.items.map((item: { occurredAt: string }) => Date.parse(item.occurredAt));
    assert.ok(times[0] >= times[1]);

    const logins = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({
        action: 'auth.login',
        subjectId: admin.id,
        from: new Date(Date.now() - 3_600_000).toISOString(),
      })
      .set(as(admin))
      .expect(200);
    assert.ok(logins.body.total >= 1);
    assert.equal(logins.body.items[0].actor, `user:${admin.id}`);

    const future = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ from: new Date(Date.now() + 3_600_000).toISOString() })
      .set(as(admin))
      .expect(200);
    assert.equal(future.body.total, 0);

    const past = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ to: new Date(Date.now() - 3_600_000).toISOString() })
      .set(as(admin))
      .expect(200);
    assert.equal(past.body.total, 0);
  });

  it('records failed sign-ins without the typed login or password', async () => {
    await request(sut.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'unbekannt@example.org', password: 'Geheimes-Wort-Falsch-1' })
      .expect(401);
    const response = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ action: 'auth.login_failed' })
      .set(as(admin))
      .expect(200);
    const text = JSON.stringify(response.body);
    assert.ok(response.body.total >= 1);
    assert.equal(text.includes('unbekannt'), false);
    assert.equal(text.includes('Geheimes'), false);
    assert.ok(
      response.body.items.some(
        (item: { details: { reason: string } }) => item.details.reason === 'unknown-login',
      ),
    );
  });

  it('exports the audit log as CSV and records the export', async () => {
    const response = await request(sut.app.getHttpServer())
      .get('/api/admin/audit/export')
      .query({ subjectType: 'team' })
      .set(as(admin))
      .expect(200);
    assert.match(response.headers['content-type'], /^text\/csv; charset=utf-8/);
    assert.match(response.headers['content-disposition'], /attachment; filename="audit-log.csv"/);
    const lines = response.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'occurred_at,actor,action,subject_type,subject_id,details');
    assert.ok(lines.slice(1).some((line) => /,team\.created,team,/.test(line)));
    assert.ok(lines.slice(1).every((line) => /^\d{4}-\d\d-\d\dT/.test(line) && line.includes(',team,')));
    const exported = await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ action: 'audit.exported' })
      .set(as(admin))
      .expect(200);
    assert.equal(exported.body.total, 1);
  });

  it('documents every workspace endpoint in the OpenAPI description', async () => {
    const response = await request(sut.app.getHttpServer()).get('/api/docs-json').expect(200);
    const paths = Object.keys(response.body.paths as object).filter((path) =>
      /^\/api\/(auth|admin)\//.test(path),
    );
    assert.deepEqual(paths.sort(), [
      '/api/admin/audit',
      '/api/admin/audit/export',
      '/api/admin/teams',
      '/api/admin/users',
      '/api/admin/users/{id}',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/password',
    ]);
  });

  it('rejects an out-of-range page size and unknown query fields', async () => {
    await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ pageSize: 1000 })
      .set(as(admin))
      .expect(400);
    await request(sut.app.getHttpServer())
      .get('/api/admin/audit')
      .query({ sql: '1' })
      .set(as(admin))
      .expect(400);
  });
});

describe('session cookie behind a TLS proxy', () => {
  let sut: TestApp;

  before(async () => {
    sut = await startTestApp({ TRUST_PROXY: '1' });
    await createUser(sut.app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
  });

  after(async () => {
    await sut?.close();
  });

  it('sets Secure when the trusted proxy says the browser used HTTPS', async () => {
    const response = await request(sut.app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email: 'ayse.yilmaz@example.org', password: testPassword })
      .expect(200);
    assert.match((response.headers['set-cookie'] as unknown as string[])[0], /; Secure/);
  });

  it('slows down one address after 20 failed sign-ins, whichever accounts it tries', async () => {
    const attempt = (address: string, email: string, password: string) =>
      request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password });
    for (let i = 0; i < 20; i++) {
      await attempt('198.51.100.9', `niemand${i}@example.org`, 'Falsch-Falsch-Falsch').expect(401);
    }
    const blocked = await attempt('198.51.100.9', 'ayse.yilmaz@example.org', testPassword).expect(429);
    assert.equal(blocked.body.code, 'AUTH_RATE_LIMITED');
    await attempt('198.51.100.10', 'ayse.yilmaz@example.org', testPassword).expect(200);
  });

  it('does not set Secure for plain HTTP', async () => {
    const response = await request(sut.app.getHttpServer())
      .post('/api/auth/login')
      .send({ email: 'ayse.yilmaz@example.org', password: testPassword })
      .expect(200);
    assert.doesNotMatch((response.headers['set-cookie'] as unknown as string[])[0], /Secure/);
  });
});
