import { Injectable } from '@nestjs/common';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { ConversationGateway } from '../../bot/proactive/conversation-gateway';
import { AppConfig } from '../../config/app-config';
import { AzureBotService } from '../azure/azure-bot.service';
import { DirectLineAdapter } from '../directline/directline.adapter';

/**
 * Proactive messages (the Kümmerer's questions back, reminders): Direct Line conversations go
 * through this service's own log; every other channel through Azure Bot Service.
 */
@Injectable()
export class ChannelConversationGateway implements ConversationGateway {
  constructor(
    private readonly directLine: DirectLineAdapter,
    private readonly azure: AzureBotService,
    private readonly config: AppConfig,
  ) {}

  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    if (reference.channelId === 'directline') {
      return this.directLine.continueConversation(reference, logic);
    }
    return this.azure.cloudAdapter.continueConversationAsync(
      this.config.MICROSOFT_APP_ID ?? '',
      reference,
      logic,
    );
  }
}
