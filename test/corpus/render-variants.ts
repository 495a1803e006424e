import { PDFDocument } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import { openWithPdfJs } from '../../src/pdf/load-pdfjs.util';
import { SeededRandom } from './seeded-random';

export const VARIANTS = [
  'digital-pdf',
  'clean-300',
  'clean-150',
  'rotated-90',
  'photo',
  'scanned-pdf',
] as const;
export type Variant = (typeof VARIANTS)[number];

export const VARIANT_FILES: Record<Variant, string> = {
  'digital-pdf': 'letter.pdf',
  'clean-300': 'clean-300.png',
  'clean-150': 'clean-150.png',
  'rotated-90': 'rotated-90.png',
  photo: 'photo.jpg',
  'scanned-pdf': 'scanned.pdf',
};

interface CanvasAndContext {
  canvas: unknown;
  context: {
    fillStyle: string;
    fillRect(x: number, y: number, width: number, height: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  };
}

/** Renders page 1 of a PDF to grey-scale PNG bytes at `dpi` with pdf.js. */
export async function renderFirstPage(pdfBytes: Uint8Array, dpi: number): Promise<Buffer> {
  const pdf = await openWithPdfJs(pdfBytes);
  try {
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.floor(viewport.width);
    const height = Math.floor(viewport.height);
    // pdf.js's own canvas factory: mixing canvases of two copies of @napi-rs/canvas crashes the process.
    const factory = (pdf as unknown as { canvasFactory: { create(w: number, h: number): CanvasAndContext } })
      .canvasFactory;
    const { context } = factory.create(width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvasContext: context as never, viewport }).promise;
    const rgba = Buffer.from(context.getImageData(0, 0, width, height).data.buffer);
    return await sharp(rgba, { raw: { width, height, channels: 4 } })
      .flatten({ background: '#ffffff' })
      .grayscale()
      .withMetadata({ density: dpi })
      .png()
      .toBuffer();
  } finally {
    await pdf.destroy();
  }
}

/**
 * A phone photo of the letter: slightly turned, soft focus, sensor noise, light falling off to one
 * corner, JPEG. Deterministic for a seed. The paper still fills most of the frame (as after the
 * crop a phone camera app or the family does).
 */
export async function phonePhoto(png300: Buffer, seed: number): Promise<Buffer> {
  const random = new SeededRandom(seed);
  const angle = (random.next() < 0.5 ? -1 : 1) * (1 + random.next() * 1.5);
  // About 12 megapixels over the whole frame: the paper covers some 2200 pixels across.
  const turned = await sharp(png300)
    .resize({ width: 2200 })
    .rotate(angle, { background: '#ffffff' })
    .blur(1.1)
    .png({ compressionLevel: 0 })
    .toBuffer({ resolveWithObject: true });
  const { width, height } = turned.info;
  const lightX = Math.round(random.next() * width);
  const lightY = Math.round(random.next() * height);
  const radius = Math.round(Math.hypot(width, height));
  const light = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<defs><radialGradient id="l" gradientUnits="userSpaceOnUse" cx="${lightX}" cy="${lightY}" r="${radius}">` +
      '<stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#8f8f8f"/></radialGradient></defs>' +
      `<rect width="${width}" height="${height}" fill="url(#l)"/></svg>`,
  );
  // Grain made at half size and scaled up: cheaper, and softer like a phone sensor's.
  const noise = await sharp({
    create: {
      width: Math.ceil(width / 2),
      height: Math.ceil(height / 2),
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 22 },
    },
  })
    .resize({ width, height, fit: 'fill' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(turned.data)
    .composite([
      { input: light, blend: 'multiply' },
      { input: noise, blend: 'soft-light' },
    ])
    .jpeg({ quality: 72 })
    .toBuffer();
}

/** A scanned PDF: the page image embedded in an A4 page, no text layer. */
export async function scannedPdf(png: Buffer): Promise<Uint8Array> {
  const jpeg = await sharp(png).jpeg({ quality: 80 }).toBuffer();
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
  doc.setModificationDate(new Date(Date.UTC(2026, 0, 1)));
  const image = await doc.embedJpg(jpeg);
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return doc.save({ useObjectStreams: false });
}

/** Every image variant of one letter from its digital PDF. */
export async function renderVariants(
  pdfBytes: Uint8Array,
  seed: number,
  wanted: readonly Variant[] = VARIANTS,
): Promise<Map<Variant, Uint8Array>> {
  const result = new Map<Variant, Uint8Array>();
  result.set('digital-pdf', pdfBytes);
  const needs300 = wanted.some(
    (variant) => variant === 'clean-300' || variant === 'rotated-90' || variant === 'photo',
  );
  const png300 = needs300 ? await renderFirstPage(pdfBytes, 300) : null;
  const needs150 = wanted.includes('clean-150') || wanted.includes('scanned-pdf');
  const png150 = needs150 ? await renderFirstPage(pdfBytes, 150) : null;
  if (png300 && wanted.includes('clean-300')) {
    result.set('clean-300', png300);
  }
  if (png150 && wanted.includes('clean-150')) {
    result.set('clean-150', png150);
  }
  if (png300 && wanted.includes('rotated-90')) {
    result.set('rotated-90', await sharp(png300).rotate(90).png().toBuffer());
  }
  if (png300 && wanted.includes('photo')) {
    result.set('photo', await phonePhoto(png300, seed));
  }
  if (png150 && wanted.includes('scanned-pdf')) {
    // Scanners commonly deliver 200 dpi; 150 dpi in a PDF is the harder case.
    result.set('scanned-pdf', await scannedPdf(png150));
  }
  return result;
}
