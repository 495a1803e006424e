import { Injectable } from '@nestjs/common';
import { Activity, ActivityTypes } from 'botbuilder';
import { randomBytes } from 'node:crypto';
import { botAccount } from '../bot/bot-handler.types';
import { ChannelError } from '../channels.errors';
import { ActivityLogService } from './activity-log.service';
import { DirectLineAdapter } from './directline.adapter';
import { DirectLineCaller, DirectLineTokenService } from './directline-token.service';
import { ConversationResponse, StartRequest, TokenResponse } from './directline.types';

/**
 * Conversations and their tokens: generate, refresh, start, reconnect. A new conversation gets a
 * conversationUpdate turn (the user joins), so the bot greets before the family types anything.
 */
@Injectable()
export class DirectLineConversationService {
  constructor(
    private readonly tokens: DirectLineTokenService,
    private readonly log: ActivityLogService,
    private readonly adapter: DirectLineAdapter,
  ) {}

  /** POST /tokens/generate: only with the service secret; the token is bound to a new conversation. */
  async generateToken(
    caller: DirectLineCaller,
    request: StartRequest,
    serviceUrl: string,
  ): Promise<TokenResponse> {
    if (caller.kind !== 'secret') {
      throw new ChannelError(
        'DIRECTLINE_UNAUTHORIZED',
        'Nur mit dem Direct-Line-Geheimnis. / Only with the Direct Line secret.',
      );
    }
    const userId = userIdOf(request);
    const conversationId = await this.open(userId, localeOf(request), serviceUrl);
    return this.tokens.issue(conversationId, userId);
  }

  /** POST /tokens/refresh: a still valid token gets a fresh one for the same conversation. */
  async refreshToken(caller: DirectLineCaller): Promise<TokenResponse> {
    if (caller.kind !== 'token') {
      throw new ChannelError(
        'DIRECTLINE_UNAUTHORIZED',
        'Nur ein Token kann erneuert werden. / Only a token can be refreshed.',
      );
    }
    await this.log.assertExists(caller.conversationId);
    return this.tokens.issue(caller.conversationId, caller.userId);
  }

  /** POST /conversations: the secret opens a new conversation; a token opens (or reopens) its own. */
  async start(
    caller: DirectLineCaller,
    request: StartRequest,
    baseUrl: string,
  ): Promise<{ created: boolean; response: ConversationResponse }> {
    if (caller.kind === 'secret') {
      const userId = userIdOf(request);
      const conversationId = await this.open(userId, localeOf(request), baseUrl);
      const token = await this.tokens.issue(conversationId, userId);
      return {
        created: true,
        response: { ...token, streamUrl: streamUrl(baseUrl, conversationId, token.token) },
      };
    }
    await this.log.assertExists(caller.conversationId);
    return {
      created: false,
      response: await this.reconnect(caller, caller.conversationId, undefined, baseUrl),
    };
  }

  /** GET /conversations/{id}?watermark=: a new stream URL that continues after the watermark. */
  async reconnect(
    caller: DirectLineCaller,
    conversationId: string,
    watermark: string | undefined,
    baseUrl: string,
  ): Promise<ConversationResponse> {
    this.tokens.assertConversation(caller, conversationId);
    await this.log.assertExists(conversationId);
    // A token caller keeps its token (Direct Line does the same); the secret gets a token for the stream.
    const token =
      caller.kind === 'token'
        ? await this.tokens.issue(conversationId, caller.userId)
        : await this.tokens.issue(conversationId);
    return { ...token, streamUrl: streamUrl(baseUrl, conversationId, token.token, watermark) };
  }

  private async open(
    userId: string | undefined,
    locale: string | undefined,
    serviceUrl: string,
  ): Promise<string> {
    const conversationId = await this.log.createConversation(userId);
    const joined: Partial<Activity> = {
      type: ActivityTypes.ConversationUpdate,
      channelId: 'directline',
      serviceUrl,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: userId ?? `dl_${randomBytes(8).toString('hex')}`, name: '', role: 'user' },
      recipient: { ...botAccount },
      membersAdded: [
        { id: botAccount.id, name: botAccount.name },
        { id: userId ?? 'user', name: '' },
      ],
      locale,
      timestamp: new Date(),
      id: `${conversationId}|join`,
    };
    await this.adapter.processActivity(joined as Activity);
    return conversationId;
  }
}

export function streamUrl(
  baseUrl: string,
  conversationId: string,
  token: string,
  watermark?: string,
): string {
  const url = new URL(`/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream`, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('t', token);
  if (watermark) {
    url.searchParams.set('watermark', watermark);
  }
  return url.toString();
}

function userIdOf(request: StartRequest): string | undefined {
  const id = request?.user?.id;
  return typeof id === 'string' && /^[\w.:@-]{1,100}$/.test(id) ? id : undefined;
}

function localeOf(request: StartRequest): string | undefined {
  const locale = request?.locale;
  return typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)
    ? locale
    : undefined;
}
