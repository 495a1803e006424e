import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import {
  EngineResult,
  handleInput,
  InterviewLocale,
  letterValuesToAsk,
  offerProposals,
  PendingProposal,
  startInterview,
  UserInput,
} from './index';
import { LoadedApplication } from '../forms/loading/loaded-definitions.types';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };
const box = { x: 120, y: 80, width: 160, height: 18 };

function letterValue(path: string, value: string): PendingProposal {
  return { path, value, source: { documentId: 'letter-7', page: 1, box, confidence: 0.91 } };
}

/** Replays typed answers (or tapped buttons) from the start, consent included. */
function converse(
  application: LoadedApplication,
  inputs: Array<string | UserInput>,
  locale: InterviewLocale = 'de',
): EngineResult {
  let result = startInterview(application, { locale, ...options });
  result = handleInput(
    application,
    result.state,
    { type: 'action', action: 'consent', value: 'accept' },
    options,
  );
  for (const input of inputs) {
    result = handleInput(
      application,
      result.state,
      typeof input === 'string' ? { type: 'text', text: input } : input,
      options,
    );
  }
  return result;
}

/** Asked "Wie ist Ihr Familienname?", with a Kindergeldnummer and a Steuer-ID already given. */
function atLastName(application: LoadedApplication, locale: InterviewLocale = 'de'): EngineResult {
  const result = converse(application, ['ja', '215FK381900', 'überspringen', '52807981360'], locale);
  assert.equal(result.state.pointer?.questionId, 'applicant.lastName');
  return result;
}

const texts = (result: EngineResult) => result.messages.map((message) => message.text).join('\n');
const buttons = (result: EngineResult) =>
  result.messages.flatMap((message) => message.suggestions?.map((suggestion) => suggestion.title) ?? []);

