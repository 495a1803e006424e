import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AppConfig } from '../../config/app-config';
import type { BotClock } from '../bot-clock';
import type { DueReminder, LetterDeadlinesService } from './letter-deadlines.service';
import type { LetterReminderSender } from './letter-reminder-sender.service';
import { LetterReminderService } from './letter-reminder.service';

/** Deadlines kept in memory with the same window rule as the SQL query. */
class FakeDeadlines {
  reminded = new Set<string>();
  constructor(private readonly rows: DueReminder[]) {}
  dueReminders(today: string, daysBefore: number): Promise<DueReminder[]> {
    const last = new Date(`${today}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + daysBefore);
    const lastDay = last.toISOString().slice(0, 10);
    return Promise.resolve(
      this.rows.filter(
        (row) => row.deadline >= today && row.deadline <= lastDay && !this.reminded.has(row.documentId),
      ),
    );
  }
  markReminded(documentId: string): Promise<void> {
    this.reminded.add(documentId);
    return Promise.resolve();
  }
}

function setUp(failFirst = false) {
  const deadlines = new FakeDeadlines([
    { documentId: 'doc-1', caseId: 'case-1', deadline: '2026-02-19', locale: 'de' },
  ]);
  const sent: string[] = [];
  let failures = failFirst ? 1 : 0;
  const sender = {
    send: (reminder: DueReminder) => {
      if (failures-- > 0) {
        return Promise.reject(new Error('gateway down'));
      }
      sent.push(`${reminder.caseId}:${reminder.deadline}`);
      return Promise.resolve();
    },
  };
  const clock: BotClock = { now: () => new Date('2026-02-10T08:00:00Z') };
  const sut = new LetterReminderService(
    deadlines as unknown as LetterDeadlinesService,
    sender as unknown as LetterReminderSender,
    { REMINDER_DAYS_BEFORE: 3 } as AppConfig,
    clock,
  );
  return { sut, sent };
}

describe('LetterReminderService', () => {
  it('reminds once, REMINDER_DAYS_BEFORE days before the deadline', async () => {
    const { sut, sent } = setUp();
    assert.equal(await sut.run(new Date('2026-02-15T08:00:00Z')), 0, 'four days before: too early');
    assert.equal(await sut.run(new Date('2026-02-16T08:00:00Z')), 1, 'three days before');
    assert.deepEqual(sent, ['case-1:2026-02-19']);
    assert.equal(await sut.run(new Date('2026-02-16T09:00:00Z')), 0, 'the next hour: not again');
    assert.equal(await sut.run(new Date('2026-02-18T09:00:00Z')), 0);
  });

  it('tries again the next hour when the message could not be sent', async () => {
    const { sut, sent } = setUp(true);
    assert.equal(await sut.run(new Date('2026-02-17T08:00:00Z')), 0);
    assert.equal(await sut.run(new Date('2026-02-17T09:00:00Z')), 1);
    assert.equal(sent.length, 1);
  });

  it('uses the German calendar day (late evening UTC is already the next day in Berlin)', async () => {
    const { sut } = setUp();
    assert.equal(await sut.run(new Date('2026-02-15T23:30:00Z')), 1);
  });
});
