import type { Response } from 'express';
import { contentSecurityPolicy } from './layout.page';

/**
 * Sends a workspace page with the CSP and no caching (pages hold personal data). Referrer only
 * within the site: case ids never leave it, and form posts keep their Origin (no-referrer makes
 * Chromium send "Origin: null").
 */
export function sendPage(response: Response, page: string): void {
  response
    .type('html')
    .set('Content-Security-Policy', contentSecurityPolicy)
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'same-origin')
    .send(page);
}
