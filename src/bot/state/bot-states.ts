import { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { ConversationData, UserProfile } from './conversation-data.types';
import { StateSlot } from './state-slot';
import { TurnBatchStorage } from './turn-batch-storage';
import { TypeOrmStorage } from './typeorm-storage';

/**
 * Conversation and user state of the bot on the database. `runTurn` wraps a whole turn: both
 * states are saved once at the end, in one transaction; a turn that throws saves nothing.
 */
export class BotStates {
  readonly storage: TurnBatchStorage;
  readonly conversationState: StateSlot;
  readonly userState: StateSlot;
  readonly conversation: StatePropertyAccessor<ConversationData>;
  readonly profile: StatePropertyAccessor<UserProfile>;

  constructor(store: TypeOrmStorage) {
    this.storage = new TurnBatchStorage(store);
    this.conversationState = new StateSlot(this.storage, (context) =>
      conversationKeyOf(
        required(context.activity.channelId, 'channelId'),
        required(context.activity.conversation?.id, 'conversation.id'),
      ),
    );
    this.userState = new StateSlot(this.storage, (context) =>
      userKeyOf(
        required(context.activity.channelId, 'channelId'),
        required(context.activity.from?.id, 'from.id'),
      ),
    );
    this.conversation = this.conversationState.property<ConversationData>('data');
    this.profile = this.userState.property<UserProfile>('profile');
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

/** The key botbuilder's ConversationState uses (its namespace is empty, hence the trailing slash). */
export function conversationKeyOf(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

/** The key botbuilder's UserState uses, so states stored before keep their place. */
export function userKeyOf(channelId: string, userId: string): string {
  return `${channelId}/users/${userId}/`;
}

function required(value: string | undefined, name: string): string {
  if (!value) {
    throw new Error(`missing activity.${name}`);
  }
  return value;
}
