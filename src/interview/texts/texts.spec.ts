import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INTERVIEW_LOCALES } from '../interview-state.types';
import { directionOf, localized, text, TEXTS } from './index';

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
