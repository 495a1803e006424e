import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { isOriginAllowed } from './allowed-origins.util';

/** CORS for the token and Direct Line endpoints, limited to CHAT_ALLOWED_ORIGINS. */
@Injectable()
export class ChatCorsMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    response.vary('Origin');
    if (origin && isOriginAllowed(origin, request.headers.host, this.config.CHAT_ALLOWED_ORIGINS)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, x-ms-bot-agent, x-requested-with',
      );
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      response.setHeader('Access-Control-Max-Age', '600');
    }
    if (request.method === 'OPTIONS') {
      response.status(204).end();
      return;
    }
    next();
  }
}
