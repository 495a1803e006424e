import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSource } from 'typeorm';
import { startBotHarness, BotHarness, TestConversation, textsOf } from '../../../test/support/bot-harness';
import { InMemoryConversationGateway } from '../../../test/support/in-memory-gateway';
import { TEMPLATES } from '../../../test/corpus/letter-templates';
import { renderLetterPdf } from '../../../test/corpus/render-letter-pdf';
import { SeededRandom } from '../../../test/corpus/seeded-random';
import { DocumentsService } from '../../documents/documents.service';
import { inlineAttachmentReader } from '../uploads/attachment-reader';
import { UploadIntakeService } from '../uploads/upload-intake.service';
import { LetterFlowService } from './letter-flow.service';
import { LetterReadingService, ReadLetter } from './letter-reading.service';

// A digital Familienkasse letter (text layer: read without OCR, so this stays fast); the same
// flow with a photo and OCR runs in letter-chat.system-spec.ts.
describe('a letter in the chat', () => {
  let harness: BotHarness;
  const gateway = new InMemoryConversationGateway();
  const spec = TEMPLATES['familienkasse-mitwirkung'](new SeededRandom(4), 'chat-letter', 'A');

  before(async () => {
    harness = await startBotHarness({ gateway });
    harness.clock.setToday('2026-01-02');
    // The application binds the Direct Line store reader; this suite sends inline files (data: URLs).
    (harness.app.get(UploadIntakeService) as unknown as { reader: unknown }).reader = inlineAttachmentReader;
    // The channels bind their own gateway too; the letters post through the in-memory one here.
    (harness.app.get(LetterFlowService) as unknown as { gateway: () => unknown }).gateway = () => gateway;
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  async function consented(): Promise<TestConversation> {
    const conversation = harness.conversation();
    gateway.connect(conversation);
    await conversation.open();
    await conversation.say('ja');
    return conversation;
  }

  /** The family's message with a PDF letter attached (inline, as a data: URL). */
  function letterMessage(bytes: Uint8Array) {
    return {
      type: 'message',
      attachments: [
        {
          contentType: 'application/pdf',
          name: 'brief.pdf',
          contentUrl: `data:application/pdf;base64,${Buffer.from(bytes).toString('base64')}`,
        },
      ],
    };
  }

  async function sendLetter(conversation: TestConversation, bytes: Uint8Array) {
    const replies = await conversation.turn(letterMessage(bytes));
    await harness.app.get(LetterFlowService).whenIdle();
    return { replies, posted: gateway.posted.get(conversation.id) ?? [] };
  }

  it('explains the letter, proposes the Kindergeldnummer and keeps the provenance when confirmed', async () => {
    const conversation = await consented();
    const { replies, posted } = await sendLetter(conversation, await renderLetterPdf(spec));
    assert.ok(replies.some((activity) => activity.type === 'typing'));
    assert.match(textsOf(replies).join('\n'), /Ich lese Ihren Brief/);
    const said = textsOf(posted).join('\n');
    assert.match(said, /Familienkasse/);
    const number = spec.truth.references.kindergeldNummer!;
    assert.match(said, /Ihre Frist: \d\d\.\d\d\.2026/);
    assert.match(said, /Kindergeldnummer vorhanden: Ja – stimmt das\?/);
    assert.match(said, /Ich frage Sie nach und nach, ob sie stimmen\./);

    const stored = (await conversation.stored())!;
    const documentId = stored.interview!.proposals[0]?.source.documentId ?? '';
    const analysis = await harness.app.get(DocumentsService).findAnalysis(documentId);
    assert.equal(analysis?.analysis.references.kindergeldNummer, number);
    assert.equal(analysis?.deadline, spec.truth.deadline!.date);
    assert.match(analysis.explanation, /Familienkasse/);
    const raw = JSON.stringify(await harness.app.get(DataSource).query('SELECT * FROM document_analyses'));
    assert.ok(!raw.includes(number), 'the analysis is encrypted at rest');

    const second = textsOf(await conversation.say('ja')).join('\n');
    assert.match(second, new RegExp(`Ihre Kindergeldnummer ist ${number} – stimmt das\\?`));
    await conversation.say('ja');
    const after = (await conversation.stored())!.interview!;
    assert.equal(after.answers['applicant.kindergeldNumber'], number);
    const provenance = after.provenance['applicant.kindergeldNumber'];
    assert.equal(provenance.source, 'letter');
    assert.equal(provenance.documentId, documentId);
    assert.equal(provenance.page, 1);
    assert.ok(provenance.box && provenance.box.width > 0);
  });

  /** Reading waits for `gate` and may change what was read, as if the letter said less. */
  function readingThrough(change: (read: ReadLetter) => ReadLetter, gate: Promise<void> = Promise.resolve()) {
    const reading = harness.app.get(LetterReadingService);
    const original = reading.readAndStore.bind(reading);
    reading.readAndStore = async (...args) => {
      await gate;
      return change(await original(...args));
    };
    return { restore: () => (reading.readAndStore = original) };
  }

  it('says "Ich frage Sie nach und nach" only when a value differs from the answers given', async () => {
    const number = spec.truth.references.kindergeldNummer!;
    // The letter gives only the Kindergeldnummer, which the family has typed already.
    const stub = readingThrough((read) => ({
      ...read,
      analysis: {
        ...read.analysis,
        recipient: null,
        iban: null,
        references: { ...read.analysis.references, steuerId: null },
      },
    }));
    try {
      const conversation = await consented();
      await conversation.say('ja');
      await conversation.say(number.toLowerCase());
      assert.equal((await conversation.stored())!.interview!.answers['applicant.kindergeldNumber'], number);
      const asked = (await conversation.stored())!.interview!.pointer;

      const { posted } = await sendLetter(conversation, await renderLetterPdf(spec));
      const said = textsOf(posted);
      assert.match(said[0], /Familienkasse/);
      assert.doesNotMatch(said.join('\n'), /nach und nach|stimmt das\?|Was stimmt\?/);
      // The explanation came in between: the question the chat waits for, again.
      assert.deepEqual((await conversation.stored())!.interview!.pointer, asked);
      assert.equal(posted[posted.length - 1].channelData?.question?.id, asked?.questionId);
    } finally {
      stub.restore();
    }
  });

  it('explains the letter in the language the family switched to while it was read', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stub = readingThrough((read) => read, gate);
    try {
      const conversation = await consented();
      const file = await renderLetterPdf(spec);
      const upload = conversation.turn(letterMessage(file));
      assert.match(textsOf(await upload).join('\n'), /Ich lese Ihren Brief/);
      await conversation.turn({ type: 'event', name: 'antragslotse/language', value: 'tr' });
      assert.equal((await conversation.stored())!.interview!.locale, 'tr');
      release();
      await harness.app.get(LetterFlowService).whenIdle();

      const posted = (gateway.posted.get(conversation.id) ?? []).filter(
        (activity) => activity.type === 'message',
      );
      assert.match(posted[0].text!, /Son tarihiniz: \d\d\.\d\d\.2026/);
      assert.equal(posted[0].locale, 'tr');
      assert.doesNotMatch(textsOf(posted).join('\n'), /Ihre Frist|Ich frage Sie/);
      assert.match(textsOf(posted).join('\n'), /Mektupta başvurunuz için bilgiler buldum/);
      // The case shows the explanation the family got.
      const documentId = (await conversation.stored())!.interview!.proposals[0]?.source.documentId ?? '';
      const analysis = await harness.app.get(DocumentsService).findAnalysis(documentId);
      assert.equal(analysis?.locale, 'tr');
      assert.equal(analysis?.explanation, posted[0].text);
    } finally {
      release();
      stub.restore();
    }
  });

  it('tells the progress of a long letter in the language the family switched to', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const flow = harness.app.get(LetterFlowService) as unknown as { progressEveryMs: number };
    const every = flow.progressEveryMs;
    flow.progressEveryMs = 0;
    const reading = harness.app.get(LetterReadingService);
    const original = reading.readAndStore.bind(reading);
    reading.readAndStore = async (documentId, bytes, locale, options = {}) => {
      await gate;
      // As the reader reports after the first of two pages.
      options.onProgress?.({ stage: 'page-done', page: 1, pagesDone: 1, pagesTotal: 2, fraction: 0.5 });
      return original(documentId, bytes, locale, options);
    };
    try {
      const conversation = await consented();
      const file = await renderLetterPdf(spec);
      const upload = conversation.turn(letterMessage(file));
      assert.match(textsOf(await upload).join('\n'), /Ich lese Ihren Brief/);
      await conversation.turn({ type: 'event', name: 'antragslotse/language', value: 'uk' });
      release();
      await harness.app.get(LetterFlowService).whenIdle();

      const said = textsOf(gateway.posted.get(conversation.id) ?? []);
      assert.ok(said.includes('Ще читаю: сторінка 1 з 2 готова.'), said.join('\n'));
      assert.doesNotMatch(said.join('\n'), /Ich lese noch/);
    } finally {
      release();
      reading.readAndStore = original;
      flow.progressEveryMs = every;
    }
  });

  it('tells the family in their language when the file cannot be read', async () => {
    const conversation = await consented();
    const { posted } = await sendLetter(conversation, Buffer.from('%PDF-1.4\n% broken\n'));
    const said = textsOf(posted);
    assert.match(said.join('\n'), /beschädigt|nicht lesen/);
    // Then the question the chat waits for, so the family knows how to go on.
    assert.match(said[said.length - 1], /Haben Sie schon eine Kindergeldnummer\?/);
    assert.equal((await conversation.stored())!.interview!.phase, 'asking');
  });
});
