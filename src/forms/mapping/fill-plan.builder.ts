import { FieldFill, FillPlan } from '../../pdf/fill-plan';
import { Answers } from '../definition/answers.types';
import { LoadedApplication } from '../loading/loaded-definitions.types';
import { FormInstance, formInstances, officialTitle } from './form-instances.util';
import { mapComputed } from './map-computed.util';
import { mapQuestion } from './map-question.util';
import { mapRows } from './map-rows.util';

export interface FormInstanceFillPlan extends FillPlan {
  /** null for a form filled once; for "Anlage Kind" the repeat group and the child's index. */
  instance: FormInstance;
}

export interface BuildOptions {
  /** Today as YYYY-MM-DD (the date of signing, and for `today()` in conditions). */
  today: string;
}

/**
 * Turns an application's answers into one FillPlan per form copy, in application order:
 * KG 1 once, Anlage Kind once per child. Questions whose `when` is false fill nothing.
 */
export function buildFillPlans(
  application: LoadedApplication,
  answers: Answers,
  options: BuildOptions,
): FormInstanceFillPlan[] {
  return formInstances(application, answers, options.today).map(({ form, scope, instance }) => {
    const fields: FieldFill[] = [];
    const plan: FormInstanceFillPlan = {
      formId: form.definition.id,
      formTitle: officialTitle(form),
      fields,
      addendum: [],
      instance,
    };
    for (const section of form.definition.sections) {
      for (const question of section.questions) {
        if (!scope.isActive(question)) {
          continue;
        }
        if (question.pdf?.kind === 'rows') {
          const rows = mapRows(section, question, question.pdf, scope);
          fields.push(...rows.fields);
          plan.addendum.push(...rows.addendum);
        } else {
          fields.push(...mapQuestion(section, question, scope));
        }
      }
    }
    for (const entry of form.definition.computed) {
      const fill = mapComputed(entry, scope, application.questions);
      if (fill) {
        fields.push(fill);
      }
    }
    return plan;
  });
}
