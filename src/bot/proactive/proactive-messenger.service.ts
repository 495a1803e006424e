import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConversationReference, MessageFactory, TurnContext } from 'botbuilder';
import { askBackStatuses } from '../../cases/case-status.types';
import { CasesError } from '../../cases/cases.errors';
import { CasesRepository } from '../../cases/cases.repository';
import { CasesService } from '../../cases/cases.service';
import { InterviewLocale } from '../../interview/interview-state.types';
import { BotTextKey, botText } from '../bot-texts';
import { BotError } from '../bot.errors';
import { BotStates } from '../state/bot-states';
import { CONVERSATION_GATEWAY, ConversationGateway } from './conversation-gateway';

/**
 * Posts into a family's conversation later: the Kümmerer's questions back, reminders. Uses the
 * ConversationReference stored with the case; the family's answer arrives as a normal message
 * and becomes a "family-reply" note (FamilyTurnService). Status rules: docs/case-status.md.
 */
@Injectable()
export class ProactiveMessenger {
  private gateway?: ConversationGateway;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly casesRepository: CasesRepository,
    private readonly cases: CasesService,
    private readonly states: BotStates,
  ) {}

  /** Posts `text` as is (the Kümmerer writes it; plain text, no Markdown). */
  async sendText(reference: Partial<ConversationReference>, text: string): Promise<void> {
    await this.resolveGateway().continueConversation(reference, async (context) => {
      await context.sendActivity(plainText(text));
    });
  }

  /**
   * A question back: noted on the case (kind "ask-back"), the case waits for the family
   * ("waiting_for_family"), and the question is posted with a short intro in the family's language.
   * Throws BotError CONVERSATION_GATEWAY_MISSING / CONVERSATION_REFERENCE_MISSING and CasesError
   * CASE_STATUS_INVALID (sent or closed cases) before anything is recorded.
   */
  async askBack(caseId: string, text: string, author: string): Promise<string> {
    const { status } = await this.casesRepository.getCase(caseId);
    if (!askBackStatuses.includes(status)) {
      throw new CasesError(
        'CASE_STATUS_INVALID',
        `Case ${caseId} is ${status}; nobody waits for an answer.`,
        [
          status === 'sent'
            ? 'Der Fall ist schon abgeschickt. Eine Rückfrage an die Familie ist nicht mehr möglich.'
            : 'Der Fall ist abgeschlossen. Eine Rückfrage an die Familie ist nicht mehr möglich.',
          'The case is sent or closed; no question can be sent to the family.',
        ],
      );
    }
    const gateway = this.resolveGateway();
    const reference = await this.referenceOf(caseId);
    const noteId = await this.cases.addNote(caseId, { author, kind: 'ask-back', text });
    await this.cases.changeStatus(caseId, 'waiting_for_family', author);
    await gateway.continueConversation(reference, async (context) => {
      const locale = await this.localeOf(context, await this.chosenLocale(context));
      await context.sendActivity(
        plainText(
          `${botText('askBackIntro', locale)}\n\n${text}\n\n${botText('askBackHowToReply', locale)}`,
          locale,
        ),
      );
    });
    return noteId;
  }

  /** A reminder in the family's language (default: "your contact person is waiting"); noted as "reminder". */
  async remind(caseId: string, key: BotTextKey = 'reminderWaiting'): Promise<void> {
    const gateway = this.resolveGateway();
    const reference = await this.referenceOf(caseId);
    await gateway.continueConversation(reference, async (context) => {
      const locale = await this.localeOf(context, await this.chosenLocale(context));
      await context.sendActivity(plainText(botText(key, locale), locale));
    });
    // The note text is German: it is for the Kümmerer, whatever language the family reads.
    await this.cases.addNote(caseId, { author: 'system', kind: 'reminder', text: botText(key, 'de') });
  }

  private async referenceOf(caseId: string): Promise<Partial<ConversationReference>> {
    const reference = await this.casesRepository.findConversationReference(caseId);
    if (!reference) {
      throw new BotError('CONVERSATION_REFERENCE_MISSING', `Case ${caseId} has no conversation to write to.`);
    }
    return reference;
  }

  /**
   * The language the family chats in now (their interview's, which follows the language switcher),
   * else `fallback` (German) when the conversation holds no interview (moved on with a resume code).
   */
  async localeOf(context: TurnContext, fallback: InterviewLocale = 'de'): Promise<InterviewLocale> {
    const data = await this.states.conversation.get(context);
    return data?.interview?.locale ?? fallback;
  }

  /**
   * Without an interview in the conversation: the language the family chose last (user state), as
   * the workspace shows it (FamilyLocaleLookup), so the intro and the prefilled question agree.
   */
  private async chosenLocale(context: TurnContext): Promise<InterviewLocale> {
    return (await this.states.profile.get(context, {})).locale ?? 'de';
  }

  private resolveGateway(): ConversationGateway {
    if (!this.gateway) {
      try {
        // Looked up lazily: the channels depend on the bot, so the bot cannot import them.
        this.gateway = this.moduleRef.get<ConversationGateway>(CONVERSATION_GATEWAY, { strict: false });
      } catch {
        throw new BotError('CONVERSATION_GATEWAY_MISSING', 'No channel provides proactive messages.');
      }
    }
    return this.gateway;
  }
}

function plainText(text: string, locale?: InterviewLocale) {
  const activity = MessageFactory.text(text);
  activity.textFormat = 'plain';
  if (locale) {
    const direction = locale === 'ar' ? 'rtl' : 'ltr';
    activity.locale = locale;
    activity.channelData = { direction, kind: 'proactive' };
    activity.entities = [{ type: 'textDirection', direction, locale }];
  }
  return activity;
}
