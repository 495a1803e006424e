import {
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  OnApplicationShutdown,
  RequestMethod,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AzureBotService } from './azure/azure-bot.service';
import { BotMessagesController } from './azure/bot-messages.controller';
import { BotRegistry } from './bot/bot-registry.service';
import { ChannelConversationGateway } from './bot/channel-conversation-gateway';
import { RedisTurnLock } from './bot/redis-turn-lock';
import { TURN_LOCK, TurnLock } from './bot/turn-lock.types';
import { TurnQueue } from './bot/turn-queue.util';
import { DirectLineAttachmentReader } from './directline/directline-attachment-reader';
import { CONVERSATION_GATEWAY } from '../bot/proactive/conversation-gateway';
import { ATTACHMENT_READER } from '../bot/uploads/attachment-reader';
import { CONVERSATION_RECORDS } from '../cases/conversation-records.types';
import { DirectLineConversationRecords } from './directline/directline-conversation-records.service';
import { ActivityLogService } from './directline/activity-log.service';
import { AttachmentStoreService } from './directline/attachment-store.service';
import { DirectLineActivityService } from './directline/directline-activity.service';
import { DirectLineConversationService } from './directline/directline-conversation.service';
import { DirectLineStreamGateway } from './directline/directline-stream.gateway';
import { DirectLineTokenService } from './directline/directline-token.service';
import { DirectLineAdapter } from './directline/directline.adapter';
import { DirectLineController } from './directline/directline.controller';
import { DirectLineAttachmentController } from './directline/directline-attachment.controller';
import { DirectLineAttachment } from './directline/entities/directline-attachment.entity';
import { UploadInterceptor } from './directline/upload.interceptor';
import { ACTIVITY_BUS, ActivityBus } from './events/activity-bus.types';
import { InProcessActivityBus } from './events/in-process-activity-bus';
import { RedisActivityBus } from './events/redis-activity-bus';
import { ChatCorsMiddleware } from './web/chat-cors.middleware';
import { ChatTokenController } from './web/chat-token.controller';
import { WebChatController } from './web/web-chat.controller';

/**
 * How families reach the bot: Direct Line 3.0 (REST + WebSocket) for Web Chat, /api/messages for
 * Azure Bot Service channels, and the web widget pages. Exports DirectLineAdapter for proactive
 * messages (continueConversation) and AttachmentStoreService for reading uploads.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DirectLineAttachment])],
  controllers: [
    DirectLineController,
    DirectLineAttachmentController,
    ChatTokenController,
    BotMessagesController,
    WebChatController,
  ],
  providers: [
    {
      provide: ACTIVITY_BUS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): ActivityBus =>
        config.REDIS_URL ? new RedisActivityBus(config.REDIS_URL) : new InProcessActivityBus(),
    },
    {
      provide: TURN_LOCK,
      inject: [AppConfig],
      useFactory: (config: AppConfig): TurnLock =>
        config.REDIS_URL ? new RedisTurnLock(config.REDIS_URL) : new TurnQueue(),
    },
    BotRegistry,
    ActivityLogService,
    AttachmentStoreService,
    DirectLineTokenService,
    DirectLineAdapter,
    DirectLineConversationService,
    DirectLineActivityService,
    DirectLineStreamGateway,
    UploadInterceptor,
    AzureBotService,
    // What the bot module looks up for proactive messages and uploaded files.
    { provide: CONVERSATION_GATEWAY, useClass: ChannelConversationGateway },
    { provide: ATTACHMENT_READER, useClass: DirectLineAttachmentReader },
    // What the cases module looks up to delete and export the conversation log with a case.
    { provide: CONVERSATION_RECORDS, useClass: DirectLineConversationRecords },
  ],
  exports: [
    DirectLineAdapter,
    AttachmentStoreService,
    ActivityLogService,
    ACTIVITY_BUS,
    CONVERSATION_GATEWAY,
    ATTACHMENT_READER,
    CONVERSATION_RECORDS,
  ],
})
export class ChannelsModule implements NestModule, OnApplicationShutdown {
  constructor(
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
    @Inject(TURN_LOCK) private readonly turns: TurnLock,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ChatCorsMiddleware)
      .forRoutes(
        { path: 'v3/directline/*path', method: RequestMethod.ALL },
        { path: 'api/chat/token', method: RequestMethod.ALL },
      );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.bus.close(), this.turns.close()]);
  }
}
