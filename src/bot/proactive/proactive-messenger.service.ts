import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ConversationReference, MessageFactory } from 'botbuilder';
import { CasesRepository } from '../../cases/cases.repository';
import { CasesService } from '../../cases/cases.service';
import { BotError } from '../bot.errors';
import { CONVERSATION_GATEWAY, ConversationGateway } from './conversation-gateway';

/**
 * Posts into a family's conversation later: the Kümmerer's questions back, reminders. Uses the
 * ConversationReference stored with the case; the family's answer arrives as a normal message
 * and becomes a "family-reply" note (FamilyTurnService).
 */
@Injectable()
export class ProactiveMessenger {
  private gateway?: ConversationGateway;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly casesRepository: CasesRepository,
    private readonly cases: CasesService,
  ) {}

  /** Posts `text` as is (the Kümmerer writes it; plain text, no Markdown). */
  async sendText(reference: Partial<ConversationReference>, text: string): Promise<void> {
    await this.resolveGateway().continueConversation(reference, async (context) => {
      const activity = MessageFactory.text(text);
      activity.textFormat = 'plain';
      await context.sendActivity(activity);
    });
  }

  /** A question back: noted on the case, the case waits for the family, the question is posted. */
  async askBack(caseId: string, text: string, author: string): Promise<string> {
    const reference = await this.referenceOf(caseId);
    const noteId = await this.cases.addNote(caseId, { author, kind: 'ask-back', text });
    await this.cases.changeStatus(caseId, 'waiting_for_family', author);
    await this.sendText(reference, text);
    return noteId;
  }

  /** A reminder for a case's family; not recorded as a note. */
  async remind(caseId: string, text: string): Promise<void> {
    await this.sendText(await this.referenceOf(caseId), text);
  }

  private async referenceOf(caseId: string): Promise<Partial<ConversationReference>> {
    const reference = await this.casesRepository.findConversationReference(caseId);
    if (!reference) {
      throw new BotError('CONVERSATION_REFERENCE_MISSING', `Case ${caseId} has no conversation to write to.`);
    }
    return reference as Partial<ConversationReference>;
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
