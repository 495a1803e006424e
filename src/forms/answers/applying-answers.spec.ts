import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kindergeldApplication } from '../../../test/support/kindergeld-application';
import { Answers } from '../definition/answers.types';
import { applyingAnswers } from './applying-answers';

const today = '2025-11-20';

// Answers left from a married applicant after the marital status was corrected to "ledig".
const afterCorrection: Answers = {
  'applicant.maritalStatus': 'ledig',
  'applicant.livesWithOtherParent': false,
  'partner.lastName': 'Demir',
  'partner.livesAtApplicantAddress': false,
  'partner.address': 'Helmholtzstraße 9, 45143 Essen',
  'partner.consents': true,
  children: [{ 'children.firstName': 'Elif', 'children.relationToPartner': 'leiblich' }],
  'no.such.question': 'x',
};

describe('applyingAnswers', () => {
  it('leaves out answers whose question no longer applies, and those they switched on', async () => {
    const applying = applyingAnswers(await kindergeldApplication(), afterCorrection, today, {
      unknownIds: 'drop',
    });
    assert.deepEqual(applying, {
      'applicant.maritalStatus': 'ledig',
      'applicant.livesWithOtherParent': false,
      children: [{ 'children.firstName': 'Elif' }],
    });
  });

  it('keeps answers to unknown ids when asked, for validateAnswers to name them', async () => {
    const applying = applyingAnswers(await kindergeldApplication(), afterCorrection, today, {
      unknownIds: 'keep',
    });
    assert.equal(applying['no.such.question'], 'x');
    assert.equal(applying['partner.address'], undefined);
  });

  it('returns the same object when every answer applies', async () => {
    const answers: Answers = { 'applicant.maritalStatus': 'verheiratet', 'partner.lastName': 'Demir' };
    assert.equal(
      applyingAnswers(await kindergeldApplication(), answers, today, { unknownIds: 'drop' }),
      answers,
    );
  });
});
