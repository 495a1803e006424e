import { DynamicModule, Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { FormsOptions } from '../forms/forms.options';
import { PdfModule } from '../pdf/pdf.module';
import { ApplicationFillerService } from './application-filler.service';

/** Composes the form registry and the PDF filler. */
@Module({})
export class FillingModule {
  static register(options: FormsOptions): DynamicModule {
    // Global, so that health checks and later the cases and review modules reach the registry.
    const forms = { ...FormsModule.register(options), global: true };
    return {
      module: FillingModule,
      imports: [forms, PdfModule],
      providers: [ApplicationFillerService],
      exports: [ApplicationFillerService, forms],
    };
  }
}
