import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import request from 'supertest';
import type { Server } from 'node:http';
import { DataSource } from 'typeorm';
import { bearer, startChannelApp, testSecret } from '../../../test/channels/channel-test-app';
import { TestApp } from '../../../test/support/test-app';
import { CasesService } from '../../cases/cases.service';
import { Case } from '../../cases/entities/case.entity';

interface Started {
  conversationId: string;
  token: string;
}

describe('the Direct Line log goes with the case (privacy: deletion and export)', () => {
  let app: TestApp;
  let http: Server;

  before(async () => {
    app = await startChannelApp({
      BOT: 'antragslotse',
      FORMS_TEMPLATE_DIR: join('/nonexistent', 'templates'),
    });
    http = app.app.getHttpServer() as Server;
  });
  after(async () => {
    await app?.close();
  });

  const start = async (): Promise<Started> =>
    (await request(http).post('/v3/directline/conversations').set(bearer(testSecret)).expect(201))
      .body as Started;
  const say = (conversation: Started, body: object) =>
    request(http)
      .post(`/v3/directline/conversations/${conversation.conversationId}/activities`)
      .set(bearer(conversation.token))
      .send({ type: 'message', from: { id: 'dl_olena' }, ...body })
      .expect(200);
  const rowsOf = async (conversationId: string) => {
    const dataSource = app.app.get(DataSource);
    const count = async (table: string, column: string) =>
      Number(
        (
          await dataSource.query<Array<{ n: number }>>(
            `SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`,
            [conversationId],
          )
        )[0].n,
      );
    return {
      conversations: await count('directline_conversations', 'id'),
      activities: await count('directline_activities', 'conversation_id'),
      attachments: await count('directline_attachments', 'conversation_id'),
    };
  };

  it('exports the conversation log and the file decrypted, then deletes them with the case, and nothing of another conversation', async () => {
    const olena = await start();
    const other = await start();
    await say(other, { text: 'ja' });
    await say(olena, { text: 'ja' });
    const letter = Buffer.from('%PDF-1.4\n% Schreiben der Familienkasse an Olena Kovalenko\n');
    await request(http)
      .post(`/v3/directline/conversations/${olena.conversationId}/upload?userId=dl_olena`)
      .set(bearer(olena.token))
      .attach('file', letter, { filename: 'schreiben.pdf', contentType: 'application/pdf' })
      .expect(200);
    // Asking for a person opens a case for the conversation.
    await say(olena, { text: 'Ich brauche Hilfe von einem Menschen', value: { action: 'human' } });
    const record = await app.app
      .get(DataSource)
      .getRepository(Case)
      .findOneByOrFail({
        conversationKey: `directline/conversations/${olena.conversationId}/`,
      });
    const cases = app.app.get(CasesService);

    const exported = await cases.exportCase(record.id, 'user:test');
    assert.ok(exported.conversationLog, 'the export holds the Direct Line log');
    const texts = exported.conversationLog.activities.map((activity) => (activity as { text?: string }).text);
    assert.ok(texts.includes('Ich brauche Hilfe von einem Menschen'), 'the family’s own words, decrypted');
    assert.equal(exported.conversationLog.attachments.length, 1);
    assert.equal(exported.conversationLog.attachments[0].name, 'schreiben.pdf');
    assert.deepEqual(Buffer.from(exported.conversationLog.attachments[0].contentBase64, 'base64'), letter);
    const before = await rowsOf(olena.conversationId);
    assert.equal(before.conversations, 1);
    assert.ok(before.activities >= 6);
    assert.equal(before.attachments, 1);

    await cases.deleteCase(record.id, 'user:test');

    assert.deepEqual(await rowsOf(olena.conversationId), { conversations: 0, activities: 0, attachments: 0 });
    // The token of the deleted conversation reads nothing any more.
    const afterwards = await request(http)
      .get(`/v3/directline/conversations/${olena.conversationId}/activities`)
      .set(bearer(olena.token));
    assert.ok([403, 404].includes(afterwards.status), `status ${afterwards.status}`);
    const untouched = await rowsOf(other.conversationId);
    assert.equal(untouched.conversations, 1);
    assert.ok(untouched.activities >= 2);
  });
});
