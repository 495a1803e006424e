import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { Answers, RepeatItemAnswers } from './definition/answers.types';
import { validateAnswers } from './answers/validate-answers';
import { LoadedApplication } from './loading/loaded-definitions.types';
import { AnswerScope } from './mapping/answer-scope.util';
import { buildFillPlans } from './mapping/fill-plan.builder';

// The conditions of the real Kindergeld definitions that depend on dates and on the IBAN, through
// AnswerScope: the same evaluation decides what the chat asks and what the filler prints.

const examplesDir = resolve(__dirname, '..', '..', '..', 'forms', 'examples');
const bicField = 'topmostSubform[0].Seite1[0].Punkt-3[0].BIC[0]';
const adultTest =
  'age(children.birthDate, date("today+3m")) >= 18 or (not answered(children.birthDate) and children.isAdult == true)';

function example(name: string): Answers {
  return JSON.parse(readFileSync(resolve(examplesDir, `kindergeld-${name}.json`), 'utf8')) as Answers;
}

describe('Kindergeld conditions on dates and the IBAN', () => {
  let application: LoadedApplication;

  before(async () => {
    application = await kindergeldApplication();
  });

  /** Whether a child's question is asked (and printed) for these item answers on that day. */
  function childAsks(questionId: string, child: RepeatItemAnswers, today: string): boolean {
    const scope = new AnswerScope({ children: [child] }, today).forItem('children', 0, child);
    return scope.isActive(application.questions.get(questionId)!.question);
  }

  function asks(questionId: string, answers: Answers): boolean {
    return new AnswerScope(answers, '2025-11-20').isActive(application.questions.get(questionId)!.question);
  }

  describe('Anlage Kind, Punkt 3 (child of age, or 18 "in Kürze")', () => {
    const today = '2025-11-20';
    const born = (birthDate: string) => ({ 'children.birthDate': birthDate });

    it('does not ask "Ist Ihr Kind schon 18?" when the birth date is known', () => {
      for (const birthDate of ['2019-04-02', '2008-02-21', '2008-02-20', '2007-11-20', '2001-01-01']) {
        assert.equal(childAsks('children.isAdult', born(birthDate), today), false, birthDate);
      }
    });

    it('leaves out Punkt 3 and the Titel for a child who turns 18 later than three months from now', () => {
      for (const birthDate of ['2019-04-02', '2008-07-01', '2008-02-21']) {
        assert.equal(childAsks('children.adultProof', born(birthDate), today), false, birthDate);
        assert.equal(childAsks('children.inTraining', born(birthDate), today), false, birthDate);
        assert.equal(childAsks('children.title', born(birthDate), today), false, birthDate);
      }
    });

    it('asks Punkt 3 for a child who turns 18 within three months, is 18 today or older', () => {
      // 2008-02-20: the 18th birthday is three months from today, the last day that counts.
      for (const birthDate of ['2008-02-20', '2008-01-15', '2007-11-20', '2001-01-01']) {
        assert.equal(childAsks('children.adultProof', born(birthDate), today), true, birthDate);
        assert.equal(childAsks('children.disabilityBefore25', born(birthDate), today), true, birthDate);
        assert.equal(childAsks('children.title', born(birthDate), today), true, birthDate);
      }
    });

    it('counts a birthday on 29 February as 1 March in other years', () => {
      // Three months after 30 November 2025 is 28 February 2026: born 29 February 2008, the child
      // is 18 only on 1 March.
      assert.equal(childAsks('children.adultProof', born('2008-02-29'), '2025-11-30'), false);
      assert.equal(childAsks('children.adultProof', born('2008-02-28'), '2025-11-30'), true);
      assert.equal(childAsks('children.adultProof', born('2008-02-29'), '2025-12-01'), true);
    });

    it('follows the day: the same child gets Punkt 3 once its 18th birthday is near', () => {
      assert.equal(childAsks('children.adultProof', born('2008-05-10'), '2026-02-09'), false);
      assert.equal(childAsks('children.adultProof', born('2008-05-10'), '2026-02-10'), true);
    });

    it('asks the question instead when the birth date is missing, and only then counts its answer', () => {
      assert.equal(childAsks('children.isAdult', {}, today), true);
      assert.equal(childAsks('children.adultProof', {}, today), false, 'not yet answered');
      assert.equal(childAsks('children.adultProof', { 'children.isAdult': true }, today), true);
      assert.equal(childAsks('children.adultProof', { 'children.isAdult': false }, today), false);
      assert.equal(
        childAsks('children.trainingName', { 'children.isAdult': true, 'children.inTraining': true }, today),
        true,
      );
      // An answer from before the birth date was known does not outvote it.
      assert.equal(
        childAsks('children.adultProof', { ...born('2015-01-01'), 'children.isAdult': true }, today),
        false,
      );
      assert.equal(
        childAsks('children.adultProof', { ...born('2001-01-01'), 'children.isAdult': false }, today),
        true,
      );
    });

    it('uses one test for every question of Punkt 3 and the Titel, so none drifts', () => {
      const anlage = application.forms.find((form) => form.definition.id === 'kg1-anlage-kind')!.definition;
      const punkt3 = anlage.sections.find((section) => section.pdfLabel === 'Punkt 3')!.questions;
      const guarded = [...punkt3, application.questions.get('children.title')!.question];
      assert.ok(guarded.length > 30);
      for (const question of guarded) {
        const when = (question.when ?? '').replace(/\s+/g, ' ');
        assert.ok(when === adultTest || when.startsWith(`(${adultTest}) and `), `${question.id}: ${when}`);
      }
    });
  });

  describe('answers checked later than they were given', () => {
    // Luka, born 25.02.2008: on 20.11.2025 his 18th birthday is more than three months away, so the
    // chat asks no Punkt 3; by 30.11.2025 it is within three months.
    const punkt3 = (answers: Answers): Answers => {
      const [luka, ...others] = answers.children as RepeatItemAnswers[];
      const young = Object.fromEntries(
        Object.entries(luka).filter(([id]) => {
          const question = application.questions.get(id)!;
          return question.section.pdfLabel !== 'Punkt 3' && id !== 'children.title';
        }),
      );
      return { ...answers, children: [{ ...young, 'children.birthDate': '2008-02-25' }, ...others] };
    };

    it('refuses them by today alone: Punkt 3 is now missing', () => {
      const { problems } = validateAnswers(application, punkt3(example('petrovic')), '2025-11-30');
      assert.ok(
        problems.some((problem) => problem.questionId === 'children.adultProof' && problem.item === 0),
      );
      assert.ok(problems.every((problem) => problem.code === 'REQUIRED'));
    });

    it('accepts a question left unanswered that was not asked on the day of the answers', () => {
      const answers = punkt3(example('petrovic'));
      assert.deepEqual(
        validateAnswers(application, answers, '2025-11-30', { answeredOn: '2025-11-20' }).problems,
        [],
      );
      // Still refused: a wrong answer, and a missing one the family was asked.
      const wrong = validateAnswers(application, { ...answers, 'bank.iban': 'DE00' }, '2025-11-30', {
        answeredOn: '2025-11-20',
      });
      assert.deepEqual(
        wrong.problems.map((problem) => problem.questionId),
        ['bank.iban'],
      );
      const withoutName = { ...answers };
      delete withoutName['applicant.lastName'];
      const missing = validateAnswers(application, withoutName, '2025-11-30', { answeredOn: '2025-11-20' });
      assert.deepEqual(
        missing.problems.map((problem) => [problem.questionId, problem.code]),
        [['applicant.lastName', 'REQUIRED']],
      );
    });
  });

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
