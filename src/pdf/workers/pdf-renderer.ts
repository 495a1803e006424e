import { DataCipher } from '../../privacy/data-cipher.service';
import { PdfFillerService } from '../pdf-filler.service';
import { SummaryPdfService } from '../summary-pdf.service';
import { TemplatePreparerService } from '../template-preparer.service';
import { PdfRenderJob, PdfSeal, RenderedPdf } from './pdf-render-job.types';

/** Runs render jobs in the calling thread: inside a worker, or in-process when PDF_WORKERS is 0. */
export class PdfRenderer {
  private readonly filler = new PdfFillerService(new TemplatePreparerService());
  private readonly summaries = new SummaryPdfService();

  async render(job: PdfRenderJob): Promise<RenderedPdf> {
    if (job.kind === 'fill' && job.incremental && job.mode === 'draft') {
      const { base, update } = await this.filler.fillIncremental(job.templatePath, job.sha256, job.plan);
      return {
        bytes: job.seal ? this.seal(update, job.seal) : update,
        pdfSize: base.bytes.length + update.length,
        base: { sha256: base.bytesSha256, read: () => Promise.resolve(base.bytes) },
      };
    }
    const pdf =
      job.kind === 'fill'
        ? await this.filler.fill(job.templatePath, job.sha256, job.plan, job.mode)
        : await this.summaries.render(job.summary);
    return { bytes: job.seal ? this.seal(pdf, job.seal) : pdf, pdfSize: pdf.length };
  }

  /** The jobs one after the other (a worker has one core to give), in their order. */
  async renderAll(jobs: readonly PdfRenderJob[]): Promise<RenderedPdf[]> {
    const documents: RenderedPdf[] = [];
    for (const job of jobs) {
      documents.push(await this.render(job));
    }
    return documents;
  }

  /** Synchronous: in a worker nothing else waits, and in-process mode blocks anyway. */
  private seal(pdf: Uint8Array, seal: PdfSeal): Buffer {
    // Over IPC the key arrives as a Uint8Array; DataCipher checks its length and id.
    const key = Buffer.from(seal.key.key.buffer, seal.key.key.byteOffset, seal.key.key.byteLength);
    return new DataCipher([{ id: seal.key.id, key }], seal.key.id).encrypt(pdf, seal.context);
  }
}
