import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserSession } from '../../src/accounts/entities/user-session.entity';
import { User } from '../../src/accounts/entities/user.entity';
import { startTestApp, TestApp } from '../support/test-app';
import {
  createUser,
  ensureTeam,
  sessionCookieOf,
  signIn,
  SignedInUser,
  testPassword,
} from './workspace-session';

interface Endpoint {
  method: 'get' | 'post' | 'patch';
  path: string;
  body?: object;
}

// Every workspace endpoint that exists; the access rules below are checked against each.
const unknownUserId = '9b2f7c1e-1111-4a2b-8c3d-0123456789ab';
const adminEndpoints: Endpoint[] = [
  { method: 'get', path: '/api/admin/users' },
  {
    method: 'post',
    path: '/api/admin/users',
    body: {
      email: 'mehmet.yilmaz@example.org',
      displayName: 'Mehmet Yılmaz',
      role: 'admin',
      password: testPassword,
    },
  },
  { method: 'patch', path: `/api/admin/users/${unknownUserId}`, body: { unlock: true } },
  { method: 'get', path: '/api/admin/teams' },
  { method: 'post', path: '/api/admin/teams', body: { name: 'Essen-Katernberg' } },
  { method: 'get', path: '/api/admin/audit' },
  { method: 'get', path: '/api/admin/audit/export' },
];
const signedInEndpoints: Endpoint[] = [
  { method: 'get', path: '/api/auth/me' },
  { method: 'post', path: '/api/auth/logout' },
];
const stateChanging = [...adminEndpoints, ...signedInEndpoints].filter(
  (endpoint) => endpoint.method !== 'get',
);

function call(sut: TestApp, endpoint: Endpoint, headers: Record<string, string> = {}): request.Test {
  const test = request(sut.app.getHttpServer())[endpoint.method](endpoint.path).set(headers);
  return endpoint.body ? test.send(endpoint.body) : test;
}

/** The stored key of a signed-in user's session: SHA-256 of the cookie token. */
function tokenHashOf(user: SignedInUser): { tokenHash: string } {
  return { tokenHash: createHash('sha256').update(user.cookie.split('=')[1]).digest('hex') };
}

function withoutCorrelation(body: Record<string, unknown>): Record<string, unknown> {
  const { correlationId, ...rest } = body;
  assert.equal(typeof correlationId, 'string');
  return rest;
}

