import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { CaseApprovalService } from '../../src/cases/case-approval.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';
import { BotHarness, startBotHarness } from '../support/bot-harness';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { officialFormsDir, skipWithoutOfficialForms } from '../support/official-forms';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';

const text = async (bytes: Uint8Array) => (await readWithPdfJs(bytes)).pageTexts.join(' ');

describe('approval with the genuine Familienkasse templates', { skip: skipWithoutOfficialForms }, () => {
  let harness: BotHarness;
  let caseId: string;

  before(async () => {
    harness = await startBotHarness({ templateDir: officialFormsDir });
    const transcript = readTranscript(
      transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
    );
    caseId = (await (await replayThroughBot(harness, transcript)).stored())!.caseId!;
    // A deadline as a letter would have set it.
    await harness.app
      .get(DataSource)
      .query('UPDATE cases SET nearest_deadline = ? WHERE id = ?', ['2025-12-15', caseId]);
    await harness.app.get(CaseApprovalService).approve(
      caseId,
      {
        attachments: ['Kopie der Geburtsurkunde von Can', '', 'Kopie des Mietvertrags'],
        contact: 'Dragana Petrovic',
      },
      'user:test-kuemmerer',
    );
  });

  after(async () => {
    await harness?.close();
    harness?.remove();
  });

  it('produces flattened official forms whose values are page text', async () => {
    const cases = harness.app.get(CasesRepository);
    const finals = (await cases.findDocuments(caseId)).filter((document) => document.mode === 'final');
    const kg1 = finals.find((document) => document.formId === 'kg1');
    const children = finals.filter((document) => document.formId === 'kg1-anlage-kind');
    assert.ok(kg1);
    assert.equal(kg1.kind, 'official');
    assert.equal(children.length, 2, 'one Anlage Kind per child');
    const reading = await readWithPdfJs(await cases.readDocument(caseId, kg1.id));
    assert.equal(reading.fields?.size ?? 0, 0, 'no form fields are left to change');
    const pages = reading.pageTexts.join(' ');
    for (const value of ['Yılmaz', 'Ayşe', '60316', 'Berger Straße']) {
      assert.ok(pages.includes(value), `the final KG 1 shows ${value}`);
    }
    assert.ok(pages.replace(/\s/g, '').includes('DE78370400445320130011'), 'the final KG 1 shows the IBAN');
    for (const child of children) {
      const childReading = await readWithPdfJs(await cases.readDocument(caseId, child.id));
      assert.equal(childReading.fields?.size ?? 0, 0, 'the Anlage Kind is flattened');
      assert.ok(childReading.pageTexts.join(' ').includes('Yılmaz'), 'the Anlage Kind shows the family name');
    }
  });

  it('adds a cover sheet naming the authority, the attachments and the deadline', async () => {
    const cases = harness.app.get(CasesRepository);
    const cover = (await cases.findDocuments(caseId)).find(
      (document) => document.mode === 'final' && document.kind === 'cover',
    );
    assert.ok(cover, 'a cover sheet among the final documents');
    const sheet = await text(await cases.readDocument(caseId, cover.id));
    assert.match(sheet, /Schicken Sie alles an: Familienkasse/);
    assert.match(sheet, /Kopie der Geburtsurkunde von Can/);
    assert.match(sheet, /Kopie des Mietvertrags/);
    assert.match(sheet, /15\.12\.2025/);
    assert.match(sheet, /Dragana Petrovic/);
    const { status } = await cases.getCase(caseId);
    assert.equal(status, 'approved');
  });
});
