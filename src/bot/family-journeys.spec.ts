import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startBotHarness, BotHarness, textsOf } from '../../test/support/bot-harness';
import { replayThroughBot } from '../../test/support/bot-transcript-runner';
import { transcriptNamed } from '../../test/transcripts/transcript-runner';
import { CasesRepository } from '../cases/cases.repository';
import { FamilyTurnService } from './family-turn.service';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');

describe('family journeys through the bot', () => {
  let harness: BotHarness;

  before(async () => {
    harness = await startBotHarness();
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('stores a submission as a case with encrypted answers, provenance and the draft KG 1 summary PDF', async () => {
    const conversation = await replayThroughBot(harness, twoChildren());
    const caseId = (await conversation.stored())!.caseId!;
    const cases = harness.app.get(CasesRepository);
    assert.equal((await cases.getCase(caseId)).familyName, 'Ayşe Yılmaz');
    const answers = await cases.findCurrentAnswers(caseId);
    const lastName = answers.find((answer) => answer.path === 'applicant.lastName')!;
    assert.equal(lastName.value, 'Yılmaz');
    assert.equal(lastName.source, 'family');
    assert.equal(lastName.givenBy, 'family');
    assert.ok(
      answers.some(
        (answer) => answer.path === 'children[1].children.birthDate' && answer.value === '2025-08-03',
      ),
    );
    const raw = JSON.stringify(
      await harness.app.get(DataSource).query(`SELECT * FROM case_answers WHERE case_id = ?`, [caseId]),
    );
    assert.ok(!raw.includes('Yılmaz') && !raw.includes('Yilmaz'));
    const rawCase = JSON.stringify(
      await harness.app.get(DataSource).query(`SELECT * FROM cases WHERE id = ?`, [caseId]),
    );
    assert.ok(!rawCase.includes('Ayşe'));
    const documents = await cases.findDocuments(caseId);
    const kg1 = documents.find((document) => document.formId === 'kg1')!;
    assert.equal(kg1.kind, 'summary');
    assert.equal(kg1.mode, 'draft');
    const pdf = await cases.readDocument(caseId, kg1.id);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const [stored] = await harness.app
      .get(DataSource)
      .query<Array<{ content: Buffer }>>(`SELECT content FROM case_documents WHERE id = ?`, [kg1.id]);
    assert.ok(!stored.content.includes('%PDF') && stored.content.length > pdf.length);
    assert.equal(documents.filter((document) => document.formId === 'kg1-anlage-kind').length, 2);
  });

  it('keeps the previous state when a turn throws half-way, and the family can retry', async () => {
    const transcript = twoChildren();
    const conversation = await replayThroughBot(harness, transcript, { to: 5 });
    const before = await conversation.stored();
    const family = harness.app.get(FamilyTurnService);
    const original = family.handleMessage.bind(family);
    family.handleMessage = async (context) => {
      await original(context);
      throw new Error('crash after the engine changed the state');
    };
    try {
      const replies = await conversation.say('Yılmaz');
      assert.match(
        textsOf(replies).join('\n'),
        /Ihre Antworten bis hierher sind gespeichert\. Bitte schreiben Sie Ihre letzte Nachricht noch einmal/,
      );
    } finally {
      family.handleMessage = original;
    }
    assert.deepEqual(await conversation.stored(), before);
    conversation.errors = [];
    await replayThroughBot(harness, transcript, { from: 5, to: 7, conversation });
  });

  it('resumes on another device with the code and the birth date, and locks after five wrong tries', async () => {
    const transcript = twoChildren();
    const first = await replayThroughBot(harness, transcript, { to: 10 });
    const paused = textsOf(await first.say('Pause')).join('\n');
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(paused)?.[1];
    assert.ok(code, `a resume code in: ${paused}`);

    const second = harness.conversation();
    await second.open();
    assert.match(textsOf(await second.say(`weiter ${code.toLowerCase()}`)).join('\n'), /Geburtsdatum/);
    assert.match(textsOf(await second.say('1.1.1990')).join('\n'), /stimmen nicht/);
    await second.say(`weiter ${code}`);
    const resumed = textsOf(await second.say('14.03.1986')).join('\n');
    assert.match(resumed, /Willkommen zurück/);
    assert.match(resumed, /In welchem Ort sind Sie geboren/);
    assert.equal((await second.stored())!.interview!.answers['applicant.lastName'], 'Yılmaz');
    assert.equal(await first.stored(), undefined, 'the old conversation holds nothing any more');

    const third = harness.conversation();
    await third.open();
    // One wrong birth date was given above: the fifth wrong try on this code locks it.
    for (let attempt = 0; attempt < 3; attempt++) {
      await third.say(`weiter ${code}`);
      assert.match(textsOf(await third.say('2.2.2002')).join('\n'), /stimmen nicht/);
    }
    await third.say(`weiter ${code}`);
    assert.match(textsOf(await third.say('2.2.2002')).join('\n'), /gesperrt/);
    // Locked: even the right birth date no longer opens the interview.
    await third.say(`weiter ${code}`);
    assert.match(textsOf(await third.say('14.03.1986')).join('\n'), /gesperrt/);
  });

  it('stores an upload encrypted and says so', async () => {
    const conversation = await replayThroughBot(harness, twoChildren(), { to: 3 });
    const pdf = Buffer.from('%PDF-1.4\n% Bescheid der Familienkasse für Olena Kovalenko\n').toString(
      'base64',
    );
    const replies = await conversation.turn({
      type: 'message',
      attachments: [
        {
          contentType: 'application/pdf',
          name: 'bescheid.pdf',
          contentUrl: `data:application/pdf;base64,${pdf}`,
        },
      ],
    });
    assert.match(textsOf(replies).join('\n'), /Danke, ich habe Ihr Dokument gespeichert/);
    const [row] = await harness.app
      .get(DataSource)
      .query<Array<Record<string, unknown>>>(`SELECT * FROM documents WHERE conversation_key = ?`, [
        conversation.key,
      ]);
    const { content, ...columns } = row;
    assert.ok(JSON.stringify(columns).includes('application/pdf'));
    assert.ok(!JSON.stringify(columns).includes('bescheid.pdf'));
    // The file's bytes are stored sealed, in binary: neither the text nor the PDF header is readable.
    assert.ok(Buffer.isBuffer(content));
    assert.match(content.subarray(0, 3).toString('latin1'), /^v1:/);
    assert.ok(!content.includes('Kovalenko') && !content.includes('%PDF'));
    assert.ok(join(harness.dataDir).length > 0);
  });
});
