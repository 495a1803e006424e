import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findMonth } from './month-names';
import { foldForMatching } from './normalize-text';

describe('findMonth', () => {
  const cases: [string, number | 'ambiguous' | null][] = [
    ['Mai', 5],
    ['März', 3],
    ['Maerz', 3],
    ['Mrz', 3],
    ['Jänner', 1],
    ['Sept', 9],
    ['Okt', 10],
    ['Dez', 12],
    ['Ağustos', 8],
    ['Ağu', 8],
    ['мая', 5],
    ['листопада', 11],
    ['كانون الثاني', 1],
    ['كانون', 'ambiguous'], // January and December both start with it
    ['Ma', 'ambiguous'], // März, Mai
    ['Ja', null], // too short to accept although it fits January only
    ['Montag', null],
    ['Hilde', null],
  ];
  for (const [word, expected] of cases) {
    it(`${word} -> ${expected}`, () => assert.equal(findMonth(foldForMatching(word)), expected));
  }
});
