import { ExpressionSyntaxError } from './expression.errors';
import { Token } from './expression.types';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false', 'null']);
const TWO_CHAR_OPERATORS = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR_OPERATORS = new Set(['<', '>']);
const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

/** Splits a condition into tokens. Identifiers may be dotted: `applicant.maritalStatus`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index];
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index++;
      continue;
    }
    const start = index;
    const pair = source.slice(index, index + 2);
    if (TWO_CHAR_OPERATORS.has(pair)) {
      tokens.push({ kind: 'operator', text: pair, position: start });
      index += 2;
    } else if (ONE_CHAR_OPERATORS.has(char)) {
      tokens.push({ kind: 'operator', text: char, position: start });
      index++;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: 'punctuation', text: char, position: start });
      index++;
    } else if (char === '"' || char === "'") {
      const { value, end } = readString(source, index);
      tokens.push({ kind: 'string', text: value, position: start });
      index = end;
    } else if (DIGIT.test(char) || (char === '-' && DIGIT.test(source[index + 1] ?? ''))) {
      index++;
      while (index < source.length && DIGIT.test(source[index])) {
        index++;
      }
      if (source[index] === '.' && DIGIT.test(source[index + 1] ?? '')) {
        index++;
        while (index < source.length && DIGIT.test(source[index])) {
          index++;
        }
      }
      tokens.push({ kind: 'number', text: source.slice(start, index), position: start });
    } else if (IDENTIFIER_START.test(char)) {
      index = readIdentifier(source, index);
      const text = source.slice(start, index);
      tokens.push({ kind: KEYWORDS.has(text) ? 'keyword' : 'identifier', text, position: start });
    } else {
      throw new ExpressionSyntaxError(`unexpected character "${char}"`, start, source);
    }
  }
  tokens.push({ kind: 'end', text: '', position: source.length });
  return tokens;
}

function readIdentifier(source: string, start: number): number {
  let index = start;
  for (;;) {
    while (index < source.length && IDENTIFIER_PART.test(source[index])) {
      index++;
    }
    // A dot continues the identifier only when a name part follows: `children.firstName`.
    if (source[index] === '.' && IDENTIFIER_START.test(source[index + 1] ?? '')) {
      index++;
      continue;
    }
    if (source[index] === '.') {
      throw new ExpressionSyntaxError('a name must follow the dot', index, source);
    }
    return index;
  }
}

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === quote) {
      return { value, end: index + 1 };
    }
    if (char === '\\') {
      const next = source[index + 1];
      if (next === undefined) {
        break;
      }
      value += next === 'n' ? '\n' : next;
      index += 2;
      continue;
    }
    value += char;
    index++;
  }
  throw new ExpressionSyntaxError('unterminated string', start, source);
}
