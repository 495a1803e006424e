import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import { AppModule } from '../../src/app.module';
import { AntragslotseBot } from '../../src/bot/antragslotse.bot';
import { BOT_CLOCK, BotClock } from '../../src/bot/bot-clock';
import { CONVERSATION_GATEWAY, ConversationGateway } from '../../src/bot/proactive/conversation-gateway';
import { BotStates, conversationKeyOf } from '../../src/bot/state/bot-states';
import { CaseDraftsService } from '../../src/cases/case-drafts.service';
import { ConversationData } from '../../src/bot/state/conversation-data.types';
import { loadConfig } from '../../src/config/app-config';
import { PendingProposal } from '../../src/interview/interview-state.types';
import { turnFailedReply } from '../../src/bot/activities/turn-failed-reply.util';

/** A settable clock: transcripts fix "today". */
export class TestClock implements BotClock {
  current = new Date('2025-11-20T10:00:00Z');
  now(): Date {
    return this.current;
  }
  setToday(today: string): void {
    this.current = new Date(`${today}T10:00:00Z`);
  }
}

export interface BotHarness {
  app: INestApplicationContext;
  clock: TestClock;
  dataDir: string;
  /** A conversation through botbuilder's TestAdapter with the real bot. */
  conversation(options?: { locale?: string; id?: string; userId?: string }): TestConversation;
  /** Resolves when the background work of submissions (draft PDFs) is done. */
  settled(): Promise<void>;
  /** Closes the application (the data folder stays until `remove`). */
  close(): Promise<void>;
  remove(): void;
}

/**
 * The real application module (SQLite in a temporary folder, the real form definitions) with a
 * fixed clock. `templateDir` decides whether the genuine forms are filled or the summary PDF.
 * Pass the `dataDir` and key of an earlier harness to simulate a restart of the process.
 */
export async function startBotHarness(
  options: { templateDir?: string; dataDir?: string; keys?: string; gateway?: ConversationGateway } = {},
): Promise<BotHarness & { keys: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'antragslotse-bot-'));
  const keys = options.keys ?? `test:${randomBytes(32).toString('base64')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    DATA_ENCRYPTION_KEYS: keys,
    FORMS_TEMPLATE_DIR: options.templateDir ?? join(dataDir, 'no-templates'),
  });
  const clock = new TestClock();
  let builder = Test.createTestingModule({ imports: [AppModule.register(config)] })
    .overrideProvider(BOT_CLOCK)
    .useValue(clock);
  if (options.gateway) {
    // A gateway stands in for the channels' proactive messages. It must override the
    // ChannelsModule's CONVERSATION_GATEWAY: a plain provider here would lose against it.
    builder = builder.overrideProvider(CONVERSATION_GATEWAY).useValue(options.gateway);
  }
  const moduleRef = await builder.compile();
  // A whole application (not listening): the channels attach their WebSocket to its HTTP server.
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  const bot = app.get(AntragslotseBot);
  const states = app.get(BotStates);
  return {
    app,
    clock,
    dataDir,
    keys,
    conversation: (conversationOptions = {}) => new TestConversation(bot, states, conversationOptions),
    settled: () => app.get(CaseDraftsService).whenIdle(),
    close: () => app.close(),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

let conversationCounter = 0;

/** Sends activities one turn at a time and returns what the bot answered in that turn. */
export class TestConversation {
  readonly adapter: TestAdapter;
  readonly id: string;
  errors: Error[] = [];

  constructor(
    private readonly bot: AntragslotseBot,
    private readonly states: BotStates,
    options: { locale?: string; id?: string; userId?: string },
  ) {
    this.adapter = new TestAdapter((context) => bot.run(context));
    this.id = options.id ?? `conversation-${process.pid}-${++conversationCounter}`;
    this.adapter.conversation.conversation.id = this.id;
    // One family per conversation: the user state (chosen language) must not leak between tests.
    this.adapter.conversation.user = { id: options.userId ?? `family-${this.id}`, name: 'Familie' };
    this.adapter.locale = options.locale ?? 'de-DE';
    this.adapter.conversation.locale = this.adapter.locale;
    // What the channels do (src/channels): log the error's class, tell the family to try again.
    this.adapter.onTurnError = async (context, error) => {
      this.errors.push(error);
      await context.sendActivity(turnFailedReply(context.activity.locale));
    };
  }

  get key(): string {
    return conversationKeyOf('test', this.id);
  }

  /** The family opens the chat (conversationUpdate with the user added). */
  open(): Promise<Partial<Activity>[]> {
    return this.turn({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [this.adapter.conversation.user!],
    });
  }

  say(text: string): Promise<Partial<Activity>[]> {
    return this.turn({ type: ActivityTypes.Message, text });
  }

  tap(action: string, value?: string): Promise<Partial<Activity>[]> {
    return this.turn({
      type: ActivityTypes.Message,
      text: '',
      value: { action, ...(value === undefined ? {} : { value }) },
    });
  }

  /** The letter analysis found values: offered in this conversation the way a proactive message is. */
  async offerLetterValues(proposals: readonly PendingProposal[]): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity(
      { type: ActivityTypes.Event, name: 'letter-values', locale: this.adapter.locale },
      (context) => this.bot.offerLetterValues(context, proposals),
    );
    return this.adapter.activeQueue.splice(0);
  }

  async turn(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    await this.adapter.processActivity({ locale: this.adapter.locale, ...activity });
    return this.adapter.activeQueue.splice(0);
  }

  /** The stored conversation data (read back from the database, decrypted). */
  async stored(): Promise<ConversationData | undefined> {
    const items = await this.states.storage.read([this.key]);
    return (items[this.key] as { data?: ConversationData } | undefined)?.data;
  }
}

/** Texts of the bot's message activities. */
export function textsOf(activities: Partial<Activity>[]): string[] {
  return activities
    .filter((activity) => activity.type === ActivityTypes.Message)
    .map((activity) => activity.text ?? '');
}

/** Titles of all suggested buttons. */
export function buttonsOf(activities: Partial<Activity>[]): string[] {
  return activities.flatMap(
    (activity) => activity.suggestedActions?.actions.map((action) => action.title) ?? [],
  );
}

/** "Title", "Label: Value" lines of the summary Adaptive Cards. */
export function summaryOf(activities: Partial<Activity>[]): string {
  const lines: string[] = [];
  for (const attachment of activities.flatMap((activity) => activity.attachments ?? [])) {
    const card = attachment.content as { body?: Array<Record<string, unknown>> };
    for (const element of card.body ?? []) {
      if (element.type === 'TextBlock') {
        lines.push(String(element.text));
      } else if (element.type === 'ColumnSet') {
        const columns = element.columns as Array<{ items: Array<{ text: string }> }>;
        lines.push(`${columns[0].items[0].text}: ${columns[1].items[0].text}`);
      }
    }
  }
  return lines.join('\n');
}
