import { applyingAnswers } from '../forms/answers/applying-answers';
import { Answers, AnswerValue } from '../forms/definition/answers.types';
import { IndexedQuestion } from '../forms/definition/question-index.util';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';
import { AnswerScope } from '../forms/mapping/answer-scope.util';
import { answerPath } from './answer-path.util';
import { InterviewState, QuestionPointer } from './interview-state.types';

/** One step of the dialogue under the current answers: a question (maybe for one item) or "noch ein Kind?". */
export type FlowStep =
  | { kind: 'question'; pointer: QuestionPointer; indexed: IndexedQuestion; path: string }
  | { kind: 'another-item'; group: IndexedQuestion; count: number };

/** The order of questions, computed once per application. */
interface QuestionPlan {
  topLevel: IndexedQuestion[];
  /** Repeat group id -> questions asked per item: the group's own, then those of forms with `repeatOf`. */
  perItem: Map<string, IndexedQuestion[]>;
}

const plans = new WeakMap<LoadedApplication, QuestionPlan>();

export function questionPlan(application: LoadedApplication): QuestionPlan {
  let plan = plans.get(application);
  if (plan) {
    return plan;
  }
  const topLevel: IndexedQuestion[] = [];
  const perItem = new Map<string, IndexedQuestion[]>();
  // Forms asked once come first; questions a per-item form asks once come after them.
  const ordered = [...application.questions.values()].sort(
    (a, b) => Number(isPerItemForm(application, a.formId)) - Number(isPerItemForm(application, b.formId)),
  );
  for (const indexed of ordered) {
    if (indexed.repeatId === null) {
      topLevel.push(indexed);
    } else {
      perItem.set(indexed.repeatId, [...(perItem.get(indexed.repeatId) ?? []), indexed]);
    }
  }
  plan = { topLevel, perItem };
  plans.set(application, plan);
  return plan;
}

function isPerItemForm(application: LoadedApplication, formId: string): boolean {
  return application.forms.some((form) => form.definition.id === formId && form.definition.repeatOf !== null);
}

/**
 * The answers that apply: answers of questions whose `when` is false under the other answers are left
 * out, repeated until nothing changes (a dropped answer can switch off further questions).
 */
export function submittedAnswers(
  application: LoadedApplication,
  state: Pick<InterviewState, 'answers'>,
  today: string,
): Answers {
  return applyingAnswers(application, state.answers, today, { unknownIds: 'drop' });
}

/** Every step under the given (applying) answers, in the order they are asked. */
export function flowSteps(
  application: LoadedApplication,
  answers: Answers,
  completedGroups: readonly string[],
  today: string,
): FlowStep[] {
  const plan = questionPlan(application);
  const scope = new AnswerScope(answers, today);
  const steps: FlowStep[] = [];
  for (const indexed of plan.topLevel) {
    const { question } = indexed;
    if (!scope.isActive(question)) {
      continue;
    }
    if (question.type !== 'repeat') {
      steps.push({
        kind: 'question',
        pointer: { questionId: question.id, item: null },
        indexed,
        path: question.id,
      });
      continue;
    }
    const items = scope.itemsOf(question.id);
    const perItem = plan.perItem.get(question.id) ?? [];
    const min = typeof question.validation?.min === 'number' ? question.validation.min : 0;
    const max = typeof question.validation?.max === 'number' ? question.validation.max : Infinity;
    // A group that needs an item starts with the first question of item 0 (created by its answer).
    const shown = items.length === 0 && min >= 1 && perItem.length > 0 ? [{}] : items;
    shown.forEach((item, index) => {
      const itemScope = scope.forItem(question.id, index, item);
      for (const child of perItem) {
        if (!itemScope.isActive(child.question)) {
          continue;
        }
        const pointer = { questionId: child.question.id, item: index };
        steps.push({ kind: 'question', pointer, indexed: child, path: answerPath(pointer, question.id) });
      }
    });
    if (!completedGroups.includes(question.id) && items.length < max && (items.length > 0 || min < 1)) {
      steps.push({ kind: 'another-item', group: indexed, count: items.length });
    }
  }
  return steps;
}

/** The answer at a pointer, or undefined when not answered. */
export function answerAt(
  answers: Answers,
  pointer: QuestionPointer,
  repeatId: string | null,
): AnswerValue | undefined {
  if (repeatId === null || pointer.item === null) {
    return answers[pointer.questionId];
  }
  const items = answers[repeatId];
  return Array.isArray(items) ? items[pointer.item]?.[pointer.questionId] : undefined;
}

export function isAnswered(answers: Answers, pointer: QuestionPointer, repeatId: string | null): boolean {
  return answerAt(answers, pointer, repeatId) !== undefined;
}

/** A copy of the answers with one value set; an item of a repeat group is created when needed. */
export function withAnswer(
  answers: Answers,
  pointer: QuestionPointer,
  repeatId: string | null,
  value: AnswerValue,
): Answers {
  if (repeatId === null || pointer.item === null) {
    return { ...answers, [pointer.questionId]: value };
  }
  const items = Array.isArray(answers[repeatId]) ? [...answers[repeatId]] : [];
  while (items.length <= pointer.item) {
    items.push({});
  }
  items[pointer.item] = { ...items[pointer.item], [pointer.questionId]: value };
  return { ...answers, [repeatId]: items };
}

/** The first step still waiting for the family, or null when everything is answered. */
export function nextOpenStep(
  steps: FlowStep[],
  answers: Answers,
  unknown: readonly string[],
): FlowStep | null {
  for (const step of steps) {
    if (step.kind === 'another-item') {
      return step;
    }
    if (!isAnswered(answers, step.pointer, step.indexed.repeatId) && !unknown.includes(step.path)) {
      return step;
    }
  }
  return null;
}

/** "Frage 7 von etwa 25": the position among the questions that apply right now. */
export function progressOf(steps: FlowStep[], path: string): { current: number; total: number } {
  const questions = steps.filter((step) => step.kind === 'question');
  const index = questions.findIndex((step) => step.kind === 'question' && step.path === path);
  return { current: index < 0 ? questions.length : index + 1, total: Math.max(questions.length, 1) };
}
