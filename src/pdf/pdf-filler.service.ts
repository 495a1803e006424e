import { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { Injectable } from '@nestjs/common';
import { appendAddendum } from './append-addendum.util';
import { fillCheckBox } from './fill-checkbox.util';
import type { AddendumSection, FieldFill, FillMode, FillPlan } from './fill-plan';
import { fillRadioGroup } from './fill-radio-group.util';
import { fillTextField } from './fill-text-field.util';
import { flattenForm } from './flatten-form.util';
import { FormFieldIndex } from './form-field-index.util';
import { loadPdf } from './load-pdf.util';
import { PreparedTemplate } from './prepared-template.types';
import { registerFormFont } from './register-form-font.util';
import { TemplatePreparerService } from './template-preparer.service';
import { trackChangesQuickly } from './track-changes.util';
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
    await fillDocument(doc, plan, mode);
    // Appearances were made for the filled fields only; regenerating all of them here would
    // redraw untouched fields in Helvetica and cost most of the time of a fill.
    return doc.save({ useObjectStreams: true, updateFieldAppearances: false });
  }

  /**
   * fill() as a draft, returned as an incremental update: the prepared template (`base`, the same
   * for every draft of the form) followed by `update` is the draft. The update holds only the
   * objects the fill changed or added (about 30 kB for a KG 1, against 1.4 MB for the whole draft),
   * so a case stores its drafts in a fraction of the bytes and time (see docs/architecture.md).
   */
  async fillIncremental(
    templatePath: string,
    expectedSha256: string,
    plan: FillPlan,
  ): Promise<{ base: PreparedTemplate; update: Uint8Array }> {
    const template = await this.templates.prepare(templatePath, expectedSha256);
    const doc = await loadPdf(template.bytes, { forIncrementalUpdate: true });
    trackChangesQuickly(doc);
    await fillDocument(doc, plan, 'draft');
    const update = await doc.saveIncremental(doc.context.snapshot!, { useObjectStreams: true });
    return { base: template, update };
  }
}

/** Writes the plan into the loaded template, adds the addendum pages, and flattens a final. */
async function fillDocument(doc: PDFDocument, plan: FillPlan, mode: FillMode): Promise<void> {
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
