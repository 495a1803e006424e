import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  IdentifierKind,
  normalizeCode,
  normalizeEmail,
  normalizeIban,
  normalizeIdentifier,
  normalizeKindergeldNumber,
  normalizePhone,
  normalizePostalCode,
  normalizeTaxId,
} from './normalize-identifier';

function table(name: string, sut: (input: string) => string, cases: [string, string][]): void {
  describe(name, () => {
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => assert.equal(sut(input), expected));
    }
  });
}

table('normalizeIban', normalizeIban, [
  ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ['de89370400440532013000', 'DE89370400440532013000'],
  ['DE89-3704-0044-0532-0130-00', 'DE89370400440532013000'],
  ['  DE89\u00A03704 0044 0532 0130 00 ', 'DE89370400440532013000'],
  ['IBAN: DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  ['AT61 1904 3002 3457 3201', 'AT611904300234573201'],
]);

table('normalizeTaxId', normalizeTaxId, [
  ['12 345 678 901', '12345678901'],
  ['12/345/678/901', '12345678901'],
  ['12.345.678.901', '12345678901'],
  ['12345678901', '12345678901'],
  ['١٢٣٤٥٦٧٨٩٠١', '12345678901'],
]);

table('normalizeCode', normalizeCode, [
  ['cobadeffxxx', 'COBADEFFXXX'],
  ['COBA DE FF XXX', 'COBADEFFXXX'],
  ['BIC: cobadeffxxx', 'COBADEFFXXX'],
  ['Swift-Code: BKAU-AT-WW', 'BKAUATWW'],
  ['215 fk 381902', '215FK381902'],
]);

table('normalizeKindergeldNumber', normalizeKindergeldNumber, [
  ['215 FK 381902', '215FK381902'],
  ['215fk381902', '215FK381902'],
  ['215-FK-381902', '215FK381902'],
  ['215FK381902', '215FK381902'],
]);

table('normalizePostalCode', normalizePostalCode, [
  ['45127', '45127'],
  [' 01067 ', '01067'], // the leading zero of Dresden stays
  ['01 067', '01067'],
  ['D-45127', '45127'],
  ['DE-01067', '01067'],
]);

table('normalizePhone', normalizePhone, [
  ['0201/123 456-7', '02011234567'],
  ['+49 201 1234567', '+492011234567'],
  ['+49 (0) 201 123456', '+49201123456'],
  ['+49(0)201-123456', '+49201123456'],
  ['0049 201 123456', '0049201123456'],
  ['(0201) 12 34 56', '0201123456'],
  ['0176 / 123 456 78', '017612345678'],
  ['Tel. 0201 123456', '0201123456'],
]);

table('normalizeEmail', normalizeEmail, [
  [' ayse.yilmaz@web.de ', 'ayse.yilmaz@web.de'],
  ['Ayse.Yilmaz@WEB.DE', 'Ayse.Yilmaz@web.de'], // the part before "@" is kept as typed
  ['dragana @ gmx.de', 'dragana@gmx.de'],
  ['mailto:olena@Example.ORG', 'olena@example.org'],
  ['<mehmet@t-online.de>', 'mehmet@t-online.de'],
  ['no-at-sign', 'no-at-sign'],
]);

describe('normalizeIdentifier', () => {
  const cases: [IdentifierKind, string, string][] = [
    ['iban', 'de89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['taxId', '12 345 678 901', '12345678901'],
    ['kindergeldNumber', '215 fk 381902', '215FK381902'],
    ['postalCode', ' 01067', '01067'],
    ['phone', '0201/123 456-7', '02011234567'],
    ['email', 'Ayse@WEB.de', 'Ayse@web.de'],
  ];
  for (const [kind, input, expected] of cases) {
    it(`${kind}: ${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () =>
      assert.equal(normalizeIdentifier(kind, input), expected));
  }
});
