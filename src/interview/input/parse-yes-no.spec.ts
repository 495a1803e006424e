import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYesNo } from './parse-yes-no';

describe('parseYesNo', () => {
  const yes = [
    'ja',
    'Ja!',
    'JA',
    ' ja. ',
    'jo',
    'jap',
    'jawohl',
    'klar',
    'Na klar!',
    'genau',
    'stimmt',
    'richtig',
    'doch',
    'ok',
    'OK.',
    'okay',
    'sicher',
    'natürlich',
    'natuerlich',
    'y',
    'yes',
    'Yes!',
    'yeah',
    'yep',
    'jaaa',
    'ja bitte',
    'Ja, danke',
    'yes please',
    'evet',
    'Evet.',
    'tamam',
    'نعم',
    'أجل',
    'так',
    'Так!',
    'да',
    'Да',
    '👍',
    '👍🏽',
    '👍\uFE0F',
    '👍👍',
    '✅',
    '👌',
    '✔️',
  ];
  const no = [
    'nein',
    'Nein.',
    'NEIN!',
    'nö',
    'Nö',
    'noe',
    'ne',
    'Ne',
    'nee',
    'neee',
    'nein danke',
    'nicht',
    'kein',
    'keine',
    'no',
    'No.',
    'nope',
    'hayır',
    'Hayır',
    'HAYIR',
    'hayir',
    'yok',
    'لا',
    'لا.',
    'كلا',
    'ні',
    'Ні',
    'нет',
    'Нет!',
    '👎',
    '👎🏿',
    '❌',
  ];
  const neither = [
    '',
    '   ',
    'vielleicht',
    'maybe',
    'Hilde',
    'ja nein',
    'nein ja',
    'jein',
    'weiß nicht',
    'janein',
    '3',
    '?',
    'bitte',
    'jan',
    'nicht sicher',
    'evetler',
  ];

  for (const input of yes) {
    it(`${JSON.stringify(input)} is yes`, () => assert.equal(parseYesNo(input), true));
  }
  for (const input of no) {
    it(`${JSON.stringify(input)} is no`, () => assert.equal(parseYesNo(input), false));
  }
  for (const input of neither) {
    it(`${JSON.stringify(input)} is neither`, () => assert.equal(parseYesNo(input), null));
  }
});
