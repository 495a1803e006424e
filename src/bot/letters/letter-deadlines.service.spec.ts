import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { BotHarness, startBotHarness, TestConversation, textsOf } from '../../../test/support/bot-harness';
import { replayThroughBot } from '../../../test/support/bot-transcript-runner';
import { InMemoryConversationGateway } from '../../../test/support/in-memory-gateway';
import { transcriptNamed } from '../../../test/transcripts/transcript-runner';
import { TEMPLATES } from '../../../test/corpus/letter-templates';
import { renderLetterPdf } from '../../../test/corpus/render-letter-pdf';
import { SeededRandom } from '../../../test/corpus/seeded-random';
import { CasesRepository } from '../../cases/cases.repository';
import type { LetterAnalysis } from '../../documents/analysis/letter-analysis.types';
import { DocumentsService } from '../../documents/documents.service';
import { languageEventName } from '../activities/read-language-event.util';
import { botText } from '../bot-texts';
import { inlineAttachmentReader } from '../uploads/attachment-reader';
import { UploadIntakeService } from '../uploads/upload-intake.service';
import { LetterDeadlinesService } from './letter-deadlines.service';
import { LetterFlowService } from './letter-flow.service';
import { LetterReminderSender } from './letter-reminder-sender.service';
import { LetterReminderService } from './letter-reminder.service';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

/** An analysed Familienkasse letter with only a deadline (invented). */
function analysisWithDeadline(date: string): LetterAnalysis {
  return {
    authority: 'familienkasse',
    letterType: 'mitwirkung',
    letterDate: '2025-11-10',
    deadline: { date, estimated: false, text: `bis zum ${date}` },
    validUntil: null,
    appointment: null,
    references: {
      kindergeldNummer: null,
      bgNummer: null,
      kundennummer: null,
      aktenzeichen: null,
      steuerId: null,
    },
    iban: null,
    amounts: [],
    recipient: null,
    requestedDocuments: ['Schulbescheinigung'],
    evidence: {},
  };
}

