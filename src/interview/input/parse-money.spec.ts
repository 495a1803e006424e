import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MoneyParseResult, parseMoney } from './parse-money';

describe('parseMoney', () => {
  const cases: [string, MoneyParseResult][] = [
    ['20', { ok: true, value: 20 }],
    ['1.234,56', { ok: true, value: 1234.56 }],
    ['1234.56', { ok: true, value: 1234.56 }],
    ['1 234,56 €', { ok: true, value: 1234.56 }],
    ['1.234,56€', { ok: true, value: 1234.56 }],
    ['€ 1.234,56', { ok: true, value: 1234.56 }],
    ['€20', { ok: true, value: 20 }],
    ['EUR 20', { ok: true, value: 20 }],
    ['20 EUR', { ok: true, value: 20 }],
    ['20 Euro', { ok: true, value: 20 }],
    ['20 euros', { ok: true, value: 20 }],
    ['20,-', { ok: true, value: 20 }],
    ['20,- €', { ok: true, value: 20 }],
    ['20.--', { ok: true, value: 20 }],
    ['0,99', { ok: true, value: 0.99 }],
    ['0', { ok: true, value: 0 }],
    ['1.500', { ok: true, value: 1500 }],
    ['250,5', { ok: true, value: 250.5 }],
    ['0,1', { ok: true, value: 0.1 }],
    ['fünf', { ok: true, value: 5 }],
    ['-20', { ok: false, reason: 'negative' }],
    ['-20 €', { ok: false, reason: 'negative' }],
    ['− 5,00 EUR', { ok: false, reason: 'negative' }],
    ['1,234', { ok: false, reason: 'too-many-decimals' }], // English thousands or a typo: ask again
    ['12.345,678', { ok: false, reason: 'too-many-decimals' }],
    ['', { ok: false, reason: 'not-a-number' }],
    ['zwanzig Euro', { ok: false, reason: 'not-a-number' }],
    ['$20', { ok: false, reason: 'not-a-number' }],
    ['€', { ok: false, reason: 'not-a-number' }],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(parseMoney(input), expected));
  }

  it('returns whole cents without floating-point noise', () => {
    const sut = parseMoney('0,29');
    assert.deepEqual(sut, { ok: true, value: 0.29 });
  });
});
