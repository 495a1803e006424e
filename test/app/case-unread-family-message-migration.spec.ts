import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CaseUnreadFamilyMessage1796610000000 } from '../../src/database/migrations/1796610000000-case-unread-family-message';
import { openTestDatabase, TestDatabase } from '../support/test-database';

// Cases the old queue rule had at the top for a family reply keep their place after the upgrade.
describe('migration: unread family messages', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('marks as unread the cases in review whose newest status change the family made, and no others', async () => {
    const runner = database.dataSource.createQueryRunner();
    const migration = new CaseUnreadFamilyMessage1796610000000();
    await migration.down(runner);
    const insertCase = (id: string, status: string) =>
      runner.query(
        `INSERT INTO cases (id, application_id, status, family_name, last_activity_at) VALUES (?, 'kindergeld', ?, 'x', '2030-05-04 10:00:00.000')`,
        [id, status],
      );
    const change = (caseId: string, to: string, by: string, at: string) =>
      runner.query(
        `INSERT INTO case_status_changes (id, case_id, from_status, to_status, changed_by, changed_at) VALUES (?, ?, NULL, ?, ?, ?)`,
        [randomUUID(), caseId, to, by, at],
      );
    const replied = '00000000-0000-4000-8000-000000000001';
    const taken = '00000000-0000-4000-8000-000000000002';
    const fresh = '00000000-0000-4000-8000-000000000003';
    await insertCase(replied, 'in_review');
    await change(replied, 'waiting_for_family', 'user:1', '2030-05-04 09:00:01.000');
    await change(replied, 'in_review', 'family', '2030-05-04 09:00:02.000');
    await insertCase(taken, 'in_review');
    await change(taken, 'submitted', 'family', '2030-05-04 09:00:01.000');
    await change(taken, 'in_review', 'user:1', '2030-05-04 09:00:02.000');
    await insertCase(fresh, 'submitted');
    await change(fresh, 'submitted', 'family', '2030-05-04 09:00:01.000');

    await migration.up(runner);
    const rows = (await runner.query(
      `SELECT id, unread_family_message_at AS unread FROM cases ORDER BY id`,
    )) as Array<{ id: string; unread: string | null }>;
    await runner.release();
    assert.deepEqual(
      rows.map((row) => [row.id, row.unread]),
      [
        [replied, '2030-05-04 10:00:00.000'],
        [taken, null],
        [fresh, null],
      ],
    );
  });
});
