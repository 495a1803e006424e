import { Injectable } from '@nestjs/common';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { ConversationGateway } from '../../bot/proactive/conversation-gateway';
import { AzureBotService } from '../azure/azure-bot.service';
import { DirectLineAdapter } from '../directline/directline.adapter';

/**
 * Proactive messages (the Kümmerer's questions back, reminders): Direct Line conversations go
 * through this service's own log; every other channel through Azure Bot Service. Either way the
 * message waits for a turn of the same conversation in progress (TurnLock).
 */
@Injectable()
export class ChannelConversationGateway implements ConversationGateway {
  constructor(
    private readonly directLine: DirectLineAdapter,
    private readonly azure: AzureBotService,
  ) {}

  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    if (reference.channelId === 'directline') {
      return this.directLine.continueConversation(reference, logic);
    }
    return this.azure.continueConversation(reference, logic);
  }
}
