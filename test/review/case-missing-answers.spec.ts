import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AuditService } from '../../src/audit/audit.service';
import { conversationKeyOf } from '../../src/bot/state/bot-states';
import { TypeOrmStorage } from '../../src/bot/state/typeorm-storage';
import { CaseCorrectionsService } from '../../src/cases/case-corrections.service';
import { CasesRepository } from '../../src/cases/cases.repository';
import { readWithPdfJs } from '../pdf/pdfjs-read.util';
import { replayThroughBot } from '../support/bot-transcript-runner';
import { BotHarness } from '../support/bot-harness';
import { readTranscript, transcriptFiles } from '../transcripts/transcript-runner';
import { startWorkspaceApp } from './workspace-app';
import { createUser, ensureTeam, signIn, SignedInUser } from './workspace-session';

const transcript = (name: string) =>
  readTranscript(transcriptFiles().find((file) => file.endsWith(`${name}.yaml`))!);

/** Runs of white space as one space and none next to tags, so patterns do not depend on layout. */
function squash(page: string): string {
  return page.replace(/\s+/g, ' ').replace(/ ?> ?/g, '>').replace(/ </g, '<');
}

interface MissingQuestion {
  path: string;
  text: string;
  type: string;
  required: boolean;
  options: Array<{ value: string }> | null;
}

