import {
  drawObject,
  PDFButton,
  PDFCheckBox,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFPage,
  PDFRadioGroup,
  PDFRef,
  PDFStream,
  PDFWidgetAnnotation,
  popGraphicsState,
  pushGraphicsState,
  translate,
} from '@cantoo/pdf-lib';

// Annotation flags (PDF 32000-1, 12.5.3): hidden (bit 2) and print (bit 3).
const hiddenFlag = 1 << 1;
const printFlag = 1 << 2;

/**
 * Draws every field's current appearance onto its page and removes all fields, so that the final
 * copy cannot be changed by accident. pdf-lib's own flatten regenerates all appearances in
 * Helvetica and logs an error for every empty field without an appearance; this one keeps the
 * Unicode appearances made during filling, skips empty fields and drops push buttons
 * ("Drucken", "Speichern"), which mean nothing on paper.
 */
export function flattenForm(doc: PDFDocument): void {
  const form = doc.getForm();
  const pageOfWidget = mapWidgetsToPages(doc);

  for (const field of form.getFields()) {
    if (!(field instanceof PDFButton)) {
      for (const widget of field.acroField.getWidgets()) {
        const ref = doc.context.getObjectRef(widget.dict);
        const page = ref ? pageOfWidget.get(ref) : undefined;
        const appearance = printedAppearance(
          widget,
          field instanceof PDFCheckBox || field instanceof PDFRadioGroup,
        );
        if (!page || !appearance) {
          continue;
        }
        // pdf-lib wraps the page's own content in q/Q first (page normalisation), so its graphics
        // state cannot shift these drawings.
        const { x, y } = widget.getRectangle();
        const name = page.node.newXObject('FlatWidget', appearance);
        page.pushOperators(pushGraphicsState(), translate(x, y), drawObject(name), popGraphicsState());
      }
    }
    form.removeField(field);
  }
  doc.catalog.delete(PDFName.of('AcroForm'));
}

function mapWidgetsToPages(doc: PDFDocument): Map<PDFRef, PDFPage> {
  const map = new Map<PDFRef, PDFPage>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (let index = 0; index < (annots?.size() ?? 0); index++) {
      const ref = annots?.get(index);
      if (ref instanceof PDFRef) {
        map.set(ref, page);
      }
    }
  }
  return map;
}

/** The appearance stream a printer would show for this widget, if any. */
function printedAppearance(widget: PDFWidgetAnnotation, hasStates: boolean): PDFRef | undefined {
  const flags = widget.getFlags();
  if ((flags & hiddenFlag) !== 0 || (flags & printFlag) === 0) {
    return undefined;
  }
  let normal = widget.dict.lookupMaybe(PDFName.of('AP'), PDFDict)?.get(PDFName.of('N'));
  if (hasStates) {
    const states = widget.dict.context.lookupMaybe(normal, PDFDict);
    const state = widget.getAppearanceState();
    // An unticked box has no "Off" drawing in these forms: nothing to print.
    normal = state && state !== PDFName.of('Off') ? states?.get(state) : undefined;
  }
  if (!(normal instanceof PDFRef)) {
    return undefined;
  }
  return widget.dict.context.lookup(normal) instanceof PDFStream ? normal : undefined;
}
