import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { PDFDict, PDFName } from '@cantoo/pdf-lib';
import { anlageKindFields, anlageKindFillPlan } from '../../test/pdf/anlage-kind-fill-plan.factory';
import { kg1Children, kg1Fields, kg1FillPlan, longAddress } from '../../test/pdf/kg1-fill-plan.factory';
import { readWithPdfJs, PdfJsReading } from '../../test/pdf/pdfjs-read.util';
import { officialFormPath, officialForms, skipWithoutOfficialForms } from '../../test/support/official-forms';
import type { FillPlan } from './fill-plan';
import { overflowMarker } from './fill-text-field.util';
import { loadPdf } from './load-pdf.util';
import { PdfFillerService } from './pdf-filler.service';
import { PdfError } from './pdf.errors';
import { TemplatePreparerService } from './template-preparer.service';

const kg1 = {
  path: officialFormPath(officialForms.kg1),
  sha256: '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43',
  pages: 5,
  size: 1508259,
};
const anlageKind = {
  path: officialFormPath(officialForms.kg1AnlageKind),
  sha256: 'baf78a8dbaa84490964772b5f37a6a9b2ff3e5c4683b9ef3d678b3d638926f6f',
  pages: 4,
};

const withoutSpaces = (text: string): string => text.replace(/\s+/g, '');

/** True when every word of `phrase` occurs in `text` in the same order (other text may come between). */
function containsWordsInOrder(text: string, phrase: string): boolean {
  let from = 0;
  for (const word of phrase.split(/\s+/)) {
    const at = text.indexOf(word, from);
    if (at < 0) {
      return false;
    }
    from = at + word.length;
  }
  return true;
}

/** Every text fill that must appear unchanged in its field (all but the overflowing address). */
function expectedTextValues(plan: FillPlan): Array<[string, string]> {
  return plan.fields.flatMap((fill) =>
    fill.kind === 'text' && fill.value !== longAddress ? [[fill.field, fill.value]] : [],
  );
}

