import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startBotHarness, BotHarness } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { officialFormsDir, skipWithoutOfficialForms } from '../../test/support/official-forms';
import { readWithPdfJs } from '../../test/pdf/pdfjs-read.util';
import { readTranscript, transcriptFiles } from '../../test/transcripts/transcript-runner';
import { CasesRepository } from '../cases/cases.repository';

const lastNameField = 'topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-1[0].Name-Antragsteller[0]';
const firstNameField = 'topmostSubform[0].Seite1[0].Punkt-1[0].Pkt-1-Zeile-2[0].Vorname-Antragsteller[0]';
const ibanField = 'topmostSubform[0].Seite1[0].Punkt-3[0].IBAN[0]';

describe(
  'a submission through the bot with the genuine Familienkasse templates',
  { skip: skipWithoutOfficialForms },
  () => {
    let harness: BotHarness;

    before(async () => {
      harness = await startBotHarness({ templateDir: officialFormsDir });
    });

    after(async () => {
      await harness.close();
      harness.remove();
    });

    it('stores the official KG 1 draft whose fields hold the applicant name and IBAN', async () => {
      const transcript = readTranscript(
        transcriptFiles().find((file) => file.endsWith('kg1-two-children.yaml'))!,
      );
      const conversation = await replayThroughBot(harness, transcript);
      const caseId = (await conversation.stored())!.caseId!;
      const cases = harness.app.get(CasesRepository);

      const documents = await cases.findDocuments(caseId);
      const kg1 = documents.find((document) => document.formId === 'kg1');
      assert.ok(kg1, 'a KG 1 document is stored');
      assert.equal(kg1.kind, 'official');
      assert.equal(kg1.mode, 'draft');
      assert.deepEqual(
        documents
          .filter((document) => document.formId === 'kg1-anlage-kind')
          .map((document) => document.kind),
        ['official', 'official'],
      );

      // Read back with pdf.js, not with the pdf-lib that wrote it.
      const reading = await readWithPdfJs(await cases.readDocument(caseId, kg1.id));
      assert.ok(reading.fields, 'the draft keeps its form fields');
      assert.equal(reading.fields.get(lastNameField), 'Yılmaz');
      assert.equal(reading.fields.get(firstNameField), 'Ayşe');
      assert.equal(reading.fields.get(ibanField)?.replace(/\s/g, ''), 'DE78370400445320130011');
    });
  },
);
