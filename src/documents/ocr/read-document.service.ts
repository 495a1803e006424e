import type { OcrDocument, OcrPage } from '../analysis/ocr-document.types';
import type { IntakeLimits } from '../intake/intake-limits';
import type { PageImage } from '../intake/page-source.types';
import { readDocumentPages } from '../intake/read-document-pages.util';
import type { SupportedDocumentType } from '../intake/sniff-type.util';
import type { OcrPageResult, OcrProgressListener, OcrQueue } from './ocr-queue.types';

export interface ReadDocumentOptions {
  /** Progress for the chat ("Ich lese Ihren Brief ..."): opened, then per page. */
  onProgress?: OcrProgressListener;
  limits?: Partial<IntakeLimits>;
}

export interface ReadDocumentResult {
  type: SupportedDocumentType;
  document: OcrDocument;
  /** Per OCR page: rotation, skew, scale and time (no personal data). */
  ocr: Omit<OcrPageResult, 'page'>[];
}

/**
 * From uploaded bytes to an OcrDocument: intake (type, limits, pages), then OCR of the pages that
 * have no text layer through the queue. Throws DocumentIntakeError or OcrError with codes.
 */
export class DocumentReader {
  constructor(
    private readonly queue: OcrQueue,
    /** Limits for every read (from the configuration); options.limits of one read override them. */
    private readonly limits: Partial<IntakeLimits> = {},
  ) {}

  async read(bytes: Uint8Array, options: ReadDocumentOptions = {}): Promise<ReadDocumentResult> {
    const { type, pages } = await readDocumentPages(bytes, { ...this.limits, ...options.limits });
    const images: PageImage[] = pages.flatMap((source) => (source.kind === 'image' ? [source.image] : []));
    const results = images.length > 0 ? await this.queue.enqueue({ pages: images }, options.onProgress) : [];
    const ocrPages = new Map<number, OcrPage>(results.map((result) => [result.page.page, result.page]));
    const document: OcrDocument = {
      pages: pages.map((source) => (source.kind === 'text' ? source.page : ocrPages.get(source.image.page)!)),
    };
    return { type, document, ocr: results.map(({ page: _page, ...rest }) => rest) };
  }
}
