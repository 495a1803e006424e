import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserSession } from '../../src/accounts/entities/user-session.entity';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import {
  createUser,
  ensureTeam,
  formToken,
  sessionCookieOf,
  signIn,
  testPassword,
} from './workspace-session';

const email = 'dragana.petrovic@example.org';

describe('review workspace: a session that ended on the way', () => {
  let app: INestApplication;
  let dataDir: string;
  let caseId: string;
  const server = () => app.getHttpServer() as import('node:http').Server;

  before(async () => {
    let bot;
    ({ app, dataDir, bot } = await startWorkspaceApp('expired-session'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, email, 'kuemmerer', altendorf, 'Dragana Petrović');
    const transcript = readTranscript(
      transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
    );
    caseId = (await (await replayThroughBot(bot, transcript)).stored())!.caseId!;
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in and lets the session go idle for an hour (SESSION_IDLE_MINUTES is 30). */
  async function idleSession(): Promise<{ cookie: string; casePage: string }> {
    const user = await signIn(app, email);
    const casePage = await request(server())
      .get(`/review/cases/${caseId}`)
      .set('Cookie', user.cookie)
      .expect(200);
    await app
      .get(DataSource)
      .createQueryBuilder()
      .update(UserSession)
      .set({ lastSeenAt: new Date(Date.now() - 60 * 60_000) })
      .execute();
    return { cookie: user.cookie, casePage: casePage.text };
  }

  async function signInThroughForm(loginUrl: string): Promise<request.Response> {
    const page = await request(server()).get(loginUrl).expect(200);
    const loginCookie = (page.headers['set-cookie'] as unknown as string[])
      .find((line) => line.startsWith('antragslotse_login='))!
      .split(';')[0];
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const next = /name="next" value="([^"]+)"/.exec(page.text)?.[1];
    return request(server())
      .post('/review/login')
      .set('Cookie', loginCookie)
      .type('form')
      .send({
        email,
        password: testPassword,
        _csrf: token,
        ...(next ? { next: next.replace(/&amp;/g, '&') } : {}),
      })
      .expect(303);
  }

  it('says why on the sign-in page after a page was opened, and leads back to that page', async () => {
    const { cookie } = await idleSession();
    const opened = await request(server())
      .get(`/review/cases/${caseId}?msg=note`)
      .set('Cookie', cookie)
      .expect(303);
    const location = opened.headers.location as string;
    const query = new URL(location, 'http://x').searchParams;
    assert.equal(query.get('next'), `/review/cases/${caseId}?msg=note`);
    assert.equal(query.get('reason'), 'expired');
    assert.equal(query.get('lost'), null);
    const login = await request(server()).get(location).expect(200);
    assert.match(login.text, /Sie waren zu lange nicht aktiv\. Bitte melden Sie sich wieder an\./);
    assert.doesNotMatch(login.text, /nicht gespeichert/);
    const signedIn = await signInThroughForm(location);
    assert.equal(signedIn.headers.location, `/review/cases/${caseId}?msg=note`);
    const back = await request(server())
      .get(signedIn.headers.location as string)
      .set('Cookie', sessionCookieOf(signedIn))
      .expect(200);
    assert.match(back.text, /Notiz gespeichert/);
  });

  it('says plainly that a form post was not saved, and leads back to the case page it came from', async () => {
    const { cookie, casePage } = await idleSession();
    const posted = await request(server())
      .post(`/review/cases/${caseId}/notes`)
      .set('Cookie', cookie)
      .set('Host', 'arbeitsplatz.example')
      .set('Referer', `http://arbeitsplatz.example/review/cases/${caseId}`)
      .type('form')
      .send({ text: 'Familie angerufen', _csrf: formToken(casePage, `/review/cases/${caseId}/notes`) })
      .expect(303);
    const location = posted.headers.location as string;
    const query = new URL(location, 'http://x').searchParams;
    assert.equal(query.get('next'), `/review/cases/${caseId}`);
    assert.equal(query.get('reason'), 'expired');
    assert.equal(query.get('lost'), '1');
    const login = await request(server()).get(location).expect(200);
    assert.match(login.text, /Sie waren zu lange nicht aktiv/);
    assert.match(login.text, /Ihre letzte Eingabe wurde nicht gespeichert/);
    const signedIn = await signInThroughForm(location);
    assert.equal(signedIn.headers.location, `/review/cases/${caseId}`);
    const page = await request(server())
      .get(`/review/cases/${caseId}`)
      .set('Cookie', sessionCookieOf(signedIn));
    assert.doesNotMatch(page.text, /Familie angerufen/, 'the lost post was not replayed');
  });

  it('finds the case page from the form’s address without a Referer of this site', async () => {
    const { cookie } = await idleSession();
    for (const referer of [undefined, 'https://angreifer.example/review/admin/users', 'kein URL']) {
      let post = request(server()).post(`/review/cases/${caseId}/approve`).set('Cookie', cookie);
      if (referer) {
        post = post.set('Referer', referer);
      }
      const posted = await post.type('form').send({ attachments: '' }).expect(303);
      const next = new URL(posted.headers.location as string, 'http://x').searchParams.get('next');
      assert.equal(next, `/review/cases/${caseId}`, String(referer));
    }
  });

  it('only names the way back, not a session that ended, to a browser that had none', async () => {
    const opened = await request(server()).get('/review/admin/users').expect(303);
    assert.equal(opened.headers.location, '/review/login?next=%2Freview%2Fadmin%2Fusers');
    const login = await request(server())
      .get(opened.headers.location as string)
      .expect(200);
    assert.doesNotMatch(login.text, /zu lange nicht aktiv/);
    assert.match(login.text, /name="next" value="\/review\/admin\/users"/);
  });

  it('never leads elsewhere after signing in: only relative workspace paths are kept', async () => {
    for (const next of [
      'https://angreifer.example/review',
      '//angreifer.example/review',
      '/\\angreifer.example',
      '/review/../angreifer',
      '/reviewer',
      'javascript:alert(1)',
      '/review/login',
    ]) {
      const page = await request(server())
        .get(`/review/login?next=${encodeURIComponent(next)}`)
        .expect(200);
      assert.doesNotMatch(page.text, /name="next"/, next);
      const loginCookie = (page.headers['set-cookie'] as unknown as string[])
        .find((line) => line.startsWith('antragslotse_login='))!
        .split(';')[0];
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      await request(server())
        .post('/review/login')
        .set('Cookie', loginCookie)
        .type('form')
        .send({ email, password: testPassword, _csrf: token, next })
        .expect(303)
        .expect('Location', '/review');
    }
  });

  it('signs out of a session that has already ended without claiming anything was lost', async () => {
    const { cookie, casePage } = await idleSession();
    await request(server())
      .post('/review/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: formToken(casePage, '/review/logout') })
      .expect(303)
      .expect('Location', '/review/login');
  });
});
