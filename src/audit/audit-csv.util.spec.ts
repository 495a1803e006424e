import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuditEvent } from './audit-event.entity';
import { auditCsvLine } from './audit-csv.util';

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return Object.assign(new AuditEvent(), {
    id: 'e1',
    occurredAt: new Date('2025-03-03T08:00:00.000Z'),
    actor: 'user:abc',
    action: 'case.viewed',
    subjectType: 'case',
    subjectId: 'c1',
    details: null,
    ...overrides,
  });
}

describe('auditCsvLine', () => {
  it('writes one CRLF line with ISO time and JSON details quoted', () => {
    assert.equal(
      auditCsvLine(event({ details: { changed: 'role,team' } })),
      '2025-03-03T08:00:00.000Z,user:abc,case.viewed,case,c1,"{""changed"":""role,team""}"\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const line = auditCsvLine(event({ subjectId: '=HYPERLINK("http://x")', actor: '+1', action: '@sum' }));
    assert.equal(line, `2025-03-03T08:00:00.000Z,'+1,'@sum,case,"'=HYPERLINK(""http://x"")",\r\n`);
  });
});
