import { Activity, ActivityTypes, ConversationReference, TurnContext } from 'botbuilder';
import { ConversationGateway } from '../../src/bot/proactive/conversation-gateway';
import { TestConversation } from './bot-harness';

/**
 * A ConversationGateway for tests: continues the TestAdapter conversation whose id the reference
 * names and keeps what was posted there (so it does not mix with the next turn's replies).
 */
export class InMemoryConversationGateway implements ConversationGateway {
  private readonly conversations = new Map<string, TestConversation>();
  /** Everything posted proactively, by conversation id. */
  readonly posted = new Map<string, Partial<Activity>[]>();

  /** Makes a conversation reachable (the channels know every open conversation). */
  connect(conversation: TestConversation): void {
    this.conversations.set(conversation.id, conversation);
  }

  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const id = reference.conversation?.id ?? '';
    const conversation = this.conversations.get(id);
    if (!conversation) {
      throw new Error(`No open conversation ${id}.`);
    }
    await conversation.adapter.processActivity({ type: ActivityTypes.Event, name: 'proactive' }, logic);
    this.posted.set(id, [...(this.posted.get(id) ?? []), ...conversation.adapter.activeQueue.splice(0)]);
  }
}
