import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kindergeldApplication } from '../../test/support/kindergeld-application';
import { Answers } from '../forms/definition/answers.types';
import { pathOfRow, toAnswerRows } from './case-answer-rows.util';
import { CaseAnswerView } from './cases.types';
import { caseQuestions } from './open-questions.util';

function yilmaz(): Answers {
  return JSON.parse(
    readFileSync(join(__dirname, '../../../forms/examples/kindergeld-yilmaz.json'), 'utf8'),
  ) as Answers;
}

/** The invented Yılmaz family, with Zeynep born so that she turns 18 on 2026-03-10. */
function rowsAnsweredOn(day: string, example = yilmaz()): CaseAnswerView[] {
  const children = (example.children as Answers[]).map((child, index) =>
    index === 0 ? { ...child, 'children.birthDate': '2008-03-10' } : child,
  );
  const answers: Answers = { ...example, children };
  return toAnswerRows(answers, {}, []).map((row, index) => ({
    id: `row-${index}`,
    path: pathOfRow(row),
    questionId: row.questionId,
    groupId: row.groupId,
    itemIndex: row.itemIndex,
    value: row.value ?? null,
    markedUnknown: row.markedUnknown,
    source: 'family',
    sourceDocumentId: null,
    sourcePage: null,
    sourceBox: null,
    sourceConfidence: null,
    givenBy: 'family',
    givenAt: new Date(`${day}T10:00:00.000Z`),
  }));
}

describe('caseQuestions', () => {
  it('does not ask for a question that only a date switched on after the family answered', async () => {
    const application = await kindergeldApplication();
    const paths = (open: { path: string }[]) => open.map((question) => question.path);
    const rows = rowsAnsweredOn('2025-11-01');

    // Answered on 2025-11-01 (Zeynep 18 in more than three months), looked at on 2026-01-15 (within
    // three): open is what was open on the day of answering, no Punkt 3 question.
    const later = caseQuestions(application, rows, '2026-01-15');
    assert.deepEqual(paths(later.open), paths(caseQuestions(application, rows, '2025-11-01').open));

    // Answered on the day Punkt 3 applies: its questions are open, so the rule is what hides them.
    const sameDay = caseQuestions(application, rowsAnsweredOn('2026-01-15'), '2026-01-15');
    const added = paths(sameDay.open).filter((path) => !paths(later.open).includes(path));
    assert.ok(added.length > 0 && added.every((path) => path.startsWith('children[0].')), added.join());
  });

  it('offers one more item for each repeat group that applies, after its last item', async () => {
    const application = await kindergeldApplication();
    const example = yilmaz();
    const receiving = example.receivingChildren as Answers[];
    const { addable, open } = caseQuestions(
      application,
      rowsAnsweredOn('2025-11-01', { ...example, receivingChildren: receiving.slice(0, 2) }),
      '2025-11-01',
    );
    // The new items are offered, not open: "noch ein Kind?" is not a missing answer.
    assert.ok(!open.some(({ path }) => /^(children\[1\]|receivingChildren\[2\])/.test(path)));
    // One child applied for, two the family already gets Kindergeld for; otherChildren does not apply.
    assert.deepEqual(
      addable.map(({ group, item, questions }) => [group.question.id, item, questions.map((q) => q.path)]),
      [
        [
          'children',
          1,
          [
            'children[1].children.firstName',
            'children[1].children.lastName',
            'children[1].children.birthDate',
          ],
        ],
        [
          'receivingChildren',
          2,
          ['name', 'birthDate', 'sex', 'familienkasse'].map(
            (id) => `receivingChildren[2].receivingChildren.${id}`,
          ),
        ],
      ],
    );
    assert.ok(addable.every(({ questions }) => questions.every(({ item }) => item === questions[0].item)));
  });

  it('offers no further item once a group holds its maximum', async () => {
    const application = await kindergeldApplication();
    const example = yilmaz();
    const receiving = example.receivingChildren as Answers[];
    const full = Array.from({ length: 15 }, () => receiving[0]);
    const { addable } = caseQuestions(
      application,
      rowsAnsweredOn('2025-11-01', { ...example, receivingChildren: full }),
      '2025-11-01',
    );
    assert.deepEqual(
      addable.map(({ group }) => group.question.id),
      ['children'],
    );
  });
});
