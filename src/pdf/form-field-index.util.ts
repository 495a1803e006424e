import { PDFCheckBox, PDFField, PDFForm, PDFRadioGroup, PDFTextField } from '@cantoo/pdf-lib';
import { PdfError } from './pdf.errors';

// pdf-lib field classes have private constructors, so they are matched by prototype.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type FieldClass<T extends PDFField> = Function & { prototype: T };

/**
 * Looks fields up by their fully qualified name. pdf-lib's form.getField walks the whole field
 * tree on every call; a map built once keeps a fill with dozens of values fast.
 */
export class FormFieldIndex {
  private readonly byName: Map<string, PDFField>;

  constructor(form: PDFForm) {
    this.byName = new Map(form.getFields().map((field) => [field.getName(), field]));
  }

  textField(name: string): PDFTextField {
    return this.fieldOf(name, PDFTextField, 'text field');
  }

  checkBox(name: string): PDFCheckBox {
    return this.fieldOf(name, PDFCheckBox, 'checkbox');
  }

  radioGroup(name: string): PDFRadioGroup {
    return this.fieldOf(name, PDFRadioGroup, 'radio group');
  }

  private fieldOf<T extends PDFField>(name: string, type: FieldClass<T>, expected: string): T {
    const field = this.byName.get(name);
    if (!field) {
      throw new PdfError('FIELD_NOT_FOUND', `The template has no field named "${name}".`);
    }
    if (!(field instanceof type)) {
      throw new PdfError(
        'FIELD_TYPE_MISMATCH',
        `The field "${name}" is a ${field.constructor.name.replace(/^PDF/, '')}, not a ${expected}.`,
      );
    }
    return field as T;
  }
}
