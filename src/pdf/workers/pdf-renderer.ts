import { PdfFillerService } from '../pdf-filler.service';
import { SummaryPdfService } from '../summary-pdf.service';
import { TemplatePreparerService } from '../template-preparer.service';
import { PdfRenderJob } from './pdf-render-job.types';

/** Runs render jobs in the calling thread: inside a worker, or in-process when PDF_WORKERS is 0. */
export class PdfRenderer {
  private readonly filler = new PdfFillerService(new TemplatePreparerService());
  private readonly summaries = new SummaryPdfService();

  render(job: PdfRenderJob): Promise<Uint8Array> {
    return job.kind === 'fill'
      ? this.filler.fill(job.templatePath, job.sha256, job.plan, job.mode)
      : this.summaries.render(job.summary);
  }

  /** The jobs one after the other (a worker has one core to give), in their order. */
  async renderAll(jobs: readonly PdfRenderJob[]): Promise<Uint8Array[]> {
    const documents: Uint8Array[] = [];
    for (const job of jobs) {
      documents.push(await this.render(job));
    }
    return documents;
  }
}
