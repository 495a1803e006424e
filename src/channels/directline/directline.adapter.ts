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
import { ChannelError } from '../channels.errors';
import { ActivityLogService } from './activity-log.service';
import { turnFailedReply } from '../../bot/activities/turn-failed-reply.util';

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

  /** The activities of one call are stored together (one commit); a "delay" first stores what came before it. */
  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
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
