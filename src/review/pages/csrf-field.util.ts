import { html, SafeHtml } from './html.util';

/**
 * The session's synchronizer token as a hidden form field, filled on the server so that every
 * workspace form also works without JavaScript (review.js no longer has to fill it).
 */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" class="csrf" value="${token}" />`;
}
