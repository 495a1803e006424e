import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { INTERVIEW_LOCALES } from '../interview/interview-state.types';
import { LocalizedText } from './definition/localized-text.types';
import { QuestionDefinition } from './definition/question.types';
import { LoadedForm } from './loading/loaded-definitions.types';

// Every text of the two Kindergeld forms that a family reads in the chat (section titles in the
// summary card, questions, help, letter read-backs, choice buttons) exists in all six chat languages.
// The short chat labels (`label`, the row labels of the summary card) are checked apart: they have no
// `de` of their own (German comes from `pdfLabel`), so every label with `en` needs tr/ar/uk/ru too,
// else a family reads "Familienname (Last name)". `pdfLabel` stays German and the form title German
// and English. The tr/ar/uk/ru texts were written with machine assistance (see forms/README.md).

interface FamilyText {
  where: string;
  text: LocalizedText;
}

function questionTexts(question: QuestionDefinition, where: string): FamilyText[] {
  const at = `${where} ${question.id}`;
  return [
    { where: `${at} text`, text: question.text },
    ...(question.help ? [{ where: `${at} help`, text: question.help }] : []),
    ...(question.confirmText ? [{ where: `${at} confirmText`, text: question.confirmText }] : []),
    ...(question.options ?? []).map((option) => ({
      where: `${at} option ${option.value}`,
      text: option.label,
    })),
    ...(question.questions ?? []).flatMap((item) => questionTexts(item, where)),
  ];
}

function familyTexts(form: LoadedForm): FamilyText[] {
  return form.definition.sections.flatMap((section) => [
    { where: `${form.file} section ${section.id} title`, text: section.title },
    ...section.questions.flatMap((question) => questionTexts(question, form.file)),
  ]);
}

interface ChatLabel {
  where: string;
  label: LocalizedText;
  /** The German short label: `label.de`, or `pdfLabel`. */
  german?: string;
}

function questionLabels(question: QuestionDefinition, where: string): ChatLabel[] {
  return [
    ...(question.label
      ? [
          {
            where: `${where} ${question.id} label`,
            label: question.label,
            german: question.label.de ?? question.pdfLabel,
          },
        ]
      : []),
    ...(question.questions ?? []).flatMap((item) => questionLabels(item, where)),
  ];
}

/** The languages a short label needs besides English; German comes from `pdfLabel`. */
const LABEL_LOCALES = INTERVIEW_LOCALES.filter((locale) => locale !== 'de' && locale !== 'en');

/** `{value}`, `{name}`: the placeholders of a text, as a sorted set. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{[^{}]*\}/g) ?? [])].sort();
}

describe('the Kindergeld forms speak every chat language', () => {
  for (const formId of ['kg1', 'kg1-anlage-kind']) {
    it(`${formId}: every family-visible text in ${INTERVIEW_LOCALES.join(', ')}, placeholders kept`, async () => {
      const form = (await kindergeldApplication()).forms.find(({ definition }) => definition.id === formId);
      assert.ok(form, `${formId} is part of the Kindergeld application`);
      const texts = familyTexts(form);
      assert.ok(texts.length > 50, `${formId} has its questions (${texts.length} texts)`);
      const problems: string[] = [];
      for (const { where, text } of texts) {
        for (const locale of INTERVIEW_LOCALES) {
          const own = text[locale];
          if (own === undefined || own.trim() === '') {
            problems.push(`${where}: "${locale}" is missing`);
            continue;
          }
          if (locale !== 'de' && locale !== 'en' && (own === text.de || own === `${text.de} (${text.en})`)) {
            problems.push(`${where}: "${locale}" is the German text, not a translation`);
          }
          const expected = placeholders(text.de).join(' ');
          if (placeholders(own).join(' ') !== expected) {
            problems.push(
              `${where}: "${locale}" has placeholders [${placeholders(own).join(' ')}], German [${expected}]`,
            );
          }
        }
      }
      assert.deepEqual(problems, []);
    });

    it(`${formId}: every short label with English also in ${LABEL_LOCALES.join(', ')}`, async () => {
      const form = (await kindergeldApplication()).forms.find(({ definition }) => definition.id === formId);
      assert.ok(form, `${formId} is part of the Kindergeld application`);
      const labels = form.definition.sections
        .flatMap((section) => section.questions.flatMap((question) => questionLabels(question, form.file)))
        .filter(({ label }) => label.en !== undefined);
      assert.ok(labels.length > 50, `${formId} has its labels (${labels.length})`);
      const problems: string[] = [];
      for (const { where, label, german } of labels) {
        for (const locale of LABEL_LOCALES) {
          const own = label[locale];
          if (own === undefined || own.trim() === '') {
            problems.push(`${where}: "${locale}" is missing`);
          } else if ((own === label.en && label.en !== german) || own === `${german} (${label.en})`) {
            problems.push(`${where}: "${locale}" is the English or German (English) text, not a translation`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});
