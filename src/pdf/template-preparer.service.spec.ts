import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { officialFormPath, officialForms, skipWithoutOfficialForms } from '../../test/support/official-forms';
import { PdfError } from './pdf.errors';
import { TemplatePreparerService } from './template-preparer.service';

const kg1Sha256 = '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43';

describe('TemplatePreparerService', () => {
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'antragslotse-template-'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reports a template that is not installed', async () => {
    const sut = new TemplatePreparerService();
    const missing = join(directory, 'kg1-fehlt.pdf');
    await assert.rejects(
      sut.prepare(missing, kg1Sha256),
      (error: unknown) =>
        error instanceof PdfError &&
        error.code === 'TEMPLATE_NOT_INSTALLED' &&
        error.message.includes(missing),
    );
  });

  it('refuses a file whose SHA-256 is not the expected one', async () => {
    const sut = new TemplatePreparerService();
    const other = join(directory, 'andere-ausgabe.pdf');
    const doc = await PDFDocument.create();
    doc.addPage();
    await writeFile(other, await doc.save());
    await assert.rejects(
      sut.prepare(other, kg1Sha256),
      (error: unknown) =>
        error instanceof PdfError &&
        error.code === 'TEMPLATE_HASH_MISMATCH' &&
        error.message.includes(kg1Sha256),
    );
  });

  it(
    'makes a decrypted copy without XFA and usage-rights signature that keeps all fields',
    { skip: skipWithoutOfficialForms },
    async () => {
      const sut = new TemplatePreparerService();
      const prepared = await sut.prepare(officialFormPath(officialForms.kg1), kg1Sha256.toUpperCase());
      assert.equal(prepared.sha256, kg1Sha256);
      assert.equal(prepared.templateSize, 1508259);
      // Stock loading without password and without preserveXFA: throws if still encrypted.
      const doc = await PDFDocument.load(prepared.bytes, { preserveXFA: true });
      assert.equal(doc.isEncrypted, false);
      assert.equal(doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).has(PDFName.of('XFA')), false);
      assert.equal(doc.catalog.has(PDFName.of('Perms')), false);
      assert.equal(doc.getForm().getFields().length, 95);
      assert.ok(prepared.bytes.length < prepared.templateSize, 'XFA and signature streams are gone');
    },
  );

  it(
    'prepares a template once and hands out the cached copy',
    { skip: skipWithoutOfficialForms },
    async () => {
      const sut = new TemplatePreparerService();
      const path = officialFormPath(officialForms.kg1);
      const [first, concurrent] = await Promise.all([
        sut.prepare(path, kg1Sha256),
        sut.prepare(path, kg1Sha256),
      ]);
      assert.equal(concurrent, first);
      assert.equal(await sut.prepare(path, kg1Sha256), first);
      sut.clear();
      assert.notEqual(await sut.prepare(path, kg1Sha256), first);
    },
  );
});
