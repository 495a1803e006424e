import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aQuestion } from '../../../test/fixtures/forms/question.factory';
import { QuestionDefinition } from '../definition/question.types';
import { validateAnswer as sut } from './answer-validator';

const today = '2025-10-01';
const check = (question: QuestionDefinition, value: unknown) => sut(question, value, { today });

function assertFails(question: QuestionDefinition, value: unknown, code: string, german?: string): void {
  const result = check(question, value);
  assert.equal(result.ok, false, `expected ${JSON.stringify(value)} to be refused`);
  if (result.ok) {
    return;
  }
  assert.equal(result.code, code);
  assert.ok(result.message.de.length > 0 && result.message.en.length > 0);
  if (german) {
    assert.equal(result.message.de, german);
  }
}

function assertAccepts(question: QuestionDefinition, value: unknown, stored: unknown = value): void {
  assert.deepEqual(check(question, value), { ok: true, value: stored });
}

describe('validateAnswer', () => {
  it('asks for required answers and stores null for skipped optional ones', () => {
    assertFails(aQuestion({ type: 'text' }), '  ', 'REQUIRED', 'Bitte beantworten Sie diese Frage.');
    assertFails(aQuestion({ type: 'yesno' }), undefined, 'REQUIRED');
    assertAccepts(aQuestion({ type: 'text', required: false }), '', null);
  });

  it('checks text length in characters and the pattern, and trims', () => {
    const question = aQuestion({
      type: 'text',
      validation: { minLength: 2, maxLength: 5, pattern: '[A-Za-zşıć]+' },
    });
    assertAccepts(question, ' Ayşe ', 'Ayşe');
    assertFails(question, 'A', 'TOO_SHORT', 'Bitte schreiben Sie mindestens 2 Zeichen.');
    assertFails(question, 'Dragana', 'TOO_LONG');
    assertFails(question, 'Ay5e', 'PATTERN');
  });

  it('checks dates: real calendar dates, not in future, relative ranges', () => {
    const birth = aQuestion({
      type: 'date',
      validation: { notInFuture: true, max: 'today-18y', min: '1900-01-01' },
    });
    assertAccepts(birth, '1990-05-17');
    assertAccepts(birth, '2007-10-01');
    assertFails(birth, '2007-10-02', 'DATE_TOO_LATE', 'Das Datum muss am 01.10.2007 oder früher sein.');
    assertFails(birth, '1899-12-31', 'DATE_TOO_EARLY', 'Das Datum muss am 01.01.1900 oder später sein.');
    assertFails(birth, '2023-02-29', 'NOT_A_DATE');
    assertFails(birth, '3.5.2010', 'NOT_A_DATE');
    assertFails(
      aQuestion({ type: 'date', validation: { notInFuture: true } }),
      '2025-10-02',
      'DATE_IN_FUTURE',
    );
    assertFails(aQuestion({ type: 'date', validation: { notInPast: true } }), '2025-09-30', 'DATE_IN_PAST');
  });

  it('accepts only booleans for yes/no and only option values for choices', () => {
    assertAccepts(aQuestion({ type: 'yesno' }), false);
    assertFails(aQuestion({ type: 'yesno' }), 'ja', 'NOT_YES_NO');
    const choice = aQuestion({ type: 'choice', options: [{ value: 'ledig', label: { de: 'ledig' } }] });
    assertAccepts(choice, 'ledig');
    assertFails(choice, 'verheiratet', 'NOT_AN_OPTION');
  });

  it('checks numbers and money', () => {
    const persons = aQuestion({ type: 'number', validation: { min: 1, max: 20, integer: true } });
    assertAccepts(persons, 4);
    assertFails(persons, 2.5, 'NOT_WHOLE_NUMBER');
    assertFails(persons, 0, 'NUMBER_TOO_SMALL', 'Die Zahl muss mindestens 1 sein.');
    assertFails(persons, 21, 'NUMBER_TOO_LARGE');
    assertFails(persons, '4', 'NOT_A_NUMBER');
    const income = aQuestion({ type: 'money', validation: { min: 0 } });
    assertAccepts(income, 1234.56);
    assertFails(income, 10.005, 'TOO_MANY_DECIMALS');
    assertFails(income, -1, 'NUMBER_TOO_SMALL');
  });

  it('normalises and checks IBAN and Steuer-ID with their checksums', () => {
    const iban = aQuestion({ type: 'iban' });
    assertAccepts(iban, 'de89 3704 0044 0532 0130 00', 'DE89370400440532013000');
    assertFails(
      iban,
      'DE89 3704 0044 0532 0130 01',
      'INVALID_IBAN',
      'Die IBAN stimmt nicht. Bitte prüfen Sie die Zahlen.',
    );
    const taxId = aQuestion({ type: 'taxId' });
    assertAccepts(taxId, '65 929 970 489', '65929970489');
    assertFails(taxId, '65929970488', 'INVALID_TAX_ID');
    assertFails(taxId, '6592997048', 'INVALID_TAX_ID');
  });

  it('checks postcodes, phone numbers and e-mail addresses', () => {
    assertAccepts(aQuestion({ type: 'postalCode' }), '44147');
    assertFails(aQuestion({ type: 'postalCode' }), '4414', 'INVALID_POSTAL_CODE');
    assertAccepts(aQuestion({ type: 'phone' }), '0231 1234567');
    assertFails(aQuestion({ type: 'phone' }), '12', 'INVALID_PHONE');
    assertAccepts(aQuestion({ type: 'email' }), 'olena.kovalenko@example.org');
    assertFails(aQuestion({ type: 'email' }), 'olena@', 'INVALID_EMAIL');
  });

  it('checks the number of items of a repeat group', () => {
    const children = aQuestion({ type: 'repeat', validation: { min: 1, max: 2 } });
    assertAccepts(children, [{ 'children.firstName': 'Elif' }]);
    assertFails(children, [], 'TOO_FEW_ITEMS', 'Bitte geben Sie mindestens 1 an.');
    assertFails(children, [{}, {}, {}], 'TOO_MANY_ITEMS');
    assertFails(children, 'Elif', 'NOT_A_LIST');
  });
});
