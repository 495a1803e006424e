import { ExpressionNode } from './expression.types';

/** Every question id an expression refers to, including arguments of count() and answered(). */
export function collectIdentifiers(node: ExpressionNode, found: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'identifier':
      found.add(node.name);
      break;
    case 'list':
      node.items.forEach((item) => collectIdentifiers(item, found));
      break;
    case 'call':
      node.args.forEach((argument) => collectIdentifiers(argument, found));
      break;
    case 'not':
      collectIdentifiers(node.operand, found);
      break;
    case 'logical':
    case 'comparison':
      collectIdentifiers(node.left, found);
      collectIdentifiers(node.right, found);
      break;
    case 'literal':
      break;
  }
  return found;
}
