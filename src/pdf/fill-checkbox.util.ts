import { PDFCheckBox, PDFDict, PDFName, PDFStream } from '@cantoo/pdf-lib';

/**
 * Ticks or clears a checkbox by the widget's own on-state name (the Familienkasse forms use /1,
 * not /Yes). The template's tick appearance is kept; only a widget without one gets pdf-lib's
 * generated tick, so poppler and pdf.js always have something to draw.
 */
export function fillCheckBox(field: PDFCheckBox, checked: boolean): void {
  if (!checked) {
    field.uncheck();
    return;
  }
  if (!hasOnAppearance(field)) {
    field.defaultUpdateAppearances();
  }
  field.check();
}

function hasOnAppearance(field: PDFCheckBox): boolean {
  return field.acroField.getWidgets().every((widget) => {
    const normal = widget.getNormalAppearance();
    const states = normal instanceof PDFDict ? normal : undefined;
    if (!states) {
      return false;
    }
    return states
      .keys()
      .some((state) => state !== PDFName.of('Off') && states.lookup(state) instanceof PDFStream);
  });
}
