import type { DataKey } from '../../privacy/data-cipher.service';
import type { AnswerSummary, FillMode, FillPlan } from '../fill-plan';
import type { PdfErrorCode } from '../pdf.errors';

/**
 * Encrypt the finished PDF for storing (DataCipher's format), where it is made: the service then
 * receives the sealed file only, never the plain PDF, and does not copy megabytes to encrypt it.
 */
export interface PdfSeal {
  /** The data key new data is encrypted with (DataCipher.sealingKey). */
  key: DataKey;
  /** The authenticated context of the stored value, e.g. "case-document:<case>:<document>". */
  context: string;
}

/**
 * One PDF to make: an official template filled from a plan, or an answer summary. Plain data.
 * `incremental` (drafts only): the PDF comes as an update to append to the prepared template, which
 * the result names as its base (PdfFillerService.fillIncremental).
 */
export type PdfRenderJob = (
  | {
      kind: 'fill';
      templatePath: string;
      sha256: string;
      plan: FillPlan;
      mode: FillMode;
      incremental?: boolean;
    }
  | { kind: 'summary'; summary: AnswerSummary }
) & { seal?: PdfSeal };

/**
 * A PDF made: `bytes` is the PDF, or with a seal, the PDF encrypted for storing. With a `base`,
 * the PDF is that base followed by `bytes` (plain or sealed: the update only).
 */
export interface RenderedPdf {
  bytes: Uint8Array;
  /** Size of the whole PDF, the base included (sealed bytes are a few dozen bytes longer). */
  pdfSize: number;
  base?: PdfBase;
}

/** The prepared official template an incremental PDF is appended to: public, never personal data. */
export interface PdfBase {
  /** SHA-256 of the base's bytes: the name it is stored under. */
  sha256: string;
  /** The base's bytes; the same for every draft of the form, so read only when not stored yet. */
  read(): Promise<Uint8Array>;
}

/** What the pool sends a worker: one or more jobs, made one after the other and answered together. */
export interface PdfRenderRequest {
  id: number;
  jobs: PdfRenderJob[];
  /** The folder sealed PDFs are written to (see PdfRenderOutput). */
  spoolDir: string;
}

/**
 * One PDF in a worker's reply. A sealed PDF comes as a file in the spool folder, which the pool
 * reads into one buffer: over the IPC channel its megabytes arrived in dozens of chunks that were
 * joined and deserialised, three copies in the service's memory that kept V8's garbage collector
 * busy while families chat (see README, conversation benchmark).
 */
export type PdfRenderOutput = ({ bytes: Uint8Array } | { file: string }) & {
  pdfSize: number;
  /** An incremental PDF's base, written once per worker to the spool folder (not personal data). */
  base?: { sha256: string; file: string };
};

/**
 * What a worker answers for request `id`: the PDFs in the order of the jobs, or the first error
 * (a PdfError keeps its code across the process boundary).
 */
export type PdfRenderReply =
  | { id: number; ok: true; outputs: PdfRenderOutput[] }
  | { id: number; ok: false; error: { message: string; code?: PdfErrorCode } };
