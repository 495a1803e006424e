import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
import { runScript } from './run-script';

describe('forms:fill', () => {
  let out: string;
  before(() => {
    out = mkdtempSync(join(tmpdir(), 'antragslotse-fill-'));
  });
  after(() => {
    rmSync(out, { recursive: true, force: true });
  });

  const base = ['--answers', 'forms/examples/kindergeld-petrovic.json', '--today', '2026-11-30'];

  it(
    'fills every form of the application next to --out and lists the files',
    { skip: skipWithoutOfficialForms },
    () => {
      const run = runScript('forms-fill', [
        '--form',
        'kindergeld',
        ...base,
        '--out',
        join(out, 'petrovic.pdf'),
        '--template-dir',
        officialFormsDir,
      ]);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 3, 'KG 1 and an Anlage Kind for each of the two children');
      assert.match(lines[0], /petrovic-kg1\.pdf\tKG 1 Antrag auf Kindergeld\tamtliches Formular/);
      for (const file of [
        'petrovic-kg1.pdf',
        'petrovic-kg1-anlage-kind-1.pdf',
        'petrovic-kg1-anlage-kind-2.pdf',
      ]) {
        assert.equal(readFileSync(join(out, file)).subarray(0, 5).toString(), '%PDF-');
      }
    },
  );

  it('writes a single form to exactly --out, as answer summary when no template is installed', () => {
    const target = join(out, 'kg1-only.pdf');
    const run = runScript('forms-fill', [
      '--form',
      'kg1',
      ...base,
      '--out',
      target,
      '--template-dir',
      join(out, 'none'),
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(existsSync(target));
    assert.match(run.stdout, /Zusammenfassung \/ answer summary, draft/);
    assert.match(run.stderr, /not installed/);
  });

  it('names every answer that does not fit and exits 1', () => {
    const answers = JSON.parse(readFileSync('forms/examples/kindergeld-petrovic.json', 'utf8')) as Record<
      string,
      unknown
    >;
    answers['bank.iban'] = 'DE00123';
    delete answers['applicant.lastName'];
    const file = join(out, 'broken.json');
    writeFileSync(file, JSON.stringify(answers));
    const run = runScript('forms-fill', [
      '--form',
      'kindergeld',
      '--answers',
      file,
      '--out',
      join(out, 'x.pdf'),
    ]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /bank\.iban: .*IBAN/);
    assert.match(run.stderr, /applicant\.lastName: /);
    assert.ok(!existsSync(join(out, 'x-kg1.pdf')), 'nothing is written');
  });

  it('explains unknown forms, missing files, bad JSON and missing options with exit code 1', () => {
    const notJson = join(out, 'not.json');
    writeFileSync(notJson, '{ "a": ');
    const cases: Array<[string[], RegExp]> = [
      [
        ['--form', 'wohngeld', ...base, '--out', join(out, 'y.pdf')],
        /No application or form is called "wohngeld"/,
      ],
      [
        ['--form', 'kg1', '--answers', join(out, 'missing.json'), '--out', join(out, 'y.pdf')],
        /Datei nicht gefunden/,
      ],
      [['--form', 'kg1', '--answers', notJson, '--out', join(out, 'y.pdf')], /kein gültiges JSON/],
      [['--form', 'kg1'], /Bitte --form, --answers und --out angeben/],
      [['--form', 'kg1', ...base, '--out', join(out, 'y.pdf'), '--today', '30.11.2026'], /--today/],
    ];
    for (const [args, message] of cases) {
      const run = runScript('forms-fill', args);
      assert.equal(run.status, 1, args.join(' '));
      assert.match(run.stderr, message);
    }
  });
});
