import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildAcroFormFixture, type FixtureEncryption } from '../../../test/fixtures/pdf/acroform-fixture';
import {
  officialFormPath,
  officialForms,
  skipWithoutOfficialForms,
} from '../../../test/support/official-forms';
import { FieldInventoryService } from './field-inventory.service';

// Needs Debian's qpdf (apt-get install -y qpdf): an independent reader that proves our fixtures
// really use the cipher they claim and that the inventory agrees with another implementation.

interface QpdfWidget {
  fullname: string;
  fieldtype: string;
  ischeckbox: boolean;
  isradiobutton: boolean;
  alternativename: string;
  pageposfrom1: number;
}

function qpdf(args: string[]): string {
  return execFileSync('qpdf', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const sut = new FieldInventoryService();

describe('FieldInventoryService checked against qpdf', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'inventory-qpdf-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  const ciphers: Array<[FixtureEncryption, string]> = [
    ['RC4-40', 'R = 2'],
    ['RC4-128', 'R = 3'],
    ['AES-128', 'stream encryption method: AESv2'],
    ['AES-256', 'stream encryption method: AESv3'],
  ];
  for (const [algorithm, evidence] of ciphers) {
    it(`fixture ${algorithm} is what qpdf --show-encryption says`, async () => {
      const path = join(dir, `${algorithm}.pdf`);
      await writeFile(path, await buildAcroFormFixture({ encryption: algorithm }));

      const shown = qpdf(['--show-encryption', path]);

      assert.ok(shown.includes(evidence), shown);
      assert.match(shown, /User password = \n/);
      assert.equal((await sut.inventory(await readFile(path))).encryption?.method, algorithm);
    });
  }

  for (const file of Object.values(officialForms)) {
    it(
      `agrees with qpdf on names, types, pages and tooltips of ${file}`,
      { skip: skipWithoutOfficialForms },
      async () => {
        const path = officialFormPath(file);
        const widgets = (
          JSON.parse(qpdf(['--json', '--json-key=acroform', path])) as { acroform: { fields: QpdfWidget[] } }
        ).acroform.fields;

        const inventory = await sut.inventory(await readFile(path));

        assert.equal(inventory.fieldCount, new Set(widgets.map((widget) => widget.fullname)).size);
        const ours = new Map(inventory.fields.map((field) => [field.name, field]));
        for (const widget of widgets) {
          const field = ours.get(widget.fullname);
          assert.ok(field, `qpdf field ${widget.fullname} missing`);
          const type = widget.ischeckbox
            ? 'checkbox'
            : widget.isradiobutton
              ? 'radio'
              : widget.fieldtype === '/Tx'
                ? 'text'
                : 'button';
          assert.equal(field.type, type, widget.fullname);
          assert.ok(
            field.widgets.some((entry) => entry.page === widget.pageposfrom1),
            widget.fullname,
          );
          assert.equal(field.tooltip, widget.alternativename.replace(/\s+/g, ' ').trim(), widget.fullname);
        }
      },
    );
  }
});
