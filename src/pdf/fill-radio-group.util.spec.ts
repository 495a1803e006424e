import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PDFDocument } from '@cantoo/pdf-lib';
import { readWithPdfJs } from '../../test/pdf/pdfjs-read.util';
import { fillRadioGroup } from './fill-radio-group.util';
import { PdfError } from './pdf.errors';

// The Familienkasse forms use single checkboxes; radio groups are tested on a small generated form.
async function formWithRadioGroup(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  const group = doc.getForm().createRadioGroup('familienstand');
  group.addOptionToPage('ledig', page, { x: 20, y: 150, width: 12, height: 12 });
  group.addOptionToPage('verheiratet', page, { x: 20, y: 120, width: 12, height: 12 });
  return doc;
}

describe('fillRadioGroup', () => {
  it('selects the option by its export value, as pdf.js reads it back', async () => {
    const doc = await formWithRadioGroup();
    fillRadioGroup(doc.getForm().getRadioGroup('familienstand'), 'verheiratet');
    const bytes = await doc.save();
    assert.equal(
      (await PDFDocument.load(bytes)).getForm().getRadioGroup('familienstand').getSelected(),
      'verheiratet',
    );
    // pdf-lib names the on-states by option index: "1" is the second option, "verheiratet".
    assert.equal((await readWithPdfJs(bytes)).fields?.get('familienstand'), '1');
  });

  it('names the group and the option when the option does not exist', async () => {
    const doc = await formWithRadioGroup();
    assert.throws(
      () => fillRadioGroup(doc.getForm().getRadioGroup('familienstand'), 'geschieden'),
      (error: unknown) =>
        error instanceof PdfError &&
        error.code === 'RADIO_OPTION_NOT_FOUND' &&
        error.message.includes('familienstand') &&
        error.message.includes('geschieden'),
    );
  });
});
