import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChoiceOptionInput, ChoiceParseResult, parseChoice } from './parse-choice';

// Marital status as asked on the KG 1 (labels in German, English and Turkish).
const maritalStatus: ChoiceOptionInput[] = [
  { value: 'ledig', label: { de: 'ledig', en: 'single', tr: 'bekâr' } },
  { value: 'verheiratet', label: { de: 'verheiratet', en: 'married', tr: 'evli' } },
  { value: 'verwitwet', label: { de: 'verwitwet', en: 'widowed', tr: 'dul' } },
  { value: 'geschieden', label: { de: 'geschieden', en: 'divorced', tr: 'boşanmış' } },
  { value: 'getrennt', label: { de: 'dauernd getrennt lebend', en: 'permanently separated' } },
  {
    value: 'lebenspartnerschaft',
    label: { de: 'eingetragene Lebenspartnerschaft', en: 'registered civil partnership' },
  },
];

const ok = (value: string, matchedBy: string): ChoiceParseResult =>
  ({ ok: true, value, matchedBy }) as ChoiceParseResult;
const noMatch: ChoiceParseResult = { ok: false, reason: 'no-match' };
const ambiguous = (...candidates: string[]): ChoiceParseResult => ({
  ok: false,
  reason: 'ambiguous',
  candidates,
});

describe('parseChoice', () => {
  const cases: [string, ChoiceParseResult][] = [
    // by number in the list shown
    ['2', ok('verheiratet', 'number')],
    ['2.', ok('verheiratet', 'number')],
    ['2)', ok('verheiratet', 'number')],
    ['(2)', ok('verheiratet', 'number')],
    ['#2', ok('verheiratet', 'number')],
    ['Nummer 2', ok('verheiratet', 'number')],
    ['Nr. 2', ok('verheiratet', 'number')],
    ['number 6', ok('lebenspartnerschaft', 'number')],
    ['zwei', ok('verheiratet', 'number')],
    ['٢', ok('verheiratet', 'number')],
    ['7', noMatch],
    ['0', noMatch],
    ['1 2', noMatch],
    ['2,5', noMatch],
    // by value and label, any language, case and diacritics
    ['verheiratet', ok('verheiratet', 'value')],
    ['Verheiratet', ok('verheiratet', 'value')],
    ['VERHEIRATET!', ok('verheiratet', 'value')],
    ['married', ok('verheiratet', 'label')],
    ['Married.', ok('verheiratet', 'label')],
    ['evli', ok('verheiratet', 'label')],
    ['bekar', ok('ledig', 'label')],
    ['Boşanmış', ok('geschieden', 'label')],
    ['bosanmis', ok('geschieden', 'label')],
    ['dauernd getrennt lebend', ok('getrennt', 'label')],
    // by unique prefix of a label or of one of its words
    ['verh', ok('verheiratet', 'prefix')],
    ['gesch', ok('geschieden', 'prefix')],
    ['wid', ok('verwitwet', 'prefix')],
    ['Lebenspartnerschaft', ok('lebenspartnerschaft', 'value')],
    ['Lebenspartner', ok('lebenspartnerschaft', 'prefix')],
    ['getrennt', ok('getrennt', 'value')],
    ['separated', ok('getrennt', 'prefix')],
    ['ver', ambiguous('verheiratet', 'verwitwet')],
    ['d', noMatch], // one letter is too little
    // one typo in longer labels
    ['verheiratt', ok('verheiratet', 'typo')],
    ['verhieratet', ok('verheiratet', 'typo')],
    ['merried', ok('verheiratet', 'typo')],
    ['geschiden', ok('geschieden', 'typo')],
    ['devorced', ok('geschieden', 'typo')],
    ['ledik', noMatch], // "ledig" is too short to forgive a typo
    ['verheiretat', noMatch], // two typos
    // nothing
    ['', noMatch],
    ['  ', noMatch],
    ['weiß nicht', noMatch],
    ['Ayşe Yılmaz', noMatch],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseChoice(input, maritalStatus), expected);
    });
  }

  it('prefers an exact value over the position when values are numbers', () => {
    const children = [
      { value: '2', label: { de: 'zwei Kinder' } },
      { value: '1', label: { de: 'ein Kind' } },
    ];
    assert.deepEqual(parseChoice('1', children), ok('1', 'value'));
  });

  it('reports options that share a label as ambiguous', () => {
    const options = [
      { value: 'a', label: { de: 'Mutter', en: 'parent' } },
      { value: 'b', label: { de: 'Vater', en: 'parent' } },
    ];
    assert.deepEqual(parseChoice('parent', options), ambiguous('a', 'b'));
  });

  it('forgives a typo only when it fits one option', () => {
    const options = [
      { value: 'mutter', label: { de: 'Mutter' } },
      { value: 'muttern', label: { de: 'Muttern' } },
    ];
    assert.deepEqual(parseChoice('Mutte', options), ambiguous('mutter', 'muttern')); // prefix of both
    assert.deepEqual(parseChoice('Mutterr', options), ambiguous('mutter', 'muttern'));
  });

  it('answers each option list on its own, also when asked again', () => {
    const yesNo = [
      { value: 'ja', label: { de: 'ja' } },
      { value: 'nein', label: { de: 'nein' } },
    ];
    assert.deepEqual(parseChoice('2', maritalStatus), ok('verheiratet', 'number'));
    assert.deepEqual(parseChoice('2', yesNo), ok('nein', 'number'));
    assert.deepEqual(parseChoice('2', maritalStatus), ok('verheiratet', 'number'));
  });

  it('finds nothing among no options', () => assert.deepEqual(parseChoice('1', []), noMatch));
});
