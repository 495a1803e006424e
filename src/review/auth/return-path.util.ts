import type { Request } from 'express';

// Any origin: only the path and query of the parsed URL are used. ".invalid" never resolves.
const base = 'http://workspace.invalid';
/** Paths a sign-in must not lead back to: the sign-in itself, sign-out, fragments and files. */
const excluded = ['/review/login', '/review/logout', '/review/rows', '/review/assets'];

/**
 * A path of the workspace to return to after signing in, or undefined. Only a relative path on
 * this site under /review is accepted (no scheme, no host, no "//", no backslash, no control
 * characters), normalised by the URL parser, so `next` cannot send anyone elsewhere.
 */
export function safeReturnPath(candidate: unknown): string | undefined {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 1000) {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex
  if (!candidate.startsWith('/') || candidate.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(candidate)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(candidate, base);
  } catch {
    return undefined;
  }
  const { pathname } = url;
  if (url.origin !== base || (pathname !== '/review' && !pathname.startsWith('/review/'))) {
    return undefined;
  }
  if (excluded.some((path) => pathname === path || pathname.startsWith(`${path}/`))) {
    return undefined;
  }
  return pathname + url.search;
}

/**
 * Where a request that found no session should lead after signing in: the page itself for a GET;
 * for a form post, the page the form was on (the Referer, same host only), else the case page of
 * a case action, else the queue.
 */
export function returnPathOf(request: Request): string {
  if (request.method === 'GET' || request.method === 'HEAD') {
    return safeReturnPath(request.originalUrl) ?? '/review';
  }
  const referer = request.headers.referer;
  if (typeof referer === 'string') {
    try {
      const url = new URL(referer);
      const fromHere =
        url.host === request.headers.host ? safeReturnPath(url.pathname + url.search) : undefined;
      if (fromHere) {
        return fromHere;
      }
    } catch {
      // Not a URL: fall through to the path of the post.
    }
  }
  const caseAction = /^\/review\/cases\/([0-9a-f-]{36})\//i.exec(request.path);
  return caseAction ? `/review/cases/${caseAction[1]}` : '/review';
}
