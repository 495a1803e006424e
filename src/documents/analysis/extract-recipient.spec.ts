import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { letterDocument, PlacedLine } from '../../../test/support/letter-document.factory';
import { extractRecipient } from './extract-recipient';
import { findAddressWindow } from './find-address-window';
import { buildLetterText } from './letter-text';

const INFO_BLOCK: PlacedLine[] = [
  { text: 'Kindergeldnummer: 123FK456789', x: 125, y: 50 },
  { text: 'Datum: 02.11.2026', x: 125, y: 55 },
];

function formA(address: string[]): PlacedLine[] {
  return [
    { text: 'Familienkasse Nordrhein-Westfalen Ost', y: 10 },
    { text: 'Familienkasse NRW Ost · 45100 Essen', y: 30 },
    ...address.map((text, index) => ({ text, y: 45 + index * 4.6 })),
  ];
}

function formB(address: string[]): PlacedLine[] {
  return [
    // A letterhead on the left with a postal code of its own, above the address field.
    { text: 'Stadt Duisburg', y: 12 },
    { text: 'Postfach 10 01 01', y: 24 },
    { text: '47049 Duisburg', y: 29 },
    { text: 'Stadt Duisburg · Wohngeldstelle · 47049 Duisburg', y: 48 },
    ...address.map((text, index) => ({ text, y: 63 + index * 4.6 })),
  ];
}

describe('extractRecipient', () => {
  const cases = [
    {
      layout: 'A',
      lines: formA(['Frau', 'Ayşe Yılmaz', 'Hafenstraße 12', '45127 Essen']),
      name: 'Ayşe Yılmaz',
      street: 'Hafenstraße 12',
      postalCode: '45127',
      city: 'Essen',
    },
    {
      layout: 'A',
      lines: formA(['Herrn Mehmet Yılmaz', 'Altendorfer Straße 3a', '45127 Essen']),
      name: 'Mehmet Yılmaz',
      street: 'Altendorfer Straße 3a',
      postalCode: '45127',
      city: 'Essen',
    },
    {
      layout: 'B',
      lines: formB(['Einschreiben', 'Frau Dragana Petrović', 'Am Lindenhof 7', '47051 Duisburg']),
      name: 'Dragana Petrović',
      street: 'Am Lindenhof 7',
      postalCode: '47051',
      city: 'Duisburg',
    },
    {
      layout: 'B',
      lines: formB(['', 'Olena Kovalenko', 'Kettwiger Weg 41', '5O667 Köln']),
      name: 'Olena Kovalenko',
      street: 'Kettwiger Weg 41',
      postalCode: '50667',
      city: 'Köln',
    },
  ];
  for (const { layout, lines, ...expected } of cases) {
    it(`reads ${expected.name} from a form ${layout} letter`, () => {
      const letter = buildLetterText(letterDocument([...lines, ...INFO_BLOCK]));
      const sut = extractRecipient(letter);
      assert.deepEqual(sut?.value, expected);
      assert.equal(findAddressWindow(letter)?.form, layout === 'A' ? 'A' : 'B');
      assert.equal(sut?.evidence?.page, 1);
    });
  }

  it('does not take an address printed outside the address field', () => {
    const letter = buildLetterText(
      letterDocument([
        { text: 'Ayşe Yılmaz', y: 150 },
        { text: 'Hafenstraße 12', y: 155 },
        { text: '45127 Essen', y: 160 },
      ]),
    );
    assert.equal(extractRecipient(letter), null);
  });

  it('ignores the information block to the right of the address field', () => {
    const letter = buildLetterText(
      letterDocument([
        ...formA(['Ayşe Yılmaz', 'Hafenstraße 12', '45127 Essen']),
        { text: 'Sprechzeiten 45127 Essen', x: 125, y: 54 },
      ]),
    );
    assert.equal(extractRecipient(letter)?.value.name, 'Ayşe Yılmaz');
  });

  it('reads the cent sign OCR makes of ć as c in the name', () => {
    const letter = buildLetterText(
      letterDocument(formA(['Herrn', 'Luka Juri¢', 'Rosenweg 2', '47051 Duisburg'])),
    );
    assert.equal(extractRecipient(letter)?.value.name, 'Luka Juric');
  });
});
