import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { createUser, ensureTeam, testPassword } from './workspace-session';

/** The login cookie and the hidden field's token of a freshly loaded login page. */
async function loadLoginPage(server: unknown): Promise<{ cookie: string; token: string; text: string }> {
  const page = await request(server as never)
    .get('/review/login')
    .expect(200);
  const setCookie = (page.headers['set-cookie'] as unknown as string[]).find((line) =>
    line.startsWith('antragslotse_login='),
  )!;
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  assert.match(setCookie, /Path=\/review\/login/);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
  assert.ok(token, 'the form carries the token');
  return { cookie: setCookie.split(';')[0], token, text: page.text };
}

describe('login page without JavaScript (form POST with a pre-session token)', () => {
  let app: TestApp;
  const server = () => app.app.getHttpServer() as import('node:http').Server;

  before(async () => {
    app = await startTestApp();
    const team = await ensureTeam(app.app, 'Essen-Altendorf');
    await createUser(app.app, 'dragana.petrovic@example.org', 'kuemmerer', team, 'Dragana Petrović');
  });
  after(() => app.close());

  it('renders a plain form that posts to the server, with no script needed', async () => {
    const { text } = await loadLoginPage(server());
    assert.match(text, /<form id="login-form"[^>]*method="post" action="\/review\/login"/);
    assert.match(text, /<label for="email">E-Mail<\/label>/);
  });

  it('signs in with the matching token and cookie and leads to the queue', async () => {
    const { cookie, token } = await loadLoginPage(server());
    const response = await request(server())
      .post('/review/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: 'dragana.petrovic@example.org', password: testPassword, _csrf: token })
      .expect(303)
      .expect('Location', '/review');
    const session = (response.headers['set-cookie'] as unknown as string[]).find((line) =>
      line.startsWith('antragslotse_session='),
    )!;
    assert.match(session, /HttpOnly/);
    const queue = await request(server()).get('/review').set('Cookie', session.split(';')[0]).expect(200);
    assert.match(queue.text, /Fälle/);
  });

  it('refuses a post without the cookie, with another token, or from another origin', async () => {
    const { cookie, token } = await loadLoginPage(server());
    const credentials = { email: 'dragana.petrovic@example.org', password: testPassword };
    const noCookie = await request(server())
      .post('/review/login')
      .type('form')
      .send({ ...credentials, _csrf: token })
      .expect(403);
    assert.doesNotMatch(String(noCookie.headers['set-cookie'] ?? ''), /antragslotse_session=[A-Za-z0-9_-]/);
    assert.match(noCookie.text, /Bitte versuchen Sie es noch einmal/);
    const other = await loadLoginPage(server());
    await request(server())
      .post('/review/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ ...credentials, _csrf: other.token })
      .expect(403);
    await request(server())
      .post('/review/login')
      .set('Cookie', cookie)
      .set('Origin', 'https://angreifer.example')
      .type('form')
      .send({ ...credentials, _csrf: token })
      .expect(403);
  });

  it('answers a wrong password with the page, the same message for every reason, and a new token', async () => {
    const { cookie, token } = await loadLoginPage(server());
    const wrong = await request(server())
      .post('/review/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: 'dragana.petrovic@example.org', password: 'falsch-falsch-falsch', _csrf: token })
      .expect(401);
    const unknown = await request(server())
      .post('/review/login')
      .set('Cookie', cookie)
      .type('form')
      .send({ email: 'niemand@example.org', password: 'falsch-falsch-falsch', _csrf: token })
      .expect(401);
    const message = (text: string) => /<p id="login-error"[^>]*>([^<]+)<\/p>/.exec(text)?.[1];
    assert.match(message(wrong.text) ?? '', /Anmeldung fehlgeschlagen/);
    assert.equal(message(wrong.text), message(unknown.text));
    assert.match(wrong.text, /value="dragana.petrovic@example.org"/);
    assert.notEqual(/name="_csrf" value="([^"]+)"/.exec(wrong.text)?.[1], token);
  });
});
