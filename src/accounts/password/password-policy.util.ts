import { AccountsError } from '../accounts.errors';
import { commonPasswords } from './common-passwords';

export const minimumPasswordLength = 12;
export const maximumPasswordLength = 256;

/**
 * Why a password is not accepted, in plain German first and English second; empty when it is fine.
 * Length counts characters (code points), so "Ayşe" is four.
 */
export function passwordProblems(password: string, login: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < minimumPasswordLength) {
    problems.push(
      `Das Passwort ist zu kurz. Es braucht mindestens ${minimumPasswordLength} Zeichen. / The password is too short: at least ${minimumPasswordLength} characters.`,
    );
  }
  if (length > maximumPasswordLength) {
    problems.push(
      `Das Passwort ist zu lang. Es darf höchstens ${maximumPasswordLength} Zeichen haben. / The password is too long: at most ${maximumPasswordLength} characters.`,
    );
  }
  const folded = fold(password);
  const foldedLogin = fold(login);
  const loginName = foldedLogin.split('@')[0];
  if (folded === foldedLogin || (loginName.length >= 3 && folded.includes(loginName))) {
    problems.push(
      'Das Passwort darf nicht den Anmeldenamen enthalten. / The password must not contain the login name.',
    );
  }
  if (isCommon(folded)) {
    problems.push(
      'Dieses Passwort ist zu bekannt. Bitte wählen Sie ein anderes, zum Beispiel drei zufällige Wörter. / This password is too common; choose another one, for example three random words.',
    );
  }
  if (length >= minimumPasswordLength && new Set(password).size <= 2) {
    problems.push(
      'Das Passwort besteht fast nur aus einem Zeichen. / The password is made of almost a single character.',
    );
  }
  return problems;
}

function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

function isCommon(folded: string): boolean {
  if (commonPasswords.has(folded)) {
    return true;
  }
  // "Passwort2024!" and "!!sommer!!" are as weak as their core word.
  const core = folded.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (core.length > 0 && commonPasswords.has(core)) {
    return true;
  }
  // "passwortpasswort", "sommersommersommer": one common word repeated.
  for (const word of commonPasswords) {
    if (
      core.length > word.length &&
      core.length % word.length === 0 &&
      core === word.repeat(core.length / word.length)
    ) {
      return true;
    }
  }
  return false;
}

/** Throws PASSWORD_REJECTED with every reason (passwordProblems and `more`) when there is one. */
export function assertPasswordAccepted(password: string, login: string, more: readonly string[] = []): void {
  const problems = [...passwordProblems(password, login), ...more];
  if (problems.length > 0) {
    throw new AccountsError(
      'PASSWORD_REJECTED',
      'Das Passwort erfüllt die Regeln nicht. / The password does not meet the rules.',
      problems,
    );
  }
}
