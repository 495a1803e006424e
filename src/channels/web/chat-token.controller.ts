import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { ChannelError } from '../channels.errors';
import { DirectLineConversationService } from '../directline/directline-conversation.service';
import { requestBaseUrl } from '../directline/request-base-url.util';
import { isOriginAllowed } from './allowed-origins.util';
import { FixedWindowRateLimiter } from './fixed-window-rate-limiter.util';

/**
 * POST /api/chat/token: a page (the demo or a city's site) gets a Direct Line token for a new
 * conversation without ever seeing the secret. Limited per IP address and to allowed origins.
 */
@ApiTags('chat')
@Controller('api/chat')
export class ChatTokenController {
  private readonly limiter: FixedWindowRateLimiter;

  constructor(
    private readonly conversations: DirectLineConversationService,
    private readonly config: AppConfig,
  ) {
    this.limiter = new FixedWindowRateLimiter(config.CHAT_TOKEN_RATE_LIMIT_PER_MINUTE, 60_000);
  }

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Direct Line token for a new chat conversation (for Web Chat)' })
  async token(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!isOriginAllowed(request.headers.origin, request.headers.host, this.config.CHAT_ALLOWED_ORIGINS)) {
      throw new ChannelError(
        'DIRECTLINE_FORBIDDEN',
        'Diese Seite darf den Chat nicht einbinden. / This origin may not embed the chat.',
      );
    }
    const wait = this.limiter.take(request.ip ?? 'unknown');
    if (wait > 0) {
      response.setHeader('Retry-After', String(wait));
      throw new ChannelError(
        'CHAT_TOKEN_RATE_LIMITED',
        'Zu viele neue Gespräche. Bitte kurz warten. / Too many new chats, please wait.',
      );
    }
    // The user id is random and tied to the token, so nobody can speak as somebody else.
    const userId = `dl_${randomBytes(12).toString('hex')}`;
    const token = await this.conversations.generateToken(
      { kind: 'secret' },
      { user: { id: userId }, locale: (body as { locale?: unknown } | undefined)?.locale },
      requestBaseUrl(request, this.config.PUBLIC_BASE_URL),
    );
    return { ...token, userId };
  }
}
