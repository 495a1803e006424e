import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { passwordProblems } from './password-policy.util';

const login = 'dragana.petrovic@example.org';

describe('passwordProblems', () => {
  it('accepts a long password of unrelated words', () => {
    assert.deepEqual(passwordProblems('Kastanien Allee Herbst 17', login), []);
    assert.deepEqual(passwordProblems('çiçek-bahçe-yağmur', login), []);
  });

  it('counts characters, not bytes', () => {
    // 11 characters, more than 12 bytes in UTF-8.
    assert.match(
      passwordProblems('Ayşe-Yılmaz', login)[0],
      /^Das Passwort ist zu kurz\. Es braucht mindestens 12 Zeichen\./,
    );
  });

  it('refuses the login and passwords that contain the login name', () => {
    assert.ok(
      passwordProblems('Dragana.Petrovic@example.org', login).some((p) => p.includes('Anmeldenamen')),
    );
    assert.ok(passwordProblems('xx-dragana.petrovic-2025', login).some((p) => p.includes('Anmeldenamen')));
  });

  it('refuses common passwords, also with digits or punctuation around them and repeated', () => {
    for (const password of [
      '123456789012',
      'Passwort2024!!',
      '!!Kindergeld2025',
      'sommersommersommer',
      'Pass Wort Pass Wort',
    ]) {
      assert.ok(
        passwordProblems(password, login).some((problem) =>
          problem.startsWith('Dieses Passwort ist zu bekannt.'),
        ),
        password,
      );
    }
  });

  it('refuses a password of one repeated character', () => {
    assert.ok(
      passwordProblems('aaaaaaaaaaaaaaa', login).some((p) => p.startsWith('Das Passwort besteht fast nur')),
    );
  });

  it('refuses an overlong password', () => {
    assert.ok(
      passwordProblems('Wort-'.repeat(60), login).some((p) => p.startsWith('Das Passwort ist zu lang.')),
    );
  });
});
