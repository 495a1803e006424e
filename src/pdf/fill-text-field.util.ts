import { PDFFont, PDFTextField } from '@cantoo/pdf-lib';
import { fitFontSize } from './fit-font-size.util';
import { PdfError } from './pdf.errors';

/** What the field shows when its value had to move to the addendum. */
export const overflowMarker = 'siehe Anlage';

/** Below this size printed text gets hard to read; longer values go to the addendum. */
export const minimumFontSize = 6;

const fallbackFontSize = 10;

export interface TextFillResult {
  /** True when the value did not fit and the field says "siehe Anlage" instead. */
  overflowed: boolean;
}

/**
 * Writes `value` into a text field in the Unicode font and regenerates that field's appearance.
 * Comb fields (IBAN, Steuer-ID parts) get one character per box. Other fields shrink the font
 * down to the minimum size; if the value still does not fit, the field says "siehe Anlage".
 */
export function fillTextField(field: PDFTextField, value: string, font: PDFFont): TextFillResult {
  const maxLength = field.getMaxLength();
  if (maxLength !== undefined && value.length > maxLength) {
    throw new PdfError(
      'FIELD_VALUE_TOO_LONG',
      `The field "${field.getName()}" takes at most ${maxLength} characters, the value has ${value.length}.`,
    );
  }
  if (field.isCombed() || value === '') {
    field.setText(value === '' ? undefined : value);
    field.updateAppearances(font);
    return { overflowed: false };
  }

  const widget = field.acroField.getWidgets()[0];
  const { width, height } = widget.getRectangle();
  const inset = 2 * ((widget.getBorderStyle()?.getWidth() ?? 0) + 1); // pdf-lib's padding of 1 pt
  const preferredSize = defaultFontSize(field) ?? fallbackFontSize;
  const fit = (text: string) =>
    fitFontSize(text, font, {
      width: width - inset,
      height: height - inset,
      preferredSize,
      minimumSize: Math.min(minimumFontSize, preferredSize),
      multiline: field.isMultiline(),
    });

  let text = value;
  let size = fit(text);
  if (size === undefined) {
    text = overflowMarker;
    size = fit(text) ?? Math.min(minimumFontSize, preferredSize);
  }
  field.setText(text);
  if (size !== preferredSize) {
    field.setFontSize(size);
  }
  field.updateAppearances(font);
  return { overflowed: text !== value };
}

/** The size from the field's default appearance (/DA), e.g. 10 from "/ArialMT 10.00 Tf 0 g". */
function defaultFontSize(field: PDFTextField): number | undefined {
  const appearance = field.acroField.getDefaultAppearance() ?? '';
  const match = /(\d+(?:\.\d+)?)\s+Tf/.exec(appearance);
  const size = match ? Number(match[1]) : 0;
  // 0 means "auto" in PDF; we treat it like a missing size.
  return size > 0 ? size : undefined;
}
