import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'yaml';
import { killHard, Service, serviceMainJs, startService } from '../support/service-process';
import { testSecret, testTokenSecret } from './channel-test-app';

// System suite: the built service runs as a child process (node dist/src/main.js), is killed with
// SIGKILL between two turns and started again on the same data folder. The family goes on with
// the same Direct Line conversation and token; nothing answered before the crash is lost.

interface Step {
  user?: string;
  action?: { action: string; value?: string };
  bot?: { says?: string[]; summaryHas?: string[] };
}

const transcript = parse(
  readFileSync(join(__dirname, '..', '..', '..', 'test', 'transcripts', 'kg1-two-children.yaml'), 'utf8'),
) as { steps: Step[] };
const userId = 'dl_dragana_petrovic';

/** A minimal Direct Line 3.0 REST client: post, then poll from the watermark. */
class RestConversation {
  private watermark: string | undefined;

  constructor(
    public baseUrl: string,
    readonly conversationId: string,
    private readonly token: string,
  ) {}

  private headers() {
    return { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' };
  }

  async start(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: this.headers(),
    });
    assert.ok(response.ok, `start: ${response.status}`);
  }

  async reconnect(): Promise<void> {
    const query = this.watermark ? `?watermark=${this.watermark}` : '';
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.conversationId}${query}`,
      { headers: this.headers() },
    );
    assert.equal(response.status, 200, 'the same conversation reconnects after the restart');
  }

  async send(message: { text?: string; value?: unknown }): Promise<void> {
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`,
      {
        method: 'POST',
        headers: this.headers(),
        body: JSON.stringify({ type: 'message', from: { id: userId }, locale: 'de-DE', ...message }),
      },
    );
    assert.equal(response.status, 200, `post: ${await response.text()}`);
  }

  /** Waits until the bot's new messages contain every part; returns their text. */
  async expect(parts: string[], label: string): Promise<string> {
    let texts = '';
    for (let waited = 0; waited < 15000; waited += 50) {
      const query = this.watermark ? `?watermark=${this.watermark}` : '';
      const response = await fetch(
        `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities${query}`,
        { headers: this.headers() },
      );
      const page = (await response.json()) as {
        activities: Array<{ from: { id: string }; text?: string; attachments?: unknown[] }>;
        watermark?: string;
      };
      const fromBot = page.activities.filter((activity) => activity.from.id !== userId);
      // Cards (the summary) count with their JSON text.
      texts += fromBot
        .map((activity) => `${activity.text ?? ''}\n${JSON.stringify(activity.attachments ?? [])}\n`)
        .join('');
      this.watermark = page.watermark ?? this.watermark;
      if (parts.every((part) => texts.includes(part))) {
        return texts;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`${label}: expected ${JSON.stringify(parts)}, got:\n${texts}`);
  }
}

describe('the service is killed (SIGKILL) mid-conversation and started again', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'antragslotse-crash-'));
  const env = {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    BOT: 'antragslotse',
    DIRECTLINE_SECRET: testSecret,
    DIRECTLINE_TOKEN_SECRET: testTokenSecret,
    DATA_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
    // The summary PDF instead of the official templates: this test is about the conversation.
    FORMS_TEMPLATE_DIR: join(dataDir, 'no-templates'),
  };
  let service: Service | undefined;

  before(() => {
    // The test needs the built service; `npx tsc -p tsconfig.json` writes dist/src/main.js.
    readFileSync(serviceMainJs);
  });
  after(async () => {
    if (service) {
      await killHard(service);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues the same conversation with every earlier answer intact, and the submission succeeds', async () => {
    service = await startService(env);
    const generated = await fetch(`${service.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${testSecret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
    });
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    const conversation = new RestConversation(service.baseUrl, conversationId, token);
    await conversation.start();
    await conversation.expect(transcript.steps[0].bot?.says ?? [], 'greeting');

    // Up to and including the IBAN: personal data, address, the first answers of the account.
    const crashAfter = transcript.steps.findIndex((step) => step.user?.startsWith('DE78'));
    assert.ok(crashAfter > 10, 'the transcript has an IBAN step well into the interview');
    const play = async (from: number, to: number) => {
      for (let index = from; index <= to; index++) {
        const step = transcript.steps[index];
        if (step.user === undefined && !step.action) {
          continue;
        }
        await conversation.send(step.user !== undefined ? { text: step.user } : { value: step.action });
        await conversation.expect(
          [...(step.bot?.says ?? []), ...(step.bot?.summaryHas ?? [])],
          `step ${index}`,
        );
      }
    };
    await play(1, crashAfter);

    // Between two turns: no shutdown hooks, no flush, the process is simply gone.
    await killHard(service);
    service = await startService(env);
    conversation.baseUrl = service.baseUrl;
    await conversation.reconnect();

    // The rest of the transcript checks every reply, including the summary with the answers given
    // before the crash (name, address, IBAN) and the confirmation of the submission.
    await play(crashAfter + 1, transcript.steps.length - 1);
    await killHard(service);
    service = undefined;

    const database = new Database(join(dataDir, 'antragslotse.sqlite'), { readonly: true });
    try {
      const rows = database.prepare(`SELECT status FROM cases`).all() as Array<{ status: string }>;
      assert.deepEqual(
        rows.map((row) => row.status),
        ['submitted'],
        'exactly one case, submitted',
      );
    } finally {
      database.close();
    }
  });
});
