import {
  PDFButton,
  PDFCheckBox,
  PDFDict,
  PDFDropdown,
  PDFHexString,
  PDFName,
  PDFOptionList,
  PDFRadioGroup,
  PDFSignature,
  PDFString,
  PDFTextField,
  type PDFField,
} from '@cantoo/pdf-lib';
import type { InventoryField, InventoryFieldType, InventoryWidget, WidgetRect } from './pdf-inventory.types';

/** Turns one pdf-lib field into its inventory entry; `pageOf` comes from mapWidgetPages(). */
export function describeField(field: PDFField, pageOf: ReadonlyMap<PDFDict, number>): InventoryField {
  const type = fieldTypeOf(field);
  const widgets = field.acroField.getWidgets().map((widget): InventoryWidget => {
    const entry: InventoryWidget = {
      page: pageOf.get(widget.dict) ?? null,
      rect: rectOf(widget.getRectangle()),
    };
    if (type === 'checkbox' || type === 'radio') {
      const onValue = widget.getOnValue();
      if (onValue) {
        entry.onValue = onValue.decodeText();
      }
    }
    return entry;
  });
  const text = field instanceof PDFTextField ? field : undefined;
  const { options, optionLabels } = optionsOf(field);

  const described: InventoryField = {
    name: field.getName(),
    type,
    tooltip: tooltipOf(field),
    page: widgets.find((widget) => widget.page !== null)?.page ?? null,
    widgets,
    maxLength: text?.getMaxLength() ?? null,
    comb: text?.isCombed() ?? false,
    multiline: text?.isMultiline() ?? false,
    readOnly: field.isReadOnly(),
    required: field.isRequired(),
    options,
    onValues: type === 'checkbox' ? unique(widgets.map((widget) => widget.onValue)) : [],
  };
  if (optionLabels) {
    described.optionLabels = optionLabels;
  }
  return described;
}

function fieldTypeOf(field: PDFField): InventoryFieldType {
  if (field instanceof PDFTextField) {
    return 'text';
  }
  if (field instanceof PDFCheckBox) {
    return 'checkbox';
  }
  if (field instanceof PDFRadioGroup) {
    return 'radio';
  }
  if (field instanceof PDFDropdown) {
    return 'dropdown';
  }
  if (field instanceof PDFOptionList) {
    return 'listbox';
  }
  if (field instanceof PDFSignature) {
    return 'signature';
  }
  if (field instanceof PDFButton) {
    return 'button';
  }
  // pdf-lib maps every /FT it knows to one of the classes above; anything else is a push button to us.
  return 'button';
}

function optionsOf(field: PDFField): { options: string[]; optionLabels?: string[] } {
  if (field instanceof PDFRadioGroup) {
    return { options: field.getOptions() };
  }
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
    const raw = field.acroField.getOptions();
    const options = raw.map((option) => option.value.decodeText());
    const labels = raw.map((option) => option.display.decodeText());
    return labels.some((label, index) => label !== options[index])
      ? { options, optionLabels: labels }
      : { options };
  }
  return { options: [] };
}

function tooltipOf(field: PDFField): string | null {
  const tooltip = field.acroField.dict.lookup(PDFName.of('TU'));
  if (!(tooltip instanceof PDFString || tooltip instanceof PDFHexString)) {
    return null;
  }
  // The official tooltips contain line breaks and trailing blanks from the layout tool.
  const text = tooltip.decodeText().replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function rectOf(rectangle: { x: number; y: number; width: number; height: number }): WidgetRect {
  // Rect corners may come in any order; report the lower-left corner and a positive size.
  const x = Math.min(rectangle.x, rectangle.x + rectangle.width);
  const y = Math.min(rectangle.y, rectangle.y + rectangle.height);
  return [round(x), round(y), round(Math.abs(rectangle.width)), round(Math.abs(rectangle.height))];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
