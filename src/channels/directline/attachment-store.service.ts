import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { readContent } from '../../database/binary-content.util';
import { insertRows } from '../../database/insert-rows.util';
import { DataCipher } from '../../privacy/data-cipher.service';
import { ChannelError } from '../channels.errors';
import { DirectLineAttachment } from './entities/directline-attachment.entity';

export interface StoredFile {
  id: string;
  conversationId: string;
  contentType: string;
  name: string;
  size: number;
  content: Buffer;
}

/**
 * Files uploaded into a conversation, encrypted at rest in the database (so every instance can
 * serve them). The bot reads them through `read`; clients through the authenticated contentUrl.
 */
@Injectable()
export class AttachmentStoreService {
  constructor(
    @InjectRepository(DirectLineAttachment) private readonly attachments: Repository<DirectLineAttachment>,
    private readonly cipher: DataCipher,
  ) {}

  async save(
    conversationId: string,
    file: { contentType: string; name: string; content: Buffer },
  ): Promise<string> {
    const id = randomUUID();
    const context = contextOf(conversationId, id);
    const row = this.attachments.create({
      id,
      conversationId,
      contentType: file.contentType.slice(0, 120),
      size: file.content.length,
      meta: this.cipher.encryptJson({ name: file.name }, context),
    });
    const content = await this.cipher.encryptAsync(file.content, context);
    await insertRows(this.attachments.manager, DirectLineAttachment, [row], { content: [content] });
    return id;
  }

  async read(conversationId: string, id: string): Promise<StoredFile> {
    const row = await this.attachments.findOneBy({ id, conversationId });
    const content = row && (await readContent(this.attachments.manager, 'directline_attachments', { id }));
    if (!row || !content) {
      throw new ChannelError(
        'DIRECTLINE_ATTACHMENT_NOT_FOUND',
        'Datei nicht gefunden. / Attachment not found.',
      );
    }
    const context = contextOf(conversationId, id);
    return {
      id,
      conversationId,
      contentType: row.contentType,
      size: row.size,
      name: this.cipher.decryptJson<{ name: string }>(row.meta, context).name,
      content: await this.cipher.decryptAsync(content, context),
    };
  }
}

function contextOf(conversationId: string, id: string): string {
  return `directline-attachment:${conversationId}:${id}`;
}

/** The URL under which this service serves an attachment: signed, or with the conversation's token. */
export function attachmentUrl(
  baseUrl: string,
  conversationId: string,
  id: string,
  signature: string,
): string {
  const url = new URL(
    `/v3/directline/conversations/${encodeURIComponent(conversationId)}/attachments/${id}`,
    baseUrl,
  );
  url.searchParams.set('sig', signature);
  return url.toString();
}
