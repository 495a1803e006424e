import { askBackStatuses, lockedAnswerStatuses } from '../../cases/case-status.types';
import { CaseView, CaseViewAnswer } from '../cases/case-view.types';
import { manualTransitionsFrom } from '../cases/status-transitions.util';
import {
  answerControl,
  errorSummary,
  missingAnswers,
  provenance,
  RefusedCorrection,
} from './case-answers.page';
import { askBackForm } from './ask-back.page';
import { addItems } from './case-add-items.page';
import { removeItemLinks } from './case-remove-item.page';
import { uploadLetterForm } from './case-upload-letter.page';
import { csrfField } from './csrf-field.util';
import { familyUnreadNotice } from './family-unread.page';
import { PageSize } from '../preview/pdf-page-render.util';
import { html, SafeHtml } from './html.util';
import { germanDateTime, germanDay, layoutPage, statusLabels } from './layout.page';

/** The label of the answer at `path`, for the error summary ("Familienstand"). */
function labelOfPath(view: CaseView, path: string): string {
  for (const form of view.forms) {
    for (const section of form.sections) {
      const answer = section.answers.find((candidate) => candidate.path === path);
      if (answer) {
        return section.copy ? `${answer.label} (${section.copy})` : answer.label;
      }
    }
  }
  for (const group of [...view.missing, ...view.addable.map((item) => ({ ...item, copy: item.title }))]) {
    const question = group.questions.find((candidate) => candidate.path === path);
    if (question) {
      return group.copy ? `${question.label} (${group.copy})` : question.label;
    }
  }
  return 'Angabe';
}

export interface CasePageOptions {
  user: { displayName: string; csrfToken: string };
  view: CaseView;
  /** "user:<id>" -> display name, for provenance. */
  names: Map<string, string>;
  /** Per form document, its pages' size in pixels as the page images are drawn. */
  pageSizes?: Map<string, PageSize[]>;
  message?: string;
  error?: string;
  /** A correction that was refused: its reason by the field, the typed value kept. */
  refused?: RefusedCorrection;
  /** "Familie fragen": the question back starts with the missing questions. */
  askMissing?: boolean;
  /** The largest letter the upload form takes (DOCUMENT_MAX_BYTES). */
  uploadLimitBytes: number;
}

