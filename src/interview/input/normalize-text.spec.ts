import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  foldForMatching,
  lowerCaseText,
  matchingKeysFor,
  removeDiacritics,
  stripPunctuation,
  tidyText,
  toAsciiDigits,
} from './normalize-text';

describe('tidyText', () => {
  const cases: [string, string][] = [
    ['  Ayşe   Yılmaz  ', 'Ayşe Yılmaz'],
    ['Yılmaz', 'Yılmaz'], // the dotless ı of a name survives for storing
    ['İSTANBUL', 'İSTANBUL'],
    ['Dragana\u00A0Petrović', 'Dragana Petrović'], // no-break space
    ['Olena\tKovalenko\n', 'Olena Kovalenko'],
    ['\uFEFFMehmet\u200B', 'Mehmet'], // BOM and zero-width space from copy and paste
    ['Mu\u0308ller', 'Müller'], // decomposed umlaut from some phone keyboards becomes one character
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      assert.equal(tidyText(input), expected);
    });
  }
});

describe('lowerCaseText', () => {
  const cases: [string, string | undefined, string][] = [
    ['İSTANBUL', 'tr', 'istanbul'],
    ['IŞIK', 'tr', 'ışık'], // Turkish capital I is the dotless ı
    ['IŞIK', 'tr-TR', 'ışık'],
    ['İpek', undefined, 'ipek'], // no combining dot left behind
    ['ISTANBUL', 'de', 'istanbul'],
    ['ÄRGER', undefined, 'ärger'],
  ];
  for (const [input, locale, expected] of cases) {
    it(`${input} (${locale ?? 'no locale'}) -> ${expected}`, () => {
      const sut = lowerCaseText(input, locale);
      assert.equal(sut, expected);
      assert.equal(sut.length, expected.length);
    });
  }
});

describe('toAsciiDigits', () => {
  const cases: [string, string][] = [
    ['٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['۲۰۱۰', '2010'],
    ['１２３', '123'],
    ['3.5.2010', '3.5.2010'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => assert.equal(toAsciiDigits(input), expected));
  }
});

describe('removeDiacritics', () => {
  const cases: [string, string][] = [
    ['Müller', 'Muller'],
    ['Şubat', 'Subat'],
    ['Yılmaz', 'Yilmaz'],
    ['Petrović', 'Petrovic'],
    ['weiß', 'weiss'],
    ['إلغاء', 'الغاء'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => assert.equal(removeDiacritics(input), expected));
  }
});

describe('stripPunctuation', () => {
  it('removes apostrophes and turns other punctuation into single spaces', () => {
    assert.equal(stripPunctuation("don't know!"), 'dont know');
    assert.equal(stripPunctuation('ja,,, klar...'), 'ja klar');
  });
});

describe('foldForMatching', () => {
  const cases: [string, string][] = [
    ['  Hayır! ', 'hayir'],
    ['HAYIR', 'hayir'],
    ['İptal', 'iptal'],
    ['Zurück?', 'zuruck'],
    ['👍🏽', '👍'], // skin tone dropped
    ['👍\uFE0F', '👍'], // variation selector dropped
    ['Nummer 2.', 'nummer 2'],
    ['لا أعرف؟', 'لا اعرف'],
    ['مـسـاعـدة', 'مساعدة'], // tatweel
    ['Не  ЗНАЮ', 'не знаю'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      assert.equal(foldForMatching(input), expected));
  }
});

describe('matchingKeysFor', () => {
  it('stores German umlaut phrases under both the folded and the transliterated spelling', () => {
    assert.deepEqual(matchingKeysFor('zurück'), ['zuruck', 'zurueck']);
  });

  it('stores other phrases under one key', () => {
    assert.deepEqual(matchingKeysFor('Hilfe'), ['hilfe']);
  });
});
