import { ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { ConversationData, UserProfile } from './conversation-data.types';
import { TurnBatchStorage } from './turn-batch-storage';
import { TypeOrmStorage } from './typeorm-storage';

/**
 * Conversation and user state of the bot on the database. `runTurn` wraps a whole turn: both
 * states are saved once at the end, in one transaction; a turn that throws saves nothing.
 */
export class BotStates {
  readonly storage: TurnBatchStorage;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly conversation: StatePropertyAccessor<ConversationData>;
  readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(store: TypeOrmStorage) {
    this.storage = new TurnBatchStorage(store);
    this.conversationState = new ConversationState(this.storage);
    this.userState = new UserState(this.storage);
    this.conversation = this.conversationState.createProperty<ConversationData>('data');
    this.profile = this.userState.createProperty<UserProfile>('profile');
  }

  async runTurn(context: TurnContext, work: () => Promise<void>): Promise<void> {
    await this.storage.runTurn(async () => {
      await work();
      await this.conversationState.saveChanges(context);
      await this.userState.saveChanges(context);
    });
  }

  /** botbuilder's storage key of the turn's conversation ("directline/conversations/<id>/"). */
  conversationKey(context: TurnContext): string {
    return conversationKeyOf(context.activity.channelId, context.activity.conversation.id);
  }
}

/** The same key ConversationState uses (its namespace is empty, hence the trailing slash). */
export function conversationKeyOf(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}
