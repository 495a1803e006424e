// OCR benchmark over the test corpus (test/corpus): each letter is rendered at 300 dpi without its
// text layer, then read by the tesseract.js queue (preprocessing, orientation check, deskew, OCR):
// one page at a time by the queue as the service runs it (a pool of one worker per core; an idle
// worker reads a stripe of the page), and by a queue of one worker reading whole pages.
// When the Debian tesseract-ocr CLI with German data is installed, the same preprocessed images go
// through it in the same run as the reference: one process at a time with OMP_THREAD_LIMIT=1
// (interleaved page by page with ours, so a busy machine slows both alike), and two processes at
// once for throughput. Run with `npm run bench:ocr` (builds first; needs no generated corpus, the pages
// are rendered from the templates here); BENCH_PAGES sets the number of pages (default 8). It also
// prints the field-level F1 of the letter analysis on the pages the single worker read.
// Targets on a 2-core machine: median per page <= the native CLI's, pool >= 1.7 x one worker.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { gunzipSync } from 'node:zlib';
import { defaultIntakeLimits } from '../src/documents/intake/intake-limits';
import type { PageImage } from '../src/documents/intake/page-source.types';
import { readPdfPages } from '../src/documents/intake/pdf-pages.util';
import { InProcessOcrQueue } from '../src/documents/ocr/in-process-ocr-queue';
import { defaultPreprocessOptions, preprocessPage } from '../src/documents/ocr/preprocess-page.util';
import { traineddataPath } from '../src/documents/ocr/tesseract-local-paths.util';
import { defaultTesseractParameters } from '../src/documents/ocr/tesseract-worker-pool';
import { buildLetterSpecs } from '../test/corpus/letter-templates';
import { renderLetterPdf } from '../test/corpus/render-letter-pdf';
import { SeededRandom } from '../test/corpus/seeded-random';
import { analyzeLetter } from '../src/documents/analysis/analyze-letter';
import { FieldScorer } from '../test/corpus/field-scores';
import type { LetterSpec } from '../test/corpus/letter-spec.types';

const pageCount = Math.max(2, Number(process.env.BENCH_PAGES ?? 8));
const cores = availableParallelism();
const targets = { poolSpeedup: 1.7 };
const run = promisify(execFile);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** CPU seconds of this process's finished child processes (Linux /proc; 0 elsewhere). */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3, cutime 16 and cstime 17 (1-based), in clock ticks.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

async function corpusPages(): Promise<{ pages: PageImage[]; specs: LetterSpec[] }> {
  const specs = buildLetterSpecs(new SeededRandom(4711), Math.ceil(pageCount / 4) + 1);
  const pages: PageImage[] = [];
  const used: LetterSpec[] = [];
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
      used.push(spec);
    }
  }
  return { pages, specs: used };
}

function wordSet(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter((word) => word.length > 2));
}

/** Share of the reference's words (3+ characters) that the other reading has too. */
function agreement(ours: string, reference: string): number {
  const mine = wordSet(ours);
  const theirs = [...wordSet(reference)];
  return theirs.filter((word) => mine.has(word)).length / Math.max(1, theirs.length);
}

function nativeCliAvailable(): boolean {
  const native = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return native.status === 0 && /\bdeu\b/.test(native.stdout);
}

/** The npm traineddata (the model tesseract.js reads) unpacked for the CLI: same model, other engine. */
function npmTessdataFolder(folder: string): string {
  const tessdata = join(folder, 'tessdata-npm');
  mkdirSync(tessdata, { recursive: true });
  for (const language of ['deu', 'eng'] as const) {
    writeFileSync(
      join(tessdata, `${language}.traineddata`),
      gunzipSync(readFileSync(traineddataPath(language))),
    );
  }
  return tessdata;
}

function cliArguments(file: string, tessdata?: string): string[] {
  const args = [file, 'stdout', '-l', 'deu+eng', '--oem', '1', '--psm', '3'];
  return tessdata ? [...args, '--tessdata-dir', tessdata] : args;
}

const cliEnvironment = { ...process.env, OMP_THREAD_LIMIT: '1' };

function cliSync(file: string, tessdata?: string): { seconds: number; cpu: number; text: string } {
  const cpuBefore = childCpuSeconds();
  const started = Date.now();
  const text = execFileSync('tesseract', cliArguments(file, tessdata), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: cliEnvironment,
  });
  return { seconds: (Date.now() - started) / 1000, cpu: childCpuSeconds() - cpuBefore, text };
}

