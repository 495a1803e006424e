import type { LetterLine, LetterText, PlacedWord } from './letter-text';

/** A4 width in millimetres; OCR boxes are scaled to millimetres with the page width. */
const A4_WIDTH_MM = 210;

/**
 * DIN 5008 address fields (85 mm wide, left edge 20 mm from the paper's edge): form A starts 27 mm,
 * form B 45 mm from the top; each holds a notes zone (return address, "Einschreiben") above the address.
 */
export const ADDRESS_WINDOWS = {
  A: { left: 20, top: 27, width: 85, height: 45 },
  B: { left: 20, top: 45, width: 85, height: 45 },
} as const;

/** Slack for printers, scanners and photos that do not sit exactly on the paper's edges. */
const TOLERANCE_MM = 6;

const POSTAL_LINE = /^(?:D\s?-\s?)?(?<code>[0-9OoIlSB]{5})\s+(?<city>\p{Lu}[\p{L} .\-()/]+)$/u;

export interface AddressWindowLines {
  form: 'A' | 'B';
  /** Lines of the address field from top to bottom, only with the words inside the field. */
  lines: Array<{ text: string; words: PlacedWord[]; y: number }>;
  /** Index in `lines` of the line with postal code and city. */
  postalLineIndex: number;
}

/**
 * The lines inside the address field of page 1, found by position (not by guessing from the text):
 * both DIN 5008 forms are tried and the one whose postal-code line lies lowest wins, because the
 * letterhead sits above the address field and may carry a postal code of its own.
 */
export function findAddressWindow(letter: LetterText): AddressWindowLines | null {
  const size = letter.pageSizes.get(1);
  if (!size || size.width <= 0 || size.width > size.height) {
    return null;
  }
  const mmPerUnit = A4_WIDTH_MM / size.width;
  const pageLines = letter.lines.filter((line) => line.page === 1);
  // The lowest postal-code line in either field is the recipient's; the form follows from where it is
  // (below the end of the form A field means form B).
  let best: AddressWindowLines | null = null;
  for (const form of ['A', 'B'] as const) {
    const window = ADDRESS_WINDOWS[form];
    const lines = linesInside(pageLines, mmPerUnit, window);
    for (let index = lines.length - 1; index >= 0; index--) {
      if (POSTAL_LINE.test(lines[index].text)) {
        const bestY = best ? best.lines[best.postalLineIndex].y : -Infinity;
        if (lines[index].y > bestY) {
          best = { form, lines, postalLineIndex: index };
        }
        break;
      }
    }
  }
  if (best) {
    const postalTopMm = best.lines[best.postalLineIndex].y * mmPerUnit;
    const form = postalTopMm > ADDRESS_WINDOWS.A.top + ADDRESS_WINDOWS.A.height ? 'B' : 'A';
    if (form !== best.form) {
      const lines = linesInside(pageLines, mmPerUnit, ADDRESS_WINDOWS[form]);
      const index = lines.findIndex((line) => line.y === best!.lines[best!.postalLineIndex].y);
      best = index >= 0 ? { form, lines, postalLineIndex: index } : best;
    }
  }
  return best;
}

export function parsePostalLine(text: string): { postalCode: string; city: string } | null {
  const match = POSTAL_LINE.exec(text);
  if (!match?.groups) {
    return null;
  }
  const postalCode = match.groups.code.replace(
    /[OoIlSB]/g,
    (character) => ({ O: '0', o: '0', I: '1', l: '1', S: '5', B: '8' })[character] ?? character,
  );
  return { postalCode, city: match.groups.city.trim() };
}

function linesInside(
  lines: readonly LetterLine[],
  mmPerUnit: number,
  window: { left: number; top: number; width: number; height: number },
): Array<{ text: string; words: PlacedWord[]; y: number }> {
  const result: Array<{ text: string; words: PlacedWord[]; y: number }> = [];
  for (const line of lines) {
    const inside = line.words.filter((placed) => {
      const [x, y, w, h] = placed.word.box;
      const centreX = (x + w / 2) * mmPerUnit;
      const centreY = (y + h / 2) * mmPerUnit;
      return (
        x * mmPerUnit >= window.left - TOLERANCE_MM &&
        centreX <= window.left + window.width + TOLERANCE_MM &&
        centreY >= window.top - TOLERANCE_MM &&
        centreY <= window.top + window.height + TOLERANCE_MM
      );
    });
    if (inside.length > 0) {
      const y = Math.min(...inside.map((placed) => placed.word.box[1]));
      result.push({ text: inside.map((placed) => placed.word.text).join(' '), words: inside, y });
    }
  }
  return result.sort((a, b) => a.y - b.y);
}
