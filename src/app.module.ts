import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './audit/audit.module';
import { HealthModule } from './health/health.module';
import { PrivacyModule } from './privacy/privacy.module';
import { FillingModule } from './filling/filling.module';
import { ChannelsModule } from './channels/channels.module';

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
        FillingModule.register({ formsDir: config.FORMS_DIR, templateDir: config.templateDir }),
        HealthModule,
        ChannelsModule,
      ],
    };
  }
}
