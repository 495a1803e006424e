import { Injectable } from '@nestjs/common';
import type { ConversationReference } from 'botbuilder';
import { CasesRepository } from '../../cases/cases.repository';
import { InterviewLocale } from '../../interview/interview-state.types';
import { ConversationData, UserProfile } from '../state/conversation-data.types';
import { conversationKeyOf, userKeyOf } from '../state/bot-states';
import { TypeOrmStorage } from '../state/typeorm-storage';

/**
 * The language a case's family chats in, read outside a turn (for the workspace, which must not
 * import botbuilder): the interview's locale in the conversation state of the case's conversation
 * reference (it follows the language switcher; ProactiveMessenger.localeOf reads the same inside a
 * turn), else the language the family chose last (user state). Null when neither is stored.
 */
@Injectable()
export class FamilyLocaleLookup {
  constructor(
    private readonly cases: CasesRepository,
    private readonly storage: TypeOrmStorage,
  ) {}

  async localeOfCase(caseId: string): Promise<InterviewLocale | null> {
    const reference = (await this.cases.findConversationReference(
      caseId,
    )) as Partial<ConversationReference> | null;
    const channelId = reference?.channelId;
    const conversationId = reference?.conversation?.id;
    if (!channelId || !conversationId) {
      return null;
    }
    const conversationKey = conversationKeyOf(channelId, conversationId);
    const userKey = reference.user?.id ? userKeyOf(channelId, reference.user.id) : undefined;
    const items = await this.storage.read(userKey ? [conversationKey, userKey] : [conversationKey]);
    const conversation = items[conversationKey] as { data?: ConversationData } | undefined;
    const user = userKey ? (items[userKey] as { profile?: UserProfile } | undefined) : undefined;
    return conversation?.data?.interview?.locale ?? user?.profile?.locale ?? null;
  }
}
