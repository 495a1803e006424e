import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND_PHRASES, COMMANDS, LANGUAGE_NAMES, LANGUAGE_WORDS } from './command-phrases';
import { matchingKeysFor } from './normalize-text';
import { parseYesNo } from './parse-yes-no';

describe('command phrases', () => {
  const phrases = [
    ...Object.entries(COMMAND_PHRASES).flatMap(([command, list]) =>
      list.map((phrase) => [command, phrase] as const),
    ),
    ...Object.values(LANGUAGE_NAMES).flatMap((list) => list.map((phrase) => ['language', phrase] as const)),
    ...LANGUAGE_WORDS.map((phrase) => ['language', phrase] as const),
  ];

  it('give every folded phrase one meaning only', () => {
    const meaning = new Map<string, string>();
    for (const [command, phrase] of phrases) {
      for (const key of matchingKeysFor(phrase)) {
        const earlier = meaning.get(key);
        assert.ok(
          earlier === undefined || earlier === command,
          `"${phrase}" means ${earlier} and ${command}`,
        );
        meaning.set(key, command);
      }
    }
  });

  it('never read as a yes or no answer', () => {
    for (const [, phrase] of phrases) {
      assert.equal(parseYesNo(phrase), null, phrase);
    }
  });

  it('cover every command', () => {
    const covered = new Set(phrases.map(([command]) => command));
    assert.deepEqual([...covered].sort(), [...COMMANDS].sort());
  });
});
