import { FormDefinition, SectionDefinition } from './form.types';
import { QuestionDefinition } from './question.types';
import { sourcePathOf } from './source-path.util';

export interface IndexedQuestion {
  question: QuestionDefinition;
  formId: string;
  section: SectionDefinition;
  /** The repeat group whose items hold this answer, or null for answers given once. */
  repeatId: string | null;
  /** Where the question sits in its file, e.g. ['sections', 0, 'questions', 2]. */
  path: Array<string | number>;
}

/**
 * All questions of a form in order, nested repeat questions included. In a form with
 * `repeatOf: children`, questions whose id starts with "children." are asked per child.
 */
export function indexQuestions(form: FormDefinition): IndexedQuestion[] {
  const found: IndexedQuestion[] = [];
  form.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      const path = sourcePathOf(question) ?? ['sections', sectionIndex, 'questions', questionIndex];
      const itemOfForm = form.repeatOf !== null && question.id.startsWith(`${form.repeatOf}.`);
      found.push({ question, formId: form.id, section, repeatId: itemOfForm ? form.repeatOf : null, path });
      question.questions?.forEach((child, childIndex) => {
        found.push({
          question: child,
          formId: form.id,
          section,
          repeatId: question.id,
          path: sourcePathOf(child) ?? [...path, 'questions', childIndex],
        });
      });
    });
  });
  return found;
}
