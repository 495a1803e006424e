import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { AppConfig } from '../../config/app-config';
import { ACTIVITY_BUS, ActivityBus } from '../events/activity-bus.types';
import { isOriginAllowed } from '../web/allowed-origins.util';
import { ActivityLogService } from './activity-log.service';
import { DirectLineTokenService } from './directline-token.service';

const streamPath = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** Empty frames keep proxies from closing idle sockets, as the real service does. */
export const keepAliveMs = 15_000;
const pageSize = 100;

interface StreamState {
  socket: WebSocket;
  conversationId: string;
  watermark: string | undefined;
  busy: boolean;
  again: boolean;
}

/**
 * The Direct Line WebSocket stream at streamUrl: sends `{ activities, watermark }` frames, first
 * everything after the requested watermark, then each new activity as the bus announces it.
 * Activities are always read from the database, so a stream on any instance, or after a restart,
 * continues exactly where the client's watermark says.
 */
@Injectable()
export class DirectLineStreamGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DirectLineStream');
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly streams = new Set<StreamState>();
  private httpServer?: Server;
  private keepAlive?: NodeJS.Timeout;
  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void this.upgrade(request, socket, head);
  };

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: DirectLineTokenService,
    private readonly log: ActivityLogService,
    @Inject(ACTIVITY_BUS) private readonly bus: ActivityBus,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.httpServer = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.httpServer.on('upgrade', this.onUpgrade);
    this.keepAlive = setInterval(() => this.sendKeepAlive(), keepAliveMs);
    this.keepAlive.unref();
  }

  // Before the HTTP server closes: it would wait forever for open streams.
  beforeApplicationShutdown(): void {
    this.httpServer?.off('upgrade', this.onUpgrade);
    clearInterval(this.keepAlive);
    for (const stream of this.streams) {
      stream.socket.terminate();
    }
    this.streams.clear();
    this.server.close();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = streamPath.exec(url.pathname);
    if (!match) {
      return reject(socket, 404, 'Not Found');
    }
    if (!isOriginAllowed(request.headers.origin, request.headers.host, this.config.CHAT_ALLOWED_ORIGINS)) {
      return reject(socket, 403, 'Forbidden');
    }
    const conversationId = decodeURIComponent(match[1]);
    try {
      const caller = await this.tokens.verifyToken(url.searchParams.get('t') ?? '');
      this.tokens.assertConversation(caller, conversationId);
      await this.log.assertExists(conversationId);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'DIRECTLINE_CONVERSATION_NOT_FOUND') {
        return reject(socket, 404, 'Not Found');
      }
      return reject(
        socket,
        code === 'DIRECTLINE_UNAUTHORIZED' ? 401 : 403,
        code === 'DIRECTLINE_UNAUTHORIZED' ? 'Unauthorized' : 'Forbidden',
      );
    }
    const watermark = url.searchParams.get('watermark') || undefined;
    this.server.handleUpgrade(request, socket, head, (webSocket) =>
      this.attach(webSocket, conversationId, watermark),
    );
  }

  private attach(socket: WebSocket, conversationId: string, watermark: string | undefined): void {
    const state: StreamState = { socket, conversationId, watermark, busy: false, again: false };
    this.streams.add(state);
    const unsubscribe = this.bus.subscribe(conversationId, () => void this.flush(state));
    socket.on('close', () => {
      unsubscribe();
      this.streams.delete(state);
    });
    // Clients send empty frames as pings; there is nothing to read from them.
    socket.on('message', () => undefined);
    socket.on('error', () => socket.terminate());
    void this.flush(state);
  }

  private async flush(state: StreamState): Promise<void> {
    if (state.busy) {
      state.again = true;
      return;
    }
    state.busy = true;
    try {
      do {
        state.again = false;
        for (let page = 0; page < 1000 && state.socket.readyState === WebSocket.OPEN; page++) {
          const result = await this.log.listAfter(state.conversationId, state.watermark, pageSize);
          if (result.activities.length === 0) {
            break;
          }
          state.socket.send(JSON.stringify({ activities: result.activities, watermark: result.watermark }));
          state.watermark = result.watermark;
          if (result.activities.length < pageSize) {
            break;
          }
        }
      } while (state.again && state.socket.readyState === WebSocket.OPEN);
    } catch (error) {
      this.logger.warn(
        `Stream could not read the conversation log: ${error instanceof Error ? error.message : String(error)}`,
      );
      state.socket.close(1011);
    } finally {
      state.busy = false;
    }
  }

  private sendKeepAlive(): void {
    for (const stream of this.streams) {
      if (stream.socket.readyState === WebSocket.OPEN) {
        stream.socket.send('');
      }
    }
  }
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
