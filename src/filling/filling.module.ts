import { DynamicModule, Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { FormsOptions } from '../forms/forms.options';
import { PdfModule } from '../pdf/pdf.module';
import { ApplicationFillerService } from './application-filler.service';

export interface FillingOptions extends FormsOptions {
  /** Worker processes that fill PDFs (PDF_WORKERS); default 1, 0 fills in the calling thread. */
  pdfWorkers?: number;
}

/** Composes the form registry and the PDF filler. */
@Module({})
export class FillingModule {
  static register(options: FillingOptions): DynamicModule {
    const { pdfWorkers = 1, ...formsOptions } = options;
    // Global, so that health checks and later the cases and review modules reach the registry.
    const forms = { ...FormsModule.register(formsOptions), global: true };
    return {
      module: FillingModule,
      imports: [forms, PdfModule.register({ workers: pdfWorkers })],
      providers: [ApplicationFillerService],
      exports: [ApplicationFillerService, forms],
    };
  }
}
