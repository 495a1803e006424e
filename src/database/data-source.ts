import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { databaseOptions } from './database-options';

// Used by the TypeORM CLI (npm run migration:generate) with the same settings as the service.
export default new DataSource({ ...databaseOptions(loadConfig()), migrationsRun: false });
