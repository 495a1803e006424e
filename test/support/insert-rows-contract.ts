import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { CaseAnswer } from '../../src/cases/entities/case-answer.entity';
import { insertRows } from '../../src/database/insert-rows.util';
import { insertTestCase } from './case-document-rows';
import type { TestDatabase } from './test-database';

function answer(caseId: string, index: number): CaseAnswer {
  return Object.assign(new CaseAnswer(), {
    id: randomUUID(),
    caseId,
    questionId: `q${index}`,
    groupId: index % 2 ? 'children' : null,
    itemIndex: index % 2 ? index : null,
    value: `sealed-${index}`,
    markedUnknown: index % 3 === 0,
    source: index % 4 === 0 ? 'letter' : 'family',
    sourceDocumentId: null,
    sourcePage: index % 4 === 0 ? 1 : null,
    sourceBox: index % 4 === 0 ? '10,20,30,40' : null,
    sourceConfidence: index % 4 === 0 ? 0.93 : null,
    givenBy: 'family',
    givenAt: new Date(Date.UTC(2026, 10, 30, 9, 45, 12, index)),
    supersededAt: index === 5 ? new Date(Date.UTC(2026, 11, 1, 8, 0, 0, 250)) : null,
  });
}

/** insertRows stores exactly what TypeORM's own insert() stores, on SQLite and on PostgreSQL. */
export function insertRowsContract(database: () => TestDatabase): void {
  it("stores many rows in several statements, read back exactly as TypeORM's insert stores them", async () => {
    const { dataSource } = database();
    const caseIds = [await insertTestCase(dataSource), await insertTestCase(dataSource)];
    const ours = Array.from({ length: 120 }, (_, index) => answer(caseIds[0], index));
    const theirs = ours.map((row) => ({ ...row, id: randomUUID(), caseId: caseIds[1] }));

    await insertRows(dataSource.manager, CaseAnswer, ours, { rowsPerStatement: 50 });
    await dataSource.getRepository(CaseAnswer).insert(theirs);

    const read = async (caseId: string) =>
      (
        await dataSource.getRepository(CaseAnswer).find({ where: { caseId }, order: { questionId: 'ASC' } })
      ).map(({ id: _id, caseId: _case, ...rest }) => rest);
    const stored = await read(caseIds[0]);
    assert.equal(stored.length, 120);
    assert.deepEqual(stored, await read(caseIds[1]));
    const fifth = stored.find((row) => row.questionId === 'q5');
    assert.deepEqual(
      [
        fifth?.givenAt.toISOString(),
        fifth?.supersededAt?.toISOString(),
        fifth?.markedUnknown,
        fifth?.itemIndex,
      ],
      ['2026-11-30T09:45:12.005Z', '2026-12-01T08:00:00.250Z', false, 5],
    );
  });

  it('stores nothing for no rows and refuses rows that leave out a column the first row gives', async () => {
    const { dataSource } = database();
    await insertRows(dataSource.manager, CaseAnswer, []);
    const first = answer(randomUUID(), 1);
    const second = { ...answer(first.caseId, 2), givenBy: undefined } as unknown as CaseAnswer;

    await assert.rejects(insertRows(dataSource.manager, CaseAnswer, [first, second]), /givenBy/);
  });
}
