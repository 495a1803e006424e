import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { INTERVIEW_LOCALES } from '../interview/interview-state.types';
import { LocalizedText } from './definition/localized-text.types';
import { QuestionDefinition } from './definition/question.types';
import { LoadedForm } from './loading/loaded-definitions.types';

// Every text of the two Kindergeld forms that a family reads in the chat (section titles in the
// summary card, questions, help, letter read-backs, choice buttons) exists in all six chat languages.
// Short labels (`label`, `pdfLabel`) and the form title are left out: the lead keeps them German and
// English. The tr/ar/uk/ru texts were written with machine assistance (see forms/README.md).

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
  }
});
