import { ApplicationDefinition } from '../definition/application.types';
import { FormDefinition } from '../definition/form.types';
import { IndexedQuestion } from '../definition/question-index.util';

export interface TemplateStatus {
  file: string;
  /** Absolute path where the template is expected. */
  path: string;
  /**
   * installed: present with the expected SHA-256 and all fields found.
   * missing: not installed; the service fills the answer-summary PDF instead.
   */
  state: 'installed' | 'missing';
}

export interface LoadedForm {
  definition: FormDefinition;
  /** The definition file as shown in messages, e.g. "forms/kg1/form.yaml". */
  file: string;
  template: TemplateStatus;
}

export interface LoadedApplication {
  definition: ApplicationDefinition;
  file: string;
  forms: LoadedForm[];
  /** Every question of the application's forms by id. */
  questions: Map<string, IndexedQuestion>;
}

export interface LoadedDefinitions {
  forms: Map<string, LoadedForm>;
  applications: Map<string, LoadedApplication>;
}
