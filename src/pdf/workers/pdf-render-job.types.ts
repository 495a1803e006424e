import type { AnswerSummary, FillMode, FillPlan } from '../fill-plan';
import type { PdfErrorCode } from '../pdf.errors';

/** One PDF to make: an official template filled from a plan, or an answer summary. Plain data. */
export type PdfRenderJob =
  | { kind: 'fill'; templatePath: string; sha256: string; plan: FillPlan; mode: FillMode }
  | { kind: 'summary'; summary: AnswerSummary };

/** What the pool sends a worker: one or more jobs, made one after the other and answered together. */
export interface PdfRenderRequest {
  id: number;
  jobs: PdfRenderJob[];
}

/**
 * What a worker answers for request `id`: the PDFs in the order of the jobs, or the first error
 * (a PdfError keeps its code across the process boundary).
 */
export type PdfRenderReply =
  | { id: number; ok: true; bytes: Uint8Array[] }
  | { id: number; ok: false; error: { message: string; code?: PdfErrorCode } };
