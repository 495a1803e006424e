import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { renderTextImage, scannedPdf, textLayerPdf } from '../../../test/documents/letter-image.factory';
import { DocumentIntakeError } from './document-intake.errors';
import { readDocumentPages as sut } from './read-document-pages.util';

/** Small deterministic PRNG (mulberry32): the same 300 cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(original: Uint8Array, next: () => number): Buffer {
  const bytes = Buffer.from(original);
  const kind = Math.floor(next() * 3);
  if (kind === 0) {
    // bit flips, kept away from the magic number half of the time so the decoders get to work
    const flips = 1 + Math.floor(next() * 8);
    for (let index = 0; index < flips; index += 1) {
      const at = Math.floor(next() * bytes.length);
      bytes[at] ^= 1 << Math.floor(next() * 8);
    }
    return bytes;
  }
  if (kind === 1) {
    return bytes.subarray(0, Math.floor(next() * bytes.length));
  }
  // duplicate a chunk in place
  const start = Math.floor(next() * bytes.length);
  const length = Math.floor(next() * Math.min(4096, bytes.length - start));
  const at = Math.floor(next() * bytes.length);
  return Buffer.concat([bytes.subarray(0, at), bytes.subarray(start, start + length), bytes.subarray(at)]);
}

describe('intake fuzz', () => {
  it('300 mutated images and PDFs: no crash, no hang, only coded refusals', async () => {
    const png = renderTextImage(['Familienkasse', 'Kindergeld 123FK456789'], 300, 20);
    const seeds: Uint8Array[] = [
      png,
      await sharp(png).jpeg().toBuffer(),
      await sharp(png).webp().toBuffer(),
      await sharp(png).tiff().toBuffer(),
      await textLayerPdf(['Familienkasse Nordrhein-Westfalen', 'Kindergeldnummer 123FK456789']),
      await scannedPdf(png),
    ];
    const next = random(20260101);
    const outcomes = new Map<string, number>();
    for (let index = 0; index < 300; index += 1) {
      const input = mutate(seeds[index % seeds.length], next);
      const caseStarted = Date.now();
      try {
        // Small limits keep each case short; the watchdog is what must stop a hang.
        const result = await sut(input, { stepTimeoutMs: 5000, maxPages: 5, renderDpi: 72 });
        outcomes.set('read', (outcomes.get('read') ?? 0) + 1);
        assert.ok(result.pages.length >= 1);
      } catch (error) {
        assert.ok(error instanceof DocumentIntakeError, `case ${index}: ${String(error)}`);
        outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
      }
      // The hang check: every step has a 5 s watchdog, so a case past 15 s means one did not fire.
      // No bound on the whole run: that would measure the machine's load, not the intake.
      assert.ok(Date.now() - caseStarted < 15_000, `case ${index} took ${Date.now() - caseStarted} ms`);
    }
    // Both paths are exercised: some mutations still read, many are refused.
    assert.ok((outcomes.get('read') ?? 0) > 0, JSON.stringify([...outcomes]));
    assert.ok((outcomes.get('FILE_DAMAGED') ?? 0) > 0, JSON.stringify([...outcomes]));
  });
});
