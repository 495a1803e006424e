import { itemTitle, questionLabel } from '../../cases/answer-problems.util';
import { CaseAnswerView } from '../../cases/cases.types';
import { AddableItem, OpenQuestion } from '../../cases/open-questions.util';
import { QuestionDefinition } from '../../forms/definition/question.types';
import { LoadedApplication } from '../../forms/loading/loaded-definitions.types';
import {
  CaseViewAddableItem,
  CaseViewAnswer,
  CaseViewMissingGroup,
  CaseViewMissingQuestion,
} from './case-view.types';

/** The answer at an item's question: (repeat group, item index, question id) -> its current row. */
export type ItemAnswerOf = (repeatId: string, item: number, id: string) => CaseAnswerView | undefined;

/** The names an item's text answers hold ("Zeynep Yılmaz"), or null before they are known. */
function itemName(
  itemQuestions: readonly QuestionDefinition[],
  answerOf: (id: string) => CaseAnswerView | undefined,
): string | null {
  const names = itemQuestions
    .filter((question) => /\.(firstName|lastName|name)$/.test(question.id))
    .map((question) => answerOf(question.id)?.value)
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return names.length > 0 ? names.join(' ') : null;
}

/** "Kind 1: Zeynep Yılmaz" (the names the item's text answers hold), or "Kind 1" without them. */
export function copyTitle(
  copy: string,
  itemQuestions: readonly QuestionDefinition[],
  answerOf: (id: string) => CaseAnswerView | undefined,
): string {
  const name = itemName(itemQuestions, answerOf);
  return name ? `${copy}: ${name}` : copy;
}

/** Open questions grouped by form, section and child, keeping the chat's order. */
export function missingGroups(
  application: LoadedApplication,
  open: readonly OpenQuestion[],
  answerOf: ItemAnswerOf,
): CaseViewMissingGroup[] {
  const groups: CaseViewMissingGroup[] = [];
  let key = '';
  for (const { path, indexed, item } of open) {
    const { question, repeatId, section } = indexed;
    const name =
      repeatId === null || item === null
        ? null
        : itemName(application.questions.get(repeatId)?.question.questions ?? [], (id) =>
            answerOf(repeatId, item, id),
          );
    const title = itemTitle(application, repeatId, item);
    const copy = title === null ? null : name ? `${title}: ${name}` : title;
    const next = `${indexed.formId}/${section.id}/${copy ?? ''}`;
    if (next !== key) {
      groups.push({
        formTitle: formTitleOf(application, indexed.formId),
        sectionTitle: section.title.de,
        copy,
        item: item === null || repeatId === null ? null : { number: item + 1, name },
        questions: [],
      });
      key = next;
    }
    groups[groups.length - 1].questions.push(missingQuestion(path, question));
  }
  return groups;
}

/** The further items the Kümmerer may add ("Kind 2 hinzufügen"), with the fields of their questions. */
export function addableItems(
  application: LoadedApplication,
  addable: readonly AddableItem[],
): CaseViewAddableItem[] {
  return addable.map(({ group, item, questions }) => ({
    groupId: group.question.id,
    formTitle: formTitleOf(application, group.formId),
    sectionTitle: group.section.title.de,
    title: itemTitle(application, group.question.id, item) ?? '',
    groupText: group.question.text.de,
    questions: questions.map(({ path, indexed }) => missingQuestion(path, indexed.question)),
  }));
}

function formTitleOf(application: LoadedApplication, formId: string): string {
  return application.forms.find(({ definition }) => definition.id === formId)?.definition.title.de ?? '';
}

function missingQuestion(path: string, question: QuestionDefinition): CaseViewMissingQuestion {
  return {
    ...fieldOf(question),
    path,
    text: question.text.de,
    texts: question.text,
    label: questionLabel(question),
    input: '',
  };
}

/** What a correction field needs to know of its question: the type, the options, whether it may be empty. */
export function fieldOf(question: QuestionDefinition): Pick<CaseViewAnswer, 'type' | 'options' | 'required'> {
  return {
    type: question.type,
    options:
      question.type === 'choice'
        ? (question.options ?? []).map((option) => ({ value: option.value, label: option.label.de }))
        : null,
    required: question.required,
  };
}
