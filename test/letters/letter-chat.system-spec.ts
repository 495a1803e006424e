import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { AppModule } from '../../src/app.module';
import { BOT_CLOCK } from '../../src/bot/bot-clock';
import { BotStates, conversationKeyOf } from '../../src/bot/state/bot-states';
import type { ConversationData } from '../../src/bot/state/conversation-data.types';
import { loadConfig } from '../../src/config/app-config';
import { DocumentsService } from '../../src/documents/documents.service';
import { testSecret, testTokenSecret } from '../channels/channel-test-app';
import { createDirectLineClient } from '../channels/directline-js-client';
import { germanDate, TEMPLATES } from '../corpus/letter-templates';
import { renderLetterPdf } from '../corpus/render-letter-pdf';
import { renderFirstPage } from '../corpus/render-variants';
import { SeededRandom } from '../corpus/seeded-random';
import { TestClock } from '../support/bot-harness';

const userId = 'dl_olena_kovalenko';

// A photographed Familienkasse letter through the real Direct Line upload, read by tesseract.js
// (slow: some 10-60 s), explained and proposed in the chat; confirming keeps the provenance.
describe('a letter photo sent through Direct Line', () => {
  let app: INestApplication;
  let dataDir: string;
  let domain: string;
  const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(7), 'chat-photo', 'A');

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-letter-chat-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      BOT: 'antragslotse',
      DIRECTLINE_SECRET: testSecret,
      DIRECTLINE_TOKEN_SECRET: testTokenSecret,
      OCR_WORKERS: '1',
      FORMS_TEMPLATE_DIR: join(dataDir, 'no-templates'),
    });
    const clock = new TestClock();
    // Before the letter's deadline, so the explanation names it as still open.
    clock.setToday(spec.truth.letterDate ?? '2026-01-02');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
      .overrideProvider(BOT_CLOCK)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    domain = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/v3/directline`;
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('explains who wrote, what they want and by when, proposes the Kindergeldnummer and keeps document, page and box', async () => {
    const started = await fetch(`${domain}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${testSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
    });
    const { token, conversationId } = (await started.json()) as { token: string; conversationId: string };
    const client: DirectLine = createDirectLineClient({ domain, token });
    const received: Activity[] = [];
    const subscription = client.activity$.subscribe((activity) => received.push(activity));
    const textsSince = (since: number) =>
      received
        .slice(since)
        .filter((activity) => activity.from.id !== userId)
        .map((activity) => (activity as { text?: string }).text ?? '')
        .join('\n');
    const waitFor = async (since: number, says: (string | RegExp)[], what: string, timeoutMs = 15_000) => {
      for (let waited = 0; waited < timeoutMs; waited += 50) {
        const texts = textsSince(since);
        if (says.every((part) => (typeof part === 'string' ? texts.includes(part) : part.test(texts)))) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.fail(`${what}: expected ${says.map(String).join(', ')}, got:\n${textsSince(since)}`);
    };
    const say = async (text: string) => {
      await new Promise((resolve, reject) =>
        client.postActivity({ type: 'message', from: { id: userId }, text }).subscribe(resolve, reject),
      );
    };

    try {
      await waitFor(0, ['Datenschutz'], 'greeting');
      let since = received.length;
      await say('ja');
      await waitFor(since, ['Haben Sie schon eine Kindergeldnummer?'], 'first question');

      // The photo of the letter: page 1 rendered at 300 dpi as a PNG, as a phone would send it.
      const photo = await renderFirstPage(await renderLetterPdf(spec), 300);
      since = received.length;
      const upload = new FormData();
      upload.append(
        'activity',
        new Blob([JSON.stringify({ type: 'message', from: { id: userId } })], {
          type: 'application/vnd.microsoft.activity',
        }),
        'blob',
      );
      upload.append('file', new Blob([photo], { type: 'image/png' }), 'brief.png');
      const uploaded = await fetch(`${domain}/conversations/${conversationId}/upload?userId=${userId}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: upload,
      });
      assert.equal(uploaded.status, 200, await uploaded.clone().text());
      await waitFor(since, ['Ich lese Ihren Brief'], 'reading message');

      const number = spec.truth.references.kindergeldNummer!;
      await waitFor(
        since,
        ['Familienkasse', `Ihre Frist: ${germanDate(spec.truth.deadline!.date)}`, 'stimmt das?'],
        'explanation and first proposal',
        90_000,
      );
      // What they want: the documents the letter asks for are named.
      const explanation = textsSince(since);
      for (const document of spec.truth.requestedDocuments) {
        assert.ok(explanation.includes(document), `the explanation names ${document}`);
      }

      since = received.length;
      await say('ja');
      await waitFor(since, [`Ihre Kindergeldnummer ist ${number} – stimmt das?`], 'number proposal');
      since = received.length;
      await say('ja');
      await waitFor(since, ['?'], 'the next question');

      const key = conversationKeyOf('directline', conversationId);
      const items = await app.get(BotStates).storage.read([key]);
      const interview = (items[key] as { data?: ConversationData }).data!.interview!;
      assert.equal(interview.answers['applicant.hasKindergeldNumber'], true);
      assert.equal(interview.answers['applicant.kindergeldNumber'], number);
      const provenance = interview.provenance['applicant.kindergeldNumber'];
      assert.equal(provenance.source, 'letter');
      assert.equal(provenance.page, 1);
      assert.ok(
        provenance.box && provenance.box.width > 0 && provenance.box.height > 0,
        'a box on the photo',
      );
      const documents = await app.get(DocumentsService).listForConversation(key);
      assert.deepEqual(
        documents.map((document) => document.id),
        [provenance.documentId],
      );
      assert.equal(documents[0].mediaType, 'image/png');
      const stored = await app.get(DocumentsService).findAnalysis(provenance.documentId!);
      assert.equal(stored?.deadline, spec.truth.deadline!.date);
    } finally {
      subscription.unsubscribe();
      client.end();
    }
  });
});
