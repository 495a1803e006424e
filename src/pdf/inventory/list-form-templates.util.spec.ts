import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listFormTemplates as sut } from './list-form-templates.util';

const hash = 'a'.repeat(64);

describe('listFormTemplates', () => {
  let formsDir: string;

  before(async () => {
    formsDir = await mkdtemp(join(tmpdir(), 'list-form-templates-'));
    const definitions: Record<string, string> = {
      kg1: `id: kg1\nedition: "09/2025"\ntemplate:\n  file: kg1.pdf\n  sha256: ${hash.toUpperCase()}\n`,
      escape: `id: escape\ntemplate:\n  file: ../../etc/passwd.pdf\n  sha256: ${hash}\n`,
      kaputt: 'id: [nicht geschlossen\n',
      kurz: 'id: kurz\ntemplate:\n  file: kurz.pdf\n  sha256: abc\n',
    };
    for (const [folder, text] of Object.entries(definitions)) {
      await mkdir(join(formsDir, folder));
      await writeFile(join(formsDir, folder, 'form.yaml'), text);
    }
    await mkdir(join(formsDir, 'applications'));
  });
  after(async () => rm(formsDir, { recursive: true, force: true }));

  it('reads id, edition, file and a lower-cased sha256, and reports every unusable definition', async () => {
    const { templates, problems } = await sut(formsDir);

    assert.deepEqual(templates, [
      {
        formId: 'kg1',
        edition: '09/2025',
        file: 'kg1.pdf',
        sha256: hash,
        definitionPath: join(formsDir, 'kg1', 'form.yaml'),
      },
    ]);
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /escape.*plain PDF file name: \.\.\/\.\.\/etc\/passwd\.pdf/);
    assert.match(problems.join('\n'), /kaputt.*not valid YAML/);
    assert.match(problems.join('\n'), /kurz.*is not a SHA-256: abc/);
  });

  it('reports a forms folder that does not exist', async () => {
    const { templates, problems } = await sut(join(formsDir, 'gibt-es-nicht'));

    assert.deepEqual(templates, []);
    assert.match(problems[0], /folder not readable/);
  });
});
