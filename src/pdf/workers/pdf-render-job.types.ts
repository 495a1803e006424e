import type { AnswerSummary, FillMode, FillPlan } from '../fill-plan';
import type { PdfErrorCode } from '../pdf.errors';

/** One PDF to make: an official template filled from a plan, or an answer summary. Plain data. */
export type PdfRenderJob =
  | { kind: 'fill'; templatePath: string; sha256: string; plan: FillPlan; mode: FillMode }
  | { kind: 'summary'; summary: AnswerSummary };

/** What a worker answers for job `id`. A PdfError keeps its code across the thread boundary. */
export type PdfRenderReply =
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: { message: string; code?: PdfErrorCode } };
