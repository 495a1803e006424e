// Fill benchmark for the genuine KG 1: warm fills (template prepared once) against a plain
// load-and-save of the same document. Run with `npm run bench:fill`; BENCH_ITERATIONS sets N.
// Targets on a 2-core machine: median fill <= 150 ms, output <= 1.15 x template.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadPdf } from '../src/pdf/load-pdf.util';
import { PdfFillerService } from '../src/pdf/pdf-filler.service';
import { TemplatePreparerService } from '../src/pdf/template-preparer.service';
import { kg1FillPlan } from '../test/pdf/kg1-fill-plan.factory';
import { officialFormPath, officialForms, officialFormsDir } from '../test/support/official-forms';

const kg1Sha256 = '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43';
const iterations = Math.max(5, Number(process.env.BENCH_ITERATIONS ?? 30));
const warmup = 3;
const targets = { medianMs: 150, sizeRatio: 1.15 };

interface Timing {
  median: number;
  p90: number;
  bytes: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function measure(run: () => Promise<Uint8Array>): Promise<Timing> {
  let bytes = 0;
  for (let index = 0; index < warmup; index++) {
    bytes = (await run()).length;
  }
  const times: number[] = [];
  for (let index = 0; index < iterations; index++) {
    const start = performance.now();
    bytes = (await run()).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p90: quantile(times, 0.9), bytes };
}

async function main(): Promise<void> {
  const templatePath = officialFormPath(officialForms.kg1);
  if (!existsSync(templatePath)) {
    console.log(
      `Fill benchmark skipped: the official KG 1 PDF is not in ${officialFormsDir} (set OFFICIAL_FORMS_DIR).`,
    );
    return;
  }
  const original = await readFile(templatePath);
  const preparer = new TemplatePreparerService();
  const sut = new PdfFillerService(preparer);
  const plan = kg1FillPlan();

  const coldStart = performance.now();
  await sut.fill(templatePath, kg1Sha256, plan, 'draft');
  const coldMs = performance.now() - coldStart;
  const prepared = await preparer.prepare(templatePath, kg1Sha256);

  const draft = await measure(() => sut.fill(templatePath, kg1Sha256, plan, 'draft'));
  const final = await measure(() => sut.fill(templatePath, kg1Sha256, plan, 'final'));
  // What a case stores of a draft: the update over the prepared template (stored once).
  const incremental = await measure(
    async () => (await sut.fillIncremental(templatePath, kg1Sha256, plan)).update,
  );
  const plainPrepared = await measure(async () =>
    (await loadPdf(prepared.bytes)).save({ useObjectStreams: true }),
  );
  const plainOriginal = await measure(async () =>
    (await loadPdf(original, { preserveXfa: true })).save({
      useObjectStreams: true,
      updateFieldAppearances: false,
    }),
  );

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const ratio = (bytes: number) => (bytes / original.length).toFixed(3);
  const rows: string[][] = [
    ['case', 'median', 'p90', 'output bytes', 'x template'],
    ['fill draft (warm)', ms(draft.median), ms(draft.p90), String(draft.bytes), ratio(draft.bytes)],
    ['fill final (warm)', ms(final.median), ms(final.p90), String(final.bytes), ratio(final.bytes)],
    [
      'fill draft as update (stored)',
      ms(incremental.median),
      ms(incremental.p90),
      String(incremental.bytes),
      ratio(incremental.bytes),
    ],
    [
      'load+save prepared copy',
      ms(plainPrepared.median),
      ms(plainPrepared.p90),
      String(plainPrepared.bytes),
      ratio(plainPrepared.bytes),
    ],
    [
      'load+save official file',
      ms(plainOriginal.median),
      ms(plainOriginal.p90),
      String(plainOriginal.bytes),
      ratio(plainOriginal.bytes),
    ],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');

  console.log(
    `KG 1 fill benchmark: ${plan.fields.length} values (split, comb, checkboxes, overflow) + addendum, N=${iterations}`,
  );
  console.log(`template ${original.length} bytes; first fill incl. preparation ${ms(coldMs)}`);
  console.log(line(rows[0]));
  for (const row of rows.slice(1)) {
    console.log(line(row));
  }
  console.log(`fill draft / load+save prepared copy: ${(draft.median / plainPrepared.median).toFixed(2)}`);
  console.log(`fill draft / load+save official file: ${(draft.median / plainOriginal.median).toFixed(2)}`);

  const worst = Math.max(draft.bytes, final.bytes) / original.length;
  const slowest = Math.max(draft.median, final.median, incremental.median);
  const timeOk = slowest <= targets.medianMs;
  const sizeOk = worst <= targets.sizeRatio;
  console.log(
    `targets: median <= ${targets.medianMs} ms ${timeOk ? 'met' : 'MISSED'} (${ms(slowest)}), ` +
      `size <= ${targets.sizeRatio} x ${sizeOk ? 'met' : 'MISSED'} (${worst.toFixed(3)} x)`,
  );
  if (!timeOk || !sizeOk) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
