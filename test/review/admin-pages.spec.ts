import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service';
import { AuditService } from '../../src/audit/audit.service';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, ensureTeam, signIn, SignedInUser, testPassword, formToken } from './workspace-session';

describe('admin pages: accounts, teams, audit log', () => {
  let sut: TestApp;
  let admin: SignedInUser;
  let kuemmerer: SignedInUser;
  let altendorf: string;
  let draganaId: string;
  const server = () => sut.app.getHttpServer() as import('node:http').Server;
  const page = async (path: string, user = admin) =>
    (await request(server()).get(path).set('Cookie', user.cookie).expect(200)).text;

  before(async () => {
    sut = await startTestApp();
    altendorf = await ensureTeam(sut.app, 'Essen-Altendorf');
    await createUser(sut.app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    draganaId = await createUser(
      sut.app,
      'dragana.petrovic@example.org',
      'kuemmerer',
      altendorf,
      'Dragana Petrović',
    );
    admin = await signIn(sut.app, 'ayse.yilmaz@example.org');
    kuemmerer = await signIn(sut.app, 'dragana.petrovic@example.org');
  });

  after(async () => {
    await sut?.close();
  });

  it('keeps Kümmerer and visitors out of every admin page and form', async () => {
    for (const path of [
      '/review/admin/users',
      `/review/admin/users/${draganaId}`,
      '/review/admin/teams',
      '/review/admin/audit',
    ]) {
      const refused = await request(server()).get(path).set('Cookie', kuemmerer.cookie).expect(403);
      assert.match(refused.text, /Keine Berechtigung/);
      await request(server())
        .get(path)
        .expect(303)
        .expect('Location', `/review/login?next=${encodeURIComponent(path)}`);
    }
    await request(server())
      .post('/review/admin/teams')
      .set('Cookie', kuemmerer.cookie)
      .type('form')
      .send({ name: 'Essen-Frohnhausen', _csrf: kuemmerer.csrfToken })
      .expect(403);
    const queue = await page('/review', kuemmerer);
    assert.doesNotMatch(queue, /\/review\/admin\//, 'no admin links for a Kümmerer');
  });

  it('refuses admin form posts without the CSRF token', async () => {
    await request(server())
      .post('/review/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Essen-Frohnhausen' })
      .expect(403);
  });

  it('creates a team and lists it', async () => {
    const teams = await page('/review/admin/teams');
    await request(server())
      .post('/review/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Essen-Katernberg', _csrf: formToken(teams, '/review/admin/teams') })
      .expect(303)
      .expect('Location', '/review/admin/teams?msg=team');
    const after = await page('/review/admin/teams?msg=team');
    assert.match(after, /<td>Essen-Katernberg<\/td>/);
    assert.match(after, /Das Team ist angelegt\./);
    const taken = await request(server())
      .post('/review/admin/teams')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({ name: 'Essen-Katernberg', _csrf: admin.csrfToken })
      .expect(409);
    assert.match(
      taken.text,
      /role="alert"[\s\S]*Ein Team mit diesem Namen gibt es schon: „Essen-Katernberg“/,
    );
  });

  it('creates an account with the password rules, then changes its team, locks and resets it', async () => {
    const users = await page('/review/admin/users');
    const token = formToken(users, '/review/admin/users');
    const weak = await request(server())
      .post('/review/admin/users')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({
        email: 'olena.kovalenko@example.org',
        displayName: 'Olena Kovalenko',
        role: 'kuemmerer',
        teamId: altendorf,
        password: 'passwort',
        _csrf: token,
      })
      .expect(422);
    assert.match(weak.text, /Das Passwort ist zu kurz\./);
    assert.match(weak.text, /value="olena.kovalenko@example.org"/, 'the form keeps what was typed');
    assert.doesNotMatch(weak.text, /value="passwort"/, 'but never the password');

    await request(server())
      .post('/review/admin/users')
      .set('Cookie', admin.cookie)
      .type('form')
      .send({
        email: 'olena.kovalenko@example.org',
        displayName: 'Olena Kovalenko',
        role: 'kuemmerer',
        teamId: altendorf,
        password: testPassword,
        _csrf: token,
      })
      .expect(303)
      .expect('Location', '/review/admin/users?msg=created');
    const olena = (await sut.app.get(UsersService).list('test')).find(
      (user) => user.login === 'olena.kovalenko@example.org',
    )!;
    assert.equal(olena.teamName, 'Essen-Altendorf');
    const session = await signIn(sut.app, 'olena.kovalenko@example.org');

    const action = `/review/admin/users/${olena.id}`;
    const detail = await page(action);
    const katernberg = await ensureTeam(sut.app, 'Essen-Katernberg');
    const post = (body: Record<string, string>) =>
      request(server())
        .post(action)
        .set('Cookie', admin.cookie)
        .type('form')
        .send({ ...body, _csrf: formToken(detail, action) });

    await post({ change: 'role-team', role: 'kuemmerer', teamId: katernberg })
      .expect(303)
      .expect('Location', `${action}?msg=role-team`);
    assert.equal((await sut.app.get(UsersService).get(olena.id)).teamName, 'Essen-Katernberg');
    // A new team ends the open sessions.
    await request(server()).get('/api/auth/me').set('Cookie', session.cookie).expect(401);

    const noTeam = await post({ change: 'role-team', role: 'kuemmerer', teamId: '' }).expect(422);
    assert.match(noTeam.text, /Ein Kümmerer braucht ein Team\./);

    await post({ change: 'disable' }).expect(303);
    assert.match(await page(action), /deaktiviert \/ disabled/);
    await request(server())
      .post('/api/auth/login')
      .send({ email: 'olena.kovalenko@example.org', password: testPassword })
      .expect(401);
    await post({ change: 'enable' }).expect(303);
    await post({ change: 'unlock' }).expect(303);
    await post({ change: 'password', password: 'kurz' }).expect(422);
    await post({ change: 'password', password: 'Rhein-Ruhr-Bahnhof-Abend-42' })
      .expect(303)
      .expect('Location', `${action}?msg=password`);
    await signIn(sut.app, 'olena.kovalenko@example.org', 'Rhein-Ruhr-Bahnhof-Abend-42');

    const changes = (await sut.app.get(AuditService).findBySubject('user', olena.id)).map(
      (event) => event.details?.changed,
    );
    assert.deepEqual(changes.filter(Boolean), ['team', 'disabled', 'enabled', 'unlocked', 'password']);
  });

  it('shows the audit log filtered and paged, with a CSV link of the same filter', async () => {
    const log = await page('/review/admin/audit?action=user.updated&from=2000-01-01&to=2999-12-31');
    assert.match(log, /<td>user\.updated<\/td>/);
    assert.doesNotMatch(log, /<td>auth\.login<\/td>/);
    assert.match(log, /<td>Ayşe Yılmaz<\/td>/, 'actors by name');
    const csv = /href="(\/api\/admin\/audit\/export\?[^"]+)"/.exec(log)![1].replace(/&amp;/g, '&');
    assert.match(csv, /action=user\.updated/);
    assert.match(csv, /to=3000-01-01T00%3A00%3A00\.000Z/, 'the last day is included');
    const exported = await request(server()).get(csv).set('Cookie', admin.cookie).expect(200);
    const lines = exported.text.trim().split(/\r?\n/);
    assert.ok(lines.length > 1 && lines.slice(1).every((line) => line.includes('user.updated')));

    const paged = await page('/review/admin/audit?page=2');
    assert.match(paged, /Seite\s+2\s+von\s+\d+/);
    const bad = await request(server()).get('/review/admin/audit?from=gestern').set('Cookie', admin.cookie);
    assert.equal(bad.status, 400);
  });

  it('signs out with the header form, without JavaScript', async () => {
    const session = await signIn(sut.app, 'dragana.petrovic@example.org');
    const queue = await page('/review', session);
    await request(server())
      .post('/review/logout')
      .set('Cookie', session.cookie)
      .type('form')
      .send({})
      .expect(403);
    const out = await request(server())
      .post('/review/logout')
      .set('Cookie', session.cookie)
      .type('form')
      .send({ _csrf: formToken(queue, '/review/logout') })
      .expect(303)
      .expect('Location', '/review/login');
    assert.match(String(out.headers['set-cookie']), /antragslotse_session=;/);
    await request(server()).get('/api/auth/me').set('Cookie', session.cookie).expect(401);
  });
});
