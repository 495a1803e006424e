import type { EntityManager } from 'typeorm';

/** A channel's record of the family's conversation, decrypted, for the privacy export. */
export interface ConversationRecordsExport {
  channel: string;
  conversationId: string;
  /** Every activity of both sides, oldest first. */
  activities: object[];
  /** Files sent through the channel (before the bot stored them as uploads). */
  attachments: Array<{
    id: string;
    name: string;
    contentType: string;
    size: number;
    contentBase64: string;
  }>;
}

/**
 * What a channel keeps about a conversation besides the case (e.g. the Direct Line log). The
 * channels bind it under CONVERSATION_RECORDS; the case deletion and export include it.
 */
export interface ConversationRecords {
  /** Deletes everything kept about the conversation, inside the case deletion's transaction. */
  erase(manager: EntityManager, conversationKey: string): Promise<void>;
  /** The decrypted records, or null when the conversation is not this channel's. */
  export(conversationKey: string): Promise<ConversationRecordsExport | null>;
}

export const CONVERSATION_RECORDS = Symbol('CONVERSATION_RECORDS');
