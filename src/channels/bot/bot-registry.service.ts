import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AppConfig } from '../../config/app-config';
import { BOT_HANDLER } from '../../bot/bot.tokens';
import { EchoBot } from '../echo/echo.bot';
import { BotStates } from '../../bot/state/bot-states';
import { BotHandler, TurnCommit } from './bot-handler.types';

/**
 * Finds the bot once at start-up: whatever the bot module binds to BOT_HANDLER, or the echo bot
 * when BOT=echo or nothing is bound. Looked up lazily (not injected) so the bot may depend on the
 * channels for proactive messages without a circular import.
 */
@Injectable()
export class BotRegistry implements OnModuleInit {
  private readonly logger = new Logger('Channels');
  private handler: BotHandler = new EchoBot();
  private chosen: 'antragslotse' | 'echo' = 'echo';
  private commit?: TurnCommit;

  constructor(
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    if (this.config.BOT === 'echo') {
      return;
    }
    try {
      this.handler = this.moduleRef.get<BotHandler>(BOT_HANDLER, { strict: false });
      this.chosen = 'antragslotse';
    } catch {
      this.logger.warn('No bot is bound to BOT_HANDLER: the echo bot answers.');
      return;
    }
    try {
      this.commit = this.moduleRef.get(BotStates, { strict: false }).storage;
    } catch {
      // A bot without the state storage: its replies are stored on their own.
    }
  }

  get bot(): BotHandler {
    return this.handler;
  }

  /** The bot's per-turn transaction, which a channel joins with the turn's replies; none for echo. */
  get turnCommit(): TurnCommit | undefined {
    return this.commit;
  }

  get kind(): 'antragslotse' | 'echo' {
    return this.chosen;
  }
}