describe('PdfFillerService with the genuine KG 1', { skip: skipWithoutOfficialForms }, () => {
  const sut = new PdfFillerService(new TemplatePreparerService());
  const plan = kg1FillPlan();
  let draft: Uint8Array;
  let final: Uint8Array;
  let draftReading: PdfJsReading;
  let finalReading: PdfJsReading;

  before(async () => {
    draft = await sut.fill(kg1.path, kg1.sha256, plan, 'draft');
    final = await sut.fill(kg1.path, kg1.sha256, plan, 'final');
    draftReading = await readWithPdfJs(draft);
    finalReading = await readWithPdfJs(final);
  });

  it('writes every text value into its own field, Unicode names included', () => {
    assert.ok(draftReading.fields);
    for (const [field, value] of expectedTextValues(plan)) {
      assert.equal(draftReading.fields.get(field), value, field);
    }
    assert.equal(draftReading.fields.get(kg1Fields.lastName), 'Yılmaz');
    assert.equal(draftReading.fields.get(kg1Fields.firstName), 'Ayşe');
  });

  it('fills the split Steuer-ID and the IBAN comb field', () => {
    assert.deepEqual(
      kg1Fields.taxId.map((field) => draftReading.fields?.get(field)),
      ['12', '345', '678', '901'],
    );
    assert.equal(draftReading.fields?.get(kg1Fields.iban), 'DE02120300000000202051');
  });

  it('ticks the chosen checkboxes with the on-state of the form and leaves the others off', () => {
    assert.equal(draftReading.fields?.get(kg1Fields.married), '1');
    assert.equal(draftReading.fields?.get(kg1Fields.accountHolderIsApplicant), '1');
    assert.equal(draftReading.fields?.get(kg1Fields.single), 'Off');
    assert.equal(draftReading.fields?.get(kg1Fields.divorced), 'Off');
    assert.equal(draftReading.fields?.get(kg1Fields.accountHolderIsOther), 'Off');
  });

  it('writes "siehe Anlage" into the field whose value does not fit, and the value into the addendum', () => {
    assert.equal(draftReading.fields?.get(kg1Fields.address), overflowMarker);
    // Label and value are two columns, so their wrapped lines interleave in the page text.
    const addendum = draftReading.pageTexts[kg1.pages];
    assert.ok(containsWordsInOrder(addendum, 'Punkt 1: Anschrift der antragstellenden Person'));
    assert.ok(containsWordsInOrder(addendum, longAddress), 'full address on the addendum page');
  });

  it('appends an addendum page with the sixth child', () => {
    assert.equal(draftReading.pageCount, kg1.pages + 1);
    const addendum = draftReading.pageTexts[kg1.pages];
    assert.ok(addendum.includes('Fortsetzung zu KG 1 Antrag auf Kindergeld'));
    assert.ok(addendum.includes('Punkt 5: Kinder, für die Kindergeld beantragt wird (weitere Kinder)'));
    assert.ok(addendum.includes(kg1Children[5].name));
    assert.ok(addendum.includes(kg1Children[5].birthDate));
  });

  it('keeps the fields of the draft editable, with the Unicode font in the form resources', async () => {
    const doc = await loadPdf(draft);
    const form = doc.getForm();
    assert.equal(form.getFields().length, 95);
    const lastName = form.getTextField(kg1Fields.lastName);
    assert.equal(lastName.isReadOnly(), false);
    const appearance = lastName.acroField.getDefaultAppearance() ?? '';
    const fontName = /\/(\S+)\s+[\d.]+\s+Tf/.exec(appearance)?.[1] ?? '';
    assert.match(fontName, /DejaVuSans/);
    const fonts = form.acroForm.dict.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
    assert.ok(fonts.has(PDFName.of(fontName)));
  });

  it('leaves no XFA, no encryption and no usage-rights signature, and re-opens without errors', async () => {
    for (const bytes of [draft, final]) {
      const doc = await loadPdf(bytes, { preserveXfa: true });
      assert.equal(doc.isEncrypted, false);
      assert.equal(doc.catalog.has(PDFName.of('NeedsRendering')), false);
      assert.equal(doc.catalog.has(PDFName.of('Perms')), false);
      const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
      assert.equal(acroForm?.has(PDFName.of('XFA')) ?? false, false);
    }
  });

  it('flattens the final copy: no fields left, the values are page text', async () => {
    assert.equal(finalReading.fields, null);
    assert.equal((await loadPdf(final)).getForm().getFields().length, 0);
    const formPage = finalReading.pageTexts[1];
    for (const value of ['Yılmaz', 'Ayşe', 'Mehmet', 'İzmir', 'Deutsche Kreditbank Berlin', overflowMarker]) {
      assert.ok(formPage.includes(value), value);
    }
    assert.ok(withoutSpaces(formPage).includes('DE02120300000000202051'));
    assert.ok(withoutSpaces(formPage).includes('12345678901'));
    assert.ok(finalReading.pageTexts[2].includes('Elif Yılmaz'));
    assert.ok(finalReading.pageTexts[kg1.pages].includes('Ömer Yılmaz'));
  });

  it('keeps both copies within 1.15 times the size of the official template', () => {
    assert.ok(draft.length <= kg1.size * 1.15, `draft ${draft.length} bytes`);
    assert.ok(final.length <= kg1.size * 1.15, `final ${final.length} bytes`);
  });

  it('adds no addendum page when everything fits', async () => {
    const fitting = {
      ...kg1FillPlan({ address: 'Große Hamburger Straße 117a, 10115 Berlin' }),
      addendum: [],
    };
    const reading = await readWithPdfJs(await sut.fill(kg1.path, kg1.sha256, fitting, 'draft'));
    assert.equal(reading.pageCount, kg1.pages);
    assert.equal(reading.fields?.get(kg1Fields.address), 'Große Hamburger Straße 117a, 10115 Berlin');
  });

  it('shrinks the font of a value that is a little too long instead of moving it', async () => {
    const address =
      'Hinterhaus, 3. OG links, c/o Dragana Petrović, Große Hamburger Straße 117a, 10115 Berlin, Deutschland';
    const bytes = await sut.fill(
      kg1.path,
      kg1.sha256,
      { ...kg1FillPlan({ address }), addendum: [] },
      'draft',
    );
    const field = (await loadPdf(bytes)).getForm().getTextField(kg1Fields.address);
    assert.equal(field.getText(), address);
    const size = Number(/([\d.]+)\s+Tf/.exec(field.acroField.getDefaultAppearance() ?? '')?.[1]);
    assert.ok(size < 10 && size >= 6, `font size ${size}`);
    assert.equal((await readWithPdfJs(bytes)).pageCount, kg1.pages);
  });

  it('names the field when it does not exist or is of another kind', async () => {
    const unknown = 'topmostSubform[0].Seite1[0].Gibt-es-nicht[0]';
    await assert.rejects(
      sut.fill(
        kg1.path,
        kg1.sha256,
        { ...plan, fields: [{ kind: 'text', field: unknown, value: 'x', label: 'x' }] },
        'draft',
      ),
      (error: unknown) =>
        error instanceof PdfError && error.code === 'FIELD_NOT_FOUND' && error.message.includes(unknown),
    );
    await assert.rejects(
      sut.fill(
        kg1.path,
        kg1.sha256,
        { ...plan, fields: [{ kind: 'checkbox', field: kg1Fields.lastName, checked: true }] },
        'draft',
      ),
      (error: unknown) =>
        error instanceof PdfError &&
        error.code === 'FIELD_TYPE_MISMATCH' &&
        error.message.includes(kg1Fields.lastName),
    );
    await assert.rejects(
      sut.fill(
        kg1.path,
        kg1.sha256,
        { ...plan, fields: [{ kind: 'text', field: kg1Fields.married, value: 'x', label: 'x' }] },
        'draft',
      ),
      (error: unknown) => error instanceof PdfError && error.code === 'FIELD_TYPE_MISMATCH',
    );
  });

  it('refuses a comb value longer than its boxes', async () => {
    const iban = { kind: 'text' as const, field: kg1Fields.iban, value: 'DE'.padEnd(35, '0'), label: 'IBAN' };
    await assert.rejects(
      sut.fill(kg1.path, kg1.sha256, { ...plan, fields: [iban] }, 'draft'),
      (error: unknown) =>
        error instanceof PdfError &&
        error.code === 'FIELD_VALUE_TOO_LONG' &&
        error.message.includes(kg1Fields.iban),
    );
  });
});

