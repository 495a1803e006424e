import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { fitFontSize } from './fit-font-size.util';
import { embedUnicodeFont } from './unicode-font.util';

describe('fitFontSize', () => {
  let font: PDFFont;
  before(async () => {
    font = await embedUnicodeFont(await PDFDocument.create());
  });
  const box = { width: 200, height: 10, preferredSize: 10, minimumSize: 6, multiline: false };

  it('keeps the form size when the text fits', () => {
    assert.equal(fitFontSize('Ayşe Yılmaz', font, box), 10);
  });

  it('shrinks a single line until it fits the width', () => {
    const text = 'Große Hamburger Straße 117a, 10115 Berlin';
    const size = fitFontSize(text, font, box);
    assert.ok(size !== undefined && size < 10 && size >= 6);
    assert.ok(font.widthOfTextAtSize(text, size) <= 200);
  });

  it('gives up below the minimum size', () => {
    assert.equal(fitFontSize('x'.repeat(200), font, box), undefined);
  });

  it('wraps multi-line fields and checks the height', () => {
    const text = 'Das Kind lebt bei den Großeltern in İzmir, weil es dort die Schule besucht.';
    const size = fitFontSize(text, font, { ...box, width: 150, height: 40, multiline: true });
    assert.ok(size !== undefined && size <= 10);
    assert.equal(
      fitFontSize(text.repeat(10), font, { ...box, width: 150, height: 40, multiline: true }),
      undefined,
    );
  });
});
