import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  Logger.log(
    `Antragslotse listens on http://${config.HOST}:${config.PORT} (database: ${config.databaseKind})`,
    'Bootstrap',
  );
}

bootstrap().catch((error: unknown) => {
  // The logger may not exist yet (invalid configuration): print the reason plainly and stop.
  process.stderr.write(
    `Antragslotse could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
