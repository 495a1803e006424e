import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 5/S, 8/B: letters and digits people mix up when they copy a code from a phone.
export const resumeCodeAlphabet = 'ACDEFGHJKMNPQRTUVWXYZ2345679';
export const resumeCodeLength = 8;

/** A fresh code like "K7QX-M4TA" (8 characters, about 38 bits), from node:crypto's CSPRNG. */
export function generateResumeCode(): string {
  let code = '';
  for (let i = 0; i < resumeCodeLength; i++) {
    code += resumeCodeAlphabet[randomInt(resumeCodeAlphabet.length)];
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code as typed ("k7qx m4ta", "K7QX-M4TA") in canonical form, or null if it cannot be one. */
export function normalizeResumeCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s\-–.]/g, '');
  if (compact.length !== resumeCodeLength) {
    return null;
  }
  for (const character of compact) {
    if (!resumeCodeAlphabet.includes(character)) {
      return null;
    }
  }
  return compact;
}
