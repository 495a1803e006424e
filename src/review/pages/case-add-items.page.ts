import { CaseViewAddableItem } from '../cases/case-view.types';
import { answerControl, RefusedCorrection } from './case-answers.page';
import { html, SafeHtml } from './html.util';

/**
 * "Kind 2 hinzufügen": one more item for each repeat group that may take it (the chat's "Gibt es
 * noch ein weiteres Kind?"), with a field for each of the item's questions. The first answer saved
 * counts the item in (a correction, source "Kümmerer"); its other questions are then listed under
 * "Fehlende Angaben", headed "Kind 2: …", and the next item is offered here.
 */
export function addItems(options: {
  caseId: string;
  items: CaseViewAddableItem[];
  csrf: SafeHtml;
  /** The case is approved: a new item withdraws the approval, as any correction does. */
  approved: boolean;
  refused?: RefusedCorrection;
}): SafeHtml | string {
  const { caseId, items, csrf, refused } = options;
  if (items.length === 0) {
    return '';
  }
  return html`<section class="add-items" id="add-items" aria-labelledby="add-items-heading">
    <h3 id="add-items-heading">Weitere Einträge</h3>
    <p>
      Nennt die Familie ein Kind mehr, als hier steht? Tragen Sie eine Angabe dazu ein. Danach stehen die
      übrigen Fragen unter „Fehlende Angaben“.
    </p>
    ${options.approved ? html`<p class="hint">Ein neuer Eintrag hebt die Freigabe auf: Die fertigen Formulare und das Deckblatt werden gelöscht.</p>` : ''}
    ${items.map((item) => {
      const open = refused !== undefined && item.questions.some((question) => question.path === refused.path);
      return html`<details id="add-${item.groupId}" ${open ? html`open` : ''}>
        <summary>${item.title} hinzufügen – ${item.groupText}</summary>
        <p class="hint">${item.formTitle} – ${item.sectionTitle}</p>
        ${item.questions.map(
          (question) =>
            html`<form method="post" action="/review/cases/${caseId}/answers" class="add-item">
              ${csrf}<input type="hidden" name="path" value="${question.path}" />
              ${answerControl(
                question,
                `${question.text} (${item.title}${question.required ? '' : ', freiwillig'})`,
                refused?.path === question.path ? refused : undefined,
              )}
              <button type="submit">
                Speichern<span class="sr-only"> – ${question.label}, ${item.title}</span>
              </button>
            </form>`,
        )}
      </details>`;
    })}
  </section>`;
}
