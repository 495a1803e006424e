import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  acroFormFixtureFieldCount,
  acroFormFixtureFields as expected,
  buildAcroFormFixture,
  buildPdfWithoutForm,
  type FixtureEncryption,
} from '../../../test/fixtures/pdf/acroform-fixture';
import {
  officialFormPath,
  officialForms,
  skipWithoutOfficialForms,
} from '../../../test/support/official-forms';
import { PdfError } from '../pdf.errors';
import { FieldInventoryService } from './field-inventory.service';
import type { InventoryField, PdfInventory } from './pdf-inventory.types';

const sut = new FieldInventoryService();

function field(inventory: PdfInventory, name: string): InventoryField {
  const found = inventory.fields.find((candidate) => candidate.name === name);
  assert.ok(found, `field ${name} not in inventory`);
  return found;
}

function byName(inventory: PdfInventory, suffix: string): InventoryField {
  const found = inventory.fields.filter((candidate) => candidate.name.endsWith(suffix));
  assert.equal(found.length, 1, `expected exactly one field ending in ${suffix}`);
  return found[0];
}

function countTypes(inventory: PdfInventory): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of inventory.fields) {
    counts[entry.type] = (counts[entry.type] ?? 0) + 1;
  }
  return counts;
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof PdfError, `expected PdfError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

describe('FieldInventoryService with the generated AcroForm fixture', () => {
  it('lists every field of a plain PDF with type, tooltip, page, rectangle and flags', async () => {
    const inventory = await sut.inventory(await buildAcroFormFixture(), { fileName: 'fixture.pdf' });

    assert.equal(inventory.fileName, 'fixture.pdf');
    assert.equal(inventory.fieldCount, acroFormFixtureFieldCount);
    assert.equal(inventory.fields.length, acroFormFixtureFieldCount);
    assert.equal(inventory.encrypted, false);
    assert.equal(inventory.encryption, null);
    assert.equal(inventory.hasAcroForm, true);
    assert.equal(inventory.hasXfa, false);
    assert.equal(inventory.pageCount, 2);
    assert.equal(inventory.title, 'Testformular Antragslotse');
    assert.match(inventory.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(inventory.notes, []);

    const lastName = field(inventory, expected.lastName.name);
    assert.equal(lastName.type, 'text');
    assert.equal(lastName.tooltip, expected.lastName.tooltip);
    assert.equal(lastName.maxLength, 40);
    assert.equal(lastName.required, true);
    assert.equal(lastName.comb, false);
    assert.equal(lastName.page, 1);
    // pdf-lib widens the rectangle by half the border width on each side.
    assert.deepEqual(lastName.widgets, [{ page: 1, rect: [49.5, 699.5, 301, 21] }]);

    assert.deepEqual(
      expected.taxIdParts.map((part) => field(inventory, part.name).maxLength),
      [2, 3, 3, 3],
    );

    const iban = field(inventory, expected.iban.name);
    assert.equal(iban.comb, true);
    assert.equal(iban.maxLength, 22);
    assert.equal(iban.page, 2);

    const remarks = field(inventory, expected.remarks.name);
    assert.equal(remarks.multiline, true);
    assert.equal(remarks.readOnly, true);
    assert.equal(remarks.required, false);

    const single = field(inventory, expected.single.name);
    assert.equal(single.type, 'checkbox');
    assert.deepEqual(single.onValues, ['Ja']);
    assert.equal(single.widgets[0].onValue, 'Ja');

    const sex = field(inventory, expected.sex.name);
    assert.equal(sex.type, 'radio');
    assert.deepEqual(sex.options, ['weiblich', 'maennlich', 'divers']);
    assert.equal(sex.widgets.length, 3);
    assert.deepEqual(
      sex.widgets.map((widget) => widget.page),
      [1, 1, 1],
    );

    const nationality = field(inventory, expected.nationality.name);
    assert.equal(nationality.type, 'dropdown');
    assert.equal(nationality.tooltip, 'Staatsangehörigkeit der antragstellenden Person');
    assert.deepEqual(nationality.options, ['deutsch', 'türkisch', 'ukrainisch']);
  });

  const encryptions: Array<{
    algorithm: FixtureEncryption;
    version: number;
    revision: number;
    keyBits: number;
  }> = [
    { algorithm: 'RC4-40', version: 1, revision: 2, keyBits: 40 },
    { algorithm: 'RC4-128', version: 2, revision: 3, keyBits: 128 },
    { algorithm: 'AES-128', version: 4, revision: 4, keyBits: 128 },
    { algorithm: 'AES-256', version: 5, revision: 6, keyBits: 256 },
  ];

  for (const { algorithm, version, revision, keyBits } of encryptions) {
    it(`reads a ${algorithm} encrypted PDF with empty user password like the plain one`, async () => {
      const plain = await sut.inventory(await buildAcroFormFixture());
      const encrypted = await sut.inventory(await buildAcroFormFixture({ encryption: algorithm }));

      assert.equal(encrypted.encrypted, true);
      assert.equal(encrypted.encryption?.method, algorithm);
      assert.equal(encrypted.encryption?.filter, 'Standard');
      assert.equal(encrypted.encryption?.version, version);
      assert.equal(encrypted.encryption?.revision, revision);
      assert.equal(encrypted.encryption?.keyBits, keyBits);
      // Strings are encrypted too: tooltips and the title must come back decrypted.
      assert.equal(encrypted.title, 'Testformular Antragslotse');
      assert.deepEqual(encrypted.fields, plain.fields);
    });
  }

  it('names the crypt filters of AES encryption (/StmF, /StrF, /CFM)', async () => {
    const aes128 = await sut.inventory(await buildAcroFormFixture({ encryption: 'AES-128' }));
    const aes256 = await sut.inventory(await buildAcroFormFixture({ encryption: 'AES-256' }));
    const rc4 = await sut.inventory(await buildAcroFormFixture({ encryption: 'RC4-128' }));

    assert.equal(aes128.encryption?.streamFilter, 'StdCF');
    assert.equal(aes128.encryption?.stringFilter, 'StdCF');
    assert.equal(aes128.encryption?.cryptFilterMethod, 'AESV2');
    assert.equal(aes256.encryption?.cryptFilterMethod, 'AESV3');
    assert.equal(rc4.encryption?.streamFilter, null);
    assert.equal(rc4.encryption?.cryptFilterMethod, null);
  });
});

describe('FieldInventoryService with unusable input', () => {
  it('gives an empty list and a clear note for a PDF without AcroForm', async () => {
    const inventory = await sut.inventory(await buildPdfWithoutForm());

    assert.equal(inventory.hasAcroForm, false);
    assert.equal(inventory.fieldCount, 0);
    assert.deepEqual(inventory.fields, []);
    assert.equal(inventory.pageCount, 1);
    assert.equal(inventory.notes.length, 1);
    assert.match(inventory.notes[0], /^Kein Formular: .* \/ No form: /);
  });

  it('refuses a PDF whose user password is not empty with PDF_PASSWORD_REQUIRED', async () => {
    const bytes = await buildAcroFormFixture({ encryption: 'AES-128', userPassword: 'geheim' });

    await rejectsWith(sut.inventory(bytes), 'PDF_PASSWORD_REQUIRED');
  });

  it('refuses a file that is not a PDF with PDF_UNREADABLE', async () => {
    await rejectsWith(sut.inventory(Buffer.from('Name;Vorname\nYılmaz;Ayşe\n')), 'PDF_UNREADABLE');
  });

  it('refuses a truncated PDF with PDF_UNREADABLE instead of reporting a form without fields', async () => {
    const whole = await buildAcroFormFixture({ encryption: 'AES-128' });

    await rejectsWith(sut.inventory(whole.subarray(0, Math.floor(whole.length / 2))), 'PDF_UNREADABLE');
  });

  it('refuses a PDF with header and end marker but no objects with PDF_UNREADABLE', async () => {
    await rejectsWith(sut.inventory(Buffer.from('%PDF-1.7\nkaputt\n%%EOF\n')), 'PDF_UNREADABLE');
  });
});

describe(
  'FieldInventoryService with the official Familienkasse forms',
  { skip: skipWithoutOfficialForms },
  () => {
    async function inventoryOf(file: string): Promise<PdfInventory> {
      return sut.inventory(await readFile(officialFormPath(file)), { fileName: file });
    }

    // Field and type counts checked independently with `qpdf --json --json-key=acroform` (one widget per field).
    const expectations = [
      { file: officialForms.kg1, fields: 95, pages: 5, types: { text: 83, checkbox: 9, button: 3 } },
      {
        file: officialForms.kg1AnlageKind,
        fields: 127,
        pages: 4,
        types: { text: 76, checkbox: 48, button: 3 },
      },
      { file: officialForms.kiz1, fields: 74, pages: 3, types: { text: 66, checkbox: 5, button: 3 } },
      {
        file: officialForms.kiz1AnlageKind,
        fields: 48,
        pages: 2,
        types: { text: 11, checkbox: 34, button: 3 },
      },
      {
        file: officialForms.kiz1AnlageAntragsteller,
        fields: 85,
        pages: 3,
        types: { text: 10, checkbox: 72, button: 3 },
      },
    ];

    for (const { file, fields, pages, types } of expectations) {
      it(`lists all ${fields} fields of ${file}, an AES-128 encrypted XFA hybrid`, async () => {
        const inventory = await inventoryOf(file);

        assert.equal(inventory.fieldCount, fields);
        assert.equal(new Set(inventory.fields.map((entry) => entry.name)).size, fields);
        assert.deepEqual(countTypes(inventory), types);
        assert.equal(inventory.pageCount, pages);
        assert.equal(inventory.hasXfa, true);
        assert.equal(inventory.encryption?.method, 'AES-128');
        assert.equal(inventory.encryption?.cryptFilterMethod, 'AESV2');
        assert.ok(inventory.fields.every((entry) => entry.page !== null && entry.widgets.length === 1));
        assert.ok(inventory.fields.every((entry) => entry.tooltip !== null));
        assert.match(inventory.notes.join('\n'), /XFA-Hybrid/);
      });
    }

    it('reports KG 1 details: Steuer-ID split 2-3-3-3, IBAN comb of 34, tooltips, checkbox on-values', async () => {
      const inventory = await inventoryOf(officialForms.kg1);

      assert.equal(inventory.title, 'Antrag auf Kindergeld');
      assert.equal(inventory.sha256, '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43');

      const taxId1 = field(inventory, 'topmostSubform[0].Seite1[0].Punkt-1[0].Steuer-ID[0].Steuer-ID-1[0]');
      assert.equal(taxId1.type, 'text');
      assert.equal(taxId1.maxLength, 2);
      assert.equal(taxId1.comb, true);
      assert.equal(taxId1.tooltip, 'Steuerliche Identifikationsnummer, Teil 1');
      // Page 1 of the file is the cover sheet; the form's "Seite 1" is page 2.
      assert.equal(taxId1.page, 2);
      assert.deepEqual(
        ['2', '3', '4'].map(
          (part) => byName(inventory, `Punkt-1[0].Steuer-ID[0].Steuer-ID-${part}[0]`).maxLength,
        ),
        [3, 3, 3],
      );

      const iban = byName(inventory, 'Punkt-3[0].IBAN[0]');
      assert.equal(iban.maxLength, 34);
      assert.equal(iban.comb, true);
      assert.equal(iban.tooltip, 'IBAN');

      const lastName = byName(inventory, 'Name-Antragsteller[0]');
      assert.equal(lastName.tooltip, 'Familienname der antragstellenden Person');
      assert.equal(lastName.maxLength, null);
      const [x, y, width, height] = lastName.widgets[0].rect;
      assert.ok(
        x > 0 && y > 0 && width > 50 && height > 5,
        `implausible rectangle ${lastName.widgets[0].rect.join(',')}`,
      );

      const single = byName(inventory, 'Familienstand[0].#area[12].ledig[0]');
      assert.equal(single.type, 'checkbox');
      assert.deepEqual(single.onValues, ['1']);
      assert.equal(single.tooltip, 'Ankreuzen, wenn ledig.');

      assert.equal(byName(inventory, 'Actionbuttons[0].Drucken[0]').type, 'button');
      assert.equal(byName(inventory, 'Page2[0].Unterschrift-1[0].Datum-1[0]').page, 3);
    });
  },
);
