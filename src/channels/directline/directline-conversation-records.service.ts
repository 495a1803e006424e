import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConversationRecords, ConversationRecordsExport } from '../../cases/conversation-records.types';
import { ActivityLogService } from './activity-log.service';
import { AttachmentStoreService } from './attachment-store.service';
import { DirectLineActivity } from './entities/directline-activity.entity';
import { DirectLineAttachment } from './entities/directline-attachment.entity';
import { DirectLineConversation } from './entities/directline-conversation.entity';

// The bot's conversation key (conversationKeyOf in src/bot/state/bot-states.ts) for Direct Line.
const directLineKey = /^directline\/conversations\/([^/]+)\/$/;

/** The Direct Line log and attachments of a family's conversation: deleted and exported with the case. */
@Injectable()
export class DirectLineConversationRecords implements ConversationRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: ActivityLogService,
    private readonly files: AttachmentStoreService,
  ) {}

  async erase(manager: EntityManager, conversationKey: string): Promise<void> {
    const conversationId = directLineKey.exec(conversationKey)?.[1];
    if (!conversationId) {
      return;
    }
    await manager.getRepository(DirectLineActivity).delete({ conversationId });
    await manager.getRepository(DirectLineAttachment).delete({ conversationId });
    // Without its conversation row, every token for it is refused from now on.
    await manager.getRepository(DirectLineConversation).delete({ id: conversationId });
  }

  async export(conversationKey: string): Promise<ConversationRecordsExport | null> {
    const conversationId = directLineKey.exec(conversationKey)?.[1];
    if (!conversationId || !(await this.log.exists(conversationId))) {
      return null;
    }
    const activities: object[] = [];
    let watermark: string | undefined;
    for (;;) {
      const page = await this.log.listAfter(conversationId, watermark, 500);
      activities.push(...page.activities);
      if (page.activities.length === 0 || page.watermark === watermark) {
        break;
      }
      watermark = page.watermark;
    }
    const rows = await this.dataSource
      .getRepository(DirectLineAttachment)
      .find({ where: { conversationId }, select: { id: true }, order: { createdAt: 'ASC' } });
    const attachments = await Promise.all(
      rows.map(async ({ id }) => {
        const file = await this.files.read(conversationId, id);
        return {
          id,
          name: file.name,
          contentType: file.contentType,
          size: file.size,
          contentBase64: file.content.toString('base64'),
        };
      }),
    );
    return { channel: 'directline', conversationId, activities, attachments };
  }
}