describe('a letter with values for questions already answered', () => {
  it('offers a differing value right away, with both values as buttons, before the open question', async () => {
    const application = await kindergeldApplication();
    const sut = offerProposals(
      application,
      atLastName(application).state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    assert.equal(sut.state.phase, 'confirming-proposal');
    assert.deepEqual(sut.state.pointer, { questionId: 'applicant.kindergeldNumber', item: null });
    assert.equal(sut.messages.length, 1, 'the open question waits until the value is settled');
    assert.match(
      texts(sut),
      /^Im Brief steht als Kindergeldnummer 215FK381902\. Sie hatten 215FK381900 angegeben\.\nWas stimmt\?/,
    );
    assert.deepEqual(sut.messages[0].suggestions, [
      { title: '215FK381902', action: 'yes' },
      { title: '215FK381900', action: 'keep' },
    ]);
  });

  it("takes the letter's value with its source, then asks the interrupted question again", async () => {
    const application = await kindergeldApplication();
    const offered = offerProposals(
      application,
      atLastName(application).state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    const sut = handleInput(application, offered.state, { type: 'action', action: 'yes' }, options);
    assert.equal(sut.state.answers['applicant.kindergeldNumber'], '215FK381902');
    assert.deepEqual(sut.state.provenance['applicant.kindergeldNumber'], {
      source: 'letter',
      at: options.now,
      documentId: 'letter-7',
      page: 1,
      box,
      confidence: 0.91,
    });
    assert.match(texts(sut), /Danke, ich habe das übernommen\.\nWie ist Ihr Familienname\?/);
    assert.equal(sut.state.phase, 'asking');
    assert.deepEqual(sut.state.pointer, { questionId: 'applicant.lastName', item: null });
    assert.equal(sut.state.afterLetter, null);
  });

  it("keeps the family's answer when they tap or type it, then asks the interrupted question again", async () => {
    const application = await kindergeldApplication();
    const offered = offerProposals(
      application,
      atLastName(application).state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    for (const reply of [
      { type: 'action', action: 'keep' },
      { type: 'text', text: '215 fk 381900' },
    ] as UserInput[]) {
      const sut = handleInput(application, offered.state, reply, options);
      assert.equal(sut.state.answers['applicant.kindergeldNumber'], '215FK381900', JSON.stringify(reply));
      assert.equal(sut.state.provenance['applicant.kindergeldNumber'].source, 'family');
      assert.deepEqual(sut.state.proposals, []);
      assert.match(texts(sut), /Gut, Ihre Angabe bleibt so\.\nWie ist Ihr Familienname\?/);
    }
  });

  it("counts the letter's value typed out as taken from the letter, and a third value as the family's", async () => {
    const application = await kindergeldApplication();
    const offered = offerProposals(
      application,
      atLastName(application).state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    const typedLetter = handleInput(
      application,
      offered.state,
      { type: 'text', text: '215FK381902' },
      options,
    );
    assert.equal(typedLetter.state.provenance['applicant.kindergeldNumber'].source, 'letter');
    assert.equal(typedLetter.state.pointer?.questionId, 'applicant.lastName');

    const third = handleInput(application, offered.state, { type: 'text', text: '215FK381903' }, options);
    assert.equal(third.state.answers['applicant.kindergeldNumber'], '215FK381903');
    assert.equal(third.state.provenance['applicant.kindergeldNumber'].source, 'family');
    assert.equal(third.state.pointer?.questionId, 'applicant.lastName');

    const unclear = handleInput(application, offered.state, { type: 'text', text: 'hm' }, options);
    assert.match(texts(unclear), /Bitte tippen Sie auf eine der beiden Angaben/);
    assert.equal(unclear.state.phase, 'confirming-proposal');
  });

  it('offers several values one by one in the order of the questions, then the open question', async () => {
    const application = await kindergeldApplication();
    const asked = converse(application, [
      'ja',
      '215FK381900',
      'überspringen',
      '52807981360',
      'Yılmaz',
      'Ayşe',
      'überspringen',
      'überspringen',
    ]);
    assert.equal(asked.state.pointer?.questionId, 'applicant.birthDate');
    const first = offerProposals(
      application,
      asked.state,
      [letterValue('applicant.firstName', 'Elif'), letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    assert.match(texts(first), /als Kindergeldnummer 215FK381902/);
    const second = handleInput(application, first.state, { type: 'action', action: 'keep' }, options);
    assert.match(texts(second), /Im Brief steht als Vorname Elif\. Sie hatten Ayşe angegeben\./);
    assert.deepEqual(buttons(second), ['Elif', 'Ayşe']);
    const back = handleInput(application, second.state, { type: 'action', action: 'keep' }, options);
    assert.match(texts(back), /Wann sind Sie geboren\?/);
    assert.equal(back.state.phase, 'asking');
  });

  it('does not offer a value equal to the answer, and asks the open question again', async () => {
    const application = await kindergeldApplication();
    const sut = offerProposals(
      application,
      atLastName(application).state,
      [letterValue('applicant.kindergeldNumber', '215 FK 381900')],
      options,
    );
    assert.equal(sut.state.phase, 'asking');
    assert.deepEqual(sut.state.proposals, []);
    assert.doesNotMatch(texts(sut), /Brief/);
    assert.match(texts(sut), /Wie ist Ihr Familienname\?/);
  });

  it('goes back to the answer being changed after "zurück", with its previous value', async () => {
    const application = await kindergeldApplication();
    const editing = handleInput(
      application,
      atLastName(application).state,
      { type: 'text', text: 'zurück' },
      options,
    );
    assert.equal(editing.state.phase, 'editing');
    assert.equal(editing.state.pointer?.questionId, 'applicant.taxId');
    const offered = offerProposals(
      application,
      editing.state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    assert.match(texts(offered), /als Kindergeldnummer 215FK381902/);
    const sut = handleInput(application, offered.state, { type: 'action', action: 'yes' }, options);
    assert.equal(sut.state.phase, 'editing');
    assert.equal(sut.state.pointer?.questionId, 'applicant.taxId');
    assert.match(texts(sut), /Wie ist Ihre Steuer-Identifikationsnummer\?\nBisher: 52807981360/);
  });

  it('offers the letter value of the answer being changed last, as a choice between both values', async () => {
    const application = await kindergeldApplication();
    const editing = handleInput(
      application,
      atLastName(application).state,
      { type: 'text', text: 'zurück' },
      options,
    );
    const offered = offerProposals(
      application,
      editing.state,
      [
        letterValue('applicant.taxId', '86541972319'),
        letterValue('applicant.kindergeldNumber', '215FK381902'),
      ],
      options,
    );
    assert.match(texts(offered), /als Kindergeldnummer 215FK381902/);
    const sut = handleInput(application, offered.state, { type: 'action', action: 'keep' }, options);
    assert.equal(sut.state.phase, 'confirming-proposal');
    assert.equal(sut.state.pointer?.questionId, 'applicant.taxId');
    assert.deepEqual(buttons(sut), ['86541972319', '52807981360']);
  });

  it('comes back to "Meinten Sie …?" when the letter came while a guess waited for a yes', async () => {
    const application = await kindergeldApplication();
    const inputs = ['ja', '215FK381900', 'überspringen', '52807981360', 'Yılmaz', 'Ayşe'];
    inputs.push('überspringen', 'überspringen', '14.3.1986', 'Gaziantep', 'weiblich', 'deutsch');
    inputs.push('Berger Straße', '127a', '60316', 'Frankfurt am Main', 'geschiden');
    const guessing = converse(application, inputs);
    assert.equal(guessing.state.phase, 'confirming-guess');
    const offered = offerProposals(
      application,
      guessing.state,
      [letterValue('applicant.kindergeldNumber', '215FK381902')],
      options,
    );
    const sut = handleInput(application, offered.state, { type: 'action', action: 'keep' }, options);
    assert.equal(sut.state.phase, 'confirming-guess');
    assert.match(texts(sut), /Meinten Sie »geschieden«\?/);
  });

  it('offers a value for an answer marked "Ich weiß es nicht" right away too, as a yes/no question', async () => {
    const application = await kindergeldApplication();
    const inputs = ['ja', '215FK381900', 'überspringen', '52807981360', 'Yılmaz', 'Ayşe'];
    inputs.push('überspringen', 'überspringen', 'weiß ich nicht');
    const unknown = converse(application, inputs);
    assert.ok(unknown.state.unknown.includes('applicant.birthDate'));
    assert.equal(unknown.state.pointer?.questionId, 'applicant.birthPlace');
    const sut = offerProposals(
      application,
      unknown.state,
      [letterValue('applicant.birthDate', '1986-03-14')],
      options,
    );
    // applicant.birthDate has no letter field today; the engine offers what it is given.
    assert.match(texts(sut), /14\.03\.1986 – stimmt das\?/);
    assert.deepEqual(buttons(sut), ['Ja', 'Nein']);
  });

  it('asks in the chat language, right to left in Arabic', async () => {
    const application = await kindergeldApplication();
    for (const locale of ['en', 'tr', 'ar', 'uk', 'ru'] as const) {
      const sut = offerProposals(
        application,
        atLastName(application, locale).state,
        [letterValue('applicant.kindergeldNumber', '215FK381902')],
        options,
      );
      assert.equal(sut.messages.length, 1, locale);
      assert.doesNotMatch(sut.messages[0].text, /Im Brief/, locale);
      assert.match(sut.messages[0].text, /215FK381902[\s\S]*215FK381900/, locale);
      assert.equal(sut.messages[0].direction, locale === 'ar' ? 'rtl' : 'ltr', locale);
    }
  });
});

describe("which of a letter's values will be asked", () => {
  it('leaves out values equal to the answers and those the question would refuse', async () => {
    const application = await kindergeldApplication();
    const letter = [
      letterValue('applicant.kindergeldNumber', '215 fk 381900'),
      letterValue('applicant.taxId', '52807981360'),
      letterValue('applicant.firstName', 'Ayşe'),
      letterValue('bank.iban', 'DE00 0000 0000 0000 0000 00'),
    ];
    const offered = offerProposals(application, atLastName(application).state, letter, options);
    assert.deepEqual(
      letterValuesToAsk(
        application,
        offered.state,
        letter.map((value) => value.path),
        options,
      ),
      ['applicant.firstName'],
    );
  });

  it('names a value that differs from the answer', async () => {
    const application = await kindergeldApplication();
    const letter = [letterValue('applicant.kindergeldNumber', '215FK381902')];
    const offered = offerProposals(application, atLastName(application).state, letter, options);
    assert.deepEqual(letterValuesToAsk(application, offered.state, ['applicant.kindergeldNumber'], options), [
      'applicant.kindergeldNumber',
    ]);
  });
});
