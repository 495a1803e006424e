import type { PdfErrorCode } from '../../pdf/pdf.errors';
import type { PageSize } from './pdf-page-render.util';

// Messages between PageRenderThread (the service) and page-render.worker.ts. A request names the
// document by key; without `bytes` the worker answers `need-bytes` unless it has it open already.

interface AskBase {
  /** The document (e.g. its id); the worker keeps documents open under it. */
  key: string;
  dpi: number;
  /** The PDF, only when the worker asked for it (transferred). */
  bytes?: Uint8Array;
}

/** What the service asks for. */
export type PageRenderAsk = (AskBase & { kind: 'sizes' }) | (AskBase & { kind: 'page'; page: number });

export type PageRenderRequest = PageRenderAsk & { id: number };

export interface RenderedPageMessage {
  /** PNG bytes, transferred. */
  png: Uint8Array;
  width: number;
  height: number;
  scale: number;
  pageCount: number;
}

export type PageRenderReply =
  | { id: number; kind: 'sizes'; sizes: PageSize[] }
  /** `page` absent: the document has no such page. */
  | { id: number; kind: 'page'; page?: RenderedPageMessage }
  | { id: number; kind: 'need-bytes' }
  /** Sent once when the thread has loaded pdf.js. */
  | { id: 0; kind: 'ready' }
  | { id: number; kind: 'error'; code: PdfErrorCode; message: string };

export interface PageRenderWorkerData {
  /** Documents kept open (OpenPdfs). */
  maxOpen: number;
  /** Closed after this long unused. */
  idleMs: number;
}
