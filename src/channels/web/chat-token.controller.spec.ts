import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Server } from 'node:http';
import { startChannelApp } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';

describe('POST /api/chat/token and CORS', () => {
  let sut: TestApp;
  let http: Server;
  before(async () => {
    sut = await startChannelApp({
      CHAT_ALLOWED_ORIGINS: 'https://www.stadt-beispiel.de',
      CHAT_TOKEN_RATE_LIMIT_PER_MINUTE: '3',
    });
    http = sut.app.getHttpServer() as Server;
  });
  after(async () => {
    await sut.close();
  });

  it('mints a token and a random user id for a new conversation without exposing the secret', async () => {
    const response = await request(http).post('/api/chat/token').expect(200);
    assert.match(response.body.userId, /^dl_[0-9a-f]{24}$/);
    assert.equal(response.body.expires_in, 1800);
    assert.doesNotMatch(JSON.stringify(response.body), /test-directline-secret/);
    const list = await request(http)
      .get(`/v3/directline/conversations/${response.body.conversationId}/activities`)
      .set('Authorization', `Bearer ${response.body.token}`)
      .expect(200);
    assert.equal(list.body.activities.length, 1, 'the greeting');
  });

  it('allows the configured origin with CORS headers and answers the preflight', async () => {
    const preflight = await request(http)
      .options('/v3/directline/conversations/x/activities')
      .set('Origin', 'https://www.stadt-beispiel.de')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    assert.equal(preflight.headers['access-control-allow-origin'], 'https://www.stadt-beispiel.de');
    assert.match(preflight.headers['access-control-allow-headers'], /Authorization/);
    const token = await request(http)
      .post('/api/chat/token')
      .set('Origin', 'https://www.stadt-beispiel.de')
      .expect(200);
    assert.equal(token.headers['access-control-allow-origin'], 'https://www.stadt-beispiel.de');
  });

  it('refuses other origins: no CORS header, and no token', async () => {
    const preflight = await request(http)
      .options('/api/chat/token')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    const response = await request(http)
      .post('/api/chat/token')
      .set('Origin', 'https://evil.example')
      .expect(403);
    assert.equal(response.body.code, 'DIRECTLINE_FORBIDDEN');
  });

  it('limits tokens per IP address and minute with 429 and Retry-After', async () => {
    // The earlier tests used 2 of the 3 tokens of this address; supertest always comes from 127.0.0.1.
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      statuses.push((await request(http).post('/api/chat/token')).status);
    }
    assert.deepEqual(statuses, [200, 429, 429]);
    const limited = await request(http).post('/api/chat/token').expect(429);
    assert.equal(limited.body.code, 'CHAT_TOKEN_RATE_LIMITED');
    assert.ok(Number(limited.headers['retry-after']) > 0);
  });
});
