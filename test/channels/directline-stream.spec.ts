import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { signTestToken, startListeningChannelApp, testSecret, testTokenSecret } from './channel-test-app';
import { TestApp } from '../support/test-app';

interface Frame {
  activities: Array<{ id: string; text?: string; from: { id: string } }>;
  watermark: string;
}

/** Opens a stream and records every non-empty frame. */
async function openStream(
  url: string,
): Promise<{ socket: WebSocket; frames: Frame[]; waitForText(text: string): Promise<Frame> }> {
  const socket = new WebSocket(url);
  const frames: Frame[] = [];
  socket.on('message', (data) => {
    const text = (data as Buffer).toString();
    if (text) {
      frames.push(JSON.parse(text) as Frame);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    frames,
    async waitForText(text: string) {
      for (let waited = 0; waited < 5000; waited += 10) {
        const frame = frames.find((candidate) =>
          candidate.activities.some((activity) => activity.text === text),
        );
        if (frame) {
          return frame;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no frame with "${text}"`);
    },
  };
}

/** The HTTP status with which the server refuses a WebSocket upgrade. */
function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => reject(new Error('the stream opened')));
    socket.on('error', () => undefined);
  });
}

async function post(baseUrl: string, conversationId: string, token: string, text: string): Promise<void> {
  const response = await fetch(`${baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', from: { id: 'dl_dragana' }, text }),
  });
  assert.equal(response.status, 200);
}

async function start(baseUrl: string): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const response = await fetch(`${baseUrl}/v3/directline/conversations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${testSecret}` },
  });
  assert.equal(response.status, 201);
  return (await response.json()) as { conversationId: string; token: string; streamUrl: string };
}

describe('Direct Line WebSocket stream', () => {
  let server: { app: TestApp; baseUrl: string };
  before(async () => {
    server = await startListeningChannelApp();
  });
  after(async () => {
    await server.app.close();
  });

  it('sends the backlog after the watermark, then every new activity as { activities, watermark } frames', async () => {
    const conversation = await start(server.baseUrl);
    await post(server.baseUrl, conversation.conversationId, conversation.token, 'eins');
    const stream = await openStream(`${conversation.streamUrl}&watermark=0`);
    try {
      const backlog = await stream.waitForText('Echo: eins');
      assert.deepEqual(
        backlog.activities.map((activity) => activity.text),
        ['eins', 'Echo: eins'],
        'the greeting at watermark 0 is not sent again',
      );
      assert.equal(backlog.watermark, '2');
      await post(server.baseUrl, conversation.conversationId, conversation.token, 'zwei');
      const live = await stream.waitForText('Echo: zwei');
      assert.equal(live.watermark, '4');
    } finally {
      stream.socket.close();
    }
  });

  it('refuses a stream without a valid token (401), with the token of another conversation or an expired one (403), and for unknown conversations', async () => {
    const ayse = await start(server.baseUrl);
    const olena = await start(server.baseUrl);
    const base = server.baseUrl.replace('http', 'ws');
    const path = `${base}/v3/directline/conversations/${ayse.conversationId}/stream`;
    assert.equal(await refusedStatus(`${path}?t=not-a-token`), 401);
    assert.equal(await refusedStatus(`${path}?t=${olena.token}`), 403);
    const expired = await signTestToken(ayse.conversationId, Math.floor(Date.now() / 1000) - 5);
    assert.equal(await refusedStatus(`${path}?t=${expired}`), 403);
    const ghost = await signTestToken('no-such-conversation', Math.floor(Date.now() / 1000) + 600);
    assert.equal(
      await refusedStatus(`${base}/v3/directline/conversations/no-such-conversation/stream?t=${ghost}`),
      404,
    );
  });

  it('refuses a browser stream from an origin that is not allowed', async () => {
    const conversation = await start(server.baseUrl);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(conversation.streamUrl, { headers: { Origin: 'https://evil.example' } });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('error', () => undefined);
    });
    assert.equal(status, 403);
  });
});

describe('Direct Line after a restart of the service', () => {
  it("continues a stream from the client's watermark on a new process over the same SQLite file", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-restart-'));
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      BOT: 'echo',
      DIRECTLINE_SECRET: testSecret,
      DIRECTLINE_TOKEN_SECRET: testTokenSecret,
    };
    const listen = async () => {
      const app = await createApp(loadConfig(env));
      await app.listen(0, '127.0.0.1');
      const address = app.getHttpServer().address() as { port: number };
      return { app, baseUrl: `http://127.0.0.1:${address.port}` };
    };
    try {
      const first = await listen();
      const conversation = await start(first.baseUrl);
      const stream = await openStream(conversation.streamUrl);
      await post(first.baseUrl, conversation.conversationId, conversation.token, 'vor dem Neustart');
      const seen = await stream.waitForText('Echo: vor dem Neustart');
      const closed = new Promise((resolve) => stream.socket.once('close', resolve));
      await first.app.close();
      await closed;

      const second = await listen();
      try {
        // What directlinejs does after the socket dropped: GET /conversations/{id}?watermark= for a new streamUrl.
        const reconnect = await fetch(
          `${second.baseUrl}/v3/directline/conversations/${conversation.conversationId}?watermark=${seen.watermark}`,
          { headers: { Authorization: `Bearer ${conversation.token}` } },
        );
        assert.equal(reconnect.status, 200);
        const { streamUrl } = (await reconnect.json()) as { streamUrl: string };
        const resumed = await openStream(streamUrl);
        await post(second.baseUrl, conversation.conversationId, conversation.token, 'nach dem Neustart');
        await resumed.waitForText('Echo: nach dem Neustart');
        const texts = resumed.frames.flatMap((frame) => frame.activities.map((activity) => activity.text));
        assert.deepEqual(
          texts,
          ['nach dem Neustart', 'Echo: nach dem Neustart'],
          'only the new activities arrive',
        );
        resumed.socket.close();
      } finally {
        await second.app.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
