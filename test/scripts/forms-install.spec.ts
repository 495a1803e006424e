import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../src/pdf/sha256.util';
import { buildAcroFormFixture } from '../fixtures/pdf/acroform-fixture';
import {
  officialFormPath,
  officialForms,
  officialFormsDir,
  skipWithoutOfficialForms,
} from '../support/official-forms';
import { runScript } from './run-script';

async function writeDefinition(
  formsDir: string,
  id: string,
  edition: string,
  file: string,
  sha256: string,
): Promise<void> {
  await mkdir(join(formsDir, id), { recursive: true });
  const yaml = `schemaVersion: 1\nid: ${id}\nedition: "${edition}"\ntemplate:\n  file: ${file}\n  sha256: ${sha256}\nsections: []\n`;
  await writeFile(join(formsDir, id, 'form.yaml'), yaml);
}

describe('forms:install (dist/scripts/forms-install.js)', () => {
  let dir: string;
  let formsDir: string;
  let known: string;
  let knownBytes: Uint8Array;
  let unknown: string;
  let unknownHash: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forms-install-'));
    formsDir = join(dir, 'forms');
    known = join(dir, 'downloads', 'testformular.pdf');
    unknown = join(dir, 'downloads', 'testformular-alte-ausgabe.pdf');
    await mkdir(join(dir, 'downloads'), { recursive: true });
    knownBytes = await buildAcroFormFixture({ encryption: 'AES-128' });
    const olderEdition = await buildAcroFormFixture({ title: 'Testformular, Stand 01/2020' });
    unknownHash = sha256Hex(olderEdition);
    await writeFile(known, knownBytes);
    await writeFile(unknown, olderEdition);
    await writeFile(join(dir, 'downloads', 'notiz.txt'), 'kein PDF');
    await writeDefinition(
      formsDir,
      'testformular',
      '09/2025',
      'testformular-2025-09.pdf',
      sha256Hex(knownBytes),
    );
    // A definition still being written must not stop installing the others.
    await mkdir(join(formsDir, 'halbfertig'), { recursive: true });
    await writeFile(join(formsDir, 'halbfertig', 'form.yaml'), 'id: halbfertig\ntemplate: {}\n');
    await mkdir(join(formsDir, 'applications'), { recursive: true });
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('copies a matching PDF under the definition’s template.file name, and is idempotent', async () => {
    const templateDir = join(dir, 'templates-1');
    const target = join(templateDir, 'testformular-2025-09.pdf');

    const first = runScript('forms-install', [known, '--template-dir', templateDir, '--forms-dir', formsDir]);
    const installedAt = (await stat(target)).mtimeMs;
    const second = runScript('forms-install', [
      known,
      '--template-dir',
      templateDir,
      '--forms-dir',
      formsDir,
    ]);

    assert.equal(first.status, 0, first.stderr);
    assert.match(
      first.stdout,
      /installiert \/ installed: testformular \(Stand 09\/2025, testformular-2025-09\.pdf\)/,
    );
    assert.match(first.stderr, /halbfertig.*template\.file or template\.sha256 missing/);
    assert.deepEqual(new Uint8Array(await readFile(target)), knownBytes);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /schon installiert \/ already installed/);
    assert.equal((await stat(target)).mtimeMs, installedAt);
  });

  it('replaces a damaged installed copy', async () => {
    const templateDir = join(dir, 'templates-2');
    await mkdir(templateDir, { recursive: true });
    await writeFile(join(templateDir, 'testformular-2025-09.pdf'), 'abgebrochener Download');

    const sut = runScript('forms-install', [known, '--template-dir', templateDir, '--forms-dir', formsDir]);

    assert.equal(sut.status, 0, sut.stderr);
    assert.match(sut.stdout, /ersetzt \/ replaced/);
    assert.equal(
      sha256Hex(await readFile(join(templateDir, 'testformular-2025-09.pdf'))),
      sha256Hex(knownBytes),
    );
  });

  it('refuses an unknown PDF, naming the file, its hash and the known forms and editions', async () => {
    const templateDir = join(dir, 'templates-3');

    const sut = runScript('forms-install', [unknown, '--template-dir', templateDir, '--forms-dir', formsDir]);

    assert.equal(sut.status, 1);
    assert.ok(sut.stderr.includes(unknown), sut.stderr);
    assert.ok(sut.stderr.includes(unknownHash), sut.stderr);
    assert.match(sut.stderr, /ältere oder neuere Ausgabe .*\n.*\n.*older or newer edition/);
    assert.match(
      sut.stderr,
      /- testformular \(Stand 09\/2025, testformular-2025-09\.pdf\) sha256 [0-9a-f]{64}/,
    );
    await assert.rejects(stat(templateDir));
  });

  it('installs every matching PDF of a folder with --from and skips the others', async () => {
    const templateDir = join(dir, 'templates-4');

    const sut = runScript('forms-install', ['--from', join(dir, 'downloads'), '--forms-dir', formsDir], {
      FORMS_TEMPLATE_DIR: templateDir,
    });

    assert.equal(sut.status, 0, sut.stderr);
    assert.match(sut.stdout, /übersprungen \/ skipped .*testformular-alte-ausgabe\.pdf/);
    assert.doesNotMatch(sut.stdout, /notiz\.txt/);
    assert.equal(
      sha256Hex(await readFile(join(templateDir, 'testformular-2025-09.pdf'))),
      sha256Hex(knownBytes),
    );
  });

  it('exits 1 for a missing file and for a folder without any matching PDF', async () => {
    const missing = runScript('forms-install', [
      join(dir, 'fehlt.pdf'),
      '--forms-dir',
      formsDir,
      '--template-dir',
      join(dir, 't5'),
    ]);
    const emptyFolder = join(dir, 'leer');
    await mkdir(emptyFolder);
    const nothing = runScript('forms-install', [
      '--from',
      emptyFolder,
      '--forms-dir',
      formsDir,
      '--template-dir',
      join(dir, 't5'),
    ]);

    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Datei nicht gefunden: .*fehlt\.pdf \/ File not found/);
    assert.equal(nothing.status, 1);
    assert.match(nothing.stderr, /No PDF in .*leer matches a form definition/);
  });

  it('installs the genuine KG 1 from the shared folder', { skip: skipWithoutOfficialForms }, async () => {
    const officialForms2 = join(dir, 'forms-official');
    const templateDir = join(dir, 'templates-official');
    const kg1Hash = sha256Hex(await readFile(officialFormPath(officialForms.kg1)));
    await writeDefinition(officialForms2, 'kg1', '09/2025', officialForms.kg1, kg1Hash);

    const sut = runScript('forms-install', [
      '--from',
      officialFormsDir,
      '--forms-dir',
      officialForms2,
      '--template-dir',
      templateDir,
    ]);

    assert.equal(sut.status, 0, sut.stderr);
    assert.equal(kg1Hash, '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43');
    assert.equal(sha256Hex(await readFile(join(templateDir, officialForms.kg1))), kg1Hash);
    assert.equal((sut.stdout.match(/übersprungen/g) ?? []).length, 4);
  });
});
