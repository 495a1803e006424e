import { Injectable } from '@nestjs/common';
import { AuditFilter, AuditPage, AuditService } from '../../audit/audit.service';
import { auditCsvHeader, auditCsvLine } from '../../audit/audit-csv.util';

/** The admin's view of the audit log; looking at it or exporting it is itself audited. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditService) {}

  async view(filter: AuditFilter, page: number, pageSize: number, actor: string): Promise<AuditPage> {
    await this.audit.record({
      actor,
      action: 'audit.viewed',
      subjectType: 'audit',
      subjectId: '*',
      details: { page },
    });
    return this.audit.search(filter, page, pageSize);
  }

  /** CSV lines, header first; recorded before the first line leaves. */
  async *exportCsv(filter: AuditFilter, actor: string): AsyncGenerator<string> {
    await this.audit.record({ actor, action: 'audit.exported', subjectType: 'audit', subjectId: '*' });
    yield auditCsvHeader;
    for await (const event of this.audit.stream(filter)) {
      yield auditCsvLine(event);
    }
  }
}
