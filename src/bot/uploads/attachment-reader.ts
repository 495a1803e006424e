import type { Attachment, TurnContext } from 'botbuilder';

export interface ReceivedFile {
  name: string;
  bytes: Buffer;
}

/**
 * Gets the bytes of a file the family sent. The channels bind their reader (Direct Line
 * attachment store, Bot Service URLs) under ATTACHMENT_READER; without one, only inline files
 * (data: URLs, base64 content) are read. Nothing is ever fetched from the internet here.
 */
export interface AttachmentReader {
  /** The file, or null when this reader cannot reach it. */
  read(context: TurnContext, attachment: Attachment): Promise<ReceivedFile | null>;
}

export const ATTACHMENT_READER = Symbol('ATTACHMENT_READER');

/** Files are attachments that are not cards. */
export function isFileAttachment(attachment: Attachment): boolean {
  return (
    !attachment.contentType.startsWith('application/vnd.microsoft.') &&
    (attachment.contentUrl !== undefined || attachment.content !== undefined)
  );
}

/** Reads data: URLs and base64 `content`, as test clients and some channels send them. */
export const inlineAttachmentReader: AttachmentReader = {
  read(_context, attachment) {
    const name = attachment.name ?? 'upload';
    const url = attachment.contentUrl ?? '';
    const dataUrl = /^data:[^;,]*(;base64)?,(.*)$/s.exec(url);
    if (dataUrl) {
      const bytes = dataUrl[1]
        ? Buffer.from(dataUrl[2], 'base64')
        : Buffer.from(decodeURIComponent(dataUrl[2]), 'utf8');
      return Promise.resolve({ name, bytes });
    }
    if (typeof attachment.content === 'string') {
      return Promise.resolve({ name, bytes: Buffer.from(attachment.content, 'base64') });
    }
    if (Buffer.isBuffer(attachment.content)) {
      return Promise.resolve({ name, bytes: attachment.content });
    }
    return Promise.resolve(null);
  },
};
