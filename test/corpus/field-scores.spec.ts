import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LetterAnalysis } from '../../src/documents/analysis/letter-analysis.types';
import { FieldScorer, foldNameToAscii } from './field-scores';
import { buildLetterSpecs } from './letter-templates';
import { SeededRandom } from './seeded-random';

function withRecipient(analysis: LetterAnalysis, name: string, city: string): LetterAnalysis {
  return { ...analysis, recipient: { ...analysis.recipient!, name, city } };
}

describe('FieldScorer', () => {
  const [spec] = buildLetterSpecs(new SeededRandom(3), 1);
  const truth = spec.truth as unknown as LetterAnalysis;

  const ayse = { ...spec.truth, recipient: { ...spec.truth.recipient!, name: 'Ayşe Yılmaz', city: 'Köln' } };

  it('folds only the recipient name to ASCII when asked, never the city', () => {
    assert.equal(foldNameToAscii('Ayşe Yılmaz'), 'Ayse Yilmaz');
    assert.equal(foldNameToAscii('Ivana Kovačević'), 'Ivana Kovacevic');
    const sut = new FieldScorer({ foldNames: true });
    sut.add('a', withRecipient(truth, 'Ayse Yilmaz', 'Koln'), ayse);
    assert.deepEqual(sut.mistakes, ['a recipient.city: "Koln" != "Köln"']);
  });

  it('counts a folded name as a mistake without the option', () => {
    const sut = new FieldScorer();
    sut.add('a', withRecipient(truth, 'Ayse Yilmaz', 'Köln'), ayse);
    assert.deepEqual(sut.mistakes, ['a recipient.name: "Ayse Yilmaz" != "Ayşe Yılmaz"']);
    assert.ok(sut.f1() < 1);
  });

  it('reports per-field F1', () => {
    const sut = new FieldScorer();
    sut.add('a', truth, spec.truth);
    assert.equal(sut.f1(), 1);
    assert.match(sut.report('t')[1], /F1 1\.000$/);
  });
});

describe('buildLetterSpecs', () => {
  it('covers both DIN 5008 forms with one letter per template', () => {
    const forms = new Set(buildLetterSpecs(new SeededRandom(1), 1).map((spec) => spec.form));
    assert.deepEqual([...forms].sort(), ['A', 'B']);
  });
});
