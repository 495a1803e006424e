import { BotRegistry } from '../../src/channels/bot/bot-registry.service';
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
import { CaseDraftsService } from '../../src/cases/case-drafts.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { loadConfig } from '../../src/config/app-config';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';
import { TestClock } from '../support/bot-harness';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
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

const lastNameField = 'topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-1[0].Name-Antragsteller[0]';
const firstNameField = 'topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]';
const ibanField = 'topmostSubform[0].Seite1[0].Punkt-3[0].IBAN[0]';

interface Server {
  app: INestApplication;
  domain: string;
  close(): Promise<void>;
}

/** The real application (real bot, SQLite in a temporary folder) listening on a loopback port. */
async function startServer(templateDir: string | undefined): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-kg1-directline-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    BOT: 'antragslotse',
    DIRECTLINE_SECRET: testSecret,
    DIRECTLINE_TOKEN_SECRET: testTokenSecret,
    // Without the official templates the case gets the generated answer summary PDF for KG 1.
    FORMS_TEMPLATE_DIR: templateDir ?? join(dataDir, 'no-templates'),
  });
  const clock = new TestClock();
  clock.setToday(transcript.today);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] })
    .overrideProvider(BOT_CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const domain = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/v3/directline`;
  return {
    app,
    domain,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Plays the whole transcript through botframework-directlinejs; returns the conversation id. */
async function converse(domain: string): Promise<string> {
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
  return conversationId;
}

/** The submitted case of the conversation and its KG 1 document. */
async function submittedKg1(app: INestApplication, conversationId: string) {
  const cases = app.get(CasesRepository);
  const submitted = await cases.findOpenCaseByConversation(conversationKeyOf('directline', conversationId));
  assert.ok(submitted, 'the conversation became a case');
  // The draft PDFs follow the reply to the submission in the background.
  await app.get(CaseDraftsService).whenIdle();
  const documents = await cases.findDocuments(submitted.id);
  const kg1 = documents.find((document) => document.formId === 'kg1');
  assert.ok(kg1, `a KG 1 document among ${documents.map((document) => document.formId).join(', ')}`);
  return { kg1, reading: await readWithPdfJs(await cases.readDocument(submitted.id, kg1.id)) };
}

describe('a complete Kindergeld conversation with botframework-directlinejs (real bot, WebSocket)', () => {
  let server: Server;

  before(async () => {
    server = await startServer(undefined);
  });
  after(async () => {
    await server?.close();
  });

  it('answers every question of the KG 1 transcript over Direct Line and ends with a submitted case whose PDF holds the answers', async () => {
    // The bot's replies are stored in the commit of its turn's state (DirectLineAdapter).
    assert.ok(server.app.get(BotRegistry).turnCommit, 'the channel found the bot state');
    const conversationId = await converse(server.domain);
    const { reading } = await submittedKg1(server.app, conversationId);
    // Compared without spaces: the PDF text runs may split or group the IBAN differently.
    const text = reading.pageTexts.join('').replace(/\s/g, '');
    for (const answer of ['Yılmaz', 'Ayşe', '60316', 'DE78370400445320130011']) {
      assert.ok(text.includes(answer), `the KG 1 summary PDF contains ${answer}`);
    }
  });
});

describe(
  'the same conversation with the genuine Familienkasse templates',
  { skip: skipWithoutOfficialForms },
  () => {
    let server: Server;

    before(async () => {
      server = await startServer(officialFormsDir);
    });
    after(async () => {
      await server?.close();
    });

    it('ends with the official KG 1 draft whose fields hold the answers (read back with pdf.js)', async () => {
      const conversationId = await converse(server.domain);
      const { kg1, reading } = await submittedKg1(server.app, conversationId);
      assert.equal(kg1.kind, 'official');
      assert.ok(reading.fields, 'the draft keeps its form fields');
      assert.equal(reading.fields.get(lastNameField), 'Yılmaz');
      assert.equal(reading.fields.get(firstNameField), 'Ayşe');
      assert.equal(reading.fields.get(ibanField)?.replace(/\s/g, ''), 'DE78370400445320130011');
    });
  },
);
