import { ExpressionNode } from './expression.types';
import { parseExpression } from './parse-expression.util';

// Definitions hold a few hundred distinct expressions at most; parsing each once keeps
// evaluation in the interview engine to a tree walk.
const cache = new Map<string, ExpressionNode>();

/** Parses an expression once and returns the cached tree afterwards. Throws ExpressionSyntaxError. */
export function compileExpression(source: string): ExpressionNode {
  let node = cache.get(source);
  if (!node) {
    node = parseExpression(source);
    cache.set(source, node);
  }
  return node;
}
