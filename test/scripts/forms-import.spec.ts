import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  acroFormFixtureFieldCount,
  acroFormFixtureFields,
  buildAcroFormFixture,
} from '../fixtures/pdf/acroform-fixture';
import { officialFormPath, officialForms, skipWithoutOfficialForms } from '../support/official-forms';
import { runScript } from './run-script';

describe('forms:import (dist/scripts/forms-import.js)', () => {
  let dir: string;
  let fixture: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forms-import-'));
    fixture = join(dir, 'testformular-2024-09.pdf');
    await writeFile(fixture, await buildAcroFormFixture({ encryption: 'AES-256' }));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('prints only the inventory JSON on stdout with --json', () => {
    const sut = runScript('forms-import', [fixture, '--json']);

    assert.equal(sut.status, 0, sut.stderr);
    const inventory = JSON.parse(sut.stdout);
    assert.equal(inventory.fieldCount, acroFormFixtureFieldCount);
    assert.equal(inventory.fileName, 'testformular-2024-09.pdf');
    assert.equal(inventory.encryption.method, 'AES-256');
    assert.equal(inventory.fields[0].name, acroFormFixtureFields.lastName.name);
  });

  it('drafts a form.yaml that parses, with metadata, sections and guessed question types', () => {
    const sut = runScript('forms-import', [fixture, '--id', 'testformular']);

    assert.equal(sut.status, 0, sut.stderr);
    assert.match(sut.stdout, /^# ENTWURF/);
    const draft = parse(sut.stdout);
    assert.equal(draft.schemaVersion, 1);
    assert.equal(draft.id, 'testformular');
    assert.deepEqual(draft.title, { de: 'Testformular Antragslotse', en: 'TODO' });
    assert.equal(draft.edition, '09/2024');
    assert.equal(draft.template.file, 'testformular-2024-09.pdf');
    assert.match(draft.template.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(
      draft.sections.map((section: { id: string }) => section.id),
      ['punkt1', 'punkt3'],
    );

    const questions = new Map<string, { type: string; pdf: Record<string, unknown>; text: { de: string } }>(
      draft.sections.flatMap((section: { questions: Array<{ id: string }> }) =>
        section.questions.map((question) => [question.id, question]),
      ),
    );
    assert.equal(questions.get('punkt1.nameAntragsteller')?.type, 'text');
    assert.equal(questions.get('punkt1.geburtsdatumAntragsteller')?.type, 'date');
    assert.deepEqual(questions.get('punkt1.steuerId'), {
      id: 'punkt1.steuerId',
      type: 'taxId',
      text: { de: 'Steuerliche Identifikationsnummer', en: 'TODO' },
      pdf: { split: acroFormFixtureFields.taxIdParts.map((part) => part.name), sizes: [2, 3, 3, 3] },
    });
    assert.deepEqual(questions.get('punkt1.ledig')?.pdf, { checkbox: acroFormFixtureFields.single.name });
    assert.equal(questions.get('punkt1.geschlecht')?.type, 'choice');
    assert.deepEqual(questions.get('punkt3.iban')?.pdf, { comb: acroFormFixtureFields.iban.name });
  });

  it('writes to --out and refuses to overwrite without --force', async () => {
    const out = join(dir, 'form.yaml');

    const first = runScript('forms-import', [fixture, '--out', out]);
    const second = runScript('forms-import', [fixture, '--out', out]);

    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    assert.equal(parse(await readFile(out, 'utf8')).id, 'testformular');
    assert.equal(second.status, 1);
    assert.match(second.stderr, /--force/);
  });

  it('exits 1 with a German and English message for a missing file', () => {
    const sut = runScript('forms-import', [join(dir, 'fehlt.pdf'), '--json']);

    assert.equal(sut.status, 1);
    assert.equal(sut.stdout, '');
    assert.match(sut.stderr, /Datei nicht gefunden: .*fehlt\.pdf \/ File not found/);
  });

  it('exits 1 for a file that is not a PDF', async () => {
    const notPdf = join(dir, 'notiz.pdf');
    await writeFile(notPdf, 'Ayşe Yılmaz, Termin am Montag');

    const sut = runScript('forms-import', [notPdf]);

    assert.equal(sut.status, 1);
    assert.match(sut.stderr, /kein lesbares PDF\. \/ .*not a readable PDF/);
  });

  it('exits 1 for a PDF that needs a password', async () => {
    const locked = join(dir, 'geschuetzt.pdf');
    await writeFile(locked, await buildAcroFormFixture({ encryption: 'RC4-128', userPassword: 'geheim' }));

    const sut = runScript('forms-import', [locked, '--json']);

    assert.equal(sut.status, 1);
    assert.equal(sut.stdout, '');
    assert.match(sut.stderr, /Passwort geschützt.*needs a password/);
  });

  it('exits 1 with the usage for a missing argument', () => {
    const sut = runScript('forms-import', []);

    assert.equal(sut.status, 1);
    assert.match(sut.stderr, /genau eine PDF-Datei .* exactly one PDF/);
  });

  it('inventories and drafts the official KG 1', { skip: skipWithoutOfficialForms }, () => {
    const json = runScript('forms-import', [officialFormPath(officialForms.kg1), '--json']);
    const yaml = runScript('forms-import', [officialFormPath(officialForms.kg1), '--id', 'kg1']);

    assert.equal(json.status, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).fieldCount, 95);
    assert.equal(yaml.status, 0, yaml.stderr);
    const draft = parse(yaml.stdout);
    assert.equal(draft.title.de, 'Antrag auf Kindergeld');
    assert.equal(draft.edition, '09/2025');
    const questions = draft.sections.flatMap((section: { questions: unknown[] }) => section.questions);
    // 95 fields: 3 push buttons have no question and the two 4-part Steuer-IDs become one each.
    assert.equal(questions.length, 95 - 3 - 2 * 3);
    assert.match(
      yaml.stdout,
      /# - topmostSubform\[0\]\.Page2\[0\]\.Actionbuttons\[0\]\.Drucken\[0\] \(button\)/,
    );
  });
});
