import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PDFTextField } from '@cantoo/pdf-lib';
import { kg1Fields, kg1FillPlan } from '../../../test/pdf/kg1-fill-plan.factory';
import {
  officialFormPath,
  officialForms,
  skipWithoutOfficialForms,
} from '../../../test/support/official-forms';
import { DataCipher } from '../../privacy/data-cipher.service';
import { PrivacyError } from '../../privacy/privacy.errors';
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

/** Nice value and scheduling policy of every thread of this process's PDF workers (Linux /proc). */
function workerThreadPriorities(): Array<{ nice: number; policy: number }> {
  const values: Array<{ nice: number; policy: number }> = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      // After "pid (comm) ": ppid is the 2nd field, nice the 17th, the policy the 39th.
      if (Number(stat[1]) !== process.pid || !cmdline.includes('pdf-render.worker.js')) {
        continue;
      }
      for (const thread of readdirSync(`/proc/${pid}/task`)) {
        const fields = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
        values.push({ nice: Number(fields[16]), policy: Number(fields[38]) });
      }
    } catch {
      // a process that ended meanwhile
    }
  }
  return values;
}

/** One PDF through the pool: a request of a single job. */
async function renderOne(pool: PdfRenderPool, job: PdfRenderJob): Promise<Uint8Array> {
  const [document] = await pool.renderAll([job]);
  return document.bytes;
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
    'runs every thread of its worker process at the lowest priority, nice 19 and SCHED_IDLE (GC helpers too)',
    { skip: process.platform !== 'linux' && 'reads thread priorities from /proc (Linux only)' },
    async () => {
      const sut = pool({ workers: 1 });
      await renderOne(sut, summaryJob('Leise'));

      const threads = workerThreadPriorities();
      // Node starts V8's platform threads and libuv's pool before any script runs: 7+ threads.
      assert.ok(threads.length >= 5, `threads found: ${threads.length}`);
      assert.deepEqual(new Set(threads.map((thread) => thread.nice)), new Set([19]));
      // SCHED_IDLE (5) where util-linux's chrt may set it (Debian: installed), else SCHED_OTHER (0).
      const chrt = ['/usr/bin/chrt', '/bin/chrt'].find((path) => existsSync(path));
      const idleAllowed =
        chrt !== undefined && spawnSync(chrt, ['--idle', '0', chrt, '--version']).status === 0;
      const policy = idleAllowed ? 5 : 0;
      assert.deepEqual(new Set(threads.map((thread) => thread.policy)), new Set([policy]));
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
      assert.deepEqual(await Promise.all(documents.map((document) => titleOf(document.bytes))), [
        'Erste – Zusammenfassung',
        'Zweite – Zusammenfassung',
        'Dritte – Zusammenfassung',
      ]);
    }
  });

  it('seals a PDF for storing where it is made, and leaves no file behind', async () => {
    const cipher = new DataCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }], 'k1');
    const seal = (context: string) => ({ key: cipher.sealingKey(), context });
    const worker = pool({ workers: 1 });
    for (const sut of [worker, pool({ workers: 0 })]) {
      const [sealed, plain] = await sut.renderAll([
        { ...summaryJob('Versiegelt'), seal: seal('case-document:c1:d1') },
        summaryJob('Offen'),
      ]);

      const pdf = await cipher.decryptAsync(sealed.bytes, 'case-document:c1:d1');
      assert.equal(sealed.pdfSize, pdf.length);
      assert.equal(await titleOf(pdf), 'Versiegelt – Zusammenfassung');
      assert.equal(plain.pdfSize, plain.bytes.length);
      assert.equal(await titleOf(plain.bytes), 'Offen – Zusammenfassung');
      // Bound to its record: another context does not open it.
      await assert.rejects(
        cipher.decryptAsync(sealed.bytes, 'case-document:c1:other'),
        (error: unknown) => error instanceof PrivacyError && error.code === 'CIPHERTEXT_INVALID',
      );
    }
    // The worker's sealed file was picked up and removed; the folder goes with the pool.
    const spoolDir = (worker as unknown as { spoolDir: string }).spoolDir;
    assert.deepEqual(readdirSync(spoolDir), []);
    await worker.onApplicationShutdown();
    assert.equal(existsSync(spoolDir), false);
  });

  it(
    'hands over a sealed incremental draft with its base, which a worker writes to its folder once',
    { skip: skipWithoutOfficialForms },
    async () => {
      const cipher = new DataCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }], 'k1');
      const seal = (context: string) => ({ key: cipher.sealingKey(), context });
      const worker = pool({ workers: 1 });
      const bases = new Set<string>();
      for (const sut of [worker, pool({ workers: 0 })]) {
        const documents = await sut.renderAll(
          ['d1', 'd2'].map((id) => ({
            ...kg1Job(),
            incremental: true,
            seal: seal(`case-document:c1:${id}`),
          })),
        );
        const [first, second] = documents;
        assert.ok(first.base && second.base);
        assert.equal(first.base.sha256, second.base.sha256);
        bases.add(first.base.sha256);
        const base = await first.base.read();
        assert.equal(createHash('sha256').update(base).digest('hex'), first.base.sha256);
        const update = await cipher.decryptAsync(first.bytes, 'case-document:c1:d1');
        assert.equal(first.pdfSize, base.length + update.length);
        const form = (await loadPdf(Buffer.concat([base, update]))).getForm();
        assert.equal(form.getTextField(kg1Fields.lastName).getText(), 'Yılmaz');
      }
      // The sealed updates were picked up and removed; the one base stays for the next drafts.
      const spoolDir = (worker as unknown as { spoolDir: string }).spoolDir;
      assert.equal(bases.size, 1);
      assert.deepEqual(readdirSync(spoolDir), [`base-${[...bases][0]}.pdf`]);
    },
  );

  it("removes the spool folders of services that are gone, and no one else's", async () => {
    // A process that has ended: its pid is free (a folder a killed service left behind).
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const stale = join(tmpdir(), `antragslotse-pdf-${gone}-test`);
    const alive = join(tmpdir(), `antragslotse-pdf-${process.ppid}-test`);
    for (const folder of [stale, alive]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'left.sealed'), 'v1:k1:...');
    }
    try {
      const sut = pool({ workers: 1 });
      await renderOne(sut, summaryJob('Aufgeräumt'));

      assert.equal(existsSync(stale), false, 'the folder of the ended process is removed');
      assert.equal(existsSync(alive), true, 'the folder of a running process stays');
      const own = (sut as unknown as { spoolDir: string }).spoolDir;
      assert.match(own, new RegExp(`antragslotse-pdf-${process.pid}-`));
    } finally {
      rmSync(stale, { recursive: true, force: true });
      rmSync(alive, { recursive: true, force: true });
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
