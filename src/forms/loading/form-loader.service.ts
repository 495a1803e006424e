import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { ApplicationDefinition } from '../definition/application.types';
import { FormDefinition } from '../definition/form.types';
import { IndexedQuestion, indexQuestions } from '../definition/question-index.util';
import { migrateDefinition } from '../definition/schema-version';
import { DefinitionProblem, FormDefinitionError } from '../forms.errors';
import { FormsOptions } from '../forms.options';
import { checkTemplate } from './check-template.util';
import { listDefinitionFiles } from './list-definition-files.util';
import { LoadedApplication, LoadedDefinitions, LoadedForm, TemplateStatus } from './loaded-definitions.types';
import { formatPath, ProblemCollector } from './problem-collector';
import { isObject, RawObject } from './raw-reader.util';
import { TemplateFieldsService } from './template-fields.service';
import { validateApplicationReferences, validateApplicationStructure } from './validate-application.util';
import { validateFormStructure } from './validate-form-structure.util';
import { validateReferences } from './validate-references.util';
import { ParsedYaml, parseYaml } from './yaml-file.util';

/** One definition file while it is being checked. */
interface SourceFile {
  display: string;
  yaml?: ParsedYaml;
  problems: ProblemCollector;
  /** Problems without a path inside the file (unreadable file, YAML syntax). */
  fileProblems: DefinitionProblem[];
}

/**
 * Reads and checks all form and application definitions. Collects every problem and throws one
 * FormDefinitionError listing them, so an operator can fix a definition in one pass.
 */
@Injectable()
export class FormLoaderService {
  constructor(private readonly templateFields: TemplateFieldsService) {}

  async load(options: FormsOptions): Promise<LoadedDefinitions> {
    const display = (path: string) => relative(dirname(options.formsDir), path) || path;
    let files;
    try {
      files = listDefinitionFiles(options.formsDir);
    } catch (error) {
      throw new FormDefinitionError([
        {
          file: options.formsDir,
          path: '',
          message: `cannot read the forms folder (${(error as Error).message})`,
        },
      ]);
    }
    const sources: SourceFile[] = [];
    const forms = new Map<string, { definition: FormDefinition; source: SourceFile }>();
    for (const { folder, path } of files.forms) {
      const source = this.readSource(path, display(path));
      sources.push(source);
      const definition = source.raw && validateFormStructure(source.raw, source.problems);
      if (!definition) {
        continue;
      }
      if (definition.id !== folder) {
        source.problems.add(['id'], `"${definition.id}" must match its folder name "${folder}"`);
      }
      forms.set(definition.id, { definition, source });
    }
    const applications = new Map<
      string,
      { definition: ApplicationDefinition; source: SourceFile; known: Map<string, IndexedQuestion> }
    >();
    const formDefinitions = new Map([...forms].map(([id, form]) => [id, form.definition]));
    for (const path of files.applications) {
      const source = this.readSource(path, display(path));
      sources.push(source);
      const definition = source.raw && validateApplicationStructure(source.raw, source.problems);
      if (!definition) {
        continue;
      }
      if (applications.has(definition.id)) {
        source.problems.add(['id'], `duplicate application id "${definition.id}"`);
      }
      if (basename(path).replace(/\.ya?ml$/, '') !== definition.id) {
        source.problems.add(['id'], `"${definition.id}" must match the file name "${basename(path)}"`);
      }
      const known = validateApplicationReferences(definition, formDefinitions, source.problems);
      applications.set(definition.id, { definition, source, known });
    }
    const templates = new Map<string, TemplateStatus>();
    for (const { definition, source } of forms.values()) {
      validateReferences(
        definition,
        this.questionsVisibleTo(definition, applications.values()),
        source.problems,
      );
      templates.set(
        definition.id,
        await checkTemplate(definition, options.templateDir, this.templateFields, source.problems),
      );
    }
    const problems = sources.flatMap((source) => this.problemsOf(source));
    if (problems.length > 0) {
      throw new FormDefinitionError(problems);
    }
    return this.result(forms, applications, templates);
  }

  private readSource(path: string, display: string): SourceFile & { raw?: RawObject } {
    const source: SourceFile & { raw?: RawObject } = {
      display,
      problems: new ProblemCollector(),
      fileProblems: [],
    };
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      source.fileProblems.push({
        file: display,
        path: '',
        message: `cannot read the file (${(error as Error).message})`,
      });
      return source;
    }
    source.yaml = parseYaml(text);
    for (const error of source.yaml.syntaxErrors) {
      source.fileProblems.push({
        file: display,
        line: error.line,
        path: '',
        message: `YAML syntax: ${error.message}`,
      });
    }
    if (source.yaml.syntaxErrors.length > 0) {
      return source;
    }
    if (!isObject(source.yaml.data)) {
      source.fileProblems.push({ file: display, path: '', message: 'must be a YAML mapping (key: value)' });
      return source;
    }
    const migrated = migrateDefinition(source.yaml.data);
    if (!migrated.ok) {
      source.problems.add(['schemaVersion'], migrated.message);
    } else {
      source.raw = migrated.raw;
    }
    return source;
  }

  /** A form sees the questions of every application it belongs to; a form on its own sees its own. */
  private questionsVisibleTo(
    form: FormDefinition,
    applications: Iterable<{ definition: ApplicationDefinition; known: Map<string, IndexedQuestion> }>,
  ): Map<string, IndexedQuestion> {
    const visible = new Map<string, IndexedQuestion>();
    for (const { definition, known } of applications) {
      if (definition.forms.some((entry) => entry.form === form.id)) {
        known.forEach((value, id) => visible.set(id, value));
      }
    }
    if (visible.size === 0) {
      indexQuestions(form).forEach((entry) => visible.set(entry.question.id, entry));
    }
    return visible;
  }

  private problemsOf(source: SourceFile): DefinitionProblem[] {
    return [
      ...source.fileProblems,
      ...source.problems.problems.map((problem) => ({
        file: source.display,
        line: source.yaml?.lineOf(problem.path),
        path: formatPath(problem.path),
        message: problem.message,
      })),
    ];
  }

  private result(
    forms: Map<string, { definition: FormDefinition; source: SourceFile }>,
    applications: Map<
      string,
      { definition: ApplicationDefinition; source: SourceFile; known: Map<string, IndexedQuestion> }
    >,
    templates: Map<string, TemplateStatus>,
  ): LoadedDefinitions {
    const loadedForms = new Map<string, LoadedForm>();
    for (const [id, { definition, source }] of forms) {
      loadedForms.set(id, { definition, file: source.display, template: templates.get(id)! });
    }
    const loadedApplications = new Map<string, LoadedApplication>();
    for (const [id, { definition, source, known }] of applications) {
      const members = definition.forms.map((entry) => loadedForms.get(entry.form)!);
      loadedApplications.set(id, { definition, file: source.display, forms: members, questions: known });
    }
    return { forms: loadedForms, applications: loadedApplications };
  }
}
