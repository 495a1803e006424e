import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { startListeningChannelApp } from './channel-test-app';
import { createDirectLineClient } from './directline-js-client';
import { TestApp } from '../support/test-app';
import { DirectLineStreamGateway } from '../../src/channels/directline/directline-stream.gateway';

/** Collects what the client receives and waits, bounded, for a matching activity. */
function collect(client: DirectLine) {
  const received: Activity[] = [];
  const subscription = client.activity$.subscribe((activity) => received.push(activity));
  return {
    received,
    async waitFor(match: (activity: Activity) => boolean, what: string, timeoutMs = 5000): Promise<Activity> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const found = received.find(match);
        if (found) {
          return found;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(
        `Timed out waiting for ${what}; received: ${received.map((a) => (a as { text?: string }).text).join(' | ')}`,
      );
    },
    stop: () => subscription.unsubscribe(),
  };
}

const textOf = (activity: Activity) => (activity as { text?: string }).text;

describe('botframework-directlinejs against the running service (echo bot, WebSocket)', () => {
  let server: { app: TestApp; baseUrl: string };
  before(async () => {
    server = await startListeningChannelApp();
  });
  after(async () => {
    await server.app.close();
  });

  const chatToken = async (): Promise<{ token: string; conversationId: string; userId: string }> => {
    const response = await fetch(`${server.baseUrl}/api/chat/token`, { method: 'POST' });
    assert.equal(response.status, 200);
    return (await response.json()) as { token: string; conversationId: string; userId: string };
  };

  it('starts with a token from /api/chat/token, posts messages and receives the replies over the stream', async () => {
    const { token, userId } = await chatToken();
    const client = createDirectLineClient({ domain: `${server.baseUrl}/v3/directline`, token });
    const inbox = collect(client);
    try {
      await inbox.waitFor((activity) => /Hallo!/.test(textOf(activity) ?? ''), 'the greeting');
      assert.equal(
        server.app.app.get(DirectLineStreamGateway).openStreams,
        1,
        'the client streams over the WebSocket',
      );
      const id = await new Promise<string>((resolve, reject) =>
        client
          .postActivity({ type: 'message', from: { id: userId }, text: 'Ich heiße Ayşe Yılmaz' })
          .subscribe(resolve, reject),
      );
      assert.match(id, /\|\d{7}$/);
      await inbox.waitFor((activity) => textOf(activity) === 'Ich heiße Ayşe Yılmaz', 'the own message');
      await inbox.waitFor((activity) => textOf(activity) === 'Echo: Ich heiße Ayşe Yılmaz', 'the echo');
      const ids = inbox.received.map((activity) => activity.id);
      assert.equal(new Set(ids).size, ids.length, 'no activity arrives twice');
    } finally {
      inbox.stop();
      client.end();
    }
  });

  it("uploads a file with postActivity and receives the bot's confirmation", async () => {
    const { token, userId } = await chatToken();
    const client = createDirectLineClient({ domain: `${server.baseUrl}/v3/directline`, token });
    const inbox = collect(client);
    try {
      const photo = `data:image/png;base64,${Buffer.from('invented photo of a letter').toString('base64')}`;
      await new Promise<string>((resolve, reject) =>
        client
          .postActivity({
            type: 'message',
            from: { id: userId },
            text: 'Hier ist der Brief',
            attachments: [{ contentType: 'image/png', contentUrl: photo, name: 'brief.png' }],
          })
          .subscribe(resolve, reject),
      );
      await inbox.waitFor(
        (activity) => /Datei erhalten: brief\.png/.test(textOf(activity) ?? ''),
        'the confirmation',
      );
      const own = await inbox.waitFor(
        (activity) => textOf(activity) === 'Hier ist der Brief',
        'the own message',
      );
      const url = (own as { attachments?: Array<{ contentUrl: string }> }).attachments?.[0].contentUrl ?? '';
      const file = await fetch(url);
      assert.equal(Buffer.from(await file.arrayBuffer()).toString(), 'invented photo of a letter');
    } finally {
      inbox.stop();
      client.end();
    }
  });

  it('resumes a conversation from a stored token, conversation id and watermark without repeating old activities', async () => {
    const { token, conversationId, userId } = await chatToken();
    const first = createDirectLineClient({ domain: `${server.baseUrl}/v3/directline`, token });
    const firstInbox = collect(first);
    await new Promise((resolve, reject) =>
      first.postActivity({ type: 'message', from: { id: userId }, text: 'eins' }).subscribe(resolve, reject),
    );
    const echo = await firstInbox.waitFor((activity) => textOf(activity) === 'Echo: eins', 'echo eins');
    firstInbox.stop();
    first.end();
    const watermark = String(Number(echo.id?.split('|')[1]));

    // What the demo page does after a reload: same conversation, from the stored watermark.
    const second = createDirectLineClient({
      domain: `${server.baseUrl}/v3/directline`,
      token,
      conversationId,
      watermark,
    });
    const secondInbox = collect(second);
    try {
      await new Promise((resolve, reject) =>
        second
          .postActivity({ type: 'message', from: { id: userId }, text: 'zwei' })
          .subscribe(resolve, reject),
      );
      await secondInbox.waitFor((activity) => textOf(activity) === 'Echo: zwei', 'echo zwei');
      assert.ok(
        !secondInbox.received.some(
          (activity) => textOf(activity) === 'eins' || textOf(activity) === 'Echo: eins',
        ),
      );
    } finally {
      secondInbox.stop();
      second.end();
    }
  });
});
