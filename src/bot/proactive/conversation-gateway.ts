import type { ConversationReference, TurnContext } from 'botbuilder';

/**
 * How the bot reaches a conversation outside a family's turn. The channels implement it (Direct
 * Line: their adapter; Azure Bot Service: CloudAdapter.continueConversationAsync) and bind it
 * under CONVERSATION_GATEWAY.
 */
export interface ConversationGateway {
  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export const CONVERSATION_GATEWAY = Symbol('CONVERSATION_GATEWAY');
