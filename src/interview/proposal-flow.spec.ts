import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import {
  addProposals,
  EngineResult,
  handleInput,
  INTERVIEW_LOCALES,
  InterviewLocale,
  offerProposals,
  PendingProposal,
  startInterview,
} from './index';
import { TEXTS } from './texts';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };
const source = { documentId: 'letter-1', page: 1, confidence: 0.93 };
const kindergeldNumber: PendingProposal = {
  path: 'applicant.kindergeldNumber',
  value: '215FK381902',
  source,
};

/** A conversation that has just been asked "Haben Sie schon eine Kindergeldnummer?". */
async function atFirstQuestion(locale: InterviewLocale = 'de'): Promise<EngineResult> {
  const application = await kindergeldApplication();
  const started = startInterview(application, { locale, ...options });
  return handleInput(
    application,
    started.state,
    { type: 'action', action: 'consent', value: 'accept' },
    options,
  );
}

describe('letter proposals in the interview', () => {
  it('reads the value back in every language, right to left in Arabic, with yes and no buttons', async () => {
    const application = await kindergeldApplication();
    for (const locale of INTERVIEW_LOCALES) {
      const asked = await atFirstQuestion(locale);
      const sut = handleInput(
        application,
        addProposals(asked.state, [kindergeldNumber]),
        { type: 'action', action: 'answer', value: 'true' },
        options,
      );
      const confirm = sut.messages.find((message) => message.kind === 'confirm');
      assert.ok(confirm, locale);
      assert.match(confirm.text, /215FK381902/, locale);
      assert.equal(confirm.direction, locale === 'ar' ? 'rtl' : 'ltr', locale);
      assert.deepEqual(
        confirm.suggestions?.map((button) => button.title),
        [TEXTS[locale].yes, TEXTS[locale].no],
        locale,
      );
      assert.equal(sut.state.phase, 'confirming-proposal', locale);
    }
  });

  it("uses the definition's read-back in the chat's language", async () => {
    const application = await kindergeldApplication();
    const readBack = async (locale: InterviewLocale, yes: string) => {
      const asked = await atFirstQuestion(locale);
      const sut = handleInput(
        application,
        addProposals(asked.state, [kindergeldNumber]),
        { type: 'text', text: yes },
        options,
      );
      return sut.messages.map((message) => message.text).join('\n');
    };
    assert.ok(
      (await readBack('en', 'yes')).includes('Your child benefit number is 215FK381902 – is that right?'),
    );
    assert.ok((await readBack('tr', 'evet')).includes('Kindergeld numaranız: 215FK381902'));
    assert.ok((await readBack('ar', 'نعم')).includes('رقم إعانة الأطفال الخاص بكم هو 215FK381902'));
    assert.doesNotMatch(await readBack('ru', 'да'), /Kindergeldnummer vorhanden|Ihre Kindergeldnummer ist/);
  });

  it('never offers a value the question would refuse, and asks the question instead', async () => {
    const application = await kindergeldApplication();
    const asked = await atFirstQuestion();
    const wrong = { ...kindergeldNumber, value: '215FK38190' };
    const sut = handleInput(
      application,
      addProposals(asked.state, [wrong]),
      { type: 'text', text: 'ja' },
      options,
    );
    assert.equal(sut.state.phase, 'asking');
    assert.deepEqual(sut.state.proposals, []);
    assert.ok(sut.messages.some((message) => message.text.includes('Wie ist Ihre Kindergeldnummer?')));
  });

  it('offers a value at once when the letter arrives while its question is asked', async () => {
    const application = await kindergeldApplication();
    const asked = await atFirstQuestion();
    const question = handleInput(application, asked.state, { type: 'text', text: 'ja' }, options);
    const sut = offerProposals(application, question.state, [kindergeldNumber], options);
    assert.equal(sut.state.phase, 'confirming-proposal');
    assert.ok(sut.messages[0].text.includes('Ihre Kindergeldnummer ist 215FK381902 – stimmt das?'));
  });

  it("takes a value typed instead of yes or no as the family's own answer", async () => {
    const application = await kindergeldApplication();
    const asked = await atFirstQuestion();
    const confirm = handleInput(
      application,
      addProposals(asked.state, [kindergeldNumber]),
      { type: 'text', text: 'ja' },
      options,
    );
    const sut = handleInput(application, confirm.state, { type: 'text', text: '215 FK 381903' }, options);
    assert.equal(sut.state.answers['applicant.kindergeldNumber'], '215FK381903');
    assert.equal(sut.state.provenance['applicant.kindergeldNumber'].source, 'family');
    assert.deepEqual(sut.state.proposals, []);
  });

  it('drops a proposal equal to the answer already given and ignores paths that are no answer path', async () => {
    const asked = await atFirstQuestion();
    const answered = { ...asked.state, answers: { 'applicant.kindergeldNumber': '215FK381902' } };
    const sut = addProposals(answered, [kindergeldNumber, { ...kindergeldNumber, path: 'children[x].y' }]);
    assert.deepEqual(sut.proposals, []);
  });
});
