import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ApplicationDefinition } from './definition/application.types';
import { FormDefinition } from './definition/form.types';
import { FormsError } from './forms.errors';
import { FORMS_OPTIONS, FormsOptions } from './forms.options';
import { FormLoaderService } from './loading/form-loader.service';
import {
  LoadedApplication,
  LoadedDefinitions,
  LoadedForm,
  TemplateStatus,
} from './loading/loaded-definitions.types';

/**
 * All form and application definitions, loaded and checked once at start-up.
 * A broken definition throws FormDefinitionError from onModuleInit and so stops the start.
 */
@Injectable()
export class FormRegistry implements OnModuleInit {
  private readonly logger = new Logger(FormRegistry.name);
  private loaded?: LoadedDefinitions;

  constructor(
    @Inject(FORMS_OPTIONS) private readonly options: FormsOptions,
    private readonly loader: FormLoaderService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  /** Loads everything again; the registry keeps its old state when the new definitions are broken. */
  async reload(): Promise<void> {
    this.loaded = await this.loader.load(this.options);
    for (const form of this.loaded.forms.values()) {
      if (form.template.state === 'missing') {
        this.logger.warn(
          `Template ${form.template.file} for form "${form.definition.id}" is not installed; the answer summary is used instead.`,
        );
      }
    }
    this.logger.log(
      `Loaded ${this.loaded.forms.size} forms and ${this.loaded.applications.size} applications.`,
    );
  }

  getForm(id: string): FormDefinition {
    return this.loadedForm(id).definition;
  }

  getApplication(id: string): ApplicationDefinition {
    return this.loadedApplication(id).definition;
  }

  /** The application with its forms and question index, as buildFillPlans expects it. */
  loadedApplication(id: string): LoadedApplication {
    const application = this.definitions().applications.get(id);
    if (!application) {
      throw new FormsError('APPLICATION_NOT_FOUND', `Unknown application "${id}".`);
    }
    return application;
  }

  loadedForm(id: string): LoadedForm {
    const form = this.definitions().forms.get(id);
    if (!form) {
      throw new FormsError('FORM_NOT_FOUND', `Unknown form "${id}".`);
    }
    return form;
  }

  listForms(): FormDefinition[] {
    return [...this.definitions().forms.values()].map((form) => form.definition);
  }

  listApplications(): ApplicationDefinition[] {
    return [...this.definitions().applications.values()].map((application) => application.definition);
  }

  /** Whether the official template is installed; when "missing" the answer summary PDF is used. */
  templateStatus(formId: string): TemplateStatus {
    return this.loadedForm(formId).template;
  }

  private definitions(): LoadedDefinitions {
    if (!this.loaded) {
      throw new Error('FormRegistry used before the module was initialised');
    }
    return this.loaded;
  }
}