describe('review workspace: questions a correction makes necessary', () => {
  let app: INestApplication;
  let harness: BotHarness;
  let dataDir: string;
  let dragana: SignedInUser;
  let single: string;
  let married: string;

  before(async () => {
    ({ app, dataDir, bot: harness } = await startWorkspaceApp('case-missing-answers'));
    const altendorf = await ensureTeam(app, 'Essen-Altendorf');
    await createUser(app, 'dragana.petrovic@example.org', 'kuemmerer', altendorf, 'Dragana Petrović');
    dragana = await signIn(app, 'dragana.petrovic@example.org');
    single = (await (await replayThroughBot(harness, transcript('kg1-two-children'))).stored())!.caseId!;
    married = (await (await replayThroughBot(harness, transcript('married-partner'))).stored())!.caseId!;
    await harness.settled();
  });

  after(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const server = () => app.getHttpServer() as import('node:http').Server;
  const page = async (caseId: string, query = '') =>
    squash(
      (
        await request(server())
          .get(`/review/cases/${caseId}${query}`)
          .set('Cookie', dragana.cookie)
          .expect(200)
      ).text,
    );
  const post = (caseId: string, path: string, value: string) =>
    request(server())
      .post(`/review/cases/${caseId}/answers`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ path, value, _csrf: dragana.csrfToken });
  const missing = async (caseId: string): Promise<MissingQuestion[]> => {
    const view = await request(server())
      .get(`/api/review/cases/${caseId}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    return (view.body.missing as Array<{ questions: MissingQuestion[] }>).flatMap((group) => group.questions);
  };
  /** The family switched the chat to `locale` (the interview's language in the conversation state). */
  const chatsIn = async (caseId: string, locale: string) => {
    const reference = (await app.get(CasesRepository).findConversationReference(caseId)) as {
      channelId: string;
      conversation: { id: string };
    };
    const key = conversationKeyOf(reference.channelId, reference.conversation.id);
    const storage = app.get(TypeOrmStorage, { strict: false });
    const state = (await storage.read([key]))[key] as { data: { interview: { locale: string } } };
    assert.ok(state?.data?.interview, 'the conversation state holds the interview');
    state.data.interview.locale = locale;
    await storage.write({ [key]: { ...state, eTag: '*' } });
  };
  const approve = (caseId: string) =>
    request(server())
      .post(`/api/review/cases/${caseId}/approve`)
      .set('Cookie', dragana.cookie)
      .set('X-CSRF-Token', dragana.csrfToken)
      .send({ attachments: '' });

  it('lists the questions "verheiratet" makes necessary, by section, with fields and the way to ask the family', async () => {
    assert.deepEqual(await missing(single), [], 'a case from the chat has nothing missing');
    await post(single, 'applicant.maritalStatus', 'verheiratet')
      .expect(303)
      .expect('Location', `/review/cases/${single}?msg=saved-incomplete`);

    const text = await page(single, '?msg=saved-incomplete');
    assert.match(text, /Es fehlen noch Angaben \(siehe „Fehlende Angaben“\)/);
    const block = /<section class="missing" id="missing-answers"[^>]*>([\s\S]*?)<\/section>/.exec(text);
    assert.ok(block, 'a block of missing answers');
    assert.match(block[1], /<h3 id="missing-heading">Fehlende Angaben \(\d+\)<\/h3>/);
    assert.match(
      block[1],
      /<h4>Antrag auf Kindergeld[^<]*– Angaben zu Ihrem Partner oder Ihrer Partnerin<\/h4>/,
    );
    assert.match(
      block[1],
      /<label for="v-partner\.lastName">Wie ist der Familienname von Ihrem Partner oder Ihrer Partnerin\?<\/label>/,
    );
    assert.match(block[1], /Wie ist die Steuer-Identifikationsnummer[^<]*\(freiwillig\)<\/label>/);
    assert.match(
      block[1],
      /<label for="v-applicant\.maritalStatusSince">Seit wann haben Sie diesen Familienstand\?/,
    );
    // Per child, named: "Und für Ihren Partner oder Ihre Partnerin ist das Kind …" on each Anlage Kind.
    assert.match(block[1], /– Kind 2: Can Yılmaz – [^<]+<\/h4>/);
    assert.match(block[1], /<select id="v-children\[1\]\.children\.relationToPartner" name="value">/);
    assert.match(
      block[1],
      /<a href="\/review\/cases\/[^"]+\?ask=missing#ask-text">fragen Sie die Familie<\/a>/,
    );

    // The answer that no longer applies stays visible but is marked and not offered for change.
    assert.match(
      text,
      /<dt>Anderer Elternteil wohnt bei Ihnen<\/dt><dd><span class="value">Nein<\/span><strong class="badge">Gilt nicht mehr, wird nicht gedruckt<\/strong>/,
    );
    assert.doesNotMatch(text, /Ändern<span class="sr-only">– Anderer Elternteil wohnt bei Ihnen/);
  });

  it('starts the question back with the missing questions when "fragen Sie die Familie" is followed', async () => {
    const text = (
      await request(server())
        .get(`/review/cases/${single}?ask=missing`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;
    assert.match(
      text,
      /<textarea id="ask-text" name="text" rows="6" required>\nWir brauchen noch diese Angaben von Ihnen:\n- Seit wann haben Sie diesen Familienstand\?\n[\s\S]*- Wie ist der Familienname von Ihrem Partner oder Ihrer Partnerin\?\n[\s\S]*- Kind 1: Elif Yılmaz: Und für Ihren Partner/,
    );
    // The family chats in German: German only.
    const prefill = /<textarea id="ask-text"[^>]*>([^<]*)<\/textarea>/.exec(text)?.[1] ?? '';
    assert.doesNotMatch(prefill, /We still need|What is|Child \d/);
    assert.doesNotMatch(text, /id="family-locale"/);
  });

  /** The case page with the question back prefilled, for a family chatting in `locale` after "verheiratet". */
  async function askMissingAfterMarriage(locale: 'en' | 'tr'): Promise<string> {
    const caseId = (await (await replayThroughBot(harness, transcript('kg1-two-children'))).stored())!
      .caseId!;
    await harness.settled();
    await chatsIn(caseId, locale);
    await post(caseId, 'applicant.maritalStatus', 'verheiratet').expect(303);
    return (
      await request(server())
        .get(`/review/cases/${caseId}?ask=missing`)
        .set('Cookie', dragana.cookie)
        .expect(200)
    ).text;
  }

  it('adds the questions in English below the German ones for a family that chats in English', async () => {
    const text = await askMissingAfterMarriage('en');
    assert.match(squash(text), /<p class="hint" id="family-locale">Die Familie chattet auf Englisch\.<\/p>/);
    const prefill = /<textarea id="ask-text" name="text" rows="12" required>\n([^<]*)<\/textarea>/.exec(
      text,
    )?.[1];
    assert.ok(prefill, 'a prefilled question back');
    const [german, translated] = prefill.split('\n\n');
    assert.match(
      german,
      /^Wir brauchen noch diese Angaben von Ihnen:\n- Seit wann haben Sie diesen Familienstand\?\n/,
    );
    assert.match(german, /\n- Kind 1: Elif Yılmaz: Und für Ihren Partner/);
    assert.doesNotMatch(german, /We still need|Child 1/);
    assert.match(
      translated,
      /^We still need these details from you:\n- Since when has this been your marital status\?\n/,
    );
    assert.match(translated, /\n- What is your partner&#39;s last name\?\n/);
    assert.match(translated, /\n- Child 1: Elif Yılmaz: [A-Z][^\n]*partner/);
    assert.equal(
      german.split('\n').length,
      translated.split('\n').length,
      'every question in both languages',
    );
  });

  it("asks a family that chats in Turkish in Turkish below the German, with the form's own Turkish texts", async () => {
    const text = await askMissingAfterMarriage('tr');
    assert.match(squash(text), /Die Familie chattet auf Türkisch\./);
    const prefill = /<textarea id="ask-text"[^>]*>\n([^<]*)<\/textarea>/.exec(text)?.[1] ?? '';
    const [german, translated] = prefill.split('\n\n');
    assert.match(
      german,
      /^Wir brauchen noch diese Angaben von Ihnen:\n- Seit wann haben Sie diesen Familienstand\?\n/,
    );
    assert.match(
      translated,
      /^Sizden şu bilgilere daha ihtiyacımız var:\n- Ne zamandan beri bu medeni durumdasınız\?\n/,
    );
    assert.doesNotMatch(translated, /Since when|\(Since/, 'the Turkish text, not the English one');
  });

  it('refuses approval naming what is missing', async () => {
    const refused = await approve(single).expect(422);
    assert.equal(refused.body.code, 'CASE_ANSWERS_INCOMPLETE');
    assert.match(
      refused.body.reasons[0],
      /^Die Freigabe geht noch nicht\. Diese Angaben fehlen noch: Familienstand seit \(Angaben zu Ihnen\); Familienname, Vorname, Geburtsdatum, Staatsangehörigkeit, Geschlecht, Wohnt bei Ihnen \(Angaben zu Ihrem Partner oder Ihrer Partnerin\); .*Partner ist einverstanden \(Unterschrift\); Kind ist für Partner \(Wie sind Sie mit dem Kind verwandt\?, Kind 1\); Kind ist für Partner \([^)]*Kind 2\)\. Tragen Sie sie auf dieser Seite ein oder fragen Sie die Familie\.$/,
    );
    const form = await request(server())
      .post(`/review/cases/${single}/approve`)
      .set('Cookie', dragana.cookie)
      .type('form')
      .send({ attachments: '', _csrf: dragana.csrfToken })
      .expect(422);
    assert.match(
      squash(form.text),
      /<p class="error" role="alert">Die Freigabe geht noch nicht\. Diese Angaben fehlen noch: Familienstand seit/,
    );
  });

  it('takes a missing answer as the Kümmerer’s, and shows a refused one by its field', async () => {
    const refused = squash((await post(single, 'partner.birthDate', '31.02.1980').expect(422)).text);
    assert.match(
      refused,
      /<a href="#v-partner\.birthDate">Geburtsdatum: Diesen Tag gibt es nicht\. Bitte prüfen Sie das Datum\.<\/a>/,
    );
    assert.match(
      refused,
      /id="missing-answers"[\s\S]*<p class="field-error" id="e-partner\.birthDate">[\s\S]*value="31\.02\.1980"/,
    );

    await post(single, 'partner.lastName', 'Demir').expect(303);
    const stored = (await app.get(CasesRepository).findCurrentAnswers(single)).find(
      (answer) => answer.path === 'partner.lastName',
    );
    assert.equal(stored?.value, 'Demir');
    assert.equal(stored?.source, 'kuemmerer');
    assert.equal(stored?.givenBy, `user:${dragana.id}`);
    assert.ok(!(await missing(single)).some((question) => question.path === 'partner.lastName'));
    assert.match(
      await page(single),
      /<dt>Familienname<\/dt><dd><span class="value">Demir<\/span>[\s\S]*?Geändert von Dragana Petrović/,
    );
  });

  it('approves once every missing answer is given', async () => {
    for (const question of await missing(single)) {
      if (!question.required) {
        continue;
      }
      const value =
        question.type === 'date'
          ? '02.05.1982'
          : question.type === 'yesno'
            ? 'ja'
            : question.options
              ? question.options[0].value
              : 'türkisch';
      await post(single, question.path, value).expect(303);
    }
    assert.deepEqual(
      (await missing(single)).filter((question) => question.required),
      [],
    );
    await approve(single).expect(204);
  });

  it('counts in the first item of a repeat group a correction switched on', async () => {
    await post(single, 'applicant.receivesKindergeldForOtherChildren', 'ja').expect(303);
    const open = (await missing(single)).map((question) => question.path);
    assert.ok(open.includes('receivingChildren[0].receivingChildren.name'), open.join(', '));
    // Items come at the end only: no gap before the first.
    await post(single, 'receivingChildren[1].receivingChildren.name', 'Emre').expect(422);
    await post(single, 'receivingChildren[0].receivingChildren.name', 'Emre').expect(303);
    const count = (await app.get(CasesRepository).findCurrentAnswers(single)).find(
      (answer) => answer.path === 'receivingChildren',
    );
    assert.equal(count?.value, 1);
    assert.equal(count?.source, 'kuemmerer');
    assert.match(await page(single), /<dt>Name – Kind 1<\/dt><dd><span class="value">Emre<\/span>/);
    assert.ok(!(await missing(single)).some((question) => question.path.endsWith('.name')));
  });

  it('adds a second and later item of a repeat group on the page, numbered and checked, as the Kümmerer’s', async () => {
    const current = async (path: string) =>
      (await app.get(CasesRepository).findCurrentAnswers(single)).find((answer) => answer.path === path);
    const addBlock = (text: string) =>
      /<section class="add-items" id="add-items"[^>]*>([\s\S]*?)<\/section>/.exec(text)?.[1] ?? '';
    // After the first item (previous test), the group offers "Kind 2", with the item's fields.
    let block = addBlock(await page(single));
    assert.match(
      block,
      /<details id="add-receivingChildren"><summary>Kind 2 hinzufügen – Für welche Kinder bekommen Sie schon Kindergeld\?<\/summary>/,
    );
    assert.match(
      block,
      /<label for="v-receivingChildren\[1\]\.receivingChildren\.name">Wie heißt das Kind\? \(Kind 2\)<\/label>/,
    );
    assert.match(block, /<select id="v-receivingChildren\[1\]\.receivingChildren\.sex" name="value">/);

    // A refused value is shown by its field, the block open, and counts nothing in.
    const refused = squash(
      (await post(single, 'receivingChildren[1].receivingChildren.birthDate', '31.02.2015').expect(422)).text,
    );
    assert.match(
      refused,
      /<a href="#v-receivingChildren\[1\]\.receivingChildren\.birthDate">Geburtsdatum \(Kind 2\): Diesen Tag gibt es nicht/,
    );
    assert.match(
      addBlock(refused),
      /<details id="add-receivingChildren" open>[\s\S]*id="e-receivingChildren\[1\]\.receivingChildren\.birthDate"[\s\S]*value="31\.02\.2015"/,
    );
    assert.equal((await current('receivingChildren'))?.value, 1);

    const audited = async () =>
      (await app.get(AuditService).findBySubject('case', single)).filter(
        (event) =>
          event.action === 'case.answer-corrected' &&
          event.details?.path === 'receivingChildren[1].receivingChildren.name',
      ).length;
    await post(single, 'receivingChildren[1].receivingChildren.name', 'Lena').expect(303);
    const count = await current('receivingChildren');
    assert.equal(count?.value, 2);
    assert.equal(count?.givenBy, `user:${dragana.id}`);
    assert.equal((await current('receivingChildren[1].receivingChildren.name'))?.source, 'kuemmerer');
    assert.equal(await audited(), 1);

    // Kind 2's other questions are missing now, under its name; Kind 3 is offered next.
    const text = await page(single);
    assert.match(
      text,
      /<dt>Name – Kind 2<\/dt><dd><span class="value">Lena<\/span>[\s\S]*?Geändert von Dragana Petrović/,
    );
    assert.match(text, /<h4>Antrag auf Kindergeld[^<]*– Kind 2: Lena – [^<]+<\/h4>/);
    assert.ok(
      (await missing(single)).some(
        (question) => question.path === 'receivingChildren[1].receivingChildren.birthDate',
      ),
    );
    block = addBlock(text);
    assert.match(block, /<summary>Kind 3 hinzufügen – Für welche Kinder/);
    assert.doesNotMatch(block, /receivingChildren\[1\]/);
    // Items come at the end only.
    await post(single, 'receivingChildren[3].receivingChildren.name', 'Ben').expect(422);

    // A further child applied for: its "Anlage Kind" follows, with its questions missing.
    assert.match(
      block,
      /<summary>Kind 3 hinzufügen – Für welche Kinder beantragen Sie jetzt Kindergeld\?<\/summary>/,
    );
    await post(single, 'children[2].children.firstName', 'Mia').expect(303);
    assert.equal((await current('children'))?.value, 3);
    const open = (await missing(single)).map((question) => question.path);
    assert.ok(open.includes('children[2].children.birthDate'), open.join(', '));
    assert.ok(
      open.some((path) => path.startsWith('children[2].') && !/firstName|lastName|birthDate/.test(path)),
      open.join(', '),
    );
    assert.match(await page(single), /<h4>Kind 3: Mia – [^<]+<\/h4>/);
  });

  it('takes no item beyond the most a group holds', async () => {
    const corrections = app.get(CaseCorrectionsService);
    for (let item = 2; item < 15; item++) {
      await corrections.correctAnswer(
        single,
        { path: `receivingChildren[${item}].receivingChildren.name`, value: `Kind ${item + 1}` },
        `user:${dragana.id}`,
      );
    }
    await assert.rejects(
      corrections.correctAnswer(
        single,
        { path: 'receivingChildren[15].receivingChildren.name', value: 'Ben' },
        `user:${dragana.id}`,
      ),
      (error: { code?: string; reasons?: string[] }) =>
        error.code === 'CASE_ANSWER_INVALID' &&
        error.reasons?.[0] === 'Hier gehen höchstens 15 Einträge. Es sind schon 15.',
    );
    const view = await request(server())
      .get(`/api/review/cases/${single}`)
      .set('Cookie', dragana.cookie)
      .expect(200);
    assert.deepEqual(
      (view.body.addable as Array<{ groupId: string; title: string }>).map(
        ({ groupId, title }) => `${groupId}: ${title}`,
      ),
      ['children: Kind 4'],
    );
  });

  it('leaves answers that no longer apply off the forms, also those they switched on', async () => {
    // The partner lives elsewhere (an address is then asked), then the marital status becomes "ledig".
    await post(married, 'partner.livesAtApplicantAddress', 'nein').expect(303);
    assert.deepEqual(
      (await missing(married)).map((question) => question.path),
      ['partner.address'],
    );
    await post(married, 'partner.address', 'Helmholtzstraße 9, 45143 Essen').expect(303);
    await post(married, 'applicant.maritalStatus', 'ledig').expect(303);
    assert.deepEqual(
      (await missing(married)).map((question) => question.path),
      ['applicant.livesWithOtherParent'],
    );
    await post(married, 'applicant.livesWithOtherParent', 'nein')
      .expect(303)
      .expect('Location', `/review/cases/${married}?msg=saved`);

    // The stored partner.livesAtApplicantAddress (false) no longer applies, so neither does the address.
    const documents = await app.get(CasesRepository).findDocuments(married);
    const kg1 = documents.find((document) => document.mode === 'draft' && document.formId === 'kg1');
    assert.ok(kg1, 'a draft KG 1');
    const text = (
      await readWithPdfJs(await app.get(CasesRepository).readDocument(married, kg1.id))
    ).pageTexts.join(' ');
    assert.match(text, /Petrović/);
    assert.doesNotMatch(text, /Helmholtzstraße/, 'the partner’s address is not printed');
    assert.doesNotMatch(text, /Marko/, 'the partner’s name is not printed');
    await approve(married).expect(204);
  });
});
