import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Activity, TurnContext } from 'botbuilder';
import { DocumentsError } from '../../documents/documents.errors';
import { DocumentsService } from '../../documents/documents.service';
import { InterviewLocale } from '../../interview/interview-state.types';
import { plainReply as reply } from '../activities/plain-reply.util';
import { LetterFlowService } from '../letters/letter-flow.service';
import { ConversationData } from '../state/conversation-data.types';
import {
  ATTACHMENT_READER,
  AttachmentReader,
  inlineAttachmentReader,
  isFileAttachment,
} from './attachment-reader';

/** Takes the files of a message, stores them encrypted and says what happened, in plain words. */
@Injectable()
export class UploadIntakeService {
  private readonly logger = new Logger('Bot');
  private reader?: AttachmentReader;

  constructor(
    private readonly documents: DocumentsService,
    private readonly moduleRef: ModuleRef,
    private readonly letters: LetterFlowService,
  ) {}

  async receive(
    context: TurnContext,
    data: ConversationData,
    conversationKey: string,
    locale: InterviewLocale,
  ): Promise<Partial<Activity>[]> {
    const files = (context.activity.attachments ?? []).filter(isFileAttachment);
    if (files.length === 0) {
      return [];
    }
    if (!data.interview?.consentVersion) {
      return [reply('documentBeforeConsent', locale)];
    }
    const replies: Partial<Activity>[] = [];
    const reading: Partial<Activity>[] = [];
    let saved = 0;
    for (const attachment of files) {
      // The channel's reader first (its own store), then inline files (data: URLs, base64), which
      // every channel may carry; a channel reader answers null for files that are not its own.
      const file =
        (await this.attachmentReader().read(context, attachment)) ??
        (await inlineAttachmentReader.read(context, attachment));
      if (!file) {
        replies.push(reply('documentNotReceived', locale));
        continue;
      }
      try {
        const stored = await this.documents.storeUpload({
          conversationKey,
          fileName: file.name,
          bytes: file.bytes,
        });
        if (data.caseId) {
          await this.documents.attachToCase(conversationKey, data.caseId);
        }
        this.logger.log(`Stored document ${stored.id} (${stored.mediaType}, ${stored.sizeBytes} bytes).`);
        saved++;
        // Every stored file is read as a letter in the background; the answer comes proactively.
        reading.splice(0, reading.length, ...this.letters.accept(context, stored.id, file.bytes, locale));
      } catch (error) {
        if (!(error instanceof DocumentsError)) {
          throw error;
        }
        replies.push(
          error.code === 'DOCUMENT_TOO_LARGE'
            ? reply('documentTooLarge', locale, {
                megabytes: Math.floor((error.limitBytes ?? 0) / 1024 / 1024),
              })
            : error.code === 'DOCUMENT_TYPE_NOT_ALLOWED'
              ? reply('documentTypeNotAllowed', locale)
              : reply('documentNotReceived', locale),
        );
      }
    }
    if (saved > 0) {
      replies.unshift(
        saved === 1 ? reply('documentSaved', locale) : reply('documentsSaved', locale, { count: saved }),
      );
    }
    return [...replies, ...reading];
  }

  private attachmentReader(): AttachmentReader {
    if (!this.reader) {
      try {
        this.reader = this.moduleRef.get<AttachmentReader>(ATTACHMENT_READER, { strict: false });
      } catch {
        this.reader = inlineAttachmentReader;
      }
    }
    return this.reader;
  }
}
