import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';

/** Pre-session cookie of the server-rendered login form (double submit: cookie = hidden field). */
export const loginTokenCookieName = 'antragslotse_login';
const cookiePath = '/review/login';

/**
 * A fresh random token for the login form, also set as an httpOnly, SameSite=Strict cookie
 * limited to the login path. A cross-site page can neither read the cookie nor make the browser
 * send it, so it cannot post a matching pair (login CSRF).
 */
export function issueLoginToken(response: Response, secure: boolean): string {
  const token = randomBytes(32).toString('base64url');
  response.cookie(loginTokenCookieName, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: cookiePath,
    maxAge: 60 * 60 * 1000,
  });
  return token;
}

/** True when the form's token equals the cookie's, and the Origin (if the browser named one) is this host. */
export function loginTokenValid(request: Request, formToken: unknown): boolean {
  // "null" carries no information (privacy settings send it); the token pair decides then.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !sameHost(origin, request.headers.host)) {
    return false;
  }
  const cookie = readCookie(request, loginTokenCookieName);
  if (typeof formToken !== 'string' || !cookie || formToken.length !== cookie.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(formToken), Buffer.from(cookie));
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