export function casePage(options: CasePageOptions): string {
  const { view } = options;
  const id = view.summary.id;
  const csrf = csrfField(options.user.csrfToken);
  const transitions = manualTransitionsFrom(view.summary.status);
  const answersLocked = lockedAnswerStatuses.includes(view.summary.status);
  const approved = view.summary.status === 'approved';
  const finals = view.documents.filter((document) => document.mode === 'final');
  const drafts = view.documents.filter((document) => document.mode === 'draft');
  const docLink = (documentId: string, title: string) =>
    html`<a href="/api/review/cases/${id}/documents/${documentId}?inline=1" target="_blank" rel="noopener"
        >${title} ansehen</a
      >
      ·
      <a href="/api/review/cases/${id}/documents/${documentId}" download
        >herunterladen<span class="sr-only"> (${title})</span></a
      >`;
  return layoutPage({
    title: `Fall ${view.summary.familyName}`,
    user: options.user,
    body: html`<p><a href="/review">← Zurück zu den Fällen / back to cases</a></p>
      <h1>${view.summary.familyName}</h1>
      ${options.message ? html`<p class="ok" role="status">${options.message}</p>` : ''}
      ${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
      ${options.refused ? errorSummary(options.refused, labelOfPath(view, options.refused.path)) : ''}
      <p>
        Status:
        <strong id="case-status">${statusLabels[view.summary.status] ?? view.summary.status}</strong> · Frist
        / deadline: ${germanDay(view.summary.nearestDeadline)} · Eingang:
        ${germanDateTime(view.summary.createdAt)}
      </p>
      ${familyUnreadNotice(id, options.user.csrfToken, view.summary.unreadFamilyMessageAt)}
      <div class="columns">
        <section aria-labelledby="answers-heading" class="answers">
          <h2 id="answers-heading">Angaben <span lang="en">/ Answers</span></h2>
          ${
            answersLocked
              ? html`<p class="hint" id="answers-locked">
                  Der Fall hat den Status „${statusLabels[view.summary.status] ?? view.summary.status}“. Die
                  Angaben lassen sich nicht mehr ändern. /
                  <span lang="en">The answers can no longer be changed.</span>
                </p>`
              : missingAnswers({
                  caseId: id,
                  groups: view.missing,
                  csrf,
                  canAsk: askBackStatuses.includes(view.summary.status),
                  refused: options.refused,
                })
          }
          ${view.forms.map(
            (form) =>
              html`<h3>${form.title}</h3>
                ${form.sections.map(
                  (section) =>
                    html`<h4>${section.copy ? html`${section.copy} – ` : ''}${section.title}</h4>
                      ${answersLocked ? '' : removeItemLinks(id, section.items)}
                      <dl class="answers-list">
                        ${section.answers.map(
                          (answer) =>
                            html`<div
                              class="answer${answer.markedUnknown ? html` unknown` : ''}${answer.lowConfidence ? html` low` : ''}"
                            >
                              <dt>${answer.label}</dt>
                              <dd>
                                <span class="value">${answer.shown}</span>
                                ${answer.markedUnknown ? html` <strong class="badge warn">Familie: „Ich weiß es nicht“</strong>` : ''}
                                ${answer.lowConfidence ? html` <strong class="badge warn">Unsichere Texterkennung / low OCR confidence</strong>` : ''}
                                ${answer.applies ? '' : html` <strong class="badge">Gilt nicht mehr, wird nicht gedruckt</strong>`}
                                <small class="source">${provenance(answer, options.names)}</small>
                                ${letterRegion(id, answer)}
                                ${
                                  answersLocked || !answer.applies
                                    ? ''
                                    : html`<details${options.refused?.path === answer.path ? html` open` : ''}>
                                        <summary>
                                          Ändern<span class="sr-only"> – ${answer.label}</span>
                                        </summary>
                                        <form method="post" action="/review/cases/${id}/answers">
                                          ${csrf}${approved ? html`<p class="hint">Eine Änderung hebt die Freigabe auf: Die fertigen Formulare und das Deckblatt werden gelöscht.</p>` : ''}<input
                                            type="hidden"
                                            name="path"
                                            value="${answer.path}"
                                          />
                                          ${answerControl(answer, `Neuer Wert für ${answer.label}`, options.refused?.path === answer.path ? options.refused : undefined)}
                                          <button type="submit">Speichern / Save</button>
                                        </form>
                                      </details>`
                                }
                              </dd>
                            </div>`,
                        )}
                      </dl>`,
                )}`,
          )}
          ${answersLocked ? '' : addItems({ caseId: id, items: view.addable, csrf, approved, refused: options.refused })}
        </section>
        <aside class="side">
          <section aria-labelledby="pdf-heading">
            <h2 id="pdf-heading">Formulare <span lang="en">/ Forms</span></h2>
            <h3>Entwurf / draft</h3>
            ${draftsNotice(view.summary.draftsPending, drafts.length)}
            <ul>
              ${drafts.map((document) => html`<li>${docLink(document.id, document.title)}</li>`)}
            </ul>
            ${drafts.length > 0 ? pagePreview(id, finals.length > 0 ? finals : drafts, options.pageSizes) : ''}
            ${
              finals.length > 0
                ? html`<h3>Freigegeben / final</h3>
                    <ul id="final-documents">
                      ${finals.map((document) => html`<li>${docLink(document.id, document.title)}</li>`)}
                    </ul>`
                : ''
            }
          </section>
          <section aria-labelledby="uploads-heading" id="uploads" data-case="${id}">
            <h2 id="uploads-heading">Unterlagen der Familie <span lang="en">/ Uploads</span></h2>
            ${
              view.uploads.length === 0
                ? html`<p>Keine / none</p>`
                : html`<ul class="uploads">
                    ${view.uploads.map((upload) => html`<li>${uploadFile(id, upload)}${uploadReading(id, upload, csrf)}${uploadAnalysis(upload.analysis)}</li>`)}
                  </ul>`
            }
            <p id="uploads-live" class="sr-only" aria-live="polite"></p>
          </section>
          ${uploadLetterForm(id, csrf, options.uploadLimitBytes)}
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">Verlauf und Notizen <span lang="en">/ Notes</span></h2>
            <ol class="notes" id="notes">
              ${view.notes.map(
                (note) =>
                  html`<li class="note ${note.kind}">
                    <strong>${noteKinds[note.kind] ?? note.kind}</strong> ·
                    ${options.names.get(note.author) ?? (note.author === 'family' ? 'Familie' : note.author)}
                    · ${germanDateTime(note.createdAt)}
                    <p>${note.text}</p>
                  </li>`,
              )}
            </ol>
            <form method="post" action="/review/cases/${id}/notes">
              ${csrf}
              <label for="note-text">Interne Notiz / internal note</label>
              <textarea id="note-text" name="text" rows="3" required></textarea>
              <button type="submit">Notiz speichern</button>
            </form>
            ${askBackForm(view, csrf, options.askMissing === true)}
          </section>
          <section aria-labelledby="status-heading">
            <h2 id="status-heading">Freigabe und Status <span lang="en">/ Approval</span></h2>
            ${
              view.summary.status === 'submitted' || view.summary.status === 'in_review'
                ? html`<form method="post" action="/review/cases/${id}/approve">
                    ${csrf}
                    <label for="attachments"
                      >Beizulegende Unterlagen, eine pro Zeile / attachments, one per line</label
                    >
                    <textarea id="attachments" name="attachments" rows="3"></textarea>
                    <button type="submit">Freigeben / Approve</button>
                  </form>`
                : ''
            }
            ${transitions.map((status) => html`<form method="post" action="/review/cases/${id}/status" class="inline">${csrf}<input type="hidden" name="status" value="${status}" /><button type="submit">Status: ${statusLabels[status]}</button></form>`)}
            <ol class="history">
              ${view.statusChanges.map((change) => html`<li>${statusLabels[change.toStatus] ?? change.toStatus} – ${options.names.get(change.changedBy) ?? (change.changedBy === 'family' ? 'Familie' : change.changedBy)}, ${germanDateTime(change.changedAt)}</li>`)}
            </ol>
          </section>
        </aside>
      </div>`,
  });
}

