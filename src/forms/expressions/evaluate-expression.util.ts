import { digitsAt, isIsoDate, resolveDate } from '../answers/resolve-date.util';
import { ComparisonOperator, ExpressionNode } from './expression.types';

/** What an expression can see. Unanswered questions read as null. */
export interface EvaluationScope {
  /** The value of a question id, or undefined when it has no answer. */
  lookup(id: string): unknown;
  /** Today's date as YYYY-MM-DD (passed in so results are reproducible). */
  today: string;
  /** 1-based number of the current item of a repeat group (the child of this Anlage Kind), if any. */
  position?(repeatId: string): number | undefined;
}

/** Evaluates a parsed condition. Never throws on odd data: mismatched types compare as false. */
export function evaluateExpression(node: ExpressionNode, scope: EvaluationScope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'list':
      return node.items.map((item) => evaluateExpression(item, scope));
    case 'identifier':
      return scope.lookup(node.name) ?? null;
    case 'call':
      return callFunction(node, scope);
    case 'not':
      return !isTruthy(evaluateExpression(node.operand, scope));
    case 'logical': {
      const left = isTruthy(evaluateExpression(node.left, scope));
      if (node.operator === 'and') {
        return left && isTruthy(evaluateExpression(node.right, scope));
      }
      return left || isTruthy(evaluateExpression(node.right, scope));
    }
    case 'comparison':
      return compare(
        node.operator,
        evaluateExpression(node.left, scope),
        evaluateExpression(node.right, scope),
      );
  }
}

/** A condition holds when it evaluates to something other than false, null, 0, "" or []. */
export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

function callFunction(node: Extract<ExpressionNode, { kind: 'call' }>, scope: EvaluationScope): unknown {
  const [first, second] = node.args;
  switch (node.name) {
    case 'today':
      return scope.today;
    case 'date':
      // The parser let only a literal rule date through ("today-18y", "2025-01-31").
      return resolveDate(String(evaluateExpression(first, scope)), scope.today);
    case 'age':
      return completedYears(
        evaluateExpression(first, scope),
        second ? evaluateExpression(second, scope) : scope.today,
      );
    case 'startsWith': {
      const text = evaluateExpression(first, scope);
      const prefix = evaluateExpression(second, scope);
      return typeof text === 'string' && typeof prefix === 'string' && text.startsWith(prefix);
    }
    case 'position':
      return first.kind === 'identifier' ? (scope.position?.(first.name) ?? null) : null;
    case 'count': {
      const value = first.kind === 'identifier' ? scope.lookup(first.name) : undefined;
      return Array.isArray(value) ? value.length : 0;
    }
    case 'answered': {
      // An empty text or an empty list is not an answer.
      const value = first.kind === 'identifier' ? scope.lookup(first.name) : undefined;
      return (
        value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
      );
    }
  }
}

/**
 * Whole years from `birth` to `on` (both YYYY-MM-DD), counted by birthdays: someone born on
 * 29 February turns a year older on 1 March in other years (as §§ 187, 188 BGB count it). Null when
 * either is not a date or `on` lies before `birth`, so that comparisons with it are false.
 */
export function completedYears(birth: unknown, on: unknown): number | null {
  if (
    typeof birth !== 'string' ||
    typeof on !== 'string' ||
    !isIsoDate(birth) ||
    !isIsoDate(on) ||
    on < birth
  ) {
    return null;
  }
  // Both are YYYY-MM-DD, so month and day compare as text ("03-01" >= "02-29").
  const hadBirthday = on.slice(5) >= birth.slice(5);
  return digitsAt(on, 0, 4) - digitsAt(birth, 0, 4) - (hadBirthday ? 0 : 1);
}

function compare(operator: ComparisonOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case 'in':
      return Array.isArray(right) && right.includes(left);
    case 'not in':
      return Array.isArray(right) && !right.includes(left);
    default:
      return compareOrdered(operator, left, right);
  }
}

// Numbers compare with numbers, strings with strings (ISO dates sort correctly as strings).
function compareOrdered(operator: '<' | '<=' | '>' | '>=', left: unknown, right: unknown): boolean {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string');
  if (!comparable) {
    return false;
  }
  const a = left;
  const b = right;
  if (operator === '<') {
    return a < b;
  }
  if (operator === '<=') {
    return a <= b;
  }
  if (operator === '>') {
    return a > b;
  }
  return a >= b;
}
