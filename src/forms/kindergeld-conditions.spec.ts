import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { Answers } from './definition/answers.types';
import { validateAnswers } from './answers/validate-answers';
import { LoadedApplication } from './loading/loaded-definitions.types';
import { AnswerScope } from './mapping/answer-scope.util';
import { buildFillPlans } from './mapping/fill-plan.builder';

// The conditions of the real Kindergeld definitions that depend on the IBAN, through AnswerScope:
// the same evaluation decides what the chat asks and what the filler prints.

const examplesDir = resolve(__dirname, '..', '..', '..', 'forms', 'examples');
const bicField = 'topmostSubform[0].Seite1[0].Punkt-3[0].BIC[0]';

function example(name: string): Answers {
  return JSON.parse(readFileSync(resolve(examplesDir, `kindergeld-${name}.json`), 'utf8')) as Answers;
}

describe('Kindergeld conditions on the IBAN', () => {
  let application: LoadedApplication;

  before(async () => {
    application = await kindergeldApplication();
  });

  function asks(questionId: string, answers: Answers): boolean {
    return new AnswerScope(answers, '2025-11-20').isActive(application.questions.get(questionId)!.question);
  }

  describe('KG 1, Punkt 3: the BIC', () => {
    it('is asked for an IBAN from abroad only', () => {
      assert.equal(asks('bank.bic', { 'bank.iban': 'DE78370400445320130011' }), false);
      assert.equal(asks('bank.bic', { 'bank.iban': 'HR1210010051863000160' }), true);
      assert.equal(asks('bank.bic', { 'bank.iban': 'AT611904300234573201' }), true);
      assert.equal(asks('bank.bic', {}), false, 'IBAN not known ("Ich weiß es nicht")');
    });

    it('is ignored, not refused, next to a German IBAN in older answers, and printed for one from abroad', () => {
      const withBic: Answers = { ...example('yilmaz'), 'bank.bic': 'COBADEFFXXX' };
      const german = validateAnswers(application, withBic, '2026-11-30');
      assert.deepEqual(german.problems, []);
      const [kg1] = buildFillPlans(application, german.answers, { today: '2026-11-30' });
      assert.equal(
        kg1.fields.find((fill) => fill.field === bicField),
        undefined,
      );

      const abroad = validateAnswers(
        application,
        { ...withBic, 'bank.iban': 'AT61 1904 3002 3457 3201', 'bank.bic': 'BKAUATWW' },
        '2026-11-30',
      );
      assert.deepEqual(abroad.problems, []);
      const [kg1Abroad] = buildFillPlans(application, abroad.answers, { today: '2026-11-30' });
      assert.deepEqual(
        kg1Abroad.fields.find((fill) => fill.field === bicField),
        { kind: 'text', field: bicField, value: 'BKAUATWW', label: 'Punkt 3: BIC' },
      );
    });
  });
});