describe(
  'PdfFillerService: a KG 1 draft as an incremental update',
  { skip: skipWithoutOfficialForms },
  () => {
    const templates = new TemplatePreparerService();
    const sut = new PdfFillerService(templates);
    const plan = kg1FillPlan();

    it('is the prepared template followed by an update that makes the same draft as a whole fill', async () => {
      const whole = await readWithPdfJs(await sut.fill(kg1.path, kg1.sha256, plan, 'draft'));
      const { base, update } = await sut.fillIncremental(kg1.path, kg1.sha256, plan);
      const joined = Buffer.concat([base.bytes, update]);
      const reading = await readWithPdfJs(joined);

      assert.equal(reading.pageCount, whole.pageCount); // the addendum page with the sixth child too
      assert.deepEqual([...(reading.fields ?? [])], [...(whole.fields ?? [])]);
      assert.deepEqual(reading.pageTexts, whole.pageTexts);
      for (const [field, value] of expectedTextValues(plan)) {
        assert.equal(reading.fields?.get(field), value, field);
      }
      // The update holds only what the fill changed: a few dozen kB against 1.4 MB.
      assert.ok(update.length < joined.length / 20, `${update.length} of ${joined.length} bytes`);
    });

    it('names its base by the SHA-256 of the base bytes, the same for every draft, and leaves them as they were', async () => {
      const first = await sut.fillIncremental(kg1.path, kg1.sha256, plan);
      const before = Buffer.from(first.base.bytes);
      const second = await sut.fillIncremental(
        kg1.path,
        kg1.sha256,
        kg1FillPlan({ address: 'Kurze Str. 1, 45143 Essen' }),
      );
      assert.equal(second.base.bytesSha256, first.base.bytesSha256);
      assert.equal(first.base.bytesSha256, createHash('sha256').update(first.base.bytes).digest('hex'));
      assert.ok(Buffer.from(second.base.bytes).equals(before));
      const reading = await readWithPdfJs(Buffer.concat([second.base.bytes, second.update]));
      assert.ok([...(reading.fields?.values() ?? [])].includes('Kurze Str. 1, 45143 Essen'));
    });
  },
);

describe('PdfFillerService with the genuine KG 1 Anlage Kind', { skip: skipWithoutOfficialForms }, () => {
  const sut = new PdfFillerService(new TemplatePreparerService());
  const plan = anlageKindFillPlan();

  it('fills names, Steuer-ID and checkboxes in the draft', async () => {
    const reading = await readWithPdfJs(await sut.fill(anlageKind.path, anlageKind.sha256, plan, 'draft'));
    assert.equal(reading.pageCount, anlageKind.pages);
    for (const [field, value] of expectedTextValues(plan)) {
      assert.equal(reading.fields?.get(field), value, field);
    }
    assert.equal(reading.fields?.get(anlageKindFields.applicantName), 'Petrović, Dragana');
    assert.equal(reading.fields?.get(anlageKindFields.fosterChild), '1');
    assert.equal(reading.fields?.get(anlageKindFields.ownChild), 'Off');
    assert.equal(reading.fields?.get(anlageKindFields.noOtherBenefit), '1');
    assert.equal(reading.fields?.get(anlageKindFields.yesOtherBenefit), 'Off');
  });

  it('shows the values as page text in the final copy', async () => {
    const reading = await readWithPdfJs(await sut.fill(anlageKind.path, anlageKind.sha256, plan, 'final'));
    assert.equal(reading.fields, null);
    for (const value of ['Petrović, Dragana', 'Kovalenko', 'Olena', 'Kyjiw (Київ)', 'ukrainisch', 'Andrij']) {
      assert.ok(reading.pageTexts[0].includes(value), value);
    }
    assert.ok(withoutSpaces(reading.pageTexts[0]).includes('47110392856'));
  });
});
