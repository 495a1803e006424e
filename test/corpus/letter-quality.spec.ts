import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeLetter } from '../../src/documents/analysis/analyze-letter';
import { DEFAULT_SEED } from './generate-corpus';
import { FieldScorer } from './field-scores';
import { buildLetterSpecs } from './letter-templates';
import { renderLetterPdf } from './render-letter-pdf';
import { SeededRandom } from './seeded-random';
import { textLayerDocument } from './text-layer-document';

// Perfect OCR: the text layer of each generated digital PDF. Every field must be right; a miss here
// is a bug in the analysis, not OCR noise. Four letters per template (forms A and B), two seeds.
describe('letter analysis quality on the corpus text layer', () => {
  for (const seed of [DEFAULT_SEED, 7]) {
    it(`is 100 % on every field (seed ${seed})`, async (t) => {
      const scorer = new FieldScorer();
      const specs = buildLetterSpecs(new SeededRandom(seed), 4);
      for (const spec of specs) {
        const doc = await textLayerDocument(await renderLetterPdf(spec));
        const analysis = analyzeLetter(doc, { today: '2026-12-31' });
        scorer.add(spec.id, analysis, spec.truth);
        // Deadline texts are compared in full here; the scorer looks at date and estimate.
        assert.equal(analysis.deadline?.text ?? null, spec.truth.deadline?.text ?? null, spec.id);
        for (const [field, evidence] of Object.entries(analysis.evidence)) {
          assert.ok(evidence.page === 1 && evidence.box[2] > 0 && evidence.box[3] > 0, `${spec.id} ${field}`);
        }
      }
      scorer.report(`text layer, ${specs.length} letters, seed ${seed}`).forEach((row) => t.diagnostic(row));
      assert.deepEqual(scorer.mistakes, []);
      assert.equal(scorer.f1(), 1);
    });
  }
});
