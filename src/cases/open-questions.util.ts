import { applyingAnswers } from '../forms/answers/applying-answers';
import { Answers } from '../forms/definition/answers.types';
import { IndexedQuestion } from '../forms/definition/question-index.util';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { flowSteps } from '../interview/flow.util';
import { answersFromRows } from './case-answer-rows.util';
import { CaseAnswerView } from './cases.types';

/** A question that applies under the case's answers but has no answer yet (e.g. after a correction). */
export interface OpenQuestion {
  /** "partner.lastName" or "receivingChildren[0].receivingChildren.name" */
  path: string;
  indexed: IndexedQuestion;
  /** The item of a repeat group the answer belongs to (0-based), null for answers given once. */
  item: number | null;
}

export interface CaseQuestions {
  /** Questions that apply and have no answer row, in the chat's order. */
  open: OpenQuestion[];
  /** Paths of every question that applies now: answers at other paths are left off the forms. */
  applying: Set<string>;
  /** The answers that apply (others, left from before a correction, left out). */
  answers: Answers;
}

/**
 * Which questions of a case apply under its current answers, in the order the chat asks them:
 * those without an answer are open (a correction from "ledig" to "verheiratet" opens the partner's
 * questions), answers to questions that no longer apply are not printed (see applyingAnswers).
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
  const answered = new Set(rows.map((row) => row.path));
  const applying = new Set<string>();
  const open: OpenQuestion[] = [];
  for (const step of steps) {
    if (step.kind !== 'question') {
      continue;
    }
    applying.add(step.path);
    if (!answered.has(step.path)) {
      open.push({ path: step.path, indexed: step.indexed, item: step.pointer.item });
    }
  }
  return { open, applying, answers };
}
