import { isRelativeDate } from '../answers/resolve-date.util';
import { ExpressionSyntaxError } from './expression.errors';
import { ComparisonOperator, ExpressionNode, FunctionName, LiteralValue, Token } from './expression.types';
import { tokenize } from './tokenize.util';

/**
 * Each function with how many arguments it takes and what they must be: question ids (`count`),
 * a rule date in quotes (`date`, checked here so a typo stops loading), or any expression.
 */
const FUNCTIONS: Record<FunctionName, { min: number; max: number; argument: 'id' | 'ruleDate' | 'any' }> = {
  count: { min: 1, max: 1, argument: 'id' },
  answered: { min: 1, max: 1, argument: 'id' },
  today: { min: 0, max: 0, argument: 'any' },
  position: { min: 1, max: 1, argument: 'id' },
  date: { min: 1, max: 1, argument: 'ruleDate' },
  age: { min: 1, max: 2, argument: 'any' },
  startsWith: { min: 2, max: 2, argument: 'any' },
};

const COMPARISON_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/**
 * Parses a condition into a syntax tree (recursive descent, no eval).
 *
 *   expression := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | comparison
 *   comparison := primary ((== | != | < | <= | > | >= | in | not in) primary)?
 *   primary    := literal | list | call | identifier | "(" expression ")"
 */
export function parseExpression(source: string): ExpressionNode {
  const parser = new Parser(source, tokenize(source));
  return parser.parseRoot();
}

class Parser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseRoot(): ExpressionNode {
    if (this.peek().kind === 'end') {
      this.fail('empty expression', this.peek());
    }
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      this.fail(`unexpected "${rest.text}"`, rest);
    }
    return node;
  }

  private parseOr(): ExpressionNode {
    let left = this.parseAnd();
    while (this.acceptKeyword('or')) {
      left = { kind: 'logical', operator: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): ExpressionNode {
    let left = this.parseNot();
    while (this.acceptKeyword('and')) {
      left = { kind: 'logical', operator: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): ExpressionNode {
    if (this.acceptKeyword('not')) {
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parseComparison();
  }

  private parseComparison(): ExpressionNode {
    const left = this.parsePrimary();
    const operator = this.acceptComparisonOperator();
    if (!operator) {
      return left;
    }
    return { kind: 'comparison', operator, left, right: this.parsePrimary() };
  }

  private acceptComparisonOperator(): ComparisonOperator | undefined {
    const token = this.peek();
    if (token.kind === 'operator' && COMPARISON_OPERATORS.has(token.text)) {
      this.index++;
      return token.text as ComparisonOperator;
    }
    if (this.acceptKeyword('in')) {
      return 'in';
    }
    const next = this.tokens[this.index + 1];
    if (token.kind === 'keyword' && token.text === 'not' && next?.kind === 'keyword' && next.text === 'in') {
      this.index += 2;
      return 'not in';
    }
    return undefined;
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'literal', value: token.text };
      case 'number':
        return { kind: 'literal', value: Number(token.text) };
      case 'keyword':
        return { kind: 'literal', value: this.keywordLiteral(token) };
      case 'identifier':
        return this.peekPunctuation('(')
          ? this.parseCall(token)
          : { kind: 'identifier', name: token.text, position: token.position };
      case 'punctuation':
        if (token.text === '(') {
          const inner = this.parseOr();
          this.expectPunctuation(')');
          return inner;
        }
        if (token.text === '[') {
          return this.parseList();
        }
        break;
    }
    return this.fail(
      token.kind === 'end' ? 'the expression ends too early' : `unexpected "${token.text}"`,
      token,
    );
  }

  private keywordLiteral(token: Token): LiteralValue {
    if (token.text === 'true') {
      return true;
    }
    if (token.text === 'false') {
      return false;
    }
    if (token.text === 'null') {
      return null;
    }
    return this.fail(`unexpected "${token.text}"`, token);
  }

  private parseList(): ExpressionNode {
    const items: ExpressionNode[] = [];
    if (!this.peekPunctuation(']')) {
      do {
        items.push(this.parsePrimary());
      } while (this.acceptPunctuation(','));
    }
    this.expectPunctuation(']');
    return { kind: 'list', items };
  }

  private parseCall(nameToken: Token): ExpressionNode {
    const name = nameToken.text as FunctionName;
    const spec = FUNCTIONS[name] as (typeof FUNCTIONS)[FunctionName] | undefined;
    if (!spec) {
      this.fail(
        `unknown function "${nameToken.text}" (known: ${Object.keys(FUNCTIONS).join(', ')})`,
        nameToken,
      );
    }
    this.expectPunctuation('(');
    const args: ExpressionNode[] = [];
    if (!this.peekPunctuation(')')) {
      do {
        const start = this.peek();
        const argument = this.parseOr();
        if (spec.argument === 'id' && argument.kind !== 'identifier') {
          this.fail(`${name}() takes a question id`, nameToken);
        }
        if (spec.argument === 'ruleDate') {
          this.checkRuleDate(argument, start);
        }
        args.push(argument);
      } while (this.acceptPunctuation(','));
    }
    this.expectPunctuation(')');
    if (args.length < spec.min || args.length > spec.max) {
      const takes = spec.min === spec.max ? `${spec.min}` : `${spec.min} or ${spec.max}`;
      this.fail(`${name}() takes ${takes} argument(s), got ${args.length}`, nameToken);
    }
    return { kind: 'call', name, args, position: nameToken.position };
  }

  /** date("today-18y"): the same dates as the `min`/`max` rules of date questions, in quotes. */
  private checkRuleDate(argument: ExpressionNode, start: Token): void {
    if (argument.kind !== 'literal' || typeof argument.value !== 'string') {
      this.fail('date() takes a date in quotes, such as date("today-18y") or date("2025-01-31")', start);
    }
    if (!isRelativeDate(argument.value)) {
      this.fail(
        `date("${argument.value}") is not a date: write YYYY-MM-DD, "today", or today with one offset in days, months or years ("today-14d", "today+3m", "today-18y")`,
        start,
      );
    }
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') {
      this.index++;
    }
    return token;
  }

  private acceptKeyword(keyword: string): boolean {
    const token = this.peek();
    if (token.kind === 'keyword' && token.text === keyword) {
      // `not in` belongs to the comparison, so `not` alone is only accepted when no `in` follows.
      if (keyword === 'not' && this.tokens[this.index + 1]?.text === 'in') {
        return false;
      }
      this.index++;
      return true;
    }
    return false;
  }

  private peekPunctuation(text: string): boolean {
    const token = this.peek();
    return token.kind === 'punctuation' && token.text === text;
  }

  private acceptPunctuation(text: string): boolean {
    if (!this.peekPunctuation(text)) {
      return false;
    }
    this.index++;
    return true;
  }

  private expectPunctuation(text: string): void {
    const token = this.peek();
    if (!this.acceptPunctuation(text)) {
      this.fail(
        token.kind === 'end' ? `"${text}" expected at the end` : `"${text}" expected, got "${token.text}"`,
        token,
      );
    }
  }

  private fail(reason: string, token: Token): never {
    throw new ExpressionSyntaxError(reason, token.position, this.source);
  }
}
