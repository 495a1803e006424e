import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { startTestApp, TestApp } from '../support/test-app';
import {
  createUser,
  ensureTeam,
  sessionCookieOf,
  signIn,
  SignedInUser,
  testPassword,
  formToken,
} from './workspace-session';

const newPassword = 'Linden-Ufer-Winterabend-42';

describe('own password: every signed-in person changes theirs', () => {
  let sut: TestApp;
  let team: string;
  const server = () => sut.app.getHttpServer() as Server;
  const me = (cookie: string) => request(server()).get('/api/auth/me').set('Cookie', cookie);
  const change = (user: SignedInUser, body: object) =>
    request(server())
      .post('/api/auth/password')
      .set('Cookie', user.cookie)
      .set('X-CSRF-Token', user.csrfToken)
      .send(body);
  const actionsOn = async (userId: string) =>
    (await sut.app.get(AuditService).findBySubject('user', userId)).map((event) => event.action);

  before(async () => {
    sut = await startTestApp();
    team = await ensureTeam(sut.app, 'Duisburg-Marxloh');
  });

  after(async () => {
    await sut?.close();
  });

  it('changes it, keeps this browser signed in with a new session and signs out every other', async () => {
    const id = await createUser(sut.app, 'mehmet.oezdemir@example.org', 'kuemmerer', team, 'Mehmet Özdemir');
    const here = await signIn(sut.app, 'mehmet.oezdemir@example.org');
    const elsewhere = await signIn(sut.app, 'mehmet.oezdemir@example.org');

    const response = await change(here, { currentPassword: testPassword, newPassword }).expect(200);

    const renewed = sessionCookieOf(response);
    assert.notEqual(renewed, here.cookie, 'a new session id after the change');
    assert.equal((await me(renewed).expect(200)).body.user.id, id);
    await me(here.cookie).expect(401);
    await me(elsewhere.cookie).expect(401);
    await request(server())
      .post('/api/auth/login')
      .send({ email: 'mehmet.oezdemir@example.org', password: testPassword })
      .expect(401);
    await signIn(sut.app, 'mehmet.oezdemir@example.org', newPassword);
    assert.ok((await actionsOn(id)).includes('user.password_changed'));
  });

  it('refuses a wrong current password, a weak new one and the same one, and changes nothing', async () => {
    await createUser(sut.app, 'lena.schmidt@example.org', 'kuemmerer', team, 'Lena Schmidt');
    const user = await signIn(sut.app, 'lena.schmidt@example.org');

    const wrong = await change(user, { currentPassword: 'Falsches-Passwort-0815', newPassword }).expect(403);
    assert.equal(wrong.body.code, 'PASSWORD_WRONG');
    const weak = await change(user, { currentPassword: testPassword, newPassword: 'passwort' }).expect(422);
    assert.equal(weak.body.code, 'PASSWORD_REJECTED');
    assert.ok(weak.body.reasons.length > 0, JSON.stringify(weak.body));
    const same = await change(user, { currentPassword: testPassword, newPassword: testPassword }).expect(422);
    assert.ok(
      same.body.reasons.some((reason: string) => /dasselbe/.test(reason)),
      JSON.stringify(same.body),
    );
    // Without the CSRF token a signed-in browser cannot be made to change it.
    await request(server())
      .post('/api/auth/password')
      .set('Cookie', user.cookie)
      .send({ currentPassword: testPassword, newPassword })
      .expect(403);

    await me(user.cookie).expect(200);
    await signIn(sut.app, 'lena.schmidt@example.org', testPassword);
  });

  it('locks the account and ends its sessions after five wrong current passwords', async () => {
    const id = await createUser(sut.app, 'jonas.becker@example.org', 'kuemmerer', team, 'Jonas Becker');
    const user = await signIn(sut.app, 'jonas.becker@example.org');

    for (let attempt = 1; attempt <= 4; attempt++) {
      await change(user, { currentPassword: `Falsch-Versuch-${attempt}-xyz`, newPassword }).expect(403);
    }
    await change(user, { currentPassword: 'Falsch-Versuch-5-xyz', newPassword }).expect(401);

    await me(user.cookie).expect(401);
    // Locked: even the right password does not sign in for now.
    await request(server())
      .post('/api/auth/login')
      .send({ email: 'jonas.becker@example.org', password: testPassword })
      .expect(401);
    const actions = await actionsOn(id);
    assert.equal(actions.filter((action) => action === 'user.password_change_failed').length, 5);
    assert.ok(actions.includes('user.locked'));
  });

  it('has a page "Mein Konto" with the form, linked from every page, that asks for the new password twice', async () => {
    await createUser(sut.app, 'sevgi.arslan@example.org', 'kuemmerer', team, 'Sevgi Arslan');
    const user = await signIn(sut.app, 'sevgi.arslan@example.org');
    const queue = (await request(server()).get('/review').set('Cookie', user.cookie).expect(200)).text;
    assert.match(queue, /href="\/review\/account"/);
    const page = (await request(server()).get('/review/account').set('Cookie', user.cookie).expect(200)).text;
    assert.match(page, /Passwort ändern/);
    const token = formToken(page, '/review/account/password');

    const differ = await request(server())
      .post('/review/account/password')
      .set('Cookie', user.cookie)
      .type('form')
      .send({ _csrf: token, currentPassword: testPassword, newPassword, repeatPassword: `${newPassword}x` })
      .expect(422);
    assert.match(differ.text, /verschieden/);
    assert.doesNotMatch(differ.text, new RegExp(newPassword), 'a password is never sent back');
    const wrong = await request(server())
      .post('/review/account/password')
      .set('Cookie', user.cookie)
      .type('form')
      .send({
        _csrf: token,
        currentPassword: 'Nicht-das-Passwort-99',
        newPassword,
        repeatPassword: newPassword,
      })
      .expect(403);
    assert.match(wrong.text, /bisherige Passwort stimmt nicht/);

    const done = await request(server())
      .post('/review/account/password')
      .set('Cookie', user.cookie)
      .type('form')
      .send({ _csrf: token, currentPassword: testPassword, newPassword, repeatPassword: newPassword })
      .expect(303)
      .expect('Location', '/review/account?msg=password');
    const renewed = sessionCookieOf(done);
    const after = await request(server())
      .get('/review/account?msg=password')
      .set('Cookie', renewed)
      .expect(200);
    assert.match(after.text, /Ihr Passwort ist geändert/);
    await request(server()).get('/review/account').set('Cookie', user.cookie).expect(303);
  });
});
