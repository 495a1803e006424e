import { readFileSync } from 'node:fs';
import fontkit from '@cantoo/fontkit';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';

// DejaVu Sans covers Latin Extended (ş ı ć ğ …), Cyrillic and Greek; it ships as an npm package
// so that no system font path is ever needed. Resolved once, read once, parsed once per process.
const fontPath = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

const baseFontkit = fontkit as unknown as Fontkit;
let fontBytes: Uint8Array | undefined;
let parsedFont: ParsedFont | undefined;

// pdf-lib parses the font bytes with fontkit on every embedFont call (tens of milliseconds for
// DejaVu). This wrapper hands back the already parsed font; the subset is still made per document.
const cachingFontkit: Fontkit = {
  create(buffer, postscriptName) {
    if (buffer !== fontBytes) {
      return baseFontkit.create(buffer, postscriptName);
    }
    parsedFont ??= baseFontkit.create(buffer, postscriptName);
    return parsedFont;
  },
};

/** Embeds the Unicode font into `doc` as a subset (only the glyphs used end up in the file). */
export async function embedUnicodeFont(doc: PDFDocument): Promise<PDFFont> {
  fontBytes ??= readFileSync(fontPath);
  doc.registerFontkit(cachingFontkit);
  return doc.embedFont(fontBytes, { subset: true });
}