describe('workspace sign-in and access rules (API)', () => {
  let sut: TestApp;
  let dataSource: DataSource;
  let altendorf: string;
  let admin: SignedInUser;
  let kuemmerer: SignedInUser;

  before(async () => {
    sut = await startTestApp();
    dataSource = sut.app.get(DataSource);
    altendorf = await ensureTeam(sut.app, 'Essen-Altendorf');
    await createUser(sut.app, 'ayse.yilmaz@example.org', 'admin', null, 'Ayşe Yılmaz');
    await createUser(sut.app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    admin = await signIn(sut.app, 'ayse.yilmaz@example.org');
    kuemmerer = await signIn(sut.app, 'dragana.petrovic@example.org');
  });

  after(async () => {
    await sut?.close();
  });

  describe('login', () => {
    it('signs in, returns the user and a CSRF token, and sets an httpOnly SameSite=Lax cookie', async () => {
      const response = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: '  Dragana.Petrovic@Example.org ', password: testPassword })
        .expect(200);
      assert.equal(response.body.user.login, 'dragana.petrovic@example.org');
      assert.equal(response.body.user.role, 'kuemmerer');
      assert.equal(response.body.user.teamId, altendorf);
      assert.match(response.body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(JSON.stringify(response.body).includes('argon2'), false);
      const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
      assert.match(cookie, /^antragslotse_session=[A-Za-z0-9_-]{43}; /);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      // Plain HTTP and no trusted proxy: not Secure; no Expires: gone when the browser closes.
      assert.doesNotMatch(cookie, /Secure/);
      assert.doesNotMatch(cookie, /Expires|Max-Age/);
    });

    it('stores only a hash of the session token', async () => {
      const signedIn = await signIn(sut.app, 'dragana.petrovic@example.org');
      const token = signedIn.cookie.split('=')[1];
      const rows = await dataSource.getRepository(UserSession).find({ where: { userId: signedIn.id } });
      assert.ok(rows.length > 0);
      assert.ok(rows.every((row) => row.tokenHash !== token && /^[0-9a-f]{64}$/.test(row.tokenHash)));
    });

    it('answers a wrong password and an unknown login identically', async () => {
      const wrongPassword = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: 'ayse.yilmaz@example.org', password: 'falsches-Passwort-123' })
        .expect(401);
      const unknownLogin = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: 'niemand@example.org', password: 'falsches-Passwort-123' })
        .expect(401);
      assert.deepEqual(withoutCorrelation(wrongPassword.body), withoutCorrelation(unknownLogin.body));
      assert.equal(wrongPassword.body.code, 'AUTH_LOGIN_FAILED');
      assert.match(wrongPassword.body.message, /^Anmeldung fehlgeschlagen\./);
      assert.equal(wrongPassword.headers['set-cookie'], undefined);
    });

    it('accepts JSON only (a cross-site HTML form cannot sign anybody in)', async () => {
      const response = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .type('form')
        .send({ email: 'ayse.yilmaz@example.org', password: testPassword })
        .expect(415);
      assert.equal(response.body.code, 'AUTH_CONTENT_TYPE');
    });

    it('rotates the session: the cookie sent with a new sign-in stops working', async () => {
      const first = await signIn(sut.app, 'dragana.petrovic@example.org');
      const second = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .set('Cookie', first.cookie)
        .send({ email: 'dragana.petrovic@example.org', password: testPassword })
        .expect(200);
      assert.notEqual(sessionCookieOf(second), first.cookie);
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', first.cookie).expect(401);
      await request(sut.app.getHttpServer())
        .get('/api/auth/me')
        .set('Cookie', sessionCookieOf(second))
        .expect(200);
    });
  });

  describe('lockout', () => {
    it('locks after 5 failures within 15 minutes, with the same answer, until an admin unlocks', async () => {
      const id = await createUser(sut.app, 'olena.kovalenko@example.org', 'kuemmerer', altendorf);
      const attempt = (password: string) =>
        request(sut.app.getHttpServer())
          .post('/api/auth/login')
          .send({ email: 'olena.kovalenko@example.org', password });
      const failures = [];
      for (let i = 0; i < 5; i++) {
        failures.push((await attempt(`Falsch-Falsch-${i}-xyz`).expect(401)).body);
      }
      const lockedWithRightPassword = await attempt(testPassword).expect(401);
      assert.deepEqual(withoutCorrelation(lockedWithRightPassword.body), withoutCorrelation(failures[0]));
      const row = await dataSource.getRepository(User).findOneByOrFail({ id });
      assert.ok(row.lockedUntil && row.lockedUntil.getTime() > Date.now() + 14 * 60_000);

      await request(sut.app.getHttpServer())
        .patch(`/api/admin/users/${id}`)
        .set({ Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken })
        .send({ unlock: true })
        .expect(200);
      await attempt(testPassword).expect(200);
    });

    it('lets the user in again once the lock has run out', async () => {
      const id = await createUser(
        sut.app,
        'mehmet.lock@example.org',
        'kuemmerer',
        altendorf,
        'Mehmet Yılmaz',
      );
      await dataSource.getRepository(User).update({ id }, { lockedUntil: new Date(Date.now() + 60_000) });
      await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: 'mehmet.lock@example.org', password: testPassword })
        .expect(401);
      await dataSource.getRepository(User).update({ id }, { lockedUntil: new Date(Date.now() - 1000) });
      await signIn(sut.app, 'mehmet.lock@example.org');
    });

    it('refuses a disabled account with the same answer', async () => {
      const id = await createUser(sut.app, 'disabled.user@example.org', 'kuemmerer', altendorf);
      const before = await signIn(sut.app, 'disabled.user@example.org');
      await request(sut.app.getHttpServer())
        .patch(`/api/admin/users/${id}`)
        .set({ Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken })
        .send({ disabled: true })
        .expect(200);
      // Disabling ends the open sessions too.
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', before.cookie).expect(401);
      const response = await request(sut.app.getHttpServer())
        .post('/api/auth/login')
        .send({ email: 'disabled.user@example.org', password: testPassword })
        .expect(401);
      assert.equal(response.body.code, 'AUTH_LOGIN_FAILED');
    });
  });

  describe('sessions', () => {
    it('GET /api/auth/me returns the user and the CSRF token of the session', async () => {
      const response = await request(sut.app.getHttpServer())
        .get('/api/auth/me')
        .set('Cookie', kuemmerer.cookie)
        .expect(200);
      assert.equal(response.body.user.id, kuemmerer.id);
      assert.equal(response.body.csrfToken, kuemmerer.csrfToken);
    });

    it('logout needs the CSRF token, ends the session and clears the cookie', async () => {
      const signedIn = await signIn(sut.app, 'dragana.petrovic@example.org');
      await request(sut.app.getHttpServer())
        .post('/api/auth/logout')
        .set('Cookie', signedIn.cookie)
        .expect(403);
      const response = await request(sut.app.getHttpServer())
        .post('/api/auth/logout')
        .set({ Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.csrfToken })
        .expect(204);
      assert.match(
        (response.headers['set-cookie'] as unknown as string[])[0],
        /^antragslotse_session=;.*Expires=Thu, 01 Jan 1970/,
      );
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', signedIn.cookie).expect(401);
    });

    it('ends a session after 30 idle minutes', async () => {
      const signedIn = await signIn(sut.app, 'dragana.petrovic@example.org');
      await dataSource
        .getRepository(UserSession)
        .update(tokenHashOf(signedIn), { lastSeenAt: new Date(Date.now() - 31 * 60_000) });
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', signedIn.cookie).expect(401);
      assert.equal(await dataSource.getRepository(UserSession).countBy(tokenHashOf(signedIn)), 0);
    });

    it('ends a session at its absolute expiry however active it is', async () => {
      const signedIn = await signIn(sut.app, 'dragana.petrovic@example.org');
      await dataSource
        .getRepository(UserSession)
        .update(tokenHashOf(signedIn), { expiresAt: new Date(Date.now() - 1000) });
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', signedIn.cookie).expect(401);
    });

    it('keeps an active session alive and refreshes its idle clock', async () => {
      const signedIn = await signIn(sut.app, 'dragana.petrovic@example.org');
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
      await dataSource
        .getRepository(UserSession)
        .update(tokenHashOf(signedIn), { lastSeenAt: tenMinutesAgo });
      await request(sut.app.getHttpServer()).get('/api/auth/me').set('Cookie', signedIn.cookie).expect(200);
      const row = await dataSource.getRepository(UserSession).findOneByOrFail(tokenHashOf(signedIn));
      assert.ok(row.lastSeenAt.getTime() > tenMinutesAgo.getTime() + 9 * 60_000);
    });
  });

  describe('access rules on every endpoint', () => {
    for (const endpoint of [...adminEndpoints, ...signedInEndpoints]) {
      it(`${endpoint.method.toUpperCase()} ${endpoint.path} without a session: 401`, async () => {
        const response = await call(sut, endpoint).expect(401);
        assert.equal(response.body.code, 'AUTH_UNAUTHENTICATED');
      });

      it(`${endpoint.method.toUpperCase()} ${endpoint.path} with an unknown session cookie: 401`, async () => {
        await call(sut, endpoint, {
          Cookie: 'antragslotse_session=bm90LWEtcmVhbC1zZXNzaW9uLXRva2VuLXNvcnJ5',
        }).expect(401);
      });
    }

    for (const endpoint of stateChanging) {
      it(`${endpoint.method.toUpperCase()} ${endpoint.path} without a CSRF token: 403`, async () => {
        const response = await call(sut, endpoint, { Cookie: admin.cookie }).expect(403);
        assert.equal(response.body.code, 'AUTH_CSRF_INVALID');
      });

      it(`${endpoint.method.toUpperCase()} ${endpoint.path} with a wrong or foreign CSRF token: 403`, async () => {
        await call(sut, endpoint, { Cookie: admin.cookie, 'X-CSRF-Token': 'x'.repeat(43) }).expect(403);
        await call(sut, endpoint, { Cookie: admin.cookie, 'X-CSRF-Token': kuemmerer.csrfToken }).expect(403);
      });
    }

    for (const endpoint of adminEndpoints) {
      it(`${endpoint.method.toUpperCase()} ${endpoint.path} as a Kümmerer: 403`, async () => {
        const response = await call(sut, endpoint, {
          Cookie: kuemmerer.cookie,
          'X-CSRF-Token': kuemmerer.csrfToken,
        }).expect(403);
        assert.equal(response.body.code, 'AUTH_FORBIDDEN');
      });
    }
  });
});
