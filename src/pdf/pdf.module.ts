import { Module } from '@nestjs/common';
import { PdfFillerService } from './pdf-filler.service';
import { SummaryPdfService } from './summary-pdf.service';
import { TemplatePreparerService } from './template-preparer.service';

/**
 * Fills official form templates and renders answer summaries. No configuration: callers pass the
 * template path and its expected SHA-256 with every call.
 */
@Module({
  providers: [TemplatePreparerService, PdfFillerService, SummaryPdfService],
  exports: [TemplatePreparerService, PdfFillerService, SummaryPdfService],
})
export class PdfModule {}
