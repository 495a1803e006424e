import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConversationReference, MessageFactory } from 'botbuilder';
import { DocumentsService } from '../../documents/documents.service';
import { InterviewLocale } from '../../interview/interview-state.types';
import { botText } from '../bot-texts';
import { BotError } from '../bot.errors';
import { CONVERSATION_GATEWAY, ConversationGateway } from '../proactive/conversation-gateway';
import { ProactiveMessenger } from '../proactive/proactive-messenger.service';
import type { DueReminder } from './letter-deadlines.service';

const reminderKey = 'reminderLetterDeadline';

/**
 * Sends one deadline reminder. With a case: through ProactiveMessenger (noted on the case). Before
 * submission: into the chat the letter came in (its conversation reference is stored with the
 * analysis), in the chat's language now (the letter's when the chat holds no interview any more).
 */
@Injectable()
export class LetterReminderSender {
  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly documents: DocumentsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Throws (BotError CONVERSATION_REFERENCE_MISSING, gateway errors) when the family cannot be reached. */
  async send(reminder: DueReminder): Promise<void> {
    if (reminder.caseId) {
      await this.messenger.remind(reminder.caseId, reminderKey);
      return;
    }
    const reference = (await this.documents.findConversationReference(
      reminder.documentId,
    )) as Partial<ConversationReference> | null;
    if (!reference) {
      throw new BotError(
        'CONVERSATION_REFERENCE_MISSING',
        `Document ${reminder.documentId} has no chat to write to.`,
      );
    }
    await this.gateway().continueConversation(reference, async (context) => {
      // The chat's language now: the family may have switched it since the letter was explained.
      const locale = await this.messenger.localeOf(context, reminder.locale as InterviewLocale);
      const activity = MessageFactory.text(botText(reminderKey, locale));
      const direction = locale === 'ar' ? 'rtl' : 'ltr';
      activity.textFormat = 'plain';
      activity.locale = locale;
      activity.channelData = { direction, kind: 'proactive' };
      activity.entities = [{ type: 'textDirection', direction, locale }];
      await context.sendActivity(activity);
    });
  }

  private gateway(): ConversationGateway {
    try {
      // Looked up lazily: the channels depend on the bot, so the bot cannot import them.
      return this.moduleRef.get<ConversationGateway>(CONVERSATION_GATEWAY, { strict: false });
    } catch {
      throw new BotError('CONVERSATION_GATEWAY_MISSING', 'No channel provides proactive messages.');
    }
  }
}
