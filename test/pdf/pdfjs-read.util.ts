import { openWithPdfJs } from '../../src/pdf/load-pdfjs.util';

export interface PdfJsReading {
  pageCount: number;
  /** Field name → value as pdf.js reads it (text, or the checkbox state "1"/"Off"); null when there is no form. */
  fields: Map<string, string> | null;
  /** Text of every page, items joined by spaces. */
  pageTexts: string[];
}

/** Reads a PDF back with pdf.js, independently of pdf-lib that wrote it. */
export async function readWithPdfJs(bytes: Uint8Array): Promise<PdfJsReading> {
  const doc = await openWithPdfJs(bytes);
  try {
    const objects = await doc.getFieldObjects();
    let fields: Map<string, string> | null = null;
    if (objects) {
      fields = new Map();
      for (const [name, widgets] of Object.entries(
        objects as Record<string, Array<{ type?: string; value?: string | boolean | null }>>,
      )) {
        const widget = widgets.find((candidate) => candidate.type !== '');
        if (widget) {
          fields.set(name, String(widget.value ?? ''));
        }
      }
    }
    const pageTexts: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { pageCount: doc.numPages, fields, pageTexts };
  } finally {
    await doc.destroy();
  }
}
