import { DynamicModule, Module } from '@nestjs/common';
import { PdfFillerService } from './pdf-filler.service';
import { SummaryPdfService } from './summary-pdf.service';
import { TemplatePreparerService } from './template-preparer.service';
import { PDF_RENDER_OPTIONS, PdfRenderPool, PdfRenderPoolOptions } from './workers/pdf-render-pool.service';

/**
 * Fills official form templates and renders answer summaries. Callers pass the template path and
 * its expected SHA-256 with every call. PdfRenderPool does the same work in worker processes.
 */
@Module({})
export class PdfModule {
  static register(options: PdfRenderPoolOptions = { workers: 1 }): DynamicModule {
    return {
      module: PdfModule,
      providers: [
        TemplatePreparerService,
        PdfFillerService,
        SummaryPdfService,
        { provide: PDF_RENDER_OPTIONS, useValue: options },
        PdfRenderPool,
      ],
      exports: [TemplatePreparerService, PdfFillerService, SummaryPdfService, PdfRenderPool],
    };
  }
}