/**
 * The crop of the letter around the area an answer was read from, marked, loaded when opened
 * (a lazy image inside closed details is not fetched).
 */
function letterRegion(caseId: string, answer: CaseViewAnswer): SafeHtml | string {
  if (answer.source !== 'letter' || !answer.sourceDocumentId || !answer.sourcePage || !answer.sourceBox) {
    return '';
  }
  return html`<details class="region">
    <summary>Stelle im Brief zeigen<span class="sr-only"> – ${answer.label}</span> / show in letter</summary>
    <img
      src="/api/review/cases/${caseId}/letter-region?path=${encodeURIComponent(answer.path)}"
      alt="Ausschnitt aus dem Brief, Seite ${answer.sourcePage}, markiert: „${answer.shown}“"
      loading="lazy"
    />
  </details>`;
}

/** Why the draft list is empty or about to change (the drafts are made just after a submission). */
function draftsNotice(pending: boolean, count: number): SafeHtml | string {
  if (pending) {
    return html`<p class="hint" role="status" id="drafts-pending">
      Die Formulare werden gerade ausgefüllt. Laden Sie die Seite gleich neu. /
      <span lang="en">The forms are being filled; reload in a moment.</span>
    </p>`;
  }
  return count === 0
    ? html`<p class="hint">
        Noch kein Entwurf: Es fehlen Angaben. Nach Ihrer Korrektur wird er erstellt. /
        <span lang="en">No draft yet: answers are missing; it is made after your correction.</span>
      </p>`
    : '';
}

/**
 * Page images of the filled forms (server-rendered PNG, lazy-loaded): tablets whose browsers show
 * only the first page of an embedded PDF see every page. Each <img> has its page's width and
 * height, so the browser loads only the pages in view (a lazy image without a size is 0 × 0 and
 * counts as in view: opening the preview asked for every page at once) and the layout does not
 * jump; "Seite wird erstellt …" shows behind each image until it is there. The PDF in the
 * browser's viewer stays one click away.
 */
function pagePreview(
  caseId: string,
  documents: CaseView['documents'],
  pageSizes: Map<string, PageSize[]> | undefined,
): SafeHtml {
  const forms = documents.filter((document) => document.kind !== 'cover');
  return html`<details class="preview" id="page-preview">
      <summary>Vorschau der Seiten als Bilder / page images</summary>
      ${forms.map((document) => {
        const sizes = pageSizes?.get(document.id) ?? [];
        const count = sizes.length;
        return html`<h4>${document.title}</h4>
          <ol class="pages">
            ${sizes.map(
              (size, index) =>
                html`<li>
                  <span class="page-pending" aria-hidden="true">Seite wird erstellt …</span>
                  <img
                    src="/api/review/cases/${caseId}/documents/${document.id}/pages/${index + 1}"
                    alt="Seite ${index + 1} von ${count} des Formulars ${document.title}"
                    width="${size.width}"
                    height="${size.height}"
                    loading="lazy"
                  />
                </li>`,
            )}
          </ol>`;
      })}
    </details>
    ${pdfPreview(caseId, documents)}`;
}

