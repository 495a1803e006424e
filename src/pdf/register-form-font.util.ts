import { PDFDict, PDFFont, PDFForm, PDFName } from '@cantoo/pdf-lib';

/**
 * Adds the embedded font to the form's default resources (/DR), which the new /DA strings name,
 * so that a viewer can redraw a field the Kümmerer edits in the draft.
 */
export function registerFormFont(form: PDFForm, font: PDFFont): void {
  const acroForm = form.acroForm.dict;
  const context = acroForm.context;
  let resources = acroForm.lookupMaybe(PDFName.of('DR'), PDFDict);
  if (!resources) {
    resources = context.obj({});
    acroForm.set(PDFName.of('DR'), resources);
  }
  let fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) {
    fonts = context.obj({});
    resources.set(PDFName.of('Font'), fonts);
  }
  fonts.set(PDFName.of(font.name), font.ref);
}
