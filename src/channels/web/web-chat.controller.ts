import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { projectPath } from './project-path.util';

// Web Chat renders with inline styles (emotion) and data:/blob: images; scripts only from here.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  // Web Chat shrinks photos before upload in a worker it creates from a blob.
  "worker-src 'self' blob:",
  "connect-src 'self' ws: wss: blob: data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const webChatBundle = projectPath('node_modules', 'botframework-webchat', 'dist', 'webchat.js');

/** The demo page, the embed guide and the official Web Chat bundle, all from this service (no CDN). */
@ApiExcludeController()
@Controller()
export class WebChatController {
  @Get()
  demo(@Res() response: Response): void {
    this.page(response, 'index.html');
  }

  @Get('embed.html')
  embed(@Res() response: Response): void {
    this.page(response, 'embed.html');
  }

  @Get('chat/chat.js')
  script(@Res() response: Response): void {
    this.asset(response, 'chat.js', 'application/javascript; charset=utf-8');
  }

  @Get('chat/chat.css')
  style(@Res() response: Response): void {
    this.asset(response, 'chat.css', 'text/css; charset=utf-8');
  }

  /** The pages' icon (<link rel="icon">); same origin, so the CSP's img-src 'self' allows it. */
  @Get('favicon.svg')
  icon(@Res() response: Response): void {
    this.asset(response, 'favicon.svg', 'image/svg+xml');
  }

  /** Browsers and tools that ask for /favicon.ico anyway get "nothing here" instead of a 404. */
  @Get('favicon.ico')
  @HttpCode(204)
  noIcon(): void {}

  @Get('webchat/webchat.js')
  webChat(@Res() response: Response): void {
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.sendFile(webChatBundle, {
      headers: { 'Content-Type': 'application/javascript; charset=utf-8' },
    });
  }

  private page(response: Response, name: string): void {
    response.setHeader('Content-Security-Policy', contentSecurityPolicy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(projectPath('public', name), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }

  private asset(response: Response, name: string, type: string): void {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.sendFile(projectPath('public', name), { headers: { 'Content-Type': type } });
  }
}