/**
 * The filled forms in the browser's own PDF viewer (keyboard and screen reader support of the
 * browser); the link above opens the same file in a tab. One frame per form, shown on request,
 * so the case page stays light.
 */
function pdfPreview(caseId: string, documents: CaseView['documents']): SafeHtml {
  const forms = documents.filter((document) => document.kind !== 'cover');
  return html`<details class="preview">
    <summary>Vorschau der Formulare (PDF) / preview</summary>
    ${forms.map(
      (document) =>
        html`<iframe
            src="/api/review/cases/${caseId}/documents/${document.id}?inline=1"
            title="Vorschau: ${document.title} (PDF)"
            loading="lazy"
          ></iframe>
          <p>
            <a
              href="/api/review/cases/${caseId}/documents/${document.id}?inline=1"
              target="_blank"
              rel="noopener"
              >${document.title} im neuen Tab öffnen / open in a new tab</a
            >
          </p>`,
    )}
  </details>`;
}

const authorityNames: Record<string, string> = {
  familienkasse: 'Familienkasse',
  jobcenter: 'Jobcenter',
  wohngeldstelle: 'Wohngeldstelle',
  unterhaltsvorschusskasse: 'Unterhaltsvorschusskasse',
  elterngeldstelle: 'Elterngeldstelle',
  'but-stelle': 'Bildung und Teilhabe',
  other: 'andere Stelle',
};

/** An upload's name, kind, size and time, with links to look at it and to download it. */
function uploadFile(caseId: string, upload: CaseView['uploads'][number]): SafeHtml {
  const file = `/api/review/cases/${caseId}/documents/${upload.id}/file`;
  const kind = upload.mediaType === 'application/pdf' ? 'PDF' : 'Foto';
  return html`<span class="upload-name">${upload.fileName}</span> (${kind},
    ${Math.ceil(upload.sizeBytes / 1024)} KB, ${germanDateTime(upload.createdAt)}) ·
    <a href="${file}?inline=1" target="_blank" rel="noopener"
      >ansehen<span class="sr-only"> (${upload.fileName})</span></a
    >
    · <a href="${file}" download>herunterladen<span class="sr-only"> (${upload.fileName})</span></a>`;
}

/**
 * A letter the Kümmerer uploaded that is still being read ("Wird gelesen …", updated live by
 * review.js, or on the next page load without JavaScript), or why reading failed, with a button
 * to read it again when that may help.
 */
function uploadReading(
  caseId: string,
  upload: CaseView['uploads'][number],
  csrf: SafeHtml,
): SafeHtml | string {
  const reading = upload.reading;
  if (!reading) {
    return '';
  }
  if (reading.state === 'pending') {
    return html`<p class="reading" data-reading="pending" role="status">${reading.message}</p>`;
  }
  return html`<div class="reading" data-reading="failed">
    <p class="error">${reading.message}</p>
    ${
      reading.mayReadAgain
        ? html`<form method="post" action="/review/cases/${caseId}/letters/${upload.id}/read">
            ${csrf}
            <button type="submit">Noch einmal lesen <span lang="en">/ Read again</span></button>
          </form>`
        : ''
    }
  </div>`;
}

/** What the letter engine read, and the explanation the family got in the chat (in their language). */
function uploadAnalysis(analysis: CaseView['uploads'][number]['analysis']): SafeHtml | string {
  if (!analysis) {
    return '';
  }
  const letter = analysis.analysis;
  return html`<dl class="analysis">
    <dt>Absender / from</dt>
    <dd>${authorityNames[letter.authority] ?? letter.authority}</dd>
    <dt>Art / type</dt>
    <dd>${letter.letterType}${letter.letterDate ? html`, vom ${germanDay(letter.letterDate)}` : ''}</dd>
    <dt>Frist / deadline</dt>
    <dd>${germanDay(letter.deadline?.date ?? null)}</dd>
    ${
      letter.requestedDocuments.length > 0
        ? html`<dt>Verlangt / requested</dt>
            <dd>${letter.requestedDocuments.join(', ')}</dd>`
        : ''
    }
    <dt>Erklärung für die Familie / explanation (${analysis.locale})</dt>
    <dd lang="${analysis.locale}" class="explanation">${analysis.explanation}</dd>
  </dl>`;
}

const noteKinds: Record<string, string> = {
  note: 'Notiz',
  'ask-back': 'Rückfrage',
  'family-reply': 'Antwort der Familie',
  'human-request': 'Familie möchte eine Person sprechen',
  reminder: 'Erinnerung',
};
