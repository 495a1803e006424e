import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { embedUnicodeFont } from './unicode-font.util';
import { wrapText } from './wrap-text.util';

describe('wrapText', () => {
  let font: PDFFont;
  before(async () => {
    font = await embedUnicodeFont(await PDFDocument.create());
  });

  it('keeps text that fits on one line', () => {
    assert.deepEqual(wrapText('Ayşe Yılmaz', font, 10, 200), ['Ayşe Yılmaz']);
  });

  it('breaks at spaces so that no line is wider than the column', () => {
    const text = 'Dragana Petrović wohnt mit Olena Kovalenko in der Große Hamburger Straße 117a in Berlin';
    const lines = wrapText(text, font, 10, 120);
    assert.ok(lines.length > 1);
    for (const line of lines) {
      assert.ok(font.widthOfTextAtSize(line, 10) <= 120, line);
    }
    assert.equal(lines.join(' '), text);
  });

  it('measures a line as the sum of its words: each line is as full as the exact measurement allows', () => {
    // Turkish, Serbian, Ukrainian and German letters, digits and punctuation across many widths.
    const text =
      'Ayşe Yılmaz, geb. Demir, wohnt in der Berger Straße 127a, 60316 Frankfurt am Main; Dragana Petrović ' +
      'und Олена Коваленко schreiben: „Wir beantragen Kindergeld für Elif (2.4.2019) und Can (03.08.25).“';
    for (const maxWidth of [97, 150, 233, 400]) {
      const lines = wrapText(text, font, 10, maxWidth);
      assert.equal(lines.join(' '), text);
      lines.forEach((line, index) => {
        assert.ok(font.widthOfTextAtSize(line, 10) <= maxWidth, `${maxWidth}: ${line}`);
        const next = lines[index + 1]?.split(' ')[0];
        if (next !== undefined) {
          // The next line's first word would not have fitted (measured exactly, as one string).
          assert.ok(
            font.widthOfTextAtSize(`${line} ${next}`, 10) > maxWidth,
            `${maxWidth}: ${line} | ${next}`,
          );
        }
      });
    }
  });

  it('cuts a word that is wider than a whole line and keeps line breaks of the text', () => {
    const lines = wrapText('DE02120300000000202051DE02120300000000202051\nzweite Zeile', font, 10, 80);
    for (const line of lines) {
      assert.ok(font.widthOfTextAtSize(line, 10) <= 80, line);
    }
    assert.equal(lines.slice(0, -1).join(''), 'DE02120300000000202051DE02120300000000202051');
    assert.equal(lines.at(-1), 'zweite Zeile');
  });
});
