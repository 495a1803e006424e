// OCR benchmark over the test corpus (test/corpus): each letter is rendered at 300 dpi without its
// text layer, then read by the tesseract.js pool. Prints the median seconds per page with one
// worker, pages per minute with one worker and with the pool, and, when the Debian tesseract-ocr
// CLI with German data is installed, the same pages through it as the reference.
// Run with `npm run bench:ocr`; BENCH_PAGES sets the number of pages (default 8).
// Targets on a 2-core machine: median per page <= the native CLI's, pool >= 1.7 x one worker.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultIntakeLimits } from '../src/documents/intake/intake-limits';
import type { PageImage } from '../src/documents/intake/page-source.types';
import { readPdfPages } from '../src/documents/intake/pdf-pages.util';
import { InProcessOcrQueue } from '../src/documents/ocr/in-process-ocr-queue';
import { preprocessPage } from '../src/documents/ocr/preprocess-page.util';
import { buildLetterSpecs } from '../test/corpus/letter-templates';
import { renderLetterPdf } from '../test/corpus/render-letter-pdf';
import { SeededRandom } from '../test/corpus/seeded-random';

const pageCount = Math.max(2, Number(process.env.BENCH_PAGES ?? 8));
const targets = { poolSpeedup: 1.7 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function corpusPages(): Promise<PageImage[]> {
  const specs = buildLetterSpecs(new SeededRandom(4711), Math.ceil(pageCount / 4) + 1);
  const pages: PageImage[] = [];
  for (const spec of specs) {
    if (pages.length >= pageCount) {
      break;
    }
    // Infinity: treat every page as a scan, so the text layer is ignored and the page is rendered.
    const [first] = await readPdfPages(await renderLetterPdf(spec), defaultIntakeLimits, {
      minTextCharacters: Number.POSITIVE_INFINITY,
    });
    if (first.kind === 'image') {
      pages.push({ ...first.image, page: pages.length + 1 });
    }
  }
  return pages;
}

function wordSet(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter((word) => word.length > 2));
}

async function main(): Promise<void> {
  const pages = await corpusPages();
  console.log(`OCR benchmark: ${pages.length} corpus pages (A4, 300 dpi), ${availableParallelism()} cores`);
  const job = (page: PageImage) => ({ pages: [page], detectOrientation: true, deskew: true });

  // One worker: pages one after another; the per-page time is the latency a family waits.
  const single = new InProcessOcrQueue({ size: 1 });
  await single.pool.warmUp();
  const perPage: number[] = [];
  const singleStarted = Date.now();
  const texts: string[] = [];
  for (const page of pages) {
    const started = Date.now();
    const [result] = await single.enqueue(job(page));
    perPage.push((Date.now() - started) / 1000);
    texts.push(result.page.text);
  }
  const singleSeconds = (Date.now() - singleStarted) / 1000;
  await single.close();

  // The pool: all pages at once, as a burst of uploads.
  const pool = new InProcessOcrQueue({ size: availableParallelism(), maxWaitingPages: pages.length });
  await pool.pool.warmUp();
  const poolStarted = Date.now();
  await Promise.all(pages.map((page) => pool.enqueue(job(page))));
  const poolSeconds = (Date.now() - poolStarted) / 1000;
  await pool.close();

  const singlePerMinute = (60 * pages.length) / singleSeconds;
  const poolPerMinute = (60 * pages.length) / poolSeconds;
  console.log('| run | median s/page | pages/min |');
  console.log('|---|---|---|');
  console.log(`| tesseract.js, 1 worker | ${median(perPage).toFixed(2)} | ${singlePerMinute.toFixed(1)} |`);
  console.log(`| tesseract.js, pool of ${availableParallelism()} | | ${poolPerMinute.toFixed(1)} |`);

  const native = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  let nativeMedian: number | undefined;
  if (native.status === 0 && /\bdeu\b/.test(native.stdout)) {
    const folder = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
    try {
      for (const threads of ['1', '']) {
        const times: number[] = [];
        let agreement = 0;
        for (const [index, page] of pages.entries()) {
          // The same preprocessed image the pool reads.
          const file = join(folder, `page-${index}.png`);
          writeFileSync(file, (await preprocessPage(page)).png);
          const started = Date.now();
          const text = execFileSync('tesseract', [file, 'stdout', '-l', 'deu+eng', '--psm', '3'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            env: threads ? { ...process.env, OMP_THREAD_LIMIT: threads } : process.env,
          });
          times.push((Date.now() - started) / 1000);
          const ours = wordSet(texts[index]);
          const theirs = wordSet(text);
          agreement += [...theirs].filter((word) => ours.has(word)).length / Math.max(1, theirs.size);
        }
        const label = threads ? 'native tesseract CLI, 1 thread' : 'native tesseract CLI, default threads';
        console.log(
          `| ${label} | ${median(times).toFixed(2)} | ${((60 * times.length) / times.reduce((a, b) => a + b, 0)).toFixed(1)} |`,
        );
        if (threads) {
          nativeMedian = median(times);
          console.log(
            `(words of the CLI also found by tesseract.js: ${((100 * agreement) / pages.length).toFixed(1)} %)`,
          );
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } else {
    console.log(
      'native tesseract CLI with deu not installed: apt-get install -y tesseract-ocr tesseract-ocr-deu',
    );
  }
  const speedup = poolPerMinute / singlePerMinute;
  console.log(`pool speed-up: ${speedup.toFixed(2)}x (target >= ${targets.poolSpeedup}x)`);
  if (nativeMedian !== undefined) {
    console.log(
      `median per page: ${median(perPage).toFixed(2)} s vs native ${nativeMedian.toFixed(2)} s (target: at most the native CLI's)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
