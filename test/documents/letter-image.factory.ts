import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';

let fontRegistered = false;

/** Lines of an invented letter for OCR tests. */
export const sampleLetterLines = [
  'Familienkasse Nordrhein-Westfalen',
  'Sehr geehrte Frau Ayşe Yılmaz,',
  'bitte senden Sie uns bis zum 15.12.2026',
  'eine Schulbescheinigung für Mehmet.',
];

/** A white PNG with black DejaVu Sans text lines (font from node_modules: nothing from the system). */
export function renderTextImage(
  lines: readonly string[] = sampleLetterLines,
  width = 1000,
  fontPx = 30,
): Buffer {
  if (!fontRegistered) {
    GlobalFonts.registerFromPath(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'DejaVu Sans Test');
    fontRegistered = true;
  }
  const lineHeight = Math.round(fontPx * 1.8);
  const height = lineHeight * (lines.length + 1);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#000000';
  context.font = `${fontPx}px "DejaVu Sans Test"`;
  lines.forEach((line, index) => context.fillText(line, 40, lineHeight * (index + 1)));
  return canvas.toBuffer('image/png');
}

/** A one-page PDF with a real text layer (Helvetica, WinAnsi: no ı or ş). */
export async function textLayerPdf(lines: readonly string[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  lines.forEach((line, index) => page.drawText(line, { x: 60, y: 780 - index * 20, size: 12, font }));
  return document.save();
}

/** A PDF whose single page is a picture: a scan without text layer. */
export async function scannedPdf(png: Buffer): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const image = await document.embedPng(png);
  const page = document.addPage([595, 842]);
  page.drawImage(image, {
    x: 0,
    y: 842 - (595 * image.height) / image.width,
    width: 595,
    height: (595 * image.height) / image.width,
  });
  return document.save();
}
