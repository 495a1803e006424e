import type { Request, Response } from 'express';
import { AppConfig } from '../../config/app-config';

export const sessionCookieName = 'antragslotse_session';

/** The session token from the Cookie header, or undefined. */
export function readSessionToken(request: Request): string | undefined {
  const header = request.headers.cookie;
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === sessionCookieName) {
      const value = part.slice(separator + 1).trim();
      // Tokens are base64url: nothing to decode, anything else is not ours.
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/**
 * httpOnly (no script reads it), SameSite=Lax (not sent with cross-site POSTs), Secure behind
 * TLS. No Expires: the browser forgets it when closed (shared office computers); the server
 * ends it after the idle and absolute limits anyway.
 */
export function writeSessionCookie(
  request: Request,
  response: Response,
  token: string,
  config: AppConfig,
): void {
  response.cookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, config),
    path: '/',
  });
}

export function clearSessionCookie(request: Request, response: Response, config: AppConfig): void {
  response.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, config),
    path: '/',
  });
}

/** Whether cookies get the Secure flag: SESSION_COOKIE_SECURE, else the request came over HTTPS. */
export function isSecureRequest(request: Request, config: AppConfig): boolean {
  if (config.SESSION_COOKIE_SECURE !== 'auto') {
    return config.SESSION_COOKIE_SECURE === 'always';
  }
  // request.secure honours X-Forwarded-Proto only from proxies trusted by TRUST_PROXY.
  return request.secure;
}
