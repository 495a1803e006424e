import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { HealthModule } from './health/health.module';
import { PrivacyModule } from './privacy/privacy.module';
import { FillingModule } from './filling/filling.module';
import { ChannelsModule } from './channels/channels.module';
import { ReviewModule } from './review/review.module';
import { BotModule } from './bot/bot.module';
import { LettersModule } from './documents/letters.module';

@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        PrivacyModule,
        AuditModule,
        // Global: cases (src/cases) and later the review fill PDFs through ApplicationFillerService.
        {
          ...FillingModule.register({
            formsDir: config.FORMS_DIR,
            templateDir: config.templateDir,
            pdfWorkers: config.PDF_WORKERS,
          }),
          global: true,
        },
        HealthModule,
        ChannelsModule,
        ReviewModule,
        BotModule,
        // OCR workers start on the first letter, not with the service.
        LettersModule,
      ],
    };
  }
}
