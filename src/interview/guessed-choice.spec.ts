import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { handleInput, InterviewState, startInterview } from './index';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };

/** A conversation asking "Was ist Ihr Familienstand?". */
async function atMaritalStatus(locale: 'de' | 'ar' = 'de'): Promise<InterviewState> {
  const application = await kindergeldApplication();
  const started = startInterview(application, { locale, ...options });
  const consented = handleInput(
    application,
    started.state,
    { type: 'action', action: 'consent', value: 'accept' },
    options,
  );
  return {
    ...consented.state,
    phase: 'asking',
    pointer: { questionId: 'applicant.maritalStatus', item: null },
  };
}

describe('choices matched by a prefix or a typo', () => {
  it('asks "Meinten Sie »verheiratet«?" for a prefix and stores only after yes', async () => {
    const application = await kindergeldApplication();
    const guessed = handleInput(
      application,
      await atMaritalStatus(),
      { type: 'text', text: 'verhei' },
      options,
    );
    assert.equal(guessed.state.phase, 'confirming-guess');
    assert.equal(guessed.state.answers['applicant.maritalStatus'], undefined);
    assert.equal(guessed.messages[0].text, 'Meinten Sie »verheiratet«?');
    assert.deepEqual(
      guessed.messages[0].suggestions?.map((button) => button.action),
      ['yes', 'no'],
    );

    const sut = handleInput(application, guessed.state, { type: 'text', text: 'ja' }, options);
    assert.equal(sut.state.answers['applicant.maritalStatus'], 'verheiratet');
    assert.equal(sut.state.provenance['applicant.maritalStatus'].source, 'family');
    assert.equal(sut.state.guess, null);
    assert.notEqual(sut.state.pointer?.questionId, 'applicant.maritalStatus');
  });

  it('asks the question again after no to a typo, and takes a new answer typed instead of yes or no', async () => {
    const application = await kindergeldApplication();
    const guessed = handleInput(
      application,
      await atMaritalStatus(),
      { type: 'text', text: 'geschiden' },
      options,
    );
    assert.match(guessed.messages[0].text, /Meinten Sie »geschieden«\?/);
    const refused = handleInput(application, guessed.state, { type: 'action', action: 'no' }, options);
    assert.equal(refused.state.phase, 'asking');
    assert.equal(refused.state.answers['applicant.maritalStatus'], undefined);
    assert.ok(refused.messages.some((message) => message.text.includes('Was ist Ihr Familienstand?')));

    const again = handleInput(application, refused.state, { type: 'text', text: 'gesch' }, options);
    const sut = handleInput(application, again.state, { type: 'text', text: 'ledig' }, options);
    assert.equal(sut.state.answers['applicant.maritalStatus'], 'ledig');
  });

  it('stores an exact choice at once and asks right to left in Arabic', async () => {
    const application = await kindergeldApplication();
    const exact = handleInput(
      application,
      await atMaritalStatus(),
      { type: 'text', text: 'verheiratet' },
      options,
    );
    assert.equal(exact.state.answers['applicant.maritalStatus'], 'verheiratet');
    const arabic = handleInput(
      application,
      await atMaritalStatus('ar'),
      { type: 'text', text: 'verhei' },
      options,
    );
    assert.equal(arabic.messages[0].direction, 'rtl');
    assert.match(arabic.messages[0].text, /«متزوج\/متزوجة»/, 'the Arabic label of the German prefix typed');
  });
});
