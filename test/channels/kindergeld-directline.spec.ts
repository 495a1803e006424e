import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Activity, DirectLine } from 'botframework-directlinejs';
import { parse } from 'yaml';
import { AppModule } from '../../src/app.module';
import { BOT_CLOCK } from '../../src/bot/bot-clock';
import { conversationKeyOf } from '../../src/bot/state/bot-states';
import { CasesRepository } from '../../src/cases/cases.repository';
import { loadConfig } from '../../src/config/app-config';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';
import { TestClock } from '../support/bot-harness';
import { testSecret, testTokenSecret } from './channel-test-app';
import { createDirectLineClient } from './directline-js-client';

interface Step {
  user?: string;
  action?: { action: string; value?: string };
  bot?: { says?: string[] };
}

const transcript = parse(
  readFileSync(join(__dirname, '..', '..', '..', 'test', 'transcripts', 'kg1-two-children.yaml'), 'utf8'),
) as { today: string; steps: Step[] };

describe('a complete Kindergeld conversation with botframework-directlinejs (real bot, WebSocket)', () => {
  let app: INestApplication;
  let dataDir: string;
  let domain: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-kg1-directline-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      BOT: 'antragslotse',
      DIRECTLINE_SECRET: testSecret,
      DIRECTLINE_TOKEN_SECRET: testTokenSecret,
      // No official templates: the case gets the generated answer summary PDF for KG 1.
      FORMS_TEMPLATE_DIR: join(dataDir, 'no-templates'),
    });
    const clock = new TestClock();
    clock.setToday(transcript.today);
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

  it('answers every question of the KG 1 transcript over Direct Line and ends with a submitted case whose PDF holds the answers', async () => {
    const started = await fetch(`${domain}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${testSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: 'dl_ayse_yilmaz' } }),
    });
    const { token, conversationId } = (await started.json()) as { token: string; conversationId: string };
    const client: DirectLine = createDirectLineClient({ domain, token });
    const received: Activity[] = [];
    const subscription = client.activity$.subscribe((activity) => received.push(activity));
    const textsSince = (index: number) =>
      received
        .slice(index)
        .filter((activity) => activity.from.id !== 'dl_ayse_yilmaz')
        .map((activity) => (activity as { text?: string }).text ?? '')
        .join('\n');
    const waitForSays = async (since: number, says: string[], step: number) => {
      for (let waited = 0; waited < 10000; waited += 10) {
        const texts = textsSince(since);
        if (says.every((part) => texts.includes(part))) {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.fail(`step ${step}: expected ${JSON.stringify(says)}, got:\n${textsSince(since)}`);
    };
    try {
      await waitForSays(0, transcript.steps[0].bot?.says ?? [], 0);
      for (const [index, step] of transcript.steps.entries()) {
        if (index === 0 || (step.user === undefined && !step.action)) {
          continue;
        }
        const since = received.length;
        const message = step.user !== undefined ? { text: step.user } : { value: step.action };
        await new Promise((resolve, reject) =>
          client
            .postActivity({ type: 'message', from: { id: 'dl_ayse_yilmaz' }, ...message })
            .subscribe(resolve, reject),
        );
        await waitForSays(since, step.bot?.says ?? [], index);
      }
    } finally {
      subscription.unsubscribe();
      client.end();
    }

    const cases = app.get(CasesRepository);
    const submitted = await cases.findOpenCaseByConversation(conversationKeyOf('directline', conversationId));
    assert.ok(submitted, 'the conversation became a case');
    const documents = await cases.findDocuments(submitted.id);
    const kg1 = documents.find((document) => document.formId === 'kg1');
    assert.ok(kg1, `a KG 1 document among ${documents.map((document) => document.formId).join(', ')}`);
    const text = (await readWithPdfJs(await cases.readDocument(submitted.id, kg1.id))).pageTexts.join(' ');
    for (const answer of ['Yılmaz', '60316']) {
      assert.ok(text.includes(answer), `the KG 1 PDF contains ${answer}`);
    }
  });
});
