import { botText } from '../../bot/bot-texts';
import { askBackStatuses } from '../../cases/case-status.types';
import { InterviewLocale } from '../../interview/interview-state.types';
import { localized, text } from '../../interview/texts';
import { CaseView, CaseViewMissingGroup } from '../cases/case-view.types';
import { html, SafeHtml } from './html.util';
import { statusLabels } from './layout.page';

/** The family's chat language as a Kümmerer reads it. */
const languageNames: Record<InterviewLocale, string> = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  uk: 'Ukrainisch',
  ru: 'Russisch',
};

/** One string, so that the template's line breaks never split it (tests and people search for it). */
const closedText = 'Eine Rückfrage an die Familie ist nicht mehr möglich.';

/**
 * The question back to the family (posted into its chat), or why there is none in this status.
 * "fragen Sie die Familie" (`askMissing`) fills it with the missing questions, to edit and send.
 */
export function askBackForm(view: CaseView, csrf: SafeHtml, askMissing: boolean): SafeHtml {
  const { id, status } = view.summary;
  if (!askBackStatuses.includes(status)) {
    return html`<p class="hint" id="ask-back-closed">
      Der Fall hat den Status „${statusLabels[status] ?? status}“. ${closedText} /
      <span lang="en">No questions to the family in this status.</span>
    </p>`;
  }
  const locale = view.familyLocale;
  const other = locale !== null && locale !== 'de';
  return html`<form method="post" action="/review/cases/${id}/ask-back">
    ${csrf}
    <label for="ask-text">Rückfrage an die Familie (wird im Chat gesendet) / question to the family</label>
    ${locale && other ? html`<p class="hint" id="family-locale">Die Familie chattet auf ${languageNames[locale]}.</p>` : ''}
    <textarea id="ask-text" name="text" rows="${askMissing ? (other ? 12 : 6) : 3}" required>
${askMissing ? askForMissing(view.missing, locale) : ''}</textarea>
    <button type="submit">Rückfrage senden</button>
  </form>`;
}

/**
 * What "fragen Sie die Familie" writes into the question back: the missing questions, one a line,
 * in German and, when the family chats in another language, once more in that language below:
 * the framing sentence and "Kind 2" from the bot's own texts, the questions as the chat asks them
 * (`localized`: the form's text in that language; where a definition lacks it, German (English)).
 */
export function askForMissing(
  groups: readonly CaseViewMissingGroup[],
  locale: InterviewLocale | null,
): string {
  const german = [
    botText('askBackMissing', 'de'),
    ...groups.flatMap((group) =>
      group.questions.map((question) => `- ${group.copy ? `${group.copy}: ` : ''}${question.text}`),
    ),
  ];
  if (locale === null || locale === 'de') {
    return german.join('\n');
  }
  const translated = [
    botText('askBackMissing', locale),
    ...groups.flatMap((group) => {
      const item = group.item
        ? `${text(locale, group.item.name ? 'itemLabelNamed' : 'itemLabel', { n: group.item.number, name: group.item.name ?? '' })}: `
        : '';
      return group.questions.map((question) => `- ${item}${localized(locale, question.texts)}`);
    }),
  ];
  return [...german, '', ...translated].join('\n');
}
