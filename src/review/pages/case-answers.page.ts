import { CaseViewAnswer, CaseViewMissingGroup } from '../cases/case-view.types';
import { html, SafeHtml } from './html.util';
import { germanDateTime } from './layout.page';

/** A correction the case refused: shown next to its field, with what was typed kept. */
export interface RefusedCorrection {
  path: string;
  /** What the Kümmerer typed or picked. */
  value: string;
  /** Why, German first. */
  message: string;
}

/** What a field for one answer needs: the question's type and options, and the text it starts with. */
export type AnswerField = Pick<CaseViewAnswer, 'path' | 'type' | 'options' | 'required' | 'input'>;

/** The id of the control a label and the error summary point to. */
export function fieldId(path: string): string {
  return `v-${path}`;
}

function errorId(path: string): string {
  return `e-${path}`;
}

/**
 * The input of a correction (or of a missing answer): a list of the option labels for a choice
 * (the code is sent), Ja/Nein buttons for yes/no, a text field elsewhere (dates as TT.MM.JJJJ).
 * A refused value comes back in the field with its reason above it.
 */
export function answerControl(field: AnswerField, label: string, refused?: RefusedCorrection): SafeHtml {
  const id = fieldId(field.path);
  const value = refused ? refused.value : field.input;
  const error = refused
    ? html`<p class="field-error" id="${errorId(field.path)}">
        <span class="sr-only">Fehler: </span>${refused.message}
      </p>`
    : '';
  if (field.type === 'yesno') {
    const choices: Array<[string, string]> = [
      ['ja', 'Ja'],
      ['nein', 'Nein'],
      ...(field.required ? [] : [['', 'keine Angabe'] as [string, string]]),
    ];
    // A group takes no aria-invalid; the reason is tied to it by aria-describedby.
    return html`<fieldset class="choices" ${refused ? html`aria-describedby="${errorId(field.path)}"` : ''}>
      <legend>${label}</legend>
      ${error}
      ${choices.map(
        ([code, text], index) =>
          html`<label class="choice"
            ><input
              type="radio"
              name="value"
              value="${code}"
              id="${index === 0 ? id : `${id}-${code || 'leer'}`}"
              ${code === value ? html`checked` : ''}
            />
            ${text}</label
          >`,
      )}
    </fieldset>`;
  }
  if (field.options) {
    const known = field.options.some((option) => option.value === value);
    const invalid = refused ? html`aria-invalid="true" aria-describedby="${errorId(field.path)}"` : '';
    return html`<label for="${id}">${label}</label>${error}
      <select id="${id}" name="value" ${invalid}>
        ${!known || !field.required ? html`<option value="" ${known ? '' : html`selected`}>${field.required ? 'Bitte wählen …' : 'keine Angabe'}</option>` : ''}
        ${field.options.map(
          (option) =>
            html`<option value="${option.value}" ${option.value === value ? html`selected` : ''}>
              ${option.label}
            </option>`,
        )}
      </select>`;
  }
  const hint =
    field.type === 'date'
      ? html`<span class="hint" id="h-${field.path}">Datum als TT.MM.JJJJ, zum Beispiel 03.05.2010</span>`
      : '';
  const describedBy = [refused ? errorId(field.path) : '', field.type === 'date' ? `h-${field.path}` : '']
    .filter((part) => part !== '')
    .join(' ');
  return html`<label for="${id}">${label}</label>${error}${hint}
    <input
      id="${id}"
      name="value"
      value="${value}"
      autocomplete="off"
      ${refused ? html`aria-invalid="true"` : ''}
      ${describedBy ? html`aria-describedby="${describedBy}"` : ''}
    />`;
}

/**
 * The summary at the top of the page after a refused correction (the pattern of accessible error
 * summaries): what went wrong, naming the field, with a link to it.
 */
export function errorSummary(refused: RefusedCorrection, label: string): SafeHtml {
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
    <h2 id="error-summary-title">Die Angabe wurde nicht gespeichert</h2>
    <ul>
      <li><a href="#${fieldId(refused.path)}">${label}: ${refused.message}</a></li>
    </ul>
  </div>`;
}

/** Where an answer came from: the family (when), a letter (page, area, confidence), a Kümmerer (who, when, before). */
export function provenance(answer: CaseViewAnswer, names: Map<string, string>): SafeHtml {
  const by = (actor: string) => names.get(actor) ?? (actor === 'family' ? 'Familie' : actor);
  const parts: SafeHtml[] = [];
  if (answer.source === 'letter') {
    parts.push(
      html`Aus Brief, von der Familie bestätigt (Seite ${answer.sourcePage ?? '?'}, Bereich
      ${answer.sourceBox ?? '?'}, Sicherheit
      ${answer.sourceConfidence === null ? '?' : Math.round(answer.sourceConfidence * 100)} %)`,
    );
  } else if (answer.source === 'kuemmerer') {
    parts.push(html`Geändert von ${by(answer.givenBy)} am ${germanDateTime(answer.givenAt)}`);
  } else {
    parts.push(html`Von der Familie, ${germanDateTime(answer.givenAt)}`);
  }
  if (answer.previous) {
    parts.push(html`; vorher: „${answer.previous.shown}“ (${by(answer.previous.givenBy)})`);
  }
  return html`${parts}`;
}

/**
 * Questions that apply now but were never answered (a correction switched them on), by section,
 * each with a field to answer it as the Kümmerer, and the way to ask the family instead.
 */
export function missingAnswers(options: {
  caseId: string;
  groups: CaseViewMissingGroup[];
  csrf: SafeHtml;
  canAsk: boolean;
  refused?: RefusedCorrection;
}): SafeHtml | string {
  const { caseId, groups, csrf, refused } = options;
  if (groups.length === 0) {
    return '';
  }
  const count = groups.reduce((sum, group) => sum + group.questions.length, 0);
  return html`<section class="missing" id="missing-answers" aria-labelledby="missing-heading">
    <h3 id="missing-heading">Fehlende Angaben (${count})</h3>
    <p>
      Diese Fragen gelten jetzt, zum Beispiel nach einer Änderung. Die Familie hat sie noch nicht beantwortet.
      Ohne sie geht die Freigabe nicht. Tragen Sie die Antwort ein, wenn Sie sie kennen.
      ${options.canAsk ? html`Sonst <a href="/review/cases/${caseId}?ask=missing#ask-text">fragen Sie die Familie</a>.` : ''}
    </p>
    ${groups.map(
      (group) =>
        html`<h4>${group.formTitle} – ${group.copy ? html`${group.copy} – ` : ''}${group.sectionTitle}</h4>
          ${group.questions.map(
            (question) =>
              html`<form method="post" action="/review/cases/${caseId}/answers" class="missing-answer">
                ${csrf}<input type="hidden" name="path" value="${question.path}" />
                ${answerControl(
                  question,
                  question.required ? question.text : `${question.text} (freiwillig)`,
                  refused?.path === question.path ? refused : undefined,
                )}
                <button type="submit">Speichern<span class="sr-only"> – ${question.label}</span></button>
              </form>`,
          )}`,
    )}
  </section>`;
}
