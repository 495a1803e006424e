import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { BotRegistry } from '../bot/bot-registry.service';
import { TURN_LOCK, TurnLock } from '../bot/turn-lock.types';
import { turnFailedReply } from '../../bot/activities/turn-failed-reply.util';

/**
 * Azure Bot Service channels (Teams, Telegram via Azure, the Emulator) post activities to
 * /api/messages; botbuilder's CloudAdapter checks their JWT and sends replies to the activity's
 * serviceUrl. Without MICROSOFT_APP_ID, authentication is disabled the way the Emulator expects.
 */
@Injectable()
export class AzureBotService {
  private readonly logger = new Logger('AzureBot');
  private readonly adapter: CloudAdapter;

  constructor(
    private readonly config: AppConfig,
    private readonly bots: BotRegistry,
    @Inject(TURN_LOCK) private readonly turns: TurnLock,
  ) {
    const authentication = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MICROSOFT_APP_ID,
      MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
      MicrosoftAppType: config.MICROSOFT_APP_TYPE,
      MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
    });
    this.adapter = new CloudAdapter(authentication);
    this.adapter.onTurnError = async (context, error) => {
      this.logger.error(
        `Bot turn failed on channel ${context.activity.channelId}: ${error.name}: ${error.message}`,
      );
      await context.sendActivity(turnFailedReply(context.activity.locale));
    };
  }

  get cloudAdapter(): CloudAdapter {
    return this.adapter;
  }

  /** Runs the turn; turns of one conversation wait for each other, as on Direct Line. */
  process(request: Request, response: Response): Promise<void> {
    const conversationId = (request.body as { conversation?: { id?: unknown } } | undefined)?.conversation
      ?.id;
    return this.turns.run(turnKey(conversationId), () =>
      this.adapter.process(request, response, (context) => this.bots.bot.run(context)),
    );
  }

  /** Proactive message (a question back, a letter's explanation): waits for the conversation's turn. */
  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    return this.turns.run(turnKey(reference.conversation?.id), () =>
      this.adapter.continueConversationAsync(this.config.MICROSOFT_APP_ID ?? '', reference, logic),
    );
  }
}

function turnKey(conversationId: unknown): string {
  return `azure:${typeof conversationId === 'string' ? conversationId : ''}`;
}
