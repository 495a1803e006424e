import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draftFormDefinition as sut, editionFromFileName } from './draft-form-definition.util';
import type { InventoryField, PdfInventory } from './pdf-inventory.types';

function text(name: string, tooltip: string, maxLength: number | null = null): InventoryField {
  return {
    name,
    type: 'text',
    tooltip,
    page: 1,
    widgets: [{ page: 1, rect: [0, 0, 10, 10] }],
    maxLength,
    comb: false,
    multiline: false,
    readOnly: false,
    required: false,
    options: [],
    onValues: [],
  };
}

function inventoryOf(fields: InventoryField[]): PdfInventory {
  return {
    fileName: 'x.pdf',
    sha256: 'f'.repeat(64),
    byteLength: 1,
    pageCount: 1,
    title: null,
    encrypted: false,
    encryption: null,
    hasAcroForm: true,
    hasXfa: false,
    fieldCount: fields.length,
    fields,
    notes: [],
  };
}

describe('draftFormDefinition', () => {
  it('guesses the edition from a year-month in the file name', () => {
    assert.equal(editionFromFileName('kg1-antrag-auf-kindergeld-2025-09'), '09/2025');
    assert.equal(editionFromFileName('kiz1_2024.01_final'), '01/2024');
    assert.equal(editionFromFileName('antrag-2025-13'), null);
    assert.equal(editionFromFileName('antrag'), null);
  });

  it('uses the file name when the PDF has no title, and TODO for an unknown edition', () => {
    const { definition } = sut(inventoryOf([text('Name', 'Familienname')]), {
      templateFile: 'Antrag Wohngeld.pdf',
    });

    assert.equal(definition.id, 'antrag-wohngeld');
    assert.deepEqual(definition.title, { de: 'Antrag Wohngeld', en: 'TODO' });
    assert.equal(definition.edition, 'TODO');
    assert.equal(definition.sections[0].id, 'allgemein');
  });

  it('gives table cells unique ids of one shape and does not mistake an address for a postal code', () => {
    const fields = [
      text('topmostSubform[0].Page2[0].Punkt-5[0].Tabelle[0].Zeile1[0].Zelle1[0]', 'Vorname des Kindes'),
      text('topmostSubform[0].Page2[0].Punkt-5[0].Tabelle[0].Zeile2[0].Zelle1[0]', 'Vorname des Kindes'),
      text(
        'topmostSubform[0].Page2[0].Punkt-5[0].Anschrift[0]',
        'Anschrift: Straße, Hausnummer, Postleitzahl, Wohnort',
        80,
      ),
      text('topmostSubform[0].Page2[0].Punkt-5[0].PLZ[0]', 'Postleitzahl', 5),
      text('topmostSubform[0].Page2[0].Punkt-5[0].Mail[0]', 'E-Mail-Adresse'),
    ];

    const { definition } = sut(inventoryOf(fields), { templateFile: 'f.pdf', id: 'f' });

    const questions = definition.sections[0].questions;
    assert.equal(definition.sections[0].id, 'punkt5');
    assert.deepEqual(
      questions.map((question) => [question.id, question.type]),
      [
        ['punkt5.zeile1Zelle1', 'text'],
        ['punkt5.zeile2Zelle1', 'text'],
        ['punkt5.anschrift', 'text'],
        ['punkt5.plz', 'postalCode'],
        ['punkt5.mail', 'email'],
      ],
    );
    assert.deepEqual(questions[2].validation, { maxLength: 80 });
  });

  it('merges only consecutive "Teil 1..n" fields with the same prefix into one split question', () => {
    const fields = [
      text('F.Punkt-2.Steuer-ID-2\\.1', 'Steuerliche Identifikationsnummer des Partners, Teil 1', 2),
      text('F.Punkt-2.Steuer-ID-2\\.2', 'Steuerliche Identifikationsnummer des Partners, Teil 2', 3),
      text('F.Punkt-2.Aktenzeichen-1', 'Aktenzeichen, Teil 1', 4),
      text('F.Punkt-2.Name', 'Familienname'),
    ];

    const { definition } = sut(inventoryOf(fields), { templateFile: 'f.pdf' });

    const [taxId, file, name] = definition.sections[0].questions;
    assert.equal(taxId.type, 'taxId');
    assert.equal(taxId.id, 'punkt2.steuerId2');
    assert.deepEqual(taxId.pdf, {
      split: ['F.Punkt-2.Steuer-ID-2\\.1', 'F.Punkt-2.Steuer-ID-2\\.2'],
      sizes: [2, 3],
    });
    assert.equal(file.type, 'text');
    assert.deepEqual(file.pdf, { field: 'F.Punkt-2.Aktenzeichen-1' });
    assert.equal(name.id, 'punkt2.name');
  });
});
