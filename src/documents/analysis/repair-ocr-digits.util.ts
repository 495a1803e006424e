// Characters OCR commonly reads in place of a digit. Applied only where the pattern expects a digit,
// and a repaired token is only accepted when its pattern and check digits hold.
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  i: '1',
  '|': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
};

export function repairDigit(character: string): string {
  return DIGIT_LOOKALIKES[character] ?? character;
}

/**
 * Repairs a token against a shape: 'N' = digit, any other character = that literal (case-insensitive).
 * Returns null when the token cannot have that shape.
 */
export function repairToShape(token: string, shape: string): string | null {
  if (token.length !== shape.length) {
    return null;
  }
  let repaired = '';
  for (let index = 0; index < shape.length; index++) {
    const expected = shape[index];
    const actual = token[index];
    if (expected === 'N') {
      const digit = repairDigit(actual);
      if (!/\d/.test(digit)) {
        return null;
      }
      repaired += digit;
    } else if (actual.toUpperCase() === expected) {
      repaired += expected;
    } else {
      return null;
    }
  }
  return repaired;
}
