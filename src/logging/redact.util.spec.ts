import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact, redactText } from './redact.util';
import { AppLogger } from './app-logger';

describe('redactText', () => {
  it('removes IBANs, Kindergeldnummern, e-mail addresses, phone numbers, tax ids and dates', () => {
    const text =
      'IBAN DE89 3704 0044 0532 0130 00, KG-Nr 215FK381902, mail ayse.yilmaz@example.org, ' +
      'Tel. 0201 1234567, Steuer-ID 12 345 678 901, geboren 03.05.2010 bzw. 2010-05-03';
    const result = redactText(text);
    for (const secret of [
      '3704',
      '215FK381902',
      'ayse.yilmaz',
      '1234567',
      '678 901',
      '03.05.2010',
      '2010-05-03',
    ]) {
      assert.ok(!result.includes(secret), `"${secret}" is still in: ${result}`);
    }
    assert.match(result, /\[IBAN\]/);
    assert.match(result, /\[KINDERGELDNUMMER\]/);
    assert.match(result, /\[EMAIL\]/);
  });

  it('leaves ids alone, also those with digit groups that look like a phone number', () => {
    const text =
      '3f0c2a9e-0123-4567-89ab-012345678901 POST /review/cases/12345678-0123-4567-8901-123456789012/notes';
    assert.equal(redactText(text), text);
    assert.equal(
      redactText('12345678-0123-4567-8901-123456789012 Tel. 0201 1234567'),
      '12345678-0123-4567-8901-123456789012 Tel. [PHONE]',
    );
  });

  it('leaves technical text alone', () => {
    const text = 'Listening on 127.0.0.1:3000, migration took 1234 ms, form kg1 edition 09/2025';
    assert.equal(redactText(text), text);
  });
});

describe('redact', () => {
  it('masks sensitive keys at any depth and keeps the rest', () => {
    const result = redact({
      caseId: 'c-1',
      applicant: { lastName: 'Yılmaz', iban: 'DE89370400440532013000' },
      count: 3,
    });
    assert.deepEqual(result, {
      caseId: 'c-1',
      applicant: { lastName: '[REDACTED]', iban: '[REDACTED]' },
      count: 3,
    });
  });
});

describe('AppLogger', () => {
  it('writes one JSON line per entry with the context and without personal data', () => {
    const lines: string[] = [];
    const sut = new AppLogger('log', 'json', (line) => lines.push(line));
    sut.log('Antrag für Kind mit KG-Nr 215FK381902 erstellt', 'CasesService');
    sut.debug('not written at level log');
    sut.error('Fill failed for ayse@example.org', 'Error: boom\n    at fill (x.ts:1)', 'PdfFiller');
    assert.equal(lines.length, 2);
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    assert.equal(first.level, 'log');
    assert.equal(first.context, 'CasesService');
    assert.equal(first.message, 'Antrag für Kind mit KG-Nr [KINDERGELDNUMMER] erstellt');
    const second = JSON.parse(lines[1]) as Record<string, unknown>;
    assert.equal(second.context, 'PdfFiller');
    assert.match(String(second.stack), /boom/);
    assert.ok(!lines[1].includes('ayse@example.org'));
  });
});
