import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';
import { transcriptNamed } from '../transcripts/transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

interface ReceivedEvent {
  type: string;
  data: { caseId?: string; kind?: string };
}

/** An open /api/review/events stream of one signed-in user; collects parsed events. */
class EventStream {
  readonly events: ReceivedEvent[] = [];
  private readonly abort = new AbortController();
  private buffer = '';

  static async open(baseUrl: string, user: SignedInUser): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(`${baseUrl}/api/review/events`, {
      headers: { Cookie: user.cookie, Accept: 'text/event-stream' },
      signal: stream.abort.signal,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = response.body!.getReader();
    void (async () => {
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) {
          return;
        }
        stream.take(decoder.decode(value, { stream: true }));
      }
    })();
    await stream.waitFor((event) => event.type === 'ready', 'the ready event');
    return stream;
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      this.events.push({ type, data: data ? (JSON.parse(data) as ReceivedEvent['data']) : {} });
    }
  }

  async waitFor(match: (event: ReceivedEvent) => boolean, what: string): Promise<ReceivedEvent> {
    for (let waited = 0; waited < 5000; waited += 10) {
      const found = this.events.find(match);
      if (found) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.fail(`no ${what}; got ${JSON.stringify(this.events)}`);
  }

  caseIds(): string[] {
    return this.events.filter((event) => event.type === 'case').map((event) => event.data.caseId!);
  }

  close(): void {
    this.abort.abort();
  }
}

describe('review workspace: live events (Server-Sent Events) per team', () => {
  const gateway = new InMemoryConversationGateway();
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let baseUrl: string;
  let dragana: SignedInUser;
  let mehmet: SignedInUser;
  let katernberg: string;
  const streams: EventStream[] = [];

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('review-events', { gateway, listen: true }));
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    katernberg = await ensureTeam(app, 'Essen-Katernberg');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    await createUser(app, 'mehmet.yilmaz@example.org', 'kuemmerer', katernberg, 'Mehmet Yılmaz');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    mehmet = await signIn(app, 'mehmet.yilmaz@example.org');
  });

  after(async () => {
    streams.forEach((stream) => stream.close());
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const family = () => {
    return replayThroughBot(harness, twoChildren());
  };

  it('asks for a session', async () => {
    await request(app.getHttpServer()).get('/api/review/events').expect(401);
  });

  it('tells the team of a new case and of the family’s reply, and no other team', async () => {
    const draganaStream = await EventStream.open(baseUrl, dragana);
    const mehmetStream = await EventStream.open(baseUrl, mehmet);
    streams.push(draganaStream, mehmetStream);

    const conversation = await family();
    const caseId = (await conversation.stored())!.caseId!;
    await draganaStream.waitFor(
      (event) => event.data.caseId === caseId && event.data.kind === 'created',
      'created event',
    );

    gateway.connect(conversation);
    await request(app.getHttpServer())
      .post(`/api/review/cases/${caseId}/ask-back`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ text: 'Wann ist Can geboren?' })
      .expect(201);
    await conversation.say('Am 2. April 2019.');
    const reply = await draganaStream.waitFor(
      (event) => event.data.caseId === caseId && event.data.kind === 'family-message',
      'family-message event',
    );
    // Ids and kind only: the stream never carries names or answers.
    assert.deepEqual(Object.keys(reply.data).sort(), ['at', 'caseId', 'kind']);

    // Another team's case: Mehmet's stream is live and tells only about that one.
    const other = (await (await family()).stored())!.caseId!;
    await draganaStream.waitFor((event) => event.data.caseId === other, 'created event of the second case');
    await app.get(DataSource).query('UPDATE cases SET team_id = ? WHERE id = ?', [katernberg, other]);
    await request(app.getHttpServer())
      .post(`/api/review/cases/${other}/notes`)
      .set('Cookie', mehmet.cookie)
      .set('X-CSRF-Token', mehmet.csrfToken)
      .send({ text: 'Geburtsurkunde fehlt.' })
      .expect(201);
    await mehmetStream.waitFor((event) => event.data.caseId === other, 'event of his own team');
    assert.ok(!mehmetStream.caseIds().includes(caseId), 'no event of the other team’s case');
    // Moved to Katernberg: Dragana heard of its creation (and its draft PDFs), not of Mehmet's note.
    const heard = draganaStream.events.filter((event) => event.data.caseId === other);
    assert.ok(heard.some((event) => event.data.kind === 'created'));
    assert.ok(!heard.some((event) => event.data.kind === 'note-added'));
  });
});
