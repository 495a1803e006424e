import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { AppConfig, loadConfig } from './config/app-config';
import { AppLogger } from './logging/app-logger';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { trustProxySetting } from './review/auth/trust-proxy.util';
import { WorkspaceNotFoundFilter } from './review/pages/workspace-not-found.filter';

/** Builds the configured application; main.ts listens, tests use it with supertest. */
export async function createApp(config: AppConfig = loadConfig()): Promise<INestApplication> {
  const logger = new AppLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger,
    bodyParser: true,
  });
  app.enableShutdownHooks();
  return configureApp(app, config);
}

/**
 * What every instance of the service gets, whether created here or from a testing module with
 * overridden providers: body limits, validation, error format, proxy trust and the OpenAPI page.
 */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  const domainErrors = new DomainExceptionFilter();
  // Unknown paths under /review get the workspace's own "Nicht gefunden" page, the rest JSON.
  app.useGlobalFilters(domainErrors, new WorkspaceNotFoundFilter(domainErrors));
  express.disable('x-powered-by');
  // Behind a TLS proxy: request.secure (Secure session cookie) and request.ip from X-Forwarded-*.
  express.set('trust proxy', trustProxySetting(config.TRUST_PROXY));

  const openApi = new DocumentBuilder()
    .setTitle('Antragslotse')
    .setDescription('Hilfe beim Antrag auf Kindergeld und andere Leistungen: API des Dienstes')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
