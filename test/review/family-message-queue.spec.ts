import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BotHarness, TestConversation } from '../support/bot-harness';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, formToken, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

interface QueueItem {
  id: string;
  familyMovedLast: boolean;
  unreadFamilyMessageAt: string | null;
}

describe('review workspace: a family’s message moves its case up the queue until someone answers', () => {
  const gateway = new InMemoryConversationGateway();
  let app: INestApplication;
  let dataDir: string;
  let harness: BotHarness;
  let dragana: SignedInUser;
  let family: TestConversation;
  /** The family that writes; no deadline, so by the deadline order it comes last. */
  let writing: string;
  let soon: string;
  let later: string;
  const server = () => app.getHttpServer() as import('node:http').Server;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('family-message-queue', { gateway }));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    family = await replayThroughBot(harness, twoChildren());
    gateway.connect(family);
    writing = (await family.stored())!.caseId!;
    soon = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    later = (await (await replayThroughBot(harness, twoChildren())).stored())!.caseId!;
    const database = app.get(DataSource);
    await database.query(`UPDATE cases SET nearest_deadline = '2031-01-15' WHERE id = ?`, [soon]);
    await database.query(`UPDATE cases SET nearest_deadline = '2031-03-01' WHERE id = ?`, [later]);
    // Dragana has looked at all three: none is new any more.
    for (const caseId of [writing, soon, later]) {
      await api('post', `/api/review/cases/${caseId}/status`).send({ status: 'in_review' }).expect(204);
    }
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function api(method: 'get' | 'post', path: string): request.Test {
    const agent = request(server());
    return (method === 'get' ? agent.get(path) : agent.post(path))
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken);
  }

  async function queue(): Promise<QueueItem[]> {
    return ((await api('get', '/api/review/cases').expect(200)).body as { items: QueueItem[] }).items;
  }

  async function queuePage(): Promise<string> {
    return (await request(server()).get('/review').set('Cookie', dragana.cookie).expect(200)).text;
  }

  it('sorts by deadline while nothing is new', async () => {
    assert.deepEqual(
      (await queue()).map((item) => item.id),
      [soon, later, writing],
    );
    assert.ok((await queue()).every((item) => !item.familyMovedLast && item.unreadFamilyMessageAt === null));
  });

  it('puts a case first, marked, when the family writes unasked while it is in review', async () => {
    await family.say('Wir sind umgezogen, die neue Adresse schicke ich gleich.');
    const items = await queue();
    assert.deepEqual(
      items.map((item) => item.id),
      [writing, soon, later],
    );
    assert.equal(items[0].familyMovedLast, true);
    assert.ok(items[0].unreadFamilyMessageAt);
    const page = await queuePage();
    const row = new RegExp(`<tr data-case="${writing}"[^>]*class="new"[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
    assert.match(row, /Familie hat geschrieben/);
    assert.doesNotMatch(row, /Neu \/ new/);
    const rows = await request(server()).get('/review/rows').set('Cookie', dragana.cookie).expect(200);
    assert.match(rows.text, /Familie hat geschrieben/);
  });

  it('says so on the case page; "Gelesen" ends it, and the case takes its place by deadline again', async () => {
    const casePage = (await request(server()).get(`/review/cases/${writing}`).set('Cookie', dragana.cookie))
      .text;
    assert.match(casePage, /id="family-unread"/);
    assert.match(casePage, /Die Familie hat geschrieben/);
    const seen = /name="seen" value="([^"]+)"/.exec(casePage)![1];
    await request(server())
      .post(`/review/cases/${writing}/read`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ seen, _csrf: formToken(casePage, `/review/cases/${writing}/read`) })
      .expect(303)
      .expect('Location', `/review/cases/${writing}?msg=read`);
    assert.deepEqual(
      (await queue()).map((item) => item.id),
      [soon, later, writing],
    );
    const after = (
      await request(server()).get(`/review/cases/${writing}?msg=read`).set('Cookie', dragana.cookie)
    ).text;
    assert.doesNotMatch(after, /id="family-unread"/);
    assert.match(after, /Als gelesen vermerkt/);
    assert.doesNotMatch(await queuePage(), /Familie hat geschrieben/);
  });

  it('keeps a message unread that came in after the one the reader saw', async () => {
    await family.say('Noch etwas: Can geht jetzt in die Kita.');
    const first = (await queue()).find((item) => item.id === writing)!.unreadFamilyMessageAt!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await family.say('Und die Urkunde kommt morgen.');
    const newest = (await queue()).find((item) => item.id === writing)!.unreadFamilyMessageAt!;
    assert.ok(new Date(newest) > new Date(first));
    await api('post', `/api/review/cases/${writing}/read`).send({ seen: first }).expect(204);
    assert.equal((await queue())[0].id, writing, 'the newer message is still unread');
    await api('post', `/api/review/cases/${writing}/read`).send({ seen: 'gestern' }).expect(400);
    await api('post', `/api/review/cases/${writing}/read`).send({ seen: newest }).expect(204);
    assert.equal((await queue()).find((item) => item.id === writing)!.unreadFamilyMessageAt, null);
  });

  it('counts a note of the Kümmerer as the answer', async () => {
    await family.say('Haben Sie meine Nachricht bekommen?');
    assert.equal((await queue())[0].id, writing);
    await api('post', `/api/review/cases/${writing}/notes`).send({ text: 'Familie angerufen.' }).expect(201);
    assert.equal((await queue()).find((item) => item.id === writing)!.unreadFamilyMessageAt, null);
  });

  it('brings the reply to a question back to the top, and a new question back answers it', async () => {
    await api('post', `/api/review/cases/${writing}/ask-back`)
      .send({ text: 'Bitte schicken Sie die Geburtsurkunde von Can.' })
      .expect(201);
    assert.deepEqual(
      (await queue()).map((item) => item.id),
      [soon, later, writing],
      'waiting for the family: by deadline',
    );
    await family.say('Mache ich morgen.');
    const items = await queue();
    assert.equal(items[0].id, writing);
    assert.ok(items[0].unreadFamilyMessageAt);
    await api('post', `/api/review/cases/${writing}/ask-back`)
      .send({ text: 'Und bitte auch die Meldebescheinigung.' })
      .expect(201);
    assert.deepEqual(
      (await queue()).map((item) => item.id),
      [soon, later, writing],
    );
  });
});
