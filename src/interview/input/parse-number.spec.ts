import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseNumber } from './parse-number';

describe('parseNumber', () => {
  const numbers: [string, number][] = [
    ['3', 3],
    [' 3 ', 3],
    ['0', 0],
    ['007', 7],
    ['-3', -3],
    ['− 3', -3], // Unicode minus
    ['+3', 3],
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['1234.56', 1234.56],
    ['1234,56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1 234,56', 1234.56],
    ['1\u202F234,56', 1234.56], // narrow no-break space from a phone
    ["1'234.5", 1234.5],
    ['1.500', 1500], // German thousands
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['0.500', 0.5],
    ['1234.567', 1234.567],
    ['١٢', 12],
    ['drei', 3],
    ['Drei', 3],
    ['null', 0],
    ['eins', 1],
    ['fünf', 5],
    ['fuenf', 5],
    ['zwölf', 12],
    ['twelve', 12],
    ['Seven', 7],
  ];
  for (const [input, expected] of numbers) {
    it(`${JSON.stringify(input)} -> ${expected}`, () =>
      assert.deepEqual(parseNumber(input), { ok: true, value: expected }));
  }

  const notNumbers = [
    '',
    'abc',
    '1.2.3',
    '1,2,3',
    '12 34',
    '1.',
    ',5',
    '1..2',
    '1.23.456',
    '3 Kinder',
    'dreizehn',
    '--3',
    '3-',
    '1e5',
    'Infinity',
    'NaN',
    '0x10',
  ];
  for (const input of notNumbers) {
    it(`${JSON.stringify(input)} is not a number`, () =>
      assert.deepEqual(parseNumber(input), { ok: false, reason: 'not-a-number' }));
  }
});
