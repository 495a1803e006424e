import { Injectable } from '@nestjs/common';
import type { Activity, Attachment } from 'botbuilder';
import { ChannelError } from '../channels.errors';
import { ActivityLogService, ActivityPage } from './activity-log.service';
import { AttachmentStoreService, attachmentUrl, StoredFile } from './attachment-store.service';
import { DirectLineAdapter } from './directline.adapter';
import { DirectLineCaller, DirectLineTokenService } from './directline-token.service';
import { UploadedPart } from './directline.types';
import { normalizeUserActivity } from './normalize-user-activity.util';

/** Sending, polling and uploading in one conversation; every call checks the caller's binding. */
@Injectable()
export class DirectLineActivityService {
  constructor(
    private readonly tokens: DirectLineTokenService,
    private readonly log: ActivityLogService,
    private readonly adapter: DirectLineAdapter,
    private readonly files: AttachmentStoreService,
  ) {}

  /** Stores the family's activity, runs the bot's turn, and returns the activity id (as Direct Line does, after the turn). */
  async post(
    caller: DirectLineCaller,
    conversationId: string,
    body: unknown,
    serviceUrl: string,
  ): Promise<{ id: string }> {
    await this.authorize(caller, conversationId);
    return this.deliver(normalizeUserActivity(body, caller, conversationId, serviceUrl), conversationId);
  }

  async list(
    caller: DirectLineCaller,
    conversationId: string,
    watermark: string | undefined,
    limit?: number,
  ): Promise<ActivityPage> {
    await this.authorize(caller, conversationId);
    return this.log.listAfter(conversationId, watermark, limit);
  }

  /** Multipart upload: "file" parts become attachments; an optional "activity" part carries text and channelData. */
  async upload(
    caller: DirectLineCaller,
    conversationId: string,
    userId: string | undefined,
    parts: UploadedPart[],
    serviceUrl: string,
  ): Promise<{ id: string }> {
    await this.authorize(caller, conversationId);
    const activityPart = parts.find((part) => part.fieldname === 'activity');
    const fileParts = parts.filter((part) => part.fieldname !== 'activity');
    if (fileParts.length === 0) {
      throw new ChannelError(
        'DIRECTLINE_UPLOAD_EMPTY',
        'Es wurde keine Datei mitgeschickt. / No file was uploaded.',
      );
    }
    const template = activityPart
      ? parseActivityPart(activityPart)
      : { type: 'message', from: { id: userId } };
    const attachments: Attachment[] = [];
    for (const part of fileParts) {
      const name = part.originalname || 'datei';
      const id = await this.files.save(conversationId, {
        contentType: part.mimetype,
        name,
        content: part.buffer,
      });
      attachments.push({
        contentType: part.mimetype,
        name,
        contentUrl: attachmentUrl(
          serviceUrl,
          conversationId,
          id,
          this.tokens.signAttachment(conversationId, id),
        ),
      });
    }
    const activity = normalizeUserActivity({ ...template, attachments }, caller, conversationId, serviceUrl);
    return this.deliver(activity, conversationId);
  }

  /** An attachment for a caller with a token or secret, or for a link whose signature matches. */
  async readAttachment(
    access: { caller: DirectLineCaller } | { signature: string },
    conversationId: string,
    attachmentId: string,
  ): Promise<StoredFile> {
    if ('caller' in access) {
      await this.authorize(access.caller, conversationId);
    } else if (!this.tokens.verifyAttachment(conversationId, attachmentId, access.signature)) {
      throw new ChannelError('DIRECTLINE_FORBIDDEN', 'Ungültiger Link. / Invalid attachment link.');
    }
    return this.files.read(conversationId, attachmentId);
  }

  private async authorize(caller: DirectLineCaller, conversationId: string): Promise<void> {
    this.tokens.assertConversation(caller, conversationId);
    await this.log.assertExists(conversationId);
  }

  private async deliver(activity: Partial<Activity>, conversationId: string): Promise<{ id: string }> {
    const stored = await this.log.append(conversationId, activity);
    await this.adapter.processActivity(stored);
    return { id: stored.id ?? '' };
  }
}

function parseActivityPart(part: UploadedPart): Record<string, unknown> {
  try {
    const value = JSON.parse(part.buffer.toString('utf8')) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // Reported below.
  }
  throw new ChannelError(
    'DIRECTLINE_ACTIVITY_INVALID',
    'Der Teil "activity" ist kein JSON-Objekt. / The activity part is not a JSON object.',
  );
}