describe('LetterDeadlinesService with real cases', () => {
  let harness: BotHarness;
  let sut: LetterDeadlinesService;
  let documents: DocumentsService;
  let cases: CasesRepository;
  let conversation: TestConversation;
  let caseId: string;

  /** A letter of this conversation, analysed with `deadline` (stored as the chat would). */
  async function letter(deadline: string): Promise<string> {
    const stored = await documents.storeUpload({
      conversationKey: conversation.key,
      fileName: 'brief.pdf',
      bytes: Buffer.from('%PDF-1.4\n% Brief der Familienkasse\n'),
    });
    await documents.saveAnalysis(stored.id, {
      analysis: analysisWithDeadline(deadline),
      explanation: 'Der Brief ist von der Familienkasse.',
      locale: 'de',
    });
    return stored.id;
  }

  const nearestDeadline = async () => (await cases.getCase(caseId)).nearestDeadline;

  before(async () => {
    harness = await startBotHarness();
    sut = harness.app.get(LetterDeadlinesService);
    documents = harness.app.get(DocumentsService);
    cases = harness.app.get(CasesRepository);
    const transcript = twoChildren();
    conversation = await replayThroughBot(harness, transcript, { to: 3 });
    // Two letters read before the case exists: their deadlines wait with the documents.
    await letter('2026-04-01');
    await letter('2026-03-10');
    await replayThroughBot(harness, transcript, { from: 3, conversation });
    caseId = (await conversation.stored())!.caseId!;
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('on submission the nearest deadline of the letters read before becomes the case deadline', async () => {
    assert.ok(caseId, 'the transcript ends with a case');
    assert.equal(await nearestDeadline(), '2026-03-10');
  });

  it('a later letter does not replace the nearer deadline, an earlier one does', async () => {
    const later = await letter('2026-05-01');
    await documents.attachToCase(conversation.key, caseId);
    await sut.applyForDocument(later);
    assert.equal(await nearestDeadline(), '2026-03-10');

    // A nearer deadline set otherwise (e.g. by the Kümmerer) is kept against later letters.
    await harness.app
      .get(DataSource)
      .query(`UPDATE cases SET nearest_deadline = '2026-03-01' WHERE id = ?`, [caseId]);
    assert.equal(await sut.applyToCase(caseId), '2026-03-10', 'returns the nearest letter deadline');
    assert.equal(await nearestDeadline(), '2026-03-01');

    const earlier = await letter('2026-02-20');
    await documents.attachToCase(conversation.key, caseId);
    await sut.applyForDocument(earlier);
    assert.equal(await nearestDeadline(), '2026-02-20');
  });

  it('leaves a case without letters alone', async () => {
    const other = await replayThroughBot(harness, twoChildren());
    const otherCaseId = (await other.stored())!.caseId!;
    assert.equal(await sut.applyToCase(otherCaseId), null);
    assert.equal((await cases.getCase(otherCaseId)).nearestDeadline, null);
  });
});

describe('letter reminders before submission', () => {
  let harness: BotHarness;
  const gateway = new InMemoryConversationGateway();
  const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(11), 'reminder-letter', 'B');

  before(async () => {
    harness = await startBotHarness({ gateway });
    harness.clock.setToday('2026-01-02');
    (harness.app.get(UploadIntakeService) as unknown as { reader: unknown }).reader = inlineAttachmentReader;
    (harness.app.get(LetterFlowService) as unknown as { gateway: () => unknown }).gateway = () => gateway;
    (harness.app.get(LetterReminderSender) as unknown as { gateway: () => unknown }).gateway = () => gateway;
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('reaches a family without a case in the chat the letter came in, once', async () => {
    const conversation = harness.conversation();
    gateway.connect(conversation);
    await conversation.open();
    await conversation.say('ja');
    await conversation.turn({
      type: 'message',
      attachments: [
        {
          contentType: 'application/pdf',
          name: 'brief.pdf',
          contentUrl: `data:application/pdf;base64,${Buffer.from(await renderLetterPdf(spec)).toString('base64')}`,
        },
      ],
    });
    await harness.app.get(LetterFlowService).whenIdle();
    const [document] = await harness.app.get(DocumentsService).listForConversation(conversation.key);
    assert.equal(document.caseId, null, 'not submitted: no case');
    const reference = (await harness.app.get(DocumentsService).findConversationReference(document.id)) as {
      conversation?: { id: string };
    };
    assert.equal(reference?.conversation?.id, conversation.id, 'the chat is stored with the letter');
    const raw = JSON.stringify(
      await harness.app.get(DataSource).query('SELECT conversation_reference FROM document_analyses'),
    );
    assert.ok(!raw.includes(conversation.id), 'the reference is encrypted at rest');

    const deadline = spec.truth.deadline!.date;
    const reminders = harness.app.get(LetterReminderService);
    const before = (gateway.posted.get(conversation.id) ?? []).length;
    const dayBefore = new Date(`${deadline}T08:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    assert.equal(await reminders.run(dayBefore), 1);
    const reminder = textsOf((gateway.posted.get(conversation.id) ?? []).slice(before)).join('\n');
    assert.match(reminder, /Erinnerung: Bald endet die Frist aus Ihrem Brief/);
    assert.equal(await reminders.run(new Date(dayBefore.getTime() + 60 * 60 * 1000)), 0, 'only once');
  });
  it("reminds in the chat's language now, also when the family switched it after the letter", async () => {
    const conversation = harness.conversation({ locale: 'de-DE' });
    gateway.connect(conversation);
    await conversation.open();
    await conversation.say('ja');
    await conversation.turn({
      type: 'message',
      attachments: [
        {
          contentType: 'application/pdf',
          name: 'brief.pdf',
          contentUrl: `data:application/pdf;base64,${Buffer.from(await renderLetterPdf(spec)).toString('base64')}`,
        },
      ],
    });
    await harness.app.get(LetterFlowService).whenIdle();
    await conversation.turn({ type: 'event', name: languageEventName, value: 'tr' });

    const before = (gateway.posted.get(conversation.id) ?? []).length;
    const dayBefore = new Date(`${spec.truth.deadline!.date}T08:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    assert.equal(await harness.app.get(LetterReminderService).run(dayBefore), 1);
    const reminder = (gateway.posted.get(conversation.id) ?? []).slice(before);
    assert.deepEqual(textsOf(reminder), [botText('reminderLetterDeadline', 'tr')]);
    assert.equal(reminder[0].locale, 'tr');
  });
});
