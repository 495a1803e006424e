import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kg1Fields, kg1FillPlan } from '../../test/pdf/kg1-fill-plan.factory';
import { officialFormPath, officialForms, skipWithoutOfficialForms } from '../../test/support/official-forms';
import { loadPdf } from './load-pdf.util';
import { PdfFillerService } from './pdf-filler.service';
import { TemplatePreparerService } from './template-preparer.service';

// Needs poppler-utils and qpdf (apt-get install -y poppler-utils qpdf): a third PDF implementation
// besides pdf-lib (writer) and pdf.js (unit tests).
const kg1Sha256 = '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43';

function poppler(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Parses a binary PGM (P5) as written by pdftoppm -gray. */
function parsePgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  assert.ok(header, 'PGM header');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

describe('PdfFillerService output in poppler', { skip: skipWithoutOfficialForms }, () => {
  let directory: string;
  const files = { draft: '', final: '', incremental: '' };

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'antragslotse-poppler-'));
    const sut = new PdfFillerService(new TemplatePreparerService());
    for (const mode of ['draft', 'final'] as const) {
      files[mode] = join(directory, `kg1-${mode}.pdf`);
      await writeFile(
        files[mode],
        await sut.fill(officialFormPath(officialForms.kg1), kg1Sha256, kg1FillPlan(), mode),
      );
    }
    // The draft as a case stores it: the prepared template, then the update.
    const { base, update } = await sut.fillIncremental(
      officialFormPath(officialForms.kg1),
      kg1Sha256,
      kg1FillPlan(),
    );
    files.incremental = join(directory, 'kg1-incremental.pdf');
    await writeFile(files.incremental, Buffer.concat([base.bytes, update]));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('opens both copies with pdfinfo without errors, unencrypted, with the addendum page', () => {
    for (const file of [files.draft, files.final]) {
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.match(info, /Pages:\s+6/);
      assert.match(info, /Encrypted:\s+no/);
    }
    assert.match(poppler('pdfinfo', [files.draft]), /Form:\s+AcroForm/);
    assert.match(poppler('pdfinfo', [files.final]), /Form:\s+none/);
  });

  it('renders the draft stored as an update exactly like the whole draft, and qpdf finds no error', async () => {
    for (const [name, file] of [
      ['whole', files.draft],
      ['update', files.incremental],
    ]) {
      poppler('pdftoppm', ['-r', '50', '-gray', file, join(directory, name)]);
    }
    for (let page = 1; page <= 6; page++) {
      const [whole, update] = await Promise.all(
        ['whole', 'update'].map((name) => readFile(join(directory, `${name}-${page}.pgm`))),
      );
      assert.ok(update.equals(whole), `page ${page} renders the same`);
    }
    assert.match(poppler('qpdf', ['--check', files.incremental]), /No syntax or stream encoding errors/);
  });

  it('shows the Unicode names with pdftotext -layout', () => {
    for (const file of [files.draft, files.final, files.incremental]) {
      const text = poppler('pdftotext', ['-layout', file, '-']);
      for (const value of [
        'Yılmaz',
        'Ayşe',
        'İzmir',
        'Mehmet',
        'siehe Anlage',
        'Ömer Yılmaz',
        'Dragana Petrović',
      ]) {
        assert.ok(text.includes(value), `${value} in ${file}`);
      }
    }
  });

  it('renders the ticked checkbox with dark pixels and the empty one without', async () => {
    const doc = await loadPdf(await readFile(files.draft));
    const page = doc.getPage(1);
    const box = (field: string) => doc.getForm().getCheckBox(field).acroField.getWidgets()[0].getRectangle();
    for (const mode of ['draft', 'final'] as const) {
      const prefix = join(directory, `page-${mode}`);
      poppler('pdftoppm', ['-f', '2', '-l', '2', '-r', '72', '-gray', files[mode], prefix]);
      const image = parsePgm(await readFile(`${prefix}-2.pgm`));
      // Inside the box, one point away from its printed border.
      const darkPixels = (rect: { x: number; y: number; width: number; height: number }) => {
        let count = 0;
        const top = page.getHeight() - rect.y - rect.height;
        for (let y = Math.ceil(top + 2); y < Math.floor(top + rect.height - 2); y++) {
          for (let x = Math.ceil(rect.x + 2); x < Math.floor(rect.x + rect.width - 2); x++) {
            if (image.pixels[y * image.width + x] < 128) {
              count++;
            }
          }
        }
        return count;
      };
      assert.ok(darkPixels(box(kg1Fields.married)) >= 4, `${mode}: ticked box is drawn`);
      assert.equal(darkPixels(box(kg1Fields.single)), 0, `${mode}: empty box stays empty`);
    }
  });
});
