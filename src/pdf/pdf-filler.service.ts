import { PDFFont } from '@cantoo/pdf-lib';
import { Injectable } from '@nestjs/common';
import { appendAddendum } from './append-addendum.util';
import { fillCheckBox } from './fill-checkbox.util';
import type { AddendumSection, FieldFill, FillMode, FillPlan } from './fill-plan';
import { fillRadioGroup } from './fill-radio-group.util';
import { fillTextField } from './fill-text-field.util';
import { flattenForm } from './flatten-form.util';
import { FormFieldIndex } from './form-field-index.util';
import { loadPdf } from './load-pdf.util';
import { registerFormFont } from './register-form-font.util';
import { TemplatePreparerService } from './template-preparer.service';
import { embedUnicodeFont } from './unicode-font.util';

/** Title of the addendum section that collects values too long for their field. */
export const overflowSectionTitle = 'Angaben, die nicht in das Formular passten';

/**
 * Fills an official form template from a FillPlan. Knows nothing about questions or answers:
 * the forms side decides which value goes into which field.
 */
@Injectable()
export class PdfFillerService {
  constructor(private readonly templates: TemplatePreparerService) {}

  /**
   * Returns the filled PDF.
   * - `templatePath` / `expectedSha256`: the official template and the hash its form definition
   *   names (PdfError TEMPLATE_NOT_INSTALLED, TEMPLATE_HASH_MISMATCH).
   * - `mode` 'draft': fields stay editable; 'final': fields are flattened into the page.
   * Unknown fields and wrong field kinds throw PdfError FIELD_NOT_FOUND / FIELD_TYPE_MISMATCH.
   * When plan.addendum has rows or a value did not fit its field, "Fortsetzung" pages follow.
   */
  async fill(
    templatePath: string,
    expectedSha256: string,
    plan: FillPlan,
    mode: FillMode,
  ): Promise<Uint8Array> {
    const template = await this.templates.prepare(templatePath, expectedSha256);
    const doc = await loadPdf(template.bytes);
    const font = await embedUnicodeFont(doc);
    const form = doc.getForm();

    const overflow = applyFills(new FormFieldIndex(form), plan.fields, font);
    registerFormFont(form, font);
    if (mode === 'final') {
      flattenForm(doc);
    }

    const sections: AddendumSection[] = [
      ...(overflow.length > 0 ? [{ title: overflowSectionTitle, rows: overflow }] : []),
      ...plan.addendum.filter((section) => section.rows.length > 0),
    ];
    if (sections.length > 0) {
      appendAddendum(doc, font, plan.formTitle, sections);
    }

    // Appearances were made for the filled fields only; regenerating all of them here would
    // redraw untouched fields in Helvetica and cost most of the time of a fill.
    return doc.save({ useObjectStreams: true, updateFieldAppearances: false });
  }
}

/** Writes every fill; returns the values that did not fit their field, for the addendum. */
function applyFills(
  fields: FormFieldIndex,
  fills: FieldFill[],
  font: PDFFont,
): Array<{ label: string; value: string }> {
  const overflow: Array<{ label: string; value: string }> = [];
  for (const fill of fills) {
    switch (fill.kind) {
      case 'text':
        if (fillTextField(fields.textField(fill.field), fill.value, font).overflowed) {
          overflow.push({ label: fill.label, value: fill.value });
        }
        break;
      case 'checkbox':
        fillCheckBox(fields.checkBox(fill.field), fill.checked);
        break;
      case 'radio':
        fillRadioGroup(fields.radioGroup(fill.field), fill.option);
        break;
    }
  }
  return overflow;
}