/** All files through `parallel` CLI processes at once; wall seconds for the lot. */
async function cliParallel(files: string[], parallel: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < files.length) {
        const file = files[next];
        next += 1;
        await run('tesseract', cliArguments(file), { env: cliEnvironment });
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

async function main(): Promise<void> {
  const { pages, specs } = await corpusPages();
  const native = nativeCliAvailable();
  const folder = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  console.log(
    `OCR benchmark: ${pages.length} corpus pages (A4, 300 dpi), ${cores} cores, load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `settings: tesseract.js deu+eng, LSTM only, npm traineddata 4.0.0_best_int, ${JSON.stringify(defaultTesseractParameters)}, ` +
      `target ${defaultPreprocessOptions.targetDpi} dpi (no resampling within 20 %), grey PGM, deskew on, ` +
      `orientation check only when the reading looks wrong, sharp 1 thread; CLI: --oem 1 --psm 3, OMP_THREAD_LIMIT=1`,
  );
  try {
    // The CLI reads exactly the image our workers read after preprocessing.
    const files: string[] = [];
    const preprocessCpu: number[] = [];
    for (const [index, page] of pages.entries()) {
      const before = ownCpuSeconds();
      const { grey, width, height } = await preprocessPage(page);
      preprocessCpu.push(ownCpuSeconds() - before);
      files.push(join(folder, `page-${index}.png`));
      // PNG with its resolution, so the CLI does not have to guess it.
      writeFileSync(
        files[index],
        await sharp(grey, { raw: { width, height, channels: 1 } })
          .toColourspace('b-w')
          .withDensity(defaultPreprocessOptions.targetDpi)
          .png({ compressionLevel: 1 })
          .toBuffer(),
      );
    }
    const npmTessdata = native ? npmTessdataFolder(folder) : undefined;

    // Pages one after another, interleaved page by page with the CLI so that all see the same load on
    // a busy machine: the service's queue (its per-page time is what a family waits for one letter),
    // and one worker reading whole pages (the throughput reference for the pool).
    const service = new InProcessOcrQueue({ size: cores });
    const single = new InProcessOcrQueue({ size: 1 });
    await Promise.all([service.pool.warmUp(), single.pool.warmUp()]);
    type Reading = { seconds: number; cpu: number; text: string };
    const ours: Reading[] = [];
    const whole: Reading[] = [];
    const stripes: number[] = [];
    // Names folded to ASCII as in the quality test (test/corpus/letter-quality-ocr.system-spec.ts).
    const scorer = new FieldScorer({ foldNames: true });
    const wholeScorer = new FieldScorer({ foldNames: true });
    const cli: Reading[] = [];
    const cliSameModel: Reading[] = [];
    const readOne = async (queue: InProcessOcrQueue, page: PageImage) => {
      const cpuBefore = ownCpuSeconds();
      const started = Date.now();
      const [result] = await queue.enqueue({ pages: [page] });
      const reading = {
        seconds: (Date.now() - started) / 1000,
        cpu: ownCpuSeconds() - cpuBefore,
        text: result.page.text,
      };
      const analysis = analyzeLetter({ pages: [{ ...result.page, page: 1 }] }, { today: '2026-12-31' });
      return { reading, analysis, stripes: result.stripes };
    };
    for (const [index, page] of pages.entries()) {
      const served = await readOne(service, page);
      ours.push(served.reading);
      stripes.push(served.stripes);
      scorer.add(specs[index].id, served.analysis, specs[index].truth);
      const alone = await readOne(single, page);
      whole.push(alone.reading);
      wholeScorer.add(specs[index].id, alone.analysis, specs[index].truth);
      if (native) {
        cli.push(cliSync(files[index]));
        cliSameModel.push(cliSync(files[index], npmTessdata));
      }
    }
    // Letters of three pages, as families send them: the first two pages are read whole side by
    // side, the third in stripes by both workers (InProcessOcrQueue.readInStripes).
    const letters: number[] = [];
    for (let first = 0; first + 3 <= pages.length; first += 3) {
      const started = Date.now();
      await service.enqueue({ pages: pages.slice(first, first + 3) });
      letters.push((Date.now() - started) / 1000);
    }
    await Promise.all([service.close(), single.close()]);
    const singleSeconds = whole.reduce((sum, page) => sum + page.seconds, 0);

    // The pool: all pages at once, as a burst of uploads.
    const pool = new InProcessOcrQueue({ size: cores, maxWaitingPages: pages.length });
    await pool.pool.warmUp();
    const poolStarted = Date.now();
    await Promise.all(pages.map((page) => pool.enqueue({ pages: [page] })));
    const poolSeconds = (Date.now() - poolStarted) / 1000;
    await pool.close();

    const perMinute = (seconds: number) => ((60 * pages.length) / seconds).toFixed(1);
    const row = (label: string, seconds: string, cpu: string, pagesPerMinute: string) =>
      console.log(`| ${label} | ${seconds} | ${cpu} | ${pagesPerMinute} |`);
    console.log('| run | median s/page | median CPU s/page | pages/min |');
    console.log('|---|---|---|---|');
    const medianOf = (list: { seconds: number; cpu: number }[], key: 'seconds' | 'cpu') =>
      median(list.map((page) => page[key])).toFixed(2);
    row(
      `tesseract.js, service queue (pool of ${cores}), one page at a time: preprocess + OCR`,
      medianOf(ours, 'seconds'),
      medianOf(ours, 'cpu'),
      perMinute(ours.reduce((sum, page) => sum + page.seconds, 0)),
    );
    row(
      'tesseract.js, 1 worker, whole pages',
      medianOf(whole, 'seconds'),
      medianOf(whole, 'cpu'),
      perMinute(singleSeconds),
    );
    row(`tesseract.js, pool of ${cores}`, '', '', perMinute(poolSeconds));
    if (letters.length > 0) {
      console.log(
        `(letters of 3 pages through the service queue: median ${median(letters).toFixed(2)} s per letter, ` +
          `${(median(letters) / 3).toFixed(2)} s per page, ${letters.length} letters)`,
      );
    }
    console.log(
      `(preprocessing alone: median ${median(preprocessCpu).toFixed(2)} CPU s/page; service queue read ` +
        `${stripes.filter((count) => count > 1).length} of ${stripes.length} pages in stripes)`,
    );
    const speedup = singleSeconds / poolSeconds;
    let cliParallelSeconds: number | undefined;
    if (native) {
      const cliSeconds = cli.reduce((sum, page) => sum + page.seconds, 0);
      row(
        'native CLI, Debian data (tessdata_fast), 1 thread',
        medianOf(cli, 'seconds'),
        medianOf(cli, 'cpu'),
        perMinute(cliSeconds),
      );
      cliParallelSeconds = await cliParallel(files, cores);
      row(`native CLI, Debian data, ${cores} processes`, '', '', perMinute(cliParallelSeconds));
      const sameSeconds = cliSameModel.reduce((sum, page) => sum + page.seconds, 0);
      row(
        'native CLI, npm data (same model as ours), 1 thread',
        medianOf(cliSameModel, 'seconds'),
        medianOf(cliSameModel, 'cpu'),
        perMinute(sameSeconds),
      );
      const agree = (reference: typeof cli) =>
        (100 * median(ours.map((page, index) => agreement(page.text, reference[index].text)))).toFixed(1);
      console.log(
        `words of the CLI (3+ characters) also read by tesseract.js, median per page: ${agree(cli)} % (Debian data), ${agree(cliSameModel)} % (same model)`,
      );
      const ratio = median(ours.map((page) => page.seconds)) / median(cli.map((page) => page.seconds));
      const wholeRatio = median(whole.map((page) => page.seconds)) / median(cli.map((page) => page.seconds));
      console.log(
        `median per page: ours ${medianOf(ours, 'seconds')} s vs native ${medianOf(cli, 'seconds')} s = ${ratio.toFixed(2)}x (target <= 1.00x: ${ratio <= 1 ? 'met' : 'NOT met'}); ` +
          `one worker reading whole pages: ${wholeRatio.toFixed(2)}x`,
      );
      console.log(
        `CLI ${cores} processes vs 1: ${(cliSeconds / cliParallelSeconds).toFixed(2)}x (what this machine allows right now)`,
      );
    } else {
      console.log(
        'native tesseract CLI with deu not installed: apt-get install -y tesseract-ocr tesseract-ocr-deu',
      );
    }
    console.log(
      `letter analysis on these pages: field F1 ${scorer.f1().toFixed(3)} (target >= 0.95: ${scorer.f1() >= 0.95 ? 'met' : 'NOT met'}); ` +
        `read whole by one worker: ${wholeScorer.f1().toFixed(3)}`,
    );
    console.log(
      `pool speed-up: ${speedup.toFixed(2)}x (target >= ${targets.poolSpeedup}x: ${speedup >= targets.poolSpeedup ? 'met' : 'NOT met'})`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
