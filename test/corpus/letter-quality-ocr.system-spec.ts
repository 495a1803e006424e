import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyzeLetter } from '../../src/documents/analysis/analyze-letter';
import { InProcessOcrQueue } from '../../src/documents/ocr/in-process-ocr-queue';
import { DocumentReader } from '../../src/documents/ocr/read-document.service';
import { FieldScorer } from './field-scores';
import { DEFAULT_SEED } from './generate-corpus';
import { buildLetterSpecs } from './letter-templates';
import { renderLetterPdf } from './render-letter-pdf';
import { renderVariants, Variant } from './render-variants';
import { SeededRandom } from './seeded-random';

/**
 * Minimum field-level F1 per image variant, through the real intake and OCR pipeline.
 * Recipient names are compared folded to ASCII (Şahin = Sahin; see FieldScorerOptions.foldNames):
 * the German model cannot spell ş, ı, ć, č, the family confirms every proposed value, and the
 * review shows the letter. All other fields, the city included, must match exactly.
 * Every variant must reach the 0.95. Measured on 2 cores (seed 20261130, 9 letters each):
 * clean 300 dpi, 150 dpi, turned and phone photo 0.98-1.0, scanned PDF 0.97 before the bullet and
 * "Steuer-1D" repairs. The photo's bar is not lower: with a local threshold (Sauvola) its uneven
 * light no longer costs whole text blocks, and a lower bar would hide exactly that kind of breakage.
 */
const F1_THRESHOLDS: Record<Exclude<Variant, 'digital-pdf'>, number> = {
  'clean-300': 0.95,
  'clean-150': 0.95,
  'rotated-90': 0.95,
  'scanned-pdf': 0.95,
  photo: 0.95,
};

describe('letter analysis quality on OCR of the corpus images', () => {
  const queue = new InProcessOcrQueue({ size: 2 });
  const reader = new DocumentReader(queue);
  after(() => queue.close());
  // One letter per template, forms A and B alternating over the templates: 9 letters per variant
  // cover every authority, letter type and both DIN 5008 layouts in about 3 minutes on 2 cores.
  const specs = buildLetterSpecs(new SeededRandom(DEFAULT_SEED), 1);
  const rendered = Promise.all(
    specs.map(async (spec, index) => ({
      spec,
      variants: await renderVariants(await renderLetterPdf(spec), DEFAULT_SEED + index),
    })),
  );

  for (const [variant, threshold] of Object.entries(F1_THRESHOLDS) as Array<
    [Exclude<Variant, 'digital-pdf'>, number]
  >) {
    it(`${variant}: field F1 at least ${threshold}`, async (t) => {
      const scorer = new FieldScorer({ foldNames: true });
      for (const { spec, variants } of await rendered) {
        const { document } = await reader.read(variants.get(variant)!);
        scorer.add(spec.id, analyzeLetter(document, { today: '2026-12-31' }), spec.truth);
      }
      scorer.report(`${variant}, ${specs.length} letters`).forEach((row) => t.diagnostic(row));
      for (const mistake of scorer.mistakes) {
        t.diagnostic(`miss: ${mistake}`);
      }
      assert.ok(scorer.f1() >= threshold, `F1 ${scorer.f1().toFixed(3)} < ${threshold}`);
    });
  }
});
