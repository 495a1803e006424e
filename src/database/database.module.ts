import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { databaseOptions } from './database-options';
import { SqliteCheckpointer } from './sqlite-checkpointer.service';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...databaseOptions(config), retryAttempts: 3, retryDelay: 1000 }),
    }),
  ],
  providers: [SqliteCheckpointer],
  exports: [SqliteCheckpointer],
})
export class DatabaseModule {}
