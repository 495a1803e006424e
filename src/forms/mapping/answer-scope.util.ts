import { Answers, AnswerValue, RepeatItemAnswers } from '../definition/answers.types';
import { QuestionDefinition } from '../definition/question.types';
import { compileExpression } from '../expressions/compile-expression.util';
import { evaluateExpression, EvaluationScope, isTruthy } from '../expressions/evaluate-expression.util';

/** The answers one form instance sees: the application's answers plus, for a child's copy, that child. */
export class AnswerScope implements EvaluationScope {
  constructor(
    readonly answers: Answers,
    readonly today: string,
    readonly item?: { repeatId: string; index: number; values: RepeatItemAnswers },
  ) {}

  /** A scope for item `index` of a repeat group; `children.x` then means this child's answer. */
  forItem(repeatId: string, index: number, values: RepeatItemAnswers): AnswerScope {
    return new AnswerScope(this.answers, this.today, { repeatId, index, values });
  }

  lookup(id: string): AnswerValue | undefined {
    if (this.item && id.startsWith(`${this.item.repeatId}.`)) {
      return this.item.values[id];
    }
    return this.answers[id];
  }

  position(repeatId: string): number | undefined {
    return this.item?.repeatId === repeatId ? this.item.index + 1 : undefined;
  }

  /** Items of a repeat group; anything else reads as no items. */
  itemsOf(repeatId: string): RepeatItemAnswers[] {
    const value = this.answers[repeatId];
    return Array.isArray(value) ? value : [];
  }

  /** A question is asked (and fills its fields) unless its `when` is false. */
  isActive(question: Pick<QuestionDefinition, 'when'>): boolean {
    return this.holds(question.when);
  }

  holds(condition: string | undefined): boolean {
    return condition === undefined || isTruthy(evaluateExpression(compileExpression(condition), this));
  }

  evaluate(expression: string): unknown {
    return evaluateExpression(compileExpression(expression), this);
  }
}

export function hasValue(value: unknown): boolean {
  return (
    value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
  );
}
