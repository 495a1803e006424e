import { Injectable } from '@nestjs/common';
import type { Attachment, TurnContext } from 'botbuilder';
import { AttachmentReader, ReceivedFile } from '../../bot/uploads/attachment-reader';
import { AttachmentStoreService } from './attachment-store.service';

const ownAttachment = /\/v3\/directline\/conversations\/([^/]+)\/attachments\/([0-9a-f-]{36})$/;

/**
 * Gives the bot the bytes of a file uploaded through Direct Line, straight from the store (no
 * HTTP round trip). Only files of the turn's own conversation; anything else is not ours (null).
 */
@Injectable()
export class DirectLineAttachmentReader implements AttachmentReader {
  constructor(private readonly store: AttachmentStoreService) {}

  async read(context: TurnContext, attachment: Attachment): Promise<ReceivedFile | null> {
    let path: string;
    try {
      path = new URL(attachment.contentUrl ?? '').pathname;
    } catch {
      return null;
    }
    const match = ownAttachment.exec(path);
    const conversationId = match ? decodeURIComponent(match[1]) : undefined;
    if (!match || conversationId !== context.activity.conversation?.id) {
      return null;
    }
    const file = await this.store.read(conversationId, match[2]);
    return { name: file.name, bytes: file.content };
  }
}
