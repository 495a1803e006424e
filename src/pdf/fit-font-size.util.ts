import type { PDFFont } from '@cantoo/pdf-lib';
import { wrapText } from './wrap-text.util';

export interface FitTextOptions {
  /** Inner width and height of the field, without border and padding. */
  width: number;
  height: number;
  /** The size the form asks for (its /DA); never grown beyond. */
  preferredSize: number;
  /** Smallest size that is still readable on paper. */
  minimumSize: number;
  multiline: boolean;
}

const step = 0.5;

/**
 * The largest font size between minimum and preferred at which the text fits the field, or
 * undefined when it does not fit even at the minimum size (then it belongs in the addendum).
 */
export function fitFontSize(text: string, font: PDFFont, options: FitTextOptions): number | undefined {
  const { width, height, preferredSize, minimumSize, multiline } = options;
  if (!multiline) {
    const widthAtOne = font.widthOfTextAtSize(text, 1);
    const byWidth = widthAtOne > 0 ? width / widthAtOne : preferredSize;
    // The form's own size already suits the field height; only the width can force a smaller size.
    // Rounded down to the step so that the chosen size really fits.
    const size = Math.min(preferredSize, Math.floor(byWidth / step) * step);
    return size >= minimumSize ? size : undefined;
  }
  for (let size = preferredSize; size >= minimumSize; size -= step) {
    const lines = wrapText(text, font, size, width);
    if (lines.length * font.heightAtSize(size) <= height) {
      return size;
    }
  }
  return undefined;
}
