import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineAfterDelivery, deliveryDate, periodEnd } from './delivery-rule';

describe('deliveryDate (Bekanntgabefiktion)', () => {
  const cases = [
    { posted: '2026-11-02', regime: 'sgb-x', expected: '2026-11-06', why: 'Monday + 4 days = Friday' },
    {
      posted: '2026-11-04',
      regime: 'sgb-x',
      expected: '2026-11-08',
      why: 'SGB X: the fourth day counts even on a Sunday (BSG B 14 AS 12/09 R)',
    },
    {
      posted: '2026-11-04',
      regime: 'ao',
      expected: '2026-11-09',
      why: 'AO: a Sunday moves to Monday (§ 108 Abs. 3 AO, BFH IX R 68/98)',
    },
    { posted: '2026-06-09', regime: 'ao', expected: '2026-06-15', why: 'AO: Saturday moves to Monday' },
    {
      posted: '2026-12-21',
      regime: 'ao',
      expected: '2026-12-28',
      why: 'AO: Christmas Day, Boxing Day and Sunday are skipped',
    },
    { posted: '2024-12-30', regime: 'sgb-x', expected: '2025-01-02', why: 'posted before 2025: three days' },
    {
      posted: '2007-09-26',
      regime: 'sgb-x',
      expected: '2007-09-29',
      why: 'the BSG case: third day a Saturday, no shift',
    },
  ] as const;
  for (const { posted, regime, expected, why } of cases) {
    it(`${posted} (${regime}) -> ${expected}: ${why}`, () => {
      assert.equal(deliveryDate(posted, regime), expected);
    });
  }
});

describe('periodEnd (§§ 187, 188, 193 BGB; § 26 SGB X; § 108 AO)', () => {
  const cases = [
    {
      event: '2026-11-06',
      period: { count: 1, unit: 'month' },
      expected: '2026-12-07',
      why: '06.12. is a Sunday',
    },
    {
      event: '2026-11-05',
      period: { count: 1, unit: 'month' },
      expected: '2026-12-07',
      why: '05.12. is a Saturday',
    },
    {
      event: '2026-01-31',
      period: { count: 1, unit: 'month' },
      expected: '2026-03-02',
      why: 'no 31.02.: last day of February (Saturday) -> Monday',
    },
    {
      event: '2026-03-20',
      period: { count: 2, unit: 'week' },
      expected: '2026-04-07',
      why: 'Good Friday, weekend and Easter Monday are skipped',
    },
    {
      event: '2026-11-25',
      period: { count: 1, unit: 'month' },
      expected: '2026-12-28',
      why: 'Christmas Day, Boxing Day and Sunday',
    },
    {
      event: '2026-06-10',
      period: { count: 14, unit: 'day' },
      expected: '2026-06-24',
      why: '14 days, a Wednesday',
    },
    {
      event: '2007-09-29',
      period: { count: 1, unit: 'month' },
      expected: '2007-10-29',
      why: 'the BSG case: the month ended on Monday 29.10.2007',
    },
  ] as const;
  for (const { event, period, expected, why } of cases) {
    it(`${event} + ${period.count} ${period.unit} -> ${expected}: ${why}`, () => {
      assert.equal(periodEnd(event, period), expected);
    });
  }

  it('counts a month for a Wohngeld letter dated Monday 02.11.2026 to Monday 07.12.2026', () => {
    assert.equal(deadlineAfterDelivery('2026-11-02', { count: 1, unit: 'month' }, 'sgb-x'), '2026-12-07');
  });
});
