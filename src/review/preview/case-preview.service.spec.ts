import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import type { AuthenticatedUser } from '../../accounts/accounts.types';
import { blankPdf, brokenPdf, heavyPdf } from '../../../test/support/preview-pdfs';
import { CasePreviewService } from './case-preview.service';

const caseId = 'c0ffee00-0000-4000-8000-000000000001';
const letterId = 'le77e400-0000-4000-8000-000000000002';
const user: AuthenticatedUser = {
  id: 'u1',
  login: 'k@example.org',
  displayName: 'K',
  role: 'kuemmerer',
  teamId: 't1',
};

/** A letter of one page with two dark bars (IBAN and a longer bank name), each an answer's box in points. */
async function letter(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([595, 842]);
  page.drawRectangle({ x: 100, y: 842 - 220, width: 150, height: 20, color: rgb(0.1, 0.1, 0.1) });
  page.drawRectangle({ x: 100, y: 842 - 420, width: 300, height: 20, color: rgb(0.1, 0.1, 0.1) });
  return Buffer.from(await document.save());
}

/** The service with its repositories replaced: `forms` by document id, one PDF letter. */
function preview(forms: Record<string, Uint8Array>, letterBytes?: Buffer) {
  const reads = { forms: 0, letter: 0 };
  const answer = (path: string, box: string) => ({
    path,
    value: path,
    sourceDocumentId: letterId,
    sourcePage: 1,
    sourceBox: box,
  });
  const repository = {
    findDocuments: () => Promise.resolve(Object.keys(forms).map((id) => ({ id, title: 'KG 1' }))),
    readDocument: (_: string, id: string) => {
      reads.forms++;
      return Promise.resolve(Buffer.from(forms[id]));
    },
    findCurrentAnswers: () =>
      Promise.resolve([answer('bank.iban', '100,200,150,20'), answer('bank.name', '100,400,300,20')]),
  };
  const documents = {
    info: () => Promise.resolve({ caseId, mediaType: 'application/pdf' }),
    read: () => {
      reads.letter++;
      return Promise.resolve({ bytes: letterBytes });
    },
  };
  const audit = { record: () => Promise.resolve() };
  const sut = new CasePreviewService(repository as never, documents as never, audit as never);
  return { sut, reads };
}

describe('CasePreviewService', () => {
  const services: CasePreviewService[] = [];
  after(() => Promise.all(services.map((sut) => sut.onModuleDestroy())));

  it('draws a form page off the event loop: it stays idle and a timer set meanwhile fires first', async () => {
    const { sut } = preview({ heavy: await heavyPdf() });
    services.push(sut);
    // Opened and measured first (the case page does that), so that only drawing the page is left.
    await sut.pageSizes(caseId, [{ id: 'heavy' } as never]);
    const events: string[] = [];
    const before = performance.eventLoopUtilization();
    const drawing = sut.formPage(caseId, 'heavy', 1, user).then(() => events.push('page'));
    setTimeout(() => events.push('timer'), 1);
    await drawing;
    const { utilization } = performance.eventLoopUtilization(before);
    assert.deepEqual(events, ['timer', 'page']);
    // Drawn in this thread, the loop is busy about half the time (sharp's PNG encoding is off it anyway).
    assert.ok(utilization < 0.1, `the event loop was busy ${Math.round(utilization * 100)} % of the drawing`);
  });

  it('answers a broken form PDF with PDF_UNREADABLE and draws the next form', async () => {
    const { sut } = preview({ broken: brokenPdf(), fine: await blankPdf(2) });
    services.push(sut);
    await assert.rejects(sut.formPage(caseId, 'broken', 1, user), { code: 'PDF_UNREADABLE' });
    const page = await sut.formPage(caseId, 'fine', 2, user);
    assert.equal(page.alt, 'Seite 2 von 2 des Formulars KG 1');
    assert.equal(page.png.subarray(1, 4).toString('latin1'), 'PNG');
  });

  it('crops two answers of one PDF letter from one reading of the letter', async () => {
    const { sut, reads } = preview({}, await letter());
    services.push(sut);
    const iban = await sut.letterRegion(caseId, 'bank.iban', user);
    const bank = await sut.letterRegion(caseId, 'bank.name', user);
    assert.equal(iban.png.subarray(1, 4).toString('latin1'), 'PNG');
    // PNG width (IHDR): each crop fits its box.
    assert.ok(bank.png.readUInt32BE(16) > iban.png.readUInt32BE(16), 'two different crops');
    assert.equal(reads.letter, 1, 'the letter was read (and opened) once');
  });
});
