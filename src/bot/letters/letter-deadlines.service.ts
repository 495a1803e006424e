import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Case } from '../../cases/entities/case.entity';
import { DocumentAnalysisRecord } from '../../documents/document-analysis.entity';
import { StoredDocument } from '../../documents/stored-document.entity';

export interface DueReminder {
  documentId: string;
  /** Null before submission: the reminder goes to the chat the letter came in. */
  caseId: string | null;
  deadline: string;
  /** The chat language the letter was explained in. */
  locale: string;
}

/**
 * Letter deadlines and cases: the nearest deadline of a case's letters becomes the case's
 * `nearest_deadline` (the review queue sorts by it). Letters read before the case existed keep
 * their deadline with the document and count once it joins the case at submission.
 */
@Injectable()
export class LetterDeadlinesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets the case's nearest deadline from its letters when one is earlier than the stored one. */
  async applyToCase(caseId: string): Promise<string | null> {
    const row = await this.dataSource
      .createQueryBuilder()
      .select('MIN(analysis.deadline)', 'deadline')
      .from(DocumentAnalysisRecord, 'analysis')
      .innerJoin(StoredDocument, 'document', 'document.id = analysis.document_id')
      .where('document.case_id = :caseId', { caseId })
      .getRawOne<{ deadline: string | Date | null }>();
    const deadline = toIsoDate(row?.deadline ?? null);
    if (deadline) {
      await this.dataSource
        .createQueryBuilder()
        // Through the entity: `set` takes property names (a table name would not resolve them).
        .update(Case)
        .set({ nearestDeadline: deadline })
        .where('id = :caseId AND (nearest_deadline IS NULL OR nearest_deadline > :deadline)', {
          caseId,
          deadline,
        })
        .execute();
    }
    return deadline;
  }

  /** After a letter was analysed: counts at once when its document already belongs to a case. */
  async applyForDocument(documentId: string): Promise<void> {
    const document = await this.dataSource
      .getRepository(StoredDocument)
      .findOne({ where: { id: documentId }, select: { id: true, caseId: true } });
    if (document?.caseId) {
      await this.applyToCase(document.caseId);
    }
  }

  /**
   * Deadlines from `today` up to `today + daysBefore` whose family was not reminded yet and can be
   * reached: through the case, or (before submission) through the chat the letter came in.
   */
  async dueReminders(today: string, daysBefore: number): Promise<DueReminder[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select([
        'analysis.document_id AS "documentId"',
        'document.case_id AS "caseId"',
        'analysis.deadline AS "deadline"',
        'analysis.locale AS "locale"',
      ])
      .from(DocumentAnalysisRecord, 'analysis')
      .innerJoin(StoredDocument, 'document', 'document.id = analysis.document_id')
      .where('analysis.deadline >= :today AND analysis.deadline <= :last', {
        today,
        last: addDays(today, daysBefore),
      })
      .andWhere('analysis.reminded_at IS NULL')
      .andWhere('(document.case_id IS NOT NULL OR analysis.conversation_reference IS NOT NULL)')
      .orderBy('analysis.deadline', 'ASC')
      .getRawMany<{ documentId: string; caseId: string | null; deadline: string | Date; locale: string }>();
    return rows.map((row) => ({ ...row, deadline: toIsoDate(row.deadline)! }));
  }

  async markReminded(documentId: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(DocumentAnalysisRecord).update({ documentId }, { remindedAt: at });
  }
}

/** PostgreSQL returns `date` columns as text already; keep the first ten characters either way. */
function toIsoDate(value: string | Date | null): string | null {
  if (value === null) {
    return null;
  }
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
