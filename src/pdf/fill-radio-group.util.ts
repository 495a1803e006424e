import { PDFRadioGroup } from '@cantoo/pdf-lib';
import { PdfError } from './pdf.errors';

/** Selects the option of a radio group by its export value. */
export function fillRadioGroup(field: PDFRadioGroup, option: string): void {
  const options = field.getOptions();
  if (!options.includes(option)) {
    throw new PdfError(
      'RADIO_OPTION_NOT_FOUND',
      `The radio group "${field.getName()}" has no option "${option}" (options: ${options.join(', ')}).`,
    );
  }
  field.select(option);
}
