import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { PDFTextField } from '@cantoo/pdf-lib';
import { kg1Fields, kg1FillPlan } from '../../../test/pdf/kg1-fill-plan.factory';
import {
  officialFormPath,
  officialForms,
  skipWithoutOfficialForms,
} from '../../../test/support/official-forms';
import type { AnswerSummary } from '../fill-plan';
import { loadPdf } from '../load-pdf.util';
import { PdfError } from '../pdf.errors';
import type { PdfRenderJob } from './pdf-render-job.types';
import { PdfRenderPool } from './pdf-render-pool.service';

const kg1 = {
  path: officialFormPath(officialForms.kg1),
  sha256: '53651bbe336039b6ca3852f1fa7288b4841349afd1978a4b91469fea15eaac43',
};

function summary(title: string, rows = 3): AnswerSummary {
  return {
    formId: 'kg1',
    formTitle: title,
    issuer: 'Familienkasse',
    edition: '09/2025',
    sections: [
      {
        title: 'Punkt 1: Angaben zur antragstellenden Person',
        rows: Array.from({ length: rows }, (_, index) => ({
          label: `Zeile ${index + 1}`,
          value: 'Ayşe Yılmaz',
        })),
      },
    ],
  };
}

async function titleOf(bytes: Uint8Array): Promise<string | undefined> {
  return (await loadPdf(bytes)).getTitle();
}

/** Nice values of every thread of this process's PDF worker processes (Linux /proc). */
function workerThreadNiceValues(): number[] {
  const values: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // After "pid (comm) ": ppid is the 2nd field, nice the 17th.
      if (Number(stat[1]) !== process.pid || !cmdline.includes('pdf-render.worker.js')) {
        continue;
      }
      for (const thread of readdirSync(`/proc/${pid}/task`)) {
        values.push(
          Number(readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ')[16]),
        );
      }
    } catch {
      // a process that ended meanwhile
    }
  }
  return values;
}

/** One PDF through the pool: a request of a single job. */
async function renderOne(pool: PdfRenderPool, job: PdfRenderJob): Promise<Uint8Array> {
  const [bytes] = await pool.renderAll([job]);
  return bytes;
}

const summaryJob = (title: string, rows?: number): PdfRenderJob => ({
  kind: 'summary',
  summary: summary(title, rows),
});

const kg1Job = (path = kg1.path): PdfRenderJob => ({
  kind: 'fill',
  templatePath: path,
  sha256: kg1.sha256,
  plan: kg1FillPlan(),
  mode: 'draft',
});

describe('PdfRenderPool', () => {
  const pools: PdfRenderPool[] = [];
  const pool = (options: ConstructorParameters<typeof PdfRenderPool>[0]) => {
    const created = new PdfRenderPool(options);
    pools.push(created);
    return created;
  };

  after(async () => {
    await Promise.all(pools.map((created) => created.onApplicationShutdown()));
  });

  it(
    'fills the genuine KG 1 in a worker process with the same field values as in-process',
    { skip: skipWithoutOfficialForms },
    async () => {
      const [threaded, inline] = await Promise.all([
        renderOne(pool({ workers: 1 }), kg1Job()),
        renderOne(pool({ workers: 0 }), kg1Job()),
      ]);

      const fieldsOf = async (bytes: Uint8Array) => (await loadPdf(bytes)).getForm();
      const [threadedForm, inlineForm] = await Promise.all([fieldsOf(threaded), fieldsOf(inline)]);
      assert.equal(threadedForm.getTextField(kg1Fields.lastName).getText(), 'Yılmaz');
      for (const field of inlineForm.getFields()) {
        const other = threadedForm.getField(field.getName());
        assert.equal(other.constructor.name, field.constructor.name, field.getName());
        if (field instanceof PDFTextField) {
          assert.equal((other as PDFTextField).getText(), field.getText(), field.getName());
        }
      }
    },
  );

  it(
    'runs every thread of its worker process at the lowest priority (GC helpers too)',
    { skip: process.platform !== 'linux' && 'reads thread priorities from /proc (Linux only)' },
    async () => {
      const sut = pool({ workers: 1 });
      await renderOne(sut, summaryJob('Leise'));

      const niceValues = workerThreadNiceValues();
      // Node starts V8's platform threads and libuv's pool before any script runs: 7+ threads.
      assert.ok(niceValues.length >= 5, `threads found: ${niceValues.length}`);
      assert.deepEqual(new Set(niceValues), new Set([19]));
      await sut.onApplicationShutdown();
    },
  );

  it('keeps the code of a PdfError thrown in the worker', async () => {
    const sut = pool({ workers: 1 });

    await assert.rejects(
      renderOne(sut, kg1Job('/nonexistent/kg1.pdf')),
      (error: unknown) => error instanceof PdfError && error.code === 'TEMPLATE_NOT_INSTALLED',
    );
    // The worker survives a failed job.
    assert.equal(await titleOf(await renderOne(sut, summaryJob('Danach'))), 'Danach – Zusammenfassung');
  });

  it('makes the jobs of one request in their order and hands them over together', async () => {
    for (const sut of [pool({ workers: 1 }), pool({ workers: 0 })]) {
      const documents = await sut.renderAll([
        summaryJob('Erste'),
        summaryJob('Zweite'),
        summaryJob('Dritte'),
      ]);
      assert.deepEqual(await Promise.all(documents.map(titleOf)), [
        'Erste – Zusammenfassung',
        'Zweite – Zusammenfassung',
        'Dritte – Zusammenfassung',
      ]);
    }
  });

  it('fails a whole request when one of its jobs fails, and keeps the error code', async () => {
    const sut = pool({ workers: 1 });

    await assert.rejects(
      sut.renderAll([summaryJob('Gut'), kg1Job('/nonexistent/kg1.pdf')]),
      (error: unknown) => error instanceof PdfError && error.code === 'TEMPLATE_NOT_INSTALLED',
    );
    assert.deepEqual(await sut.renderAll([]), []);
  });

  it('fails only the job that exhausts its worker; the next job gets a new worker', async () => {
    const sut = pool({ workers: 1, workerHeapMb: 48 });

    await assert.rejects(renderOne(sut, summaryJob('Riesig', 400_000)), /PDF worker stopped/);
    assert.equal(await titleOf(await renderOne(sut, summaryJob('Klein'))), 'Klein – Zusammenfassung');
  });

  it('refuses jobs after shutdown with a clear message', async () => {
    const sut = pool({ workers: 1 });
    await renderOne(sut, summaryJob('Vorher'));
    await sut.onApplicationShutdown();

    await assert.rejects(renderOne(sut, summaryJob('Nachher')), /shutting down/);
  });
});
