import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
import { runScript } from './run-script';

// Poppler reads the filled genuine forms: a second, independent PDF implementation.
describe('forms:fill read back with poppler', { skip: skipWithoutOfficialForms }, () => {
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), 'antragslotse-poppler-'));
    const run = runScript('forms-fill', [
      '--form',
      'kindergeld',
      '--answers',
      'forms/examples/kindergeld-yilmaz.json',
      '--out',
      join(out, 'yilmaz.pdf'),
      '--template-dir',
      officialFormsDir,
      '--today',
      '2026-11-30',
      '--final',
    ]);
    assert.equal(run.status, 0, run.stderr);
  });
  after(() => {
    rmSync(out, { recursive: true, force: true });
  });

  it('opens without errors and shows the Unicode names, the addendum and the Anlage Kind', () => {
    const info = execFileSync('pdfinfo', [join(out, 'yilmaz-kg1.pdf')], { encoding: 'utf8', stdio: 'pipe' });
    assert.match(info, /Pages:\s+6/);
    assert.match(info, /Encrypted:\s+no/);
    const text = execFileSync('pdftotext', ['-layout', join(out, 'yilmaz-kg1.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const value of [
      'Yılmaz',
      'Ayşe',
      'Mehmet',
      '14.03.1986',
      '215FK482913',
      'Fortsetzung zu KG 1',
      'Meryem',
    ]) {
      assert.ok(text.includes(value), value);
    }
    const anlage = execFileSync('pdftotext', ['-layout', join(out, 'yilmaz-kg1-anlage-kind-1.pdf'), '-'], {
      encoding: 'utf8',
    });
    assert.match(anlage, /Zeynep/);
    assert.match(anlage, /Yılmaz, Ayşe/);
  });
});
