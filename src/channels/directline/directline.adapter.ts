import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotRegistry } from '../bot/bot-registry.service';
import { TURN_LOCK, TurnLock } from '../bot/turn-lock.types';
import type { TurnCommit } from '../bot/bot-handler.types';
import { ChannelError } from '../channels.errors';
import { ActivityLogService } from './activity-log.service';
import { turnFailedReply } from '../../bot/activities/turn-failed-reply.util';

/** The turn's messages held back for its commit (DirectLineAdapter.storeWithTurn). */
const heldBackKey = Symbol('directline messages held back for the turn commit');

/** A message of the turn's own conversation: what a turn's commit may store. */
function isTurnMessage(context: TurnContext, activity: Partial<Activity>): boolean {
  const conversationId = activity.conversation?.id;
  return (
    (activity.type === undefined || activity.type === String(ActivityTypes.Message)) &&
    (conversationId === undefined || conversationId === context.activity.conversation.id)
  );
}

/**
 * botbuilder's side of Direct Line: runs the bot for each activity a family sends, one turn at a
 * time per conversation (across instances with Redis, see TurnLock), and appends what the bot sends to the conversation log, from where the
 * REST poll and the WebSocket stream deliver it.
 */
@Injectable()
export class DirectLineAdapter extends BotAdapter {
  private readonly logger = new Logger('DirectLine');

  constructor(
    private readonly log: ActivityLogService,
    private readonly bots: BotRegistry,
    @Inject(TURN_LOCK) private readonly turns: TurnLock,
  ) {
    super();
    this.onTurnError = async (context, error) => {
      // Only the error's class and message: they never hold what the family typed.
      this.logger.error(`Bot turn failed in a Direct Line conversation: ${error.name}: ${error.message}`);
      await context.sendActivity(turnFailedReply(context.activity.locale));
    };
  }

  /** Runs one bot turn for an activity that is already in the log; waits for earlier turns. */
  processActivity(activity: Activity): Promise<void> {
    const conversationId = activity.conversation.id;
    return this.turns.run(conversationId, () =>
      this.runMiddleware(new TurnContext(this, activity), (context) => this.bots.bot.run(context)),
    );
  }

  /**
   * The activities of one call are stored together (one commit); a "delay" first stores what came
   * before it. The messages of a bot turn with state (BotRegistry.turnCommit) are stored in the turn's
   * own commit, with its state: one commit (one fsync on SQLite) less per turn, and a turn that
   * fails shows none of its replies, only the failure message. Anything else (typing, a delay, an
   * event) goes out at once, after the messages held back before it.
   */
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const storage = this.bots.turnCommit;
    if (storage?.inTurn) {
      if (activities.every((activity) => isTurnMessage(context, activity))) {
        return this.storeWithTurn(context, storage, activities);
      }
      await this.storeHeldBack(context);
    }
    const responses: ResourceResponse[] = [];
    const conversationOf = (activity: Partial<Activity>) =>
      activity.conversation?.id ?? context.activity.conversation.id;
    let batch: Array<{ index: number; activity: Partial<Activity> }> = [];
    const flush = async () => {
      if (batch.length === 0) {
        return;
      }
      const conversationId = conversationOf(batch[0].activity);
      const stored = await this.log.appendAll(
        conversationId,
        batch.map((entry) => entry.activity),
      );
      stored.forEach((activity, position) => (responses[batch[position].index] = { id: activity.id ?? '' }));
      batch = [];
    };
    for (const [index, activity] of activities.entries()) {
      if (activity.type === 'delay') {
        await flush();
        await sleep(typeof activity.value === 'number' ? Math.min(activity.value, 10_000) : 1000);
        responses[index] = { id: '' };
      } else if (activity.type === ActivityTypes.InvokeResponse || activity.type === 'trace') {
        // Nothing to deliver to a Direct Line client.
        responses[index] = { id: '' };
      } else {
        // One batch is one conversation's: a reply for another conversation starts a new batch.
        if (batch.length > 0 && conversationOf(batch[0].activity) !== conversationOf(activity)) {
          await flush();
        }
        batch.push({ index, activity: { ...activity, channelId: 'directline' } });
      }
    }
    await flush();
    return responses;
  }

  /** Holds the messages back for the turn's commit; their ids are known only then (none is used). */
  private async storeWithTurn(
    context: TurnContext,
    storage: TurnCommit,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    let held = context.turnState.get<Partial<Activity>[] | undefined>(heldBackKey);
    if (!held) {
      const messages: Partial<Activity>[] = [];
      held = messages;
      context.turnState.set(heldBackKey, messages);
      const conversationId = context.activity.conversation.id;
      let publish: (() => Promise<void>) | undefined;
      await storage.commitWithTurn(
        async (manager) => {
          const batch = messages.splice(0);
          if (batch.length > 0) {
            publish = (await this.log.appendAllWithin(manager, conversationId, batch)).publish;
          }
        },
        async () => publish?.(),
      );
    }
    held.push(...activities.map((activity) => ({ ...activity, channelId: 'directline' })));
    return activities.map(() => ({ id: '' }));
  }

  /** Stores at once the messages held back in this turn (something must go out after them now). */
  private async storeHeldBack(context: TurnContext): Promise<void> {
    const held = context.turnState.get<Partial<Activity>[] | undefined>(heldBackKey);
    if (held && held.length > 0) {
      await this.log.appendAll(context.activity.conversation.id, held.splice(0));
    }
  }

  updateActivity(): Promise<void> {
    return Promise.reject(
      new ChannelError('DIRECTLINE_ACTIVITY_INVALID', 'Direct Line activities cannot be changed.'),
    );
  }

  deleteActivity(): Promise<void> {
    return Promise.reject(
      new ChannelError('DIRECTLINE_ACTIVITY_INVALID', 'Direct Line activities cannot be deleted.'),
    );
  }

  /** Proactive message: runs `logic` in a turn of the referenced conversation, queued like any turn. */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const conversationId = reference.conversation?.id;
    if (!conversationId) {
      throw new ChannelError(
        'DIRECTLINE_CONVERSATION_NOT_FOUND',
        'The conversation reference has no conversation id.',
      );
    }
    await this.log.assertExists(conversationId);
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    ) as Activity;
    await this.turns.run(conversationId, () => this.runMiddleware(new TurnContext(this, activity), logic));
  }
}
