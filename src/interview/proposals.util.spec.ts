import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { handleInput, offerProposals, PendingProposal, startInterview } from './index';
import { addProposals, sameAnswer } from './proposals.util';

const options = { today: '2025-11-20', now: '2025-11-20T10:00:00.000Z' };
const read = (path: string, value: string): PendingProposal => ({
  path,
  value,
  source: { documentId: 'letter-ocr', page: 1, confidence: 0.62 },
});

describe('sameAnswer: a letter read without accents says what the family typed', () => {
  it('ignores accents, capitals, ı and ß (what OCR with the German model loses)', () => {
    assert.ok(sameAnswer('Ayşe', 'Ayse'));
    assert.ok(sameAnswer('Yılmaz', 'Yilmaz'));
    assert.ok(sameAnswer('Yılmaz', 'YILMAZ'));
    assert.ok(sameAnswer('İpek', 'Ipek'));
    assert.ok(sameAnswer('Petrović', 'Petrovic'));
    assert.ok(sameAnswer('Čelik', 'Celik'));
    assert.ok(sameAnswer('Weiß', 'Weiss'));
    assert.ok(sameAnswer('Großstraße', 'GROSSSTRASSE'));
    assert.ok(sameAnswer('Müller', 'Muller'));
    assert.ok(sameAnswer('Ayşe  Nur', ' ayse nur '));
    // Composed and decomposed forms of the same letter.
    assert.ok(sameAnswer('Ayşe', 'Ays\u0327e'));
  });

  it('still tells different values apart', () => {
    assert.equal(sameAnswer('Ayşe', 'Aysel'), false);
    assert.equal(sameAnswer('Yılmaz', 'Yilmas'), false);
    assert.equal(sameAnswer('Müller-Lüdenscheidt', 'Müller Lüdenscheidt'), false);
    assert.equal(sameAnswer('215FK381900', '215FK381902'), false);
    assert.equal(sameAnswer(undefined, 'Ayşe'), false);
    assert.equal(sameAnswer(null, 'Ayşe'), false);
    assert.equal(sameAnswer(true, 'true'), false);
  });

  it('compares values that are no text exactly', () => {
    assert.ok(sameAnswer(true, true));
    assert.equal(sameAnswer(true, false), false);
    assert.ok(sameAnswer(3, 3));
  });
});

describe("a letter never puts the family's own spelling up for change", () => {
  it('drops a value that differs from the answer only by diacritics or case', async () => {
    const asked = startInterview(await kindergeldApplication(), { locale: 'de', ...options });
    const answered = {
      ...asked.state,
      answers: {
        'applicant.firstName': 'Ayşe',
        'applicant.lastName': 'Yılmaz',
        'applicant.street': 'Weiß-Straße',
      },
    };
    const sut = addProposals(answered, [
      read('applicant.firstName', 'Ayse'),
      read('applicant.lastName', 'YILMAZ'),
      read('applicant.street', 'Weiss-Strasse'),
      read('applicant.city', 'Frankfurt'),
    ]);
    assert.deepEqual(
      sut.proposals.map((proposal) => proposal.path),
      ['applicant.city'],
    );
  });

  it('offers nothing after "Ayse Yilmaz" was read over "Ayşe Yılmaz", and asks the open question again', async () => {
    const application = await kindergeldApplication();
    let result = startInterview(application, { locale: 'de', ...options });
    const inputs = ['nein', 'überspringen', '52807981360', 'Yılmaz', 'Ayşe'];
    result = handleInput(
      application,
      result.state,
      { type: 'action', action: 'consent', value: 'accept' },
      options,
    );
    for (const text of inputs) {
      result = handleInput(application, result.state, { type: 'text', text }, options);
    }
    assert.equal(result.state.pointer?.questionId, 'applicant.title');
    const sut = offerProposals(
      application,
      result.state,
      [read('applicant.firstName', 'Ayse'), read('applicant.lastName', 'Yilmaz')],
      options,
    );
    assert.deepEqual(sut.state.proposals, []);
    assert.equal(sut.state.phase, 'asking');
    assert.deepEqual(
      sut.messages.map((message) => message.text),
      ['Haben Sie einen Doktortitel?'],
    );
    assert.equal(sut.state.answers['applicant.firstName'], 'Ayşe');
    assert.equal(sut.state.answers['applicant.lastName'], 'Yılmaz');
  });
});
