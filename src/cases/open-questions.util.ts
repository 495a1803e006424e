import { applyingAnswers } from '../forms/answers/applying-answers';
import { Answers } from '../forms/definition/answers.types';
import { IndexedQuestion } from '../forms/definition/question-index.util';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { AnswerScope } from '../forms/mapping/answer-scope.util';
import { flowSteps } from '../interview/flow.util';
import { answeredOnOf, answersFromRows } from './case-answer-rows.util';
import { CaseAnswerView } from './cases.types';

/** A question that applies under the case's answers but has no answer yet (e.g. after a correction). */
export interface OpenQuestion {
  /** "partner.lastName" or "receivingChildren[0].receivingChildren.name" */
  path: string;
  indexed: IndexedQuestion;
  /** The item of a repeat group the answer belongs to (0-based), null for answers given once. */
  item: number | null;
}

/**
 * A further item a repeat group can take (the chat's "Gibt es noch ein weiteres Kind?"): the item
 * after the last, with the group's own questions for it. Its first answer counts the item in
 * (CaseCorrectionsService); its other questions are then open.
 */
export interface AddableItem {
  group: IndexedQuestion;
  /** The new item's index (0-based): the number of items so far. */
  item: number;
  questions: OpenQuestion[];
}

export interface CaseQuestions {
  /** Questions that apply and have no answer row, in the chat's order. */
  open: OpenQuestion[];
  /** Repeat groups that apply and may take one more item, in the chat's order. */
  addable: AddableItem[];
  /** Paths of every question that applies now: answers at other paths are left off the forms. */
  applying: Set<string>;
  /** The answers that apply (others, left from before a correction, left out). */
  answers: Answers;
}

/**
 * Which questions of a case apply under its current answers, in the order the chat asks them:
 * those without an answer are open (a correction from "ledig" to "verheiratet" opens the partner's
 * questions), answers to questions that no longer apply are not printed (see applyingAnswers).
 * A question that only a date switched on after the family's last answer (Punkt 3 of the Anlage
 * Kind for a child who has come within three months of 18 since) is not open: approval and the
 * filler accept it empty (validateAnswers' answeredOn), so the page does not ask for it either.
 */
export function caseQuestions(
  application: LoadedApplication,
  rows: readonly CaseAnswerView[],
  today: string,
): CaseQuestions {
  const answers = applyingAnswers(application, answersFromRows(rows), today, { unknownIds: 'drop' });
  const groups = [...application.questions.values()]
    .filter(({ question }) => question.type === 'repeat')
    .map(({ question }) => question.id);
  // Every group counts as complete: "noch ein Kind?" is the family's to answer, not an open question.
  const steps = flowSteps(application, answers, groups, today);
  // ... but the Kümmerer may add an item where the chat would ask it (below the group's maximum).
  const addable = flowSteps(application, answers, [], today).flatMap((step) =>
    step.kind === 'another-item' ? [newItem(application, answers, step.group, step.count, today)] : [],
  );
  const answeredOn = answeredOnOf(rows);
  const askedThen =
    answeredOn === undefined || answeredOn === today
      ? undefined
      : new Set(
          flowSteps(application, answers, groups, answeredOn).flatMap((step) =>
            step.kind === 'question' ? [step.path] : [],
          ),
        );
  const answered = new Set(rows.map((row) => row.path));
  const applying = new Set<string>();
  const open: OpenQuestion[] = [];
  for (const step of steps) {
    if (step.kind !== 'question') {
      continue;
    }
    applying.add(step.path);
    if (!answered.has(step.path) && (askedThen === undefined || askedThen.has(step.path))) {
      open.push({ path: step.path, indexed: step.indexed, item: step.pointer.item });
    }
  }
  return { open, addable, applying, answers };
}

/** Item `item` of `group` before it exists: the group's own questions that apply to an empty item. */
function newItem(
  application: LoadedApplication,
  answers: Answers,
  group: IndexedQuestion,
  item: number,
  today: string,
): AddableItem {
  const scope = new AnswerScope(answers, today).forItem(group.question.id, item, {});
  const questions = (group.question.questions ?? []).flatMap((child) => {
    const indexed = application.questions.get(child.id);
    return indexed && scope.isActive(child)
      ? [{ path: `${group.question.id}[${item}].${child.id}`, indexed, item }]
      : [];
  });
  return { group, item, questions };
}
