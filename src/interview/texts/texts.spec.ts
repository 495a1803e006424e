import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INTERVIEW_LOCALES } from '../interview-state.types';
import { ANSWER_MESSAGES, AnswerErrorCode } from '../../forms/answers/answer-messages';
import { directionOf, localized, text, TEXTS } from './index';
import { VALIDATION_MESSAGES } from './validation-messages';
import { validationText } from './validation-text.util';

const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('interview texts', () => {
  it('has every key in every language with the same placeholders as German', () => {
    for (const locale of INTERVIEW_LOCALES) {
      assert.deepEqual(Object.keys(TEXTS[locale]).sort(), Object.keys(TEXTS.de).sort(), locale);
      for (const [key, german] of Object.entries(TEXTS.de)) {
        const own = TEXTS[locale][key as keyof typeof TEXTS.de];
        assert.ok(own.trim().length > 0, `${locale}.${key} is empty`);
        assert.deepEqual(placeholders(own), placeholders(german), `${locale}.${key}`);
      }
    }
  });

  it('fills placeholders and writes Arabic right to left', () => {
    assert.equal(text('de', 'itemLabelNamed', { n: 2, name: 'Elif' }), 'Kind 2: Elif');
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('uk'), 'ltr');
  });

  it('shows definition texts in German with the English in brackets for languages the definitions lack', () => {
    const question = { de: 'Wann sind Sie geboren?', en: 'When were you born?' };
    assert.equal(localized('de', question), 'Wann sind Sie geboren?');
    assert.equal(localized('en', question), 'When were you born?');
    assert.equal(localized('tr', question), 'Wann sind Sie geboren? (When were you born?)');
    assert.equal(localized('tr', { de: 'ledig', en: 'single', tr: 'bekâr' }), 'bekâr');
  });
});

describe('validation messages in tr, ar, uk, ru', () => {
  it('has every answer error code of src/forms, with {limit} exactly where the German message has a limit', () => {
    for (const [locale, messages] of Object.entries(VALIDATION_MESSAGES)) {
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(ANSWER_MESSAGES).sort(), locale);
      for (const [code, message] of Object.entries(messages)) {
        const hasLimit = ANSWER_MESSAGES[code as AnswerErrorCode]('4711').de.includes('4711');
        assert.ok(message.trim().length > 0, `${locale}.${code}`);
        assert.equal(message.includes('{limit}'), hasLimit, `${locale}.${code}`);
      }
    }
  });

  it('fills in the limit and keeps German and English from src/forms', () => {
    const tooLong = { validation: ANSWER_MESSAGES.TOO_LONG('60'), code: 'TOO_LONG' as const };
    assert.equal(validationText('tr', tooLong), 'Lütfen en fazla 60 karakter yazın.');
    assert.equal(validationText('de', tooLong), 'Bitte schreiben Sie höchstens 60 Zeichen.');
    assert.equal(
      validationText('ru', {
        validation: ANSWER_MESSAGES.DATE_TOO_EARLY('01.01.2000'),
        code: 'DATE_TOO_EARLY',
      }),
      'Дата должна быть 01.01.2000 или позже.',
    );
    assert.equal(
      validationText('uk', { validation: ANSWER_MESSAGES.PATTERN('') }),
      `${ANSWER_MESSAGES.PATTERN('').de} (${ANSWER_MESSAGES.PATTERN('').en})`,
    );
  });
});
