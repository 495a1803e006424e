import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Answers } from '../forms/definition/answers.types';
import { AnswerProvenance } from '../interview/interview-state.types';
import { answeredOnOf, answersFromRows, isGroupRow, pathOfRow, toAnswerRows } from './case-answer-rows.util';

const at = '2025-11-20T10:00:00.000Z';
const family: AnswerProvenance = { source: 'family', at };
const letter: AnswerProvenance = {
  source: 'letter',
  at,
  documentId: 'letter-1',
  page: 2,
  box: { x: 120, y: 80, width: 160, height: 18 },
  confidence: 0.93,
};

const answers: Answers = {
  'applicant.lastName': 'Yılmaz',
  'applicant.kindergeldNumber': '215FK381902',
  'applicant.title': null,
  'applicant.employed': false,
  children: [
    { 'children.firstName': 'Elif', 'children.birthDate': '2019-04-02' },
    { 'children.firstName': 'Can', 'children.birthDate': '2025-08-03' },
  ],
  previousPartners: [],
};
const provenance = {
  'applicant.lastName': family,
  'applicant.kindergeldNumber': letter,
  'children[0].children.firstName': family,
  'children[1].children.birthDate': { ...letter, page: 1 },
};

describe('toAnswerRows / answersFromRows', () => {
  it('round-trips answers with repeat items, empty groups, null and false', () => {
    const rows = toAnswerRows(answers, provenance, []);

    assert.deepEqual(answersFromRows(rows), answers);
  });

  it('keeps the provenance of each value, from the family or from a letter', () => {
    const rows = toAnswerRows(answers, provenance, []);
    const byPath = new Map(rows.filter((row) => !isGroupRow(row)).map((row) => [pathOfRow(row), row]));

    assert.deepEqual(byPath.get('applicant.kindergeldNumber')!.provenance, letter);
    assert.deepEqual(byPath.get('applicant.lastName')!.provenance, family);
    assert.deepEqual(byPath.get('children[1].children.birthDate')!.provenance, { ...letter, page: 1 });
    assert.equal(byPath.get('children[0].children.birthDate')!.provenance, null);
    const child = byPath.get('children[1].children.firstName')!;
    assert.deepEqual(
      [child.questionId, child.groupId, child.itemIndex, child.value],
      ['children.firstName', 'children', 1, 'Can'],
    );
  });

  it('stores a repeat group as one row with its number of items', () => {
    const rows = toAnswerRows(answers, provenance, []);
    const groups = rows.filter(isGroupRow).map((row) => [row.questionId, row.value]);

    assert.deepEqual(groups, [
      ['children', 2],
      ['previousPartners', 0],
    ]);
  });

  it('marks "Ich weiß es nicht" answers without value and leaves them out again on the way back', () => {
    const withUnknown: Answers = {
      ...answers,
      children: [{ 'children.firstName': 'Elif' }, { 'children.firstName': 'Can' }, {}],
    };
    const unknown = ['applicant.taxId', 'children[0].children.birthDate', 'children[2].children.firstName'];
    const rows = toAnswerRows(withUnknown, { ...provenance, 'applicant.taxId': family }, unknown);
    const marked = rows.filter((row) => row.markedUnknown);

    assert.deepEqual(marked.map(pathOfRow).sort(), [...unknown].sort());
    assert.ok(marked.every((row) => row.value === null));
    assert.deepEqual(marked.find((row) => row.questionId === 'applicant.taxId')!.provenance, family);
    // The third child exists (the family said it has one) but has no name yet.
    assert.deepEqual(answersFromRows(rows), withUnknown);
  });

  it('builds repeat items from rows in any order', () => {
    const rows = toAnswerRows(answers, provenance, []).reverse();

    assert.deepEqual(answersFromRows(rows), answers);
  });

  it("dates the answers by the family's last one (German day), not by the Kümmerer or the submission", () => {
    const row = (
      source: 'family' | 'letter' | 'kuemmerer',
      givenAt: string,
      extra: { questionId?: string; groupId?: string; markedUnknown?: boolean } = {},
    ) => ({
      questionId: extra.questionId ?? 'applicant.lastName',
      groupId: extra.groupId ?? null,
      itemIndex: null,
      markedUnknown: extra.markedUnknown ?? false,
      source,
      givenAt: new Date(givenAt),
    });
    assert.equal(
      answeredOnOf([
        row('family', '2025-11-18T09:00:00.000Z'),
        row('letter', '2025-11-20T22:30:00.000Z'), // 23:30 in Berlin: still the 20th
        row('kuemmerer', '2025-12-03T10:00:00.000Z'),
        // Written by the submission itself: a group's item count and an "Ich weiß es nicht" mark.
        row('family', '2025-12-04T10:00:00.000Z', { questionId: 'children', groupId: 'children' }),
        row('family', '2025-12-04T10:00:00.000Z', { markedUnknown: true }),
      ]),
      '2025-11-20',
    );
    assert.equal(answeredOnOf([row('family', '2025-11-20T23:30:00.000Z')]), '2025-11-21');
    assert.equal(answeredOnOf([row('kuemmerer', '2025-12-03T10:00:00.000Z')]), undefined);
    assert.equal(answeredOnOf([]), undefined);
  });
});
