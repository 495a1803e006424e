import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import request from 'supertest';
import { TurnContext } from 'botbuilder';
import { bearer, startChannelApp, testSecret } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';
import { CONVERSATION_GATEWAY, ConversationGateway } from '../../bot/proactive/conversation-gateway';
import { ATTACHMENT_READER, AttachmentReader } from '../../bot/uploads/attachment-reader';

describe('what the channels provide to the bot module', () => {
  let app: TestApp;
  let http: Server;
  before(async () => {
    app = await startChannelApp();
    http = app.app.getHttpServer() as Server;
  });
  after(async () => {
    await app.close();
  });

  const start = async () =>
    (await request(http).post('/v3/directline/conversations').set(bearer(testSecret)).expect(201)).body as {
      conversationId: string;
      token: string;
    };

  it('CONVERSATION_GATEWAY posts a proactive message into a Direct Line conversation', async () => {
    const sut = app.app.get<ConversationGateway>(CONVERSATION_GATEWAY);
    const conversation = await start();
    await sut.continueConversation(
      {
        channelId: 'directline',
        serviceUrl: 'http://127.0.0.1',
        conversation: {
          id: conversation.conversationId,
          isGroup: false,
          conversationType: 'personal',
          name: '',
        },
        bot: { id: 'antragslotse', name: 'Antragslotse' },
        user: { id: 'dl_ayse', name: '' },
      },
      async (context: TurnContext) => {
        await context.sendActivity('Ihre Beraterin hat eine Frage zu Ihrem Antrag.');
      },
    );
    const list = await request(http)
      .get(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`)
      .set(bearer(conversation.token))
      .expect(200);
    assert.equal(list.body.activities[0].text, 'Ihre Beraterin hat eine Frage zu Ihrem Antrag.');
    assert.equal(list.body.activities[0].from.id, 'antragslotse');
    await assert.rejects(
      sut.continueConversation({ channelId: 'directline', conversation: { id: 'gone' } as never }, () =>
        Promise.resolve(),
      ),
      { code: 'DIRECTLINE_CONVERSATION_NOT_FOUND' },
    );
  });

  it("ATTACHMENT_READER gives the bot the bytes of its own conversation's uploads only", async () => {
    const sut = app.app.get<AttachmentReader>(ATTACHMENT_READER);
    const conversation = await start();
    await request(http)
      .post(`/v3/directline/conversations/${conversation.conversationId}/upload?userId=dl_ayse`)
      .set(bearer(conversation.token))
      .attach('file', Buffer.from('invented payslip'), {
        filename: 'Lohnzettel.pdf',
        contentType: 'application/pdf',
      })
      .expect(200);
    const list = await request(http)
      .get(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=0`)
      .set(bearer(conversation.token));
    const attachment = list.body.activities[0].attachments[0];
    const contextOf = (id: string) => ({ activity: { conversation: { id } } }) as unknown as TurnContext;
    const file = await sut.read(contextOf(conversation.conversationId), attachment);
    assert.deepEqual(file, { name: 'Lohnzettel.pdf', bytes: Buffer.from('invented payslip') });
    assert.equal(await sut.read(contextOf('another-conversation'), attachment), null);
    assert.equal(
      await sut.read(contextOf(conversation.conversationId), {
        contentType: 'image/png',
        contentUrl: 'https://example.org/x.png',
      }),
      null,
    );
  });
});
