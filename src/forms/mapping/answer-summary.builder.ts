import { AnswerSummary } from '../../pdf/fill-plan';
import { Answers } from '../definition/answers.types';
import { QuestionDefinition } from '../definition/question.types';
import { LoadedApplication } from '../loading/loaded-definitions.types';
import { AnswerScope, hasValue } from './answer-scope.util';
import { FormInstance, formInstances, officialTitle } from './form-instances.util';
import { formatForReading, itemLabel, questionLabel } from './format-answer.util';

export interface FormInstanceSummary extends AnswerSummary {
  instance: FormInstance;
}

type Row = AnswerSummary['sections'][number]['rows'][number];

/**
 * A readable list of the answers per form copy, in the order of the official form, for forms
 * whose template is not installed (and for the Kümmerer's review).
 */
export function buildAnswerSummary(
  application: LoadedApplication,
  answers: Answers,
  options: { today: string },
): FormInstanceSummary[] {
  return formInstances(application, answers, options.today).map(({ form, scope, instance }) => ({
    formId: form.definition.id,
    formTitle: officialTitle(form),
    issuer: form.definition.issuer,
    edition: form.definition.edition,
    instance,
    sections: form.definition.sections
      .map((section) => ({
        title: section.title.de,
        rows: section.questions.flatMap((question) => rowsOf(question, scope)),
      }))
      .filter((section) => section.rows.length > 0),
  }));
}

function rowsOf(question: QuestionDefinition, scope: AnswerScope): Row[] {
  if (!scope.isActive(question)) {
    return [];
  }
  if (question.type === 'repeat') {
    return scope.itemsOf(question.id).flatMap((values, index) => {
      const itemScope = scope.forItem(question.id, index, values);
      return (question.questions ?? [])
        .filter((child) => hasValue(values[child.id]) && itemScope.isActive(child))
        .map((child) => ({
          label: `${itemLabel(question, index)}: ${questionLabel(child)}`,
          value: formatForReading(child, values[child.id]),
        }));
    });
  }
  const value = scope.lookup(question.id);
  return hasValue(value)
    ? [{ label: questionLabel(question), value: formatForReading(question, value) }]
    : [];
}
