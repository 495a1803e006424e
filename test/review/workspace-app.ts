import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { configureApp } from '../../src/app.factory';
import { AppModule } from '../../src/app.module';
import { AntragslotseBot } from '../../src/bot/antragslotse.bot';
import { CONVERSATION_GATEWAY } from '../../src/bot/proactive/conversation-gateway';
import { BotStates } from '../../src/bot/state/bot-states';
import { CaseDraftsService } from '../../src/cases/case-drafts.service';
import { loadConfig } from '../../src/config/app-config';
import { BotHarness, TestConversation } from '../support/bot-harness';
import { InMemoryConversationGateway } from '../support/in-memory-gateway';

export interface WorkspaceApp {
  app: INestApplication;
  dataDir: string;
  /** The app's real bot through botbuilder's TestAdapter, for families that submit cases. */
  bot: BotHarness;
}

/**
 * The whole service for workspace tests: SQLite in a fresh folder, no installed templates,
 * chat cases in Essen-Altendorf, and optionally an in-memory gateway for ask-back messages.
 */
export async function startWorkspaceApp(
  name: string,
  options: {
    env?: Record<string, string>;
    gateway?: InMemoryConversationGateway;
    listen?: boolean;
    /** An earlier app's data folder: the same database and data key, as after a restart. */
    dataDir?: string;
  } = {},
): Promise<WorkspaceApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `antragslotse-${name}-`));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    FORMS_TEMPLATE_DIR: join(dataDir, 'no-templates'),
    DEFAULT_TEAM: 'Essen-Altendorf',
    ...options.env,
  });
  let builder = Test.createTestingModule({ imports: [AppModule.register(config)] });
  if (options.gateway) {
    builder = builder.overrideProvider(CONVERSATION_GATEWAY).useValue(options.gateway);
  }
  const app = (await builder.compile()).createNestApplication({ logger: false });
  configureApp(app, config);
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
  } else {
    await app.init();
  }
  const bot: BotHarness = {
    app,
    clock: { current: new Date(), now: () => new Date(), setToday: () => undefined },
    dataDir,
    conversation: (conversationOptions = {}) =>
      new TestConversation(app.get(AntragslotseBot), app.get(BotStates), conversationOptions),
    settled: () => app.get(CaseDraftsService).whenIdle(),
    close: () => Promise.resolve(),
    remove: () => undefined,
  };
  return { app, dataDir, bot };
}
