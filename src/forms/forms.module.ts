import { DynamicModule, Module } from '@nestjs/common';
import { FORMS_OPTIONS, FormsOptions } from './forms.options';
import { FormRegistry } from './forms.registry';
import { FormLoaderService } from './loading/form-loader.service';
import { TemplateFieldsService } from './loading/template-fields.service';

/** Loads the form definitions at start-up. Register with the folders from configuration. */
@Module({})
export class FormsModule {
  static register(options: FormsOptions): DynamicModule {
    return {
      module: FormsModule,
      global: false,
      providers: [
        { provide: FORMS_OPTIONS, useValue: options },
        TemplateFieldsService,
        FormLoaderService,
        FormRegistry,
      ],
      exports: [FormRegistry],
    };
  }
}
