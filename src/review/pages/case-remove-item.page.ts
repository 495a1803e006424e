import { CaseView, CaseViewItem } from '../cases/case-view.types';
import { csrfField } from './csrf-field.util';
import { html, SafeHtml } from './html.util';
import { layoutPage } from './layout.page';

/** The address of an item's confirmation page ("Kind 2 entfernen?"). */
export function removeItemHref(caseId: string, item: Pick<CaseViewItem, 'groupId' | 'number'>): string {
  return `/review/cases/${caseId}/items/${item.groupId}/${item.number}/remove`;
}

/** "Kind 2 entfernen" under the heading of the item's answers; the page after it asks to confirm. */
export function removeItemLinks(caseId: string, items: readonly CaseViewItem[]): SafeHtml | string {
  if (items.length === 0) {
    return '';
  }
  return html`<ul class="remove-items">
    ${items.map(
      (item) =>
        html`<li>
          <a class="remove-item" href="${removeItemHref(caseId, item)}"
            >${item.title}
            entfernen${item.name !== item.title ? html`<span class="sr-only"> – ${item.name}</span>` : ''}</a
          >
        </li>`,
    )}
  </ul>`;
}

/** The item the address names, as the case page lists it, or undefined when the case has none such. */
export function findItem(view: CaseView, groupId: string, number: number): CaseViewItem | undefined {
  for (const form of view.forms) {
    for (const section of form.sections) {
      const item = section.items.find(
        (candidate) => candidate.groupId === groupId && candidate.number === number,
      );
      if (item) {
        return item;
      }
    }
  }
  return undefined;
}

/**
 * The confirmation before an item goes: what is removed (the item's answers), that the items after
 * it move up one number, that the history keeps it, and what happens to the forms. When the item
 * may not go (the group's minimum), the reason instead of the button.
 */
export function removeItemPage(options: {
  user: { displayName: string; csrfToken: string };
  view: CaseView;
  item: CaseViewItem;
  /** Why the item may not be removed (German, then English), or null. */
  refusal: string[] | null;
}): string {
  const { view, item, refusal } = options;
  const id = view.summary.id;
  const prefix = `${item.groupId}[${item.number - 1}].`;
  const answers = view.forms.flatMap((form) =>
    form.sections.flatMap((section) => section.answers.filter((answer) => answer.path.startsWith(prefix))),
  );
  const later = view.forms
    .flatMap((form) => form.sections.flatMap((section) => section.items))
    .filter(
      (other, index, all) =>
        other.groupId === item.groupId &&
        other.number > item.number &&
        all.findIndex((first) => first.groupId === other.groupId && first.number === other.number) === index,
    );
  const label = item.label;
  const back = `/review/cases/${id}`;
  return layoutPage({
    title: `${item.title} entfernen – Fall ${view.summary.familyName}`,
    user: options.user,
    body: html`<p><a href="${back}">← Zurück zum Fall / back to the case</a></p>
      <h1>${item.name} entfernen?</h1>
      ${
        refusal
          ? html`<p class="error" role="alert" id="remove-refused">${refusal.join(' / ')}</p>`
          : html`<p>Diese Angaben zu ${item.title} werden aus dem Antrag genommen:</p>
              <dl class="answers-list" id="remove-answers">
                ${answers.map(
                  (answer) =>
                    html`<div class="answer">
                      <dt>${answer.label}</dt>
                      <dd>${answer.shown}</dd>
                    </div>`,
                )}
              </dl>
              <ul>
                ${later.map(
                  (other) => html`<li>${other.name} heißt danach ${label} ${other.number - 1}.</li>`,
                )}
                <li>Die Formulare werden neu erstellt.</li>
                <li>
                  Nichts wird gelöscht: Die Angaben bleiben im Verlauf des Falls gespeichert. Wenn Sie sich
                  vertan haben, tragen Sie ${label} neu ein („${label} hinzufügen“).
                </li>
                ${
                  view.summary.status === 'approved'
                    ? html`<li>
                        Die Freigabe wird aufgehoben: Die fertigen Formulare und das Deckblatt werden
                        gelöscht.
                      </li>`
                    : ''
                }
              </ul>
              <form method="post" action="/review/cases/${id}/items/remove">
                ${csrfField(options.user.csrfToken)}
                <input type="hidden" name="group" value="${item.groupId}" />
                <input type="hidden" name="item" value="${item.number}" />
                <button type="submit">Ja, ${item.title} entfernen</button>
                <a href="${back}">Abbrechen</a>
              </form>`
      }`,
  });
}
