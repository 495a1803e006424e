import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { CasesModule } from '../cases/cases.module';
import { DocumentsModule } from '../documents/documents.module';
import { LettersModule } from '../documents/letters.module';
import { resolveDataKeys } from '../privacy/data-keys.util';
import { AntragslotseBot } from './antragslotse.bot';
import { BOT_CLOCK, systemClock } from './bot-clock';
import { BOT_HANDLER } from './bot.tokens';
import { EngineEffectsService } from './engine-effects.service';
import { FamilyTurnService } from './family-turn.service';
import { InterviewRunner } from './interview-runner.service';
import { LetterDeadlinesService } from './letters/letter-deadlines.service';
import { LetterFlowService } from './letters/letter-flow.service';
import { LetterReminderService } from './letters/letter-reminder.service';
import { LetterReminderSender } from './letters/letter-reminder-sender.service';
import { LetterReadingService } from './letters/letter-reading.service';
import { FamilyLocaleLookup } from './proactive/family-locale.service';
import { ProactiveMessenger } from './proactive/proactive-messenger.service';
import { ResumeCodeCleanupService } from './resume/resume-code-cleanup.service';
import { ResumeCodeHasher } from './resume/resume-code-hasher';
import { ResumeCode } from './resume/resume-code.entity';
import { ResumeCodeService } from './resume/resume-code.service';
import { ResumeFlowService } from './resume/resume-flow.service';
import { RESUME_OPTIONS, ResumeOptions } from './resume/resume.options';
import { BotStates } from './state/bot-states';
import { TypeOrmStorage } from './state/typeorm-storage';
import { UploadIntakeService } from './uploads/upload-intake.service';

/**
 * The Bot Framework bot. The channels find it under BOT_HANDLER; they bind CONVERSATION_GATEWAY
 * (proactive messages) and ATTACHMENT_READER (uploaded files) for it.
 * Needs the global FormRegistry, ApplicationFillerService (FillingModule) and DataCipher.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ResumeCode]), CasesModule, DocumentsModule, LettersModule],
  providers: [
    TypeOrmStorage,
    {
      provide: BotStates,
      inject: [TypeOrmStorage],
      useFactory: (store: TypeOrmStorage) => new BotStates(store),
    },
    { provide: BOT_CLOCK, useValue: systemClock },
    {
      provide: ResumeCodeHasher,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // The same keys as DataCipher (PrivacyModule), so resume codes need no secret of their own.
        const { keys, activeKeyId } = resolveDataKeys({
          keys: config.DATA_ENCRYPTION_KEYS,
          activeKeyId: config.DATA_ENCRYPTION_KEY_ID,
          dataDir: config.DATA_DIR,
          production: config.NODE_ENV === 'production',
        });
        return new ResumeCodeHasher(keys, activeKeyId);
      },
    },
    {
      provide: RESUME_OPTIONS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): ResumeOptions => ({
        ttlDays: config.RESUME_CODE_TTL_DAYS,
        maxAttempts: 5,
      }),
    },
    ResumeCodeService,
    ResumeCodeCleanupService,
    ResumeFlowService,
    InterviewRunner,
    UploadIntakeService,
    LetterFlowService,
    LetterDeadlinesService,
    LetterReminderService,
    LetterReminderSender,
    LetterReadingService,
    EngineEffectsService,
    FamilyTurnService,
    ProactiveMessenger,
    FamilyLocaleLookup,
    {
      provide: AntragslotseBot,
      inject: [BotStates, FamilyTurnService],
      useFactory: (states: BotStates, family: FamilyTurnService) => new AntragslotseBot(states, family),
    },
    { provide: BOT_HANDLER, useExisting: AntragslotseBot },
  ],
  exports: [
    AntragslotseBot,
    BOT_HANDLER,
    ProactiveMessenger,
    FamilyLocaleLookup,
    BotStates,
    ResumeCodeService,
    LetterFlowService,
    LetterDeadlinesService,
    LetterReadingService,
  ],
})
export class BotModule {}
