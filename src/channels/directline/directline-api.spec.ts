import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Server } from 'node:http';
import { bearer, signTestToken, startChannelApp, testSecret } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';

interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
}

describe('Direct Line 3.0 REST API', () => {
  let sut: TestApp;
  let http: Server;

  const start = async (): Promise<Started> =>
    (await request(http).post('/v3/directline/conversations').set(bearer(testSecret)).send({}).expect(201))
      .body as Started;
  const say = (conversation: Started, text: string) =>
    request(http)
      .post(`/v3/directline/conversations/${conversation.conversationId}/activities`)
      .set(bearer(conversation.token))
      .send({ type: 'message', from: { id: 'dl_ayse' }, text });

  before(async () => {
    sut = await startChannelApp();
    http = sut.app.getHttpServer() as Server;
  });
  after(async () => {
    await sut.close();
  });

  describe('POST /tokens/generate', () => {
    it('refuses a call without credentials', async () => {
      const response = await request(http).post('/v3/directline/tokens/generate').expect(401);
      assert.equal(response.body.code, 'DIRECTLINE_UNAUTHORIZED');
    });

    it('refuses a wrong secret', async () => {
      await request(http)
        .post('/v3/directline/tokens/generate')
        .set(bearer('wrong-secret-wrong-secret-wrong'))
        .expect(401);
    });

    it('mints a token bound to a new conversation with the secret', async () => {
      const response = await request(http)
        .post('/v3/directline/tokens/generate')
        .set(bearer(testSecret))
        .send({ user: { id: 'dl_olena' } })
        .expect(200);
      assert.match(response.body.conversationId, /^[\w-]{10,}$/);
      assert.equal(response.body.expires_in, 1800);
      const list = await request(http)
        .get(`/v3/directline/conversations/${response.body.conversationId}/activities`)
        .set(bearer(response.body.token))
        .expect(200);
      assert.match(list.body.activities[0].text, /Hallo!/, 'the bot greeted the joining user');
    });

    it('does not let a token mint further tokens', async () => {
      const conversation = await start();
      await request(http).post('/v3/directline/tokens/generate').set(bearer(conversation.token)).expect(401);
    });
  });

  describe('POST /tokens/refresh', () => {
    it('gives a valid token a fresh one for the same conversation', async () => {
      const conversation = await start();
      const response = await request(http)
        .post('/v3/directline/tokens/refresh')
        .set(bearer(conversation.token))
        .expect(200);
      assert.equal(response.body.conversationId, conversation.conversationId);
      await request(http)
        .get(`/v3/directline/conversations/${conversation.conversationId}/activities`)
        .set(bearer(response.body.token))
        .expect(200);
    });

    it('refuses an expired token with 403 and the secret with 401', async () => {
      const conversation = await start();
      const expired = await signTestToken(conversation.conversationId, Math.floor(Date.now() / 1000) - 10);
      const response = await request(http)
        .post('/v3/directline/tokens/refresh')
        .set(bearer(expired))
        .expect(403);
      assert.equal(response.body.code, 'DIRECTLINE_TOKEN_EXPIRED');
      await request(http).post('/v3/directline/tokens/refresh').set(bearer(testSecret)).expect(401);
    });
  });

  describe('POST /conversations and GET /conversations/{id}', () => {
    it('starts with the secret: 201, token and a ws:// stream URL for the conversation', async () => {
      const conversation = await start();
      assert.match(
        conversation.streamUrl,
        new RegExp(`^ws://.+/v3/directline/conversations/${conversation.conversationId}/stream\\?t=`),
      );
    });

    it("starts with a generated token: 200 and the token's own conversation", async () => {
      const generated = await request(http)
        .post('/v3/directline/tokens/generate')
        .set(bearer(testSecret))
        .expect(200);
      const response = await request(http)
        .post('/v3/directline/conversations')
        .set(bearer(generated.body.token))
        .expect(200);
      assert.equal(response.body.conversationId, generated.body.conversationId);
    });

    it('reconnects with a new stream URL that carries the watermark', async () => {
      const conversation = await start();
      const response = await request(http)
        .get(`/v3/directline/conversations/${conversation.conversationId}?watermark=0`)
        .set(bearer(conversation.token))
        .expect(200);
      assert.match(response.body.streamUrl, /watermark=0$/);
      assert.ok(response.body.token);
    });

    it('answers 404 for an unknown conversation', async () => {
      const response = await request(http)
        .get('/v3/directline/conversations/no-such-conversation')
        .set(bearer(testSecret))
        .expect(404);
      assert.equal(response.body.code, 'DIRECTLINE_CONVERSATION_NOT_FOUND');
    });
  });

  describe('a token never touches another conversation', () => {
    it('answers 403 for reading, writing, reconnecting and uploading with the token of another conversation', async () => {
      const ayse = await start();
      const dragana = await start();
      const foreign = bearer(dragana.token);
      const base = `/v3/directline/conversations/${ayse.conversationId}`;
      await request(http).get(`${base}/activities`).set(foreign).expect(403);
      await request(http)
        .post(`${base}/activities`)
        .set(foreign)
        .send({ type: 'message', text: 'x' })
        .expect(403);
      await request(http).get(base).set(foreign).expect(403);
      const upload = await request(http)
        .post(`${base}/upload?userId=dl_dragana`)
        .set(foreign)
        .attach('file', Buffer.from('x'), { filename: 'a.txt', contentType: 'text/plain' })
        .expect(403);
      assert.equal(upload.body.code, 'DIRECTLINE_FORBIDDEN');
    });

    it('answers 401 without a token and 403 with an expired one', async () => {
      const conversation = await start();
      const base = `/v3/directline/conversations/${conversation.conversationId}/activities`;
      await request(http).get(base).expect(401);
      const expired = await signTestToken(conversation.conversationId, Math.floor(Date.now() / 1000) - 1);
      await request(http).get(base).set(bearer(expired)).expect(403);
    });
  });

  describe('activities and watermarks', () => {
    it('returns the id of the posted activity and the echo reply after it', async () => {
      const conversation = await start();
      const posted = await say(conversation, 'Guten Tag').expect(200);
      assert.equal(posted.body.id, `${conversation.conversationId}|0000001`);
      const list = await request(http)
        .get(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`)
        .set(bearer(conversation.token))
        .expect(200);
      assert.deepEqual(
        list.body.activities.map((activity: { from: { id: string }; text: string }) => [
          activity.from.id,
          activity.text,
        ]),
        [
          ['dl_ayse', 'Guten Tag'],
          ['antragslotse', 'Echo: Guten Tag'],
        ],
      );
      assert.equal(list.body.watermark, '2');
    });

    it('pages through long conversations 100 activities at a time', async () => {
      const conversation = await start();
      for (let index = 0; index < 50; index++) {
        await say(conversation, `Nachricht ${index}`).expect(200);
      }
      const path = `/v3/directline/conversations/${conversation.conversationId}/activities`;
      const first = await request(http).get(path).set(bearer(conversation.token)).expect(200);
      assert.equal(first.body.activities.length, 100);
      assert.equal(first.body.watermark, '99');
      const second = await request(http)
        .get(`${path}?watermark=99`)
        .set(bearer(conversation.token))
        .expect(200);
      assert.equal(second.body.activities.length, 1);
      assert.equal(second.body.activities[0].text, 'Echo: Nachricht 49');
      const none = await request(http)
        .get(`${path}?watermark=100`)
        .set(bearer(conversation.token))
        .expect(200);
      assert.deepEqual(none.body, { activities: [], watermark: '100' });
    });

    it('keeps the order when one conversation sends several messages at once', async () => {
      const conversation = await start();
      await Promise.all(['eins', 'zwei', 'drei'].map((text) => say(conversation, text).expect(200)));
      const list = await request(http)
        .get(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`)
        .set(bearer(conversation.token));
      const texts: string[] = list.body.activities.map((activity: { text: string }) => activity.text);
      for (const word of ['eins', 'zwei', 'drei']) {
        assert.ok(texts.indexOf(word) < texts.indexOf(`Echo: ${word}`), `${word} comes before its echo`);
      }
      assert.equal(texts.length, 6);
    });

    it('refuses an activity without type and a malformed watermark', async () => {
      const conversation = await start();
      const base = `/v3/directline/conversations/${conversation.conversationId}/activities`;
      const response = await request(http)
        .post(base)
        .set(bearer(conversation.token))
        .send({ text: 'x' })
        .expect(400);
      assert.equal(response.body.code, 'DIRECTLINE_ACTIVITY_INVALID');
      await request(http).get(`${base}?watermark=abc`).set(bearer(conversation.token)).expect(400);
    });

    it('lets a token that names a user speak only as that user', async () => {
      const generated = await request(http)
        .post('/v3/directline/tokens/generate')
        .set(bearer(testSecret))
        .send({ user: { id: 'dl_mehmet' } });
      const base = `/v3/directline/conversations/${generated.body.conversationId}/activities`;
      await request(http)
        .post(base)
        .set(bearer(generated.body.token))
        .send({ type: 'message', from: { id: 'bot' }, text: 'Hi' })
        .expect(200);
      const list = await request(http).get(`${base}?watermark=0`).set(bearer(generated.body.token));
      assert.equal(list.body.activities[0].from.id, 'dl_mehmet');
    });

    it('stores activity texts encrypted', async () => {
      const conversation = await start();
      await say(conversation, 'Steuer-ID 12345678901').expect(200);
      const { DataSource } = await import('typeorm');
      const rows = await sut.app
        .get(DataSource)
        .query<Array<{ body: string }>>(
          `SELECT "body" FROM "directline_activities" WHERE "conversation_id" = ?`,
          [conversation.conversationId],
        );
      assert.ok(rows.length >= 2);
      for (const row of rows) {
        assert.doesNotMatch(Buffer.from(row.body, 'base64').toString('latin1'), /12345678901|Steuer/);
      }
    });
  });

  describe('POST /conversations/{id}/upload', () => {
    it('passes the file to the bot as an attachment served back under an authenticated URL', async () => {
      const conversation = await start();
      const content = Buffer.from('%PDF-1.4 invented letter of the Familienkasse');
      const response = await request(http)
        .post(`/v3/directline/conversations/${conversation.conversationId}/upload?userId=dl_ayse`)
        .set(bearer(conversation.token))
        .attach(
          'activity',
          Buffer.from(JSON.stringify({ type: 'message', text: 'Mein Brief', from: { id: 'dl_ayse' } })),
          {
            filename: 'blob',
            contentType: 'application/vnd.microsoft.activity',
          },
        )
        .attach('file', content, { filename: 'Bescheid.pdf', contentType: 'application/pdf' })
        .expect(200);
      assert.match(response.body.id, /\|0000001$/);
      const list = await request(http)
        .get(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`)
        .set(bearer(conversation.token));
      const [sent, reply] = list.body.activities;
      assert.equal(sent.text, 'Mein Brief');
      assert.equal(sent.attachments[0].name, 'Bescheid.pdf');
      assert.match(reply.text, /Datei erhalten: Bescheid\.pdf/);
      const url = new URL(sent.attachments[0].contentUrl);
      await request(http).get(url.pathname).expect(401);
      const other = await start();
      await request(http).get(url.pathname).set(bearer(other.token)).expect(403);
      const file = await request(http)
        .get(url.pathname)
        .set(bearer(conversation.token))
        .buffer(true)
        .expect(200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.deepEqual(Buffer.from(file.body as Buffer), content);
      const byQuery = await request(http).get(`${url.pathname}?t=${conversation.token}`).expect(200);
      assert.equal(byQuery.headers['content-type'], 'application/pdf');
      // The contentUrl itself is signed for <img src>; a changed signature opens nothing.
      const signed = await request(http).get(`${url.pathname}${url.search}`).buffer(true).expect(200);
      assert.deepEqual(Buffer.from(signed.body as Buffer), content);
      await request(http)
        .get(`${url.pathname}?sig=${'A'.repeat(43)}`)
        .expect(403);
      const otherFile = `/v3/directline/conversations/${other.conversationId}/attachments/${url.pathname.split('/').pop()}${url.search}`;
      await request(http).get(otherFile).expect(403);
    });

    it('refuses an upload without a file', async () => {
      const conversation = await start();
      const response = await request(http)
        .post(`/v3/directline/conversations/${conversation.conversationId}/upload?userId=dl_ayse`)
        .set(bearer(conversation.token))
        .field('note', 'nothing')
        .expect(400);
      assert.equal(response.body.code, 'DIRECTLINE_UPLOAD_EMPTY');
    });
  });
});

describe('Direct Line upload limit', () => {
  let sut: TestApp;
  before(async () => {
    sut = await startChannelApp({ DIRECTLINE_UPLOAD_LIMIT_BYTES: '4096' });
  });
  after(async () => {
    await sut.close();
  });

  it('answers 413 with a clear message when a file is larger than DIRECTLINE_UPLOAD_LIMIT_BYTES', async () => {
    const http = sut.app.getHttpServer() as Server;
    const started = await request(http)
      .post('/v3/directline/conversations')
      .set(bearer(testSecret))
      .expect(201);
    const response = await request(http)
      .post(`/v3/directline/conversations/${started.body.conversationId}/upload?userId=dl_ayse`)
      .set(bearer(started.body.token))
      .attach('file', Buffer.alloc(5000, 1), { filename: 'foto.jpg', contentType: 'image/jpeg' })
      .expect(413);
    assert.equal(response.body.code, 'DIRECTLINE_UPLOAD_TOO_LARGE');
    assert.match(response.body.message, /Die Datei ist zu groß/);
    const list = await request(http)
      .get(`/v3/directline/conversations/${started.body.conversationId}/activities?watermark=0`)
      .set(bearer(started.body.token));
    assert.deepEqual(list.body.activities, [], 'nothing reached the bot');
  });
});
