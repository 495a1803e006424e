import { csrfField } from './csrf-field.util';
import { html, SafeHtml } from './html.util';
import { germanDateTime } from './layout.page';

/**
 * The family wrote and no Kümmerer has answered yet: says so at the top of the case page, with
 * "Gelesen" for a message that needs no answer. The form carries the time of the newest message
 * shown, so a message that comes in meanwhile stays unread.
 */
export function familyUnreadNotice(caseId: string, csrfToken: string, at: Date | null): SafeHtml | string {
  if (!at) {
    return '';
  }
  return html`<div class="card unread" id="family-unread">
    <p>
      <strong>Die Familie hat geschrieben</strong> (${germanDateTime(at)}). Die Nachricht steht unten im
      Verlauf. Noch niemand hat geantwortet. /
      <span lang="en">The family wrote; nobody has answered yet.</span>
    </p>
    <p class="hint">
      Eine Notiz, eine Rückfrage oder ein neuer Status gilt als Antwort. Braucht die Nachricht keine Antwort,
      klicken Sie auf „Gelesen“.
    </p>
    <form method="post" action="/review/cases/${caseId}/read" class="inline">
      ${csrfField(csrfToken)}<input type="hidden" name="seen" value="${new Date(at).toISOString()}" />
      <button type="submit">Gelesen / mark as read</button>
    </form>
  </div>`;
}
