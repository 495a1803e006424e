import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startChannelApp } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';
import { CONVERSATION_GATEWAY, ConversationGateway } from '../../bot/proactive/conversation-gateway';
import { TURN_LOCK, TurnLock } from '../bot/turn-lock.types';

interface Received {
  path: string;
  authorization?: string;
  body: { type?: string; text?: string; replyToId?: string };
}

/** A stand-in for the Bot Framework connector on loopback: records what the bot sends. */
async function startConnector(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((incoming: IncomingMessage, response) => {
    let data = '';
    incoming.on('data', (chunk: Buffer) => (data += chunk.toString()));
    incoming.on('end', () => {
      received.push({
        path: incoming.url ?? '',
        authorization: incoming.headers.authorization,
        body: JSON.parse(data || '{}') as Received['body'],
      });
      response
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

const activity = (serviceUrl: string) => ({
  type: 'message',
  id: 'activity-1',
  text: 'Hallo vom Emulator',
  channelId: 'emulator',
  serviceUrl,
  conversation: { id: 'conversation-emulator-1' },
  from: { id: 'user-olena', name: 'Olena Kovalenko' },
  recipient: { id: 'bot', name: 'Antragslotse' },
  timestamp: new Date().toISOString(),
});

describe('/api/messages without an app id (the Emulator way: authentication disabled)', () => {
  let sut: TestApp;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  before(async () => {
    sut = await startChannelApp();
    connector = await startConnector();
  });
  after(async () => {
    await sut.close();
    connector.server.close();
  });

  it("accepts an unauthenticated activity and sends the bot's reply to its serviceUrl", async () => {
    await request(sut.app.getHttpServer()).post('/api/messages').send(activity(connector.url)).expect(200);
    const reply = connector.received.find((entry) => entry.body.text === 'Echo: Hallo vom Emulator');
    assert.ok(reply, `the connector got: ${JSON.stringify(connector.received)}`);
    assert.equal(reply.path, '/v3/conversations/conversation-emulator-1/activities/activity-1');
    assert.equal(reply.body.replyToId, 'activity-1');
  });

  it('lets a proactive message wait for a turn of the same conversation in progress', async () => {
    const turns = sut.app.get<TurnLock>(TURN_LOCK);
    const gateway = sut.app.get<ConversationGateway>(CONVERSATION_GATEWAY);
    const steps: string[] = [];
    let endTurn!: () => void;
    const turnInProgress = turns.run('azure:conversation-emulator-2', async () => {
      steps.push('turn begins');
      await new Promise<void>((resolve) => (endTurn = resolve));
      steps.push('turn ends');
    });
    const proactive = gateway.continueConversation(
      {
        channelId: 'emulator',
        serviceUrl: connector.url,
        conversation: {
          id: 'conversation-emulator-2',
          isGroup: false,
          conversationType: 'personal',
          name: '',
        },
        bot: { id: 'bot', name: 'Antragslotse' },
        user: { id: 'user-olena', name: '' },
      },
      async (context) => {
        steps.push('question back');
        await context.sendActivity('Ihre Beraterin hat eine Frage.');
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(steps, ['turn begins']);
    endTurn();
    await Promise.all([turnInProgress, proactive]);
    assert.deepEqual(steps, ['turn begins', 'turn ends', 'question back']);
    assert.ok(connector.received.some((entry) => entry.body.text === 'Ihre Beraterin hat eine Frage.'));
  });
});

describe('/api/messages with an app id configured', () => {
  let sut: TestApp;
  before(async () => {
    sut = await startChannelApp({
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'invented',
    });
  });
  after(async () => {
    await sut.close();
  });

  it('refuses an unauthenticated activity with 401', async () => {
    await request(sut.app.getHttpServer())
      .post('/api/messages')
      .send(activity('http://127.0.0.1:9'))
      .expect(401);
  });
});
