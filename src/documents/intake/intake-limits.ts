/** Bounds for reading one uploaded document; every decode and render stays inside them. */
export interface IntakeLimits {
  /** Largest file in bytes (default 20 MB). */
  maxBytes: number;
  /** Most pages of a PDF or multi-page TIFF (default 20). */
  maxPages: number;
  /** Most pixels of one image, read from the header before decoding (decompression bombs). */
  maxPixels: number;
  /** Longest side of a PDF page in points (1/72 inch); larger pages are refused. */
  maxPdfPagePoints: number;
  /** Resolution for rendering scanned PDF pages. */
  renderDpi: number;
  /** Most pixels of one rendered PDF page; the resolution is lowered to stay below. */
  maxRenderPixels: number;
  /** Time one step (open, decode, render one page) may take before it is stopped. */
  stepTimeoutMs: number;
  /** Heap for the PDF reading thread in MB; a PDF bomb hits this instead of the service's memory. */
  pdfWorkerHeapMb: number;
}

export const defaultIntakeLimits: IntakeLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPages: 20,
  // 100 megapixels: above any phone camera in use (48-50 MP sensors), far below a bomb.
  maxPixels: 100_000_000,
  // 50 inches: A0 (46.8 in) still passes, a 200 x 200 inch page does not.
  maxPdfPagePoints: 50 * 72,
  renderDpi: 300,
  // An A4 page at 300 dpi has 8.7 megapixels; larger pages are rendered at a lower resolution.
  maxRenderPixels: 12_000_000,
  stepTimeoutMs: 30_000,
  pdfWorkerHeapMb: 512,
};

/** The defaults with the given overrides (undefined values keep the default). */
export function resolveIntakeLimits(overrides: Partial<IntakeLimits> = {}): IntakeLimits {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...defaultIntakeLimits, ...defined };
}
