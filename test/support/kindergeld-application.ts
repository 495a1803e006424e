import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FormLoaderService } from '../../src/forms/loading/form-loader.service';
import { TemplateFieldsService } from '../../src/forms/loading/template-fields.service';
import { LoadedApplication } from '../../src/forms/loading/loaded-definitions.types';

let loaded: Promise<LoadedApplication> | undefined;

/**
 * The real Kindergeld definitions from forms/, loaded once per test process. The template folder is
 * an empty temporary folder: the interview needs no PDF, so no official form is read.
 */
export function kindergeldApplication(): Promise<LoadedApplication> {
  loaded ??= (async () => {
    const formsDir = resolve(__dirname, '..', '..', '..', 'forms');
    const templateDir = mkdtempSync(join(tmpdir(), 'interview-templates-'));
    const definitions = await new FormLoaderService(new TemplateFieldsService()).load({
      formsDir,
      templateDir,
    });
    const application = definitions.applications.get('kindergeld');
    if (!application) {
      throw new Error('forms/applications/kindergeld.yaml is missing');
    }
    return application;
  })();
  return loaded;
}
