// Domain errors of the forms module. Services throw these; HTTP and bot layers map codes to messages.

export type FormsErrorCode =
  'FORM_DEFINITION_INVALID' | 'FORM_NOT_FOUND' | 'APPLICATION_NOT_FOUND' | 'ANSWERS_INVALID';

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
  return problem.path
    ? `${location}: ${problem.path}: ${problem.message}`
    : `${location}: ${problem.message}`;
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

/** Answers that do not fit the application's questions; each problem names the question (and child). */
export class AnswersInvalidError extends FormsError {
  constructor(
    readonly problems: Array<{ questionId: string; item?: number; message: { de: string; en: string } }>,
  ) {
    super(
      'ANSWERS_INVALID',
      `${problems.length} answer${problems.length === 1 ? '' : 's'} do not fit:\n` +
        problems
          .map(
            (problem) =>
              `  ${problem.questionId}${problem.item === undefined ? '' : ` (item ${problem.item + 1})`}: ${problem.message.de}`,
          )
          .join('\n'),
    );
    this.name = 'AnswersInvalidError';
  }
}
