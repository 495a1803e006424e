import { AuditEvent } from './audit-event.entity';

export const auditCsvHeader = 'occurred_at,actor,action,subject_type,subject_id,details\r\n';

/**
 * One CSV line (RFC 4180, CRLF). Cells that a spreadsheet would run as a formula (=, +, -, @)
 * get a leading apostrophe: the export is opened in Excel or LibreOffice by admins.
 */
export function auditCsvLine(event: AuditEvent): string {
  const cells = [
    event.occurredAt.toISOString(),
    event.actor,
    event.action,
    event.subjectType,
    event.subjectId,
    event.details ? JSON.stringify(event.details) : '',
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
