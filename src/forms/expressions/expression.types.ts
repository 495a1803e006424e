// The syntax tree of a condition such as `applicant.maritalStatus in ["verheiratet"] and count(children) > 5`.
// Produced by parseExpression, read by evaluateExpression and collectIdentifiers.

export type LiteralValue = string | number | boolean | null;

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in';

export type FunctionName = 'count' | 'answered' | 'today' | 'position' | 'date' | 'age' | 'startsWith';

export type ExpressionNode =
  | { kind: 'literal'; value: LiteralValue }
  | { kind: 'list'; items: ExpressionNode[] }
  | { kind: 'identifier'; name: string; position: number }
  | { kind: 'call'; name: FunctionName; args: ExpressionNode[]; position: number }
  | { kind: 'comparison'; operator: ComparisonOperator; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'logical'; operator: 'and' | 'or'; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'not'; operand: ExpressionNode };

export type TokenKind = 'string' | 'number' | 'identifier' | 'keyword' | 'operator' | 'punctuation' | 'end';

export interface Token {
  kind: TokenKind;
  /** The text of the token; for strings the unescaped value. */
  text: string;
  /** Zero-based character offset in the expression, for error messages. */
  position: number;
}
