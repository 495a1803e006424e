import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { BotHarness, startBotHarness, textsOf, TestConversation } from '../../../test/support/bot-harness';
import { replayThroughBot } from '../../../test/support/bot-transcript-runner';
import { InMemoryConversationGateway } from '../../../test/support/in-memory-gateway';
import { transcriptNamed } from '../../../test/transcripts/transcript-runner';
import { CasesRepository } from '../../cases/cases.repository';
import { CasesService } from '../../cases/cases.service';
import { ConversationReference } from 'botbuilder';
import { botText } from '../bot-texts';
import { BotStates, conversationKeyOf, userKeyOf } from '../state/bot-states';
import { TypeOrmStorage } from '../state/typeorm-storage';
import { ProactiveMessenger } from './proactive-messenger.service';

const twoChildren = () => transcriptNamed('kg1-two-children.yaml');
const kuemmerer = 'user:k-17';

describe('ProactiveMessenger', () => {
  const gateway = new InMemoryConversationGateway();
  let harness: BotHarness;
  let sut: ProactiveMessenger;
  let cases: CasesRepository;
  let family: TestConversation;
  let caseId: string;
  let otherCaseId: string;

  before(async () => {
    harness = await startBotHarness({ gateway });
    sut = harness.app.get(ProactiveMessenger);
    cases = harness.app.get(CasesRepository);
    family = await replayThroughBot(harness, twoChildren());
    gateway.connect(family);
    caseId = (await family.stored())!.caseId!;
    // A second family whose case a Kümmerer is already working on, with an earlier deadline.
    const other = await replayThroughBot(harness, twoChildren());
    otherCaseId = (await other.stored())!.caseId!;
    await harness.app.get(CasesService).changeStatus(otherCaseId, 'in_review', kuemmerer);
    await harness.app
      .get(DataSource)
      .query(`UPDATE cases SET nearest_deadline = '2025-12-01' WHERE id = ?`, [otherCaseId]);
  });

  after(async () => {
    await harness.close();
    harness.remove();
  });

  it('posts a question back into the family conversation, notes it and waits for the family', async () => {
    const noteId = await sut.askBack(
      caseId,
      'Bitte schicken Sie ein Foto der Geburtsurkunde von Can.',
      kuemmerer,
    );

    const posted = textsOf(gateway.posted.get(family.id) ?? []).join('\n');
    assert.match(posted, /Ihre Ansprechperson hat eine Frage an Sie/);
    assert.match(posted, /Geburtsurkunde von Can/);
    const notes = await cases.findNotes(caseId);
    const note = notes.find((candidate) => candidate.id === noteId)!;
    assert.equal(note.kind, 'ask-back');
    assert.equal(note.author, kuemmerer);
    assert.equal((await cases.getCase(caseId)).status, 'waiting_for_family');
    // Waiting for the family: the case the Kümmerer works on with the nearer deadline comes first.
    assert.deepEqual((await cases.findOpenCasesByDeadline()).map((open) => open.id).slice(0, 2), [
      otherCaseId,
      caseId,
    ]);
  });

  it('records the family reply as a note and brings the case back to review, at the top of the queue', async () => {
    const replies = textsOf(await family.say('Die Urkunde schicke ich morgen.')).join('\n');

    assert.match(replies, /an Ihre Ansprechperson weitergegeben/);
    const reply = (await cases.findNotes(caseId)).find((note) => note.kind === 'family-reply')!;
    assert.equal(reply.text, 'Die Urkunde schicke ich morgen.');
    assert.equal(reply.author, 'family');
    assert.equal((await cases.getCase(caseId)).status, 'in_review');
    assert.equal((await cases.findOpenCasesByDeadline())[0].id, caseId);
  });

  it('reminds the family in their language and notes the reminder', async () => {
    gateway.posted.clear();
    await sut.remind(caseId);

    assert.match(
      textsOf(gateway.posted.get(family.id)!).join('\n'),
      /Erinnerung: Ihre Ansprechperson wartet/,
    );
    assert.equal(gateway.posted.get(family.id)![0].locale, 'de');
    assert.ok(
      (await cases.findNotes(caseId)).some((note) => note.kind === 'reminder' && note.author === 'system'),
    );
  });

  it('asks back in the language the family chose last when the conversation holds no interview', async () => {
    const resumed = await replayThroughBot(harness, twoChildren());
    gateway.connect(resumed);
    const resumedCaseId = (await resumed.stored())!.caseId!;
    // As after a resume code on another device: this conversation has no interview any more, and
    // the family picked Turkish in the language switcher.
    const storage = harness.app.get(TypeOrmStorage);
    const reference = (await cases.findConversationReference(resumedCaseId)) as ConversationReference;
    const conversationKey = conversationKeyOf(reference.channelId, reference.conversation.id);
    const userKey = userKeyOf(reference.channelId, reference.user!.id);
    const items = await storage.read([conversationKey, userKey]);
    await storage.write({
      [conversationKey]: { ...items[conversationKey], data: {}, eTag: '*' },
      [userKey]: { ...items[userKey], profile: { locale: 'tr' }, eTag: '*' },
    });

    await sut.askBack(resumedCaseId, 'Bitte schicken Sie die Geburtsurkunde.', kuemmerer);

    const [posted] = gateway.posted.get(resumed.id)!;
    assert.equal(posted.locale, 'tr');
    assert.ok(textsOf([posted])[0].startsWith(botText('askBackIntro', 'tr')));
  });

  it('refuses to ask back on a closed case, before posting or noting anything', async () => {
    await harness.app.get(CasesService).changeStatus(otherCaseId, 'closed', kuemmerer);
    const notesBefore = (await cases.findNotes(otherCaseId)).length;

    await assert.rejects(sut.askBack(otherCaseId, 'Noch eine Frage?', kuemmerer), {
      code: 'CASE_STATUS_INVALID',
    });
    assert.equal((await cases.findNotes(otherCaseId)).length, notesBefore);
  });

  it('throws CONVERSATION_GATEWAY_MISSING when no channel provides proactive messages, and records nothing', async () => {
    const noChannels = {
      get: () => {
        throw new Error('Nest could not find CONVERSATION_GATEWAY');
      },
    } as unknown as ModuleRef;
    const messenger = new ProactiveMessenger(
      noChannels,
      cases,
      harness.app.get(CasesService),
      harness.app.get(BotStates),
    );
    const notesBefore = (await cases.findNotes(caseId)).length;

    await assert.rejects(messenger.askBack(caseId, 'Hallo?', kuemmerer), {
      name: 'BotError',
      code: 'CONVERSATION_GATEWAY_MISSING',
    });
    await assert.rejects(messenger.remind(caseId), { code: 'CONVERSATION_GATEWAY_MISSING' });
    assert.equal((await cases.findNotes(caseId)).length, notesBefore);
    assert.equal((await cases.getCase(caseId)).status, 'in_review');
  });
});
