// Domain errors of the forms module. Services throw these; HTTP and bot layers map codes to messages.

export type FormsErrorCode = 'FORM_DEFINITION_INVALID' | 'FORM_NOT_FOUND' | 'APPLICATION_NOT_FOUND';

export class FormsError extends Error {
  constructor(
    readonly code: FormsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FormsError';
  }
}

/** One thing wrong in a definition file. */
export interface DefinitionProblem {
  /** Path of the file as shown to the operator, e.g. "forms/kg1/form.yaml". */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** Where inside the definition, e.g. "sections[2].questions[4].when"; empty for the whole file. */
  path: string;
  message: string;
}

export function formatProblem(problem: DefinitionProblem): string {
  const location = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.path ? `${location}: ${problem.path}: ${problem.message}` : `${location}: ${problem.message}`;
}

/** All problems found while loading the definitions, reported at once so they can be fixed in one go. */
export class FormDefinitionError extends FormsError {
  constructor(readonly problems: DefinitionProblem[]) {
    super(
      'FORM_DEFINITION_INVALID',
      `Form definitions are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'FormDefinitionError';
  }
}
