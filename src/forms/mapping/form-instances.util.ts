import { Answers } from '../definition/answers.types';
import { LoadedApplication, LoadedForm } from '../loading/loaded-definitions.types';
import { AnswerScope } from './answer-scope.util';

/** Which copy of a form: null for a form filled once, else the repeat group and item index. */
export type FormInstance = { repeatOf: string; index: number } | null;

export interface FormCopy {
  form: LoadedForm;
  scope: AnswerScope;
  instance: FormInstance;
}

/** Each form of the application once, or once per item for forms with `each` (Anlage Kind per child). */
export function formInstances(application: LoadedApplication, answers: Answers, today: string): FormCopy[] {
  const base = new AnswerScope(answers, today);
  return application.definition.forms.flatMap((entry, index): FormCopy[] => {
    const form = application.forms[index];
    if (entry.each === undefined) {
      return [{ form, scope: base, instance: null }];
    }
    const repeatId = entry.each;
    return base.itemsOf(repeatId).map((values, itemIndex) => ({
      form,
      scope: base.forItem(repeatId, itemIndex, values),
      instance: { repeatOf: repeatId, index: itemIndex },
    }));
  });
}

/** "KG 1 Antrag auf Kindergeld" */
export function officialTitle(form: LoadedForm): string {
  const { shortTitle, title } = form.definition;
  // "KG 1 Anlage Kind" + "Anlage Kind zum Antrag auf Kindergeld": say "Anlage Kind" once.
  const words = shortTitle.split(' ');
  for (let start = 0; start < words.length; start++) {
    const tail = words.slice(start).join(' ');
    if (title.de.startsWith(tail)) {
      return [...words.slice(0, start), title.de].join(' ');
    }
  }
  return `${shortTitle} ${title.de}`;
}
