import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as input from './index';

// How the engine is meant to use this layer: commands first (whole messages only), then the parser of
// the current question's type. Replayed here with what families typed in a test chat.
describe('interview input through the public index', () => {
  it('exports every parser and normaliser', () => {
    const exported = Object.keys(input).sort();
    assert.deepEqual(exported, [
      'foldForMatching',
      'lowerCaseText',
      'normalizeCode',
      'normalizeEmail',
      'normalizeIban',
      'normalizeIdentifier',
      'normalizeKindergeldNumber',
      'normalizePhone',
      'normalizePostalCode',
      'normalizeTaxId',
      'parseChoice',
      'parseDate',
      'parseMoney',
      'parseNumber',
      'parseYesNo',
      'recognizeCommand',
      'removeDiacritics',
      'tidyText',
      'toAsciiDigits',
    ]);
  });

  it('reads a short conversation of Ayşe Yılmaz', () => {
    const today = '2025-06-01';
    const said = (text: string) => input.recognizeCommand(text);

    // "Wie ist Ihr Familienname?" -> a name is stored as typed, dotless ı included
    assert.equal(said('  Yılmaz '), null);
    assert.equal(input.tidyText('  Yılmaz '), 'Yılmaz');
    // "Wann ist Elif geboren?"
    assert.equal(said('2.4.19'), null);
    assert.deepEqual(input.parseDate('2.4.19', { today }), { ok: true, value: '2019-04-02' });
    // "Sind Sie verheiratet?" -> she asks for help first, then answers in Turkish
    assert.deepEqual(said('Was bedeutet das?'), { command: 'help' });
    assert.equal(said('Evet'), null);
    assert.equal(input.parseYesNo('Evet'), true);
    // "Wie hoch ist Ihr Einkommen im Monat?"
    assert.deepEqual(input.parseMoney('1.850,- €'), { ok: true, value: 1850 });
    // "Ihre IBAN?"
    assert.equal(input.normalizeIdentifier('iban', 'de89 3704 0044 0532 0130 00'), 'DE89370400440532013000');
    // from the summary she corrects a date
    assert.deepEqual(said('Geburtsdatum ändern'), { command: 'change', argument: 'Geburtsdatum' });
  });

  it('never throws and keeps its result shapes for 2,000 random messages', () => {
    // Deterministic: a linear congruential generator over a pool of what phones send.
    const pool = [...'0123456789 .,-/:€+?!()#aeiouyzßäöüıİşğç АаЯяїІ لاعربي👍🏽\uFE0F\u200D\t\n'];
    let state = 42;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const options = [
      { value: 'ja', label: { de: 'ja' } },
      { value: 'nein', label: { de: 'nein' } },
    ];
    for (let index = 0; index < 2000; index++) {
      const text = Array.from(
        { length: Math.floor(next() * 16) },
        () => pool[Math.floor(next() * pool.length)],
      ).join('');
      const date = input.parseDate(text, { today: '2025-06-01' });
      assert.ok(date.ok ? /^\d{4}-\d{2}-\d{2}$/.test(date.value) : typeof date.reason === 'string', text);
      const money = input.parseMoney(text);
      assert.ok(
        money.ok ? Number.isFinite(money.value) && money.value >= 0 : typeof money.reason === 'string',
        text,
      );
      assert.ok([true, false, null].includes(input.parseYesNo(text)), text);
      const choice = input.parseChoice(text, options);
      assert.ok(choice.ok ? ['ja', 'nein'].includes(choice.value) : typeof choice.reason === 'string', text);
      assert.equal(typeof input.normalizeIdentifier('iban', text), 'string');
      const command = input.recognizeCommand(text);
      assert.ok(command === null || typeof command.command === 'string', text);
    }
  });
});
