import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppConfig } from '../../src/config/app-config';

// The README's configuration table is the operator's reference: it must name every setting.
describe('README configuration table', () => {
  it('lists every environment variable that AppConfig reads, and no unknown one', () => {
    const readme = readFileSync('README.md', 'utf8');
    const listed = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((match) => match[1]));
    const read = Object.keys(new AppConfig()).filter((key) => /^[A-Z][A-Z0-9_]+$/.test(key));
    assert.deepEqual(
      read.filter((key) => !listed.has(key)),
      [],
      'missing in the README',
    );
    assert.deepEqual(
      [...listed].filter((key) => !read.includes(key)),
      [],
      'in the README but not read by AppConfig',
    );
  });
});
