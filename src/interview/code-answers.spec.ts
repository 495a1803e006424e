import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { Answers } from '../forms/definition/answers.types';
import { EngineResult, handleInput, InterviewState, startInterview } from './index';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };

/** The chat asks `questionId` after consent, with `answers` given before. */
async function typedAt(questionId: string, answers: Answers, text: string): Promise<EngineResult> {
  const application = await kindergeldApplication();
  const started = startInterview(application, { locale: 'de', ...options });
  const consented = handleInput(
    application,
    started.state,
    { type: 'action', action: 'consent', value: 'accept' },
    options,
  );
  const asking: InterviewState = {
    ...consented.state,
    answers: { ...consented.state.answers, ...answers },
    phase: 'asking',
    pointer: { questionId, item: null },
  };
  return handleInput(application, asking, { type: 'text', text }, options);
}

const abroad = { 'bank.iban': 'AT611904300234573201' };

describe('codes typed in lower case or in groups', () => {
  for (const typed of [
    'cobadeffxxx',
    'COBA DE FF XXX',
    'coba de ff xxx',
    'BIC: cobadeffxxx',
    'Coba-De-FF-xxx',
  ]) {
    it(`stores the BIC ${JSON.stringify(typed)} as COBADEFFXXX`, async () => {
      const sut = await typedAt('bank.bic', abroad, typed);
      assert.equal(sut.state.answers['bank.bic'], 'COBADEFFXXX');
      assert.notEqual(sut.state.pointer?.questionId, 'bank.bic');
    });
  }

  it('stores an eight-character BIC typed in lower case in capitals', async () => {
    const sut = await typedAt('bank.bic', abroad, 'bkauatww');
    assert.equal(sut.state.answers['bank.bic'], 'BKAUATWW');
  });

  it('refuses a BIC that is no BIC in any spelling with the kind message and asks again', async () => {
    const sut = await typedAt('bank.bic', abroad, 'coba de');
    assert.equal(sut.state.answers['bank.bic'], undefined);
    assert.equal(sut.state.pointer?.questionId, 'bank.bic');
    const said = sut.messages.map((message) => message.text).join('\n');
    assert.match(said, /Die Angabe hat nicht die richtige Form\. Bitte prüfen Sie sie\./);
    assert.match(said, /Wie ist die BIC von Ihrer Bank\?/);
  });

  it('stores a Kindergeldnummer typed in groups and lower case in its printed form', async () => {
    const sut = await typedAt(
      'applicant.kindergeldNumber',
      { 'applicant.hasKindergeldNumber': true },
      '215 fk 381902',
    );
    assert.equal(sut.state.answers['applicant.kindergeldNumber'], '215FK381902');
  });

  it('keeps the case and spaces of text without a pattern', async () => {
    const sut = await typedAt('applicant.lastName', {}, 'van der  Berg');
    assert.equal(sut.state.answers['applicant.lastName'], 'van der Berg');
  });
});
