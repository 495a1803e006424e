// Thrown when a condition in a definition cannot be read. The form loader turns it into a
// definition problem; it never reaches a family.
export class ExpressionSyntaxError extends Error {
  readonly code = 'EXPRESSION_SYNTAX';

  constructor(
    readonly reason: string,
    /** Zero-based character offset where the problem was found. */
    readonly position: number,
    readonly expression: string,
  ) {
    super(`${reason} at position ${position + 1} in "${expression}"`);
    this.name = 'ExpressionSyntaxError';
  }
}
