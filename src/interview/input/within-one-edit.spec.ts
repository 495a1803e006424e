import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isWithinOneEdit } from './within-one-edit';

describe('isWithinOneEdit', () => {
  const cases: [string, string, boolean][] = [
    ['verheiratet', 'verheiratet', true],
    ['verheiratt', 'verheiratet', true], // one letter missing
    ['verheirattet', 'verheiratet', true], // one letter too many
    ['verheiratat', 'verheiratet', true], // one letter replaced
    ['verhieratet', 'verheiratet', true], // neighbours swapped
    ['vreheiratet', 'verheiratet', true],
    ['verheiratte', 'verheiratet', true], // swap at the end
    ['verhiratat', 'verheiratet', false], // two edits
    ['geschieden', 'verheiratet', false],
    ['ab', 'ba', true],
    ['abc', 'cba', false],
    ['', 'a', true],
    ['', 'ab', false],
    ['yılmaz', 'yilmaz', true],
  ];
  for (const [left, right, expected] of cases) {
    it(`${left} ~ ${right}: ${expected}`, () => {
      assert.equal(isWithinOneEdit(left, right), expected);
      assert.equal(isWithinOneEdit(right, left), expected); // symmetric
    });
  }
});
