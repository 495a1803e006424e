import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Team } from '../accounts/entities/team.entity';
import { TeamScope } from '../accounts/team-scope';
import { DataCipher } from '../privacy/data-cipher.service';
import { CaseQueuePage, CaseQueueQuery } from './case-queue.types';
import { openCaseStatuses } from './case-status.types';
import { CaseDocument } from './entities/case-document.entity';
import { Case } from './entities/case.entity';
import { familyMovedLastSql } from './queue-order.util';

/**
 * The workspace queue: a team's cases by urgency, one page at a time. Sorting and filtering run in
 * SQL on plain columns; only the names of the rows shown are decrypted.
 */
@Injectable()
export class CaseQueueRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: DataCipher,
  ) {}

  /** CASE_TEAM_LOOKUP for @CaseScoped routes: the team, null for none, undefined for no such case. */
  async findTeamOfCase(caseId: string): Promise<string | null | undefined> {
    const record = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { id: caseId }, select: { id: true, teamId: true } });
    return record ? record.teamId : undefined;
  }

  async findQueue(scope: TeamScope, query: CaseQueueQuery): Promise<CaseQueuePage> {
    const builder = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .select(['c.id', 'c.applicationId', 'c.status', 'c.teamId', 'c.familyName'])
      .addSelect(['c.nearestDeadline', 'c.assignedTo', 'c.lastActivityAt', 'c.createdAt', 'c.draftsPending'])
      .addSelect('c.unreadFamilyMessageAt')
      .addSelect(familyMovedLastSql, 'family_moved_last')
      .leftJoin(Team, 't', 't.id = c.team_id')
      .addSelect('t.name', 'team_name')
      .where(query.status ? 'c.status = :status' : 'c.status IN (:...statuses)', {
        status: query.status,
        statuses: [...openCaseStatuses],
      });
    scope.applyTo(builder, 'c.team_id');
    if (query.team === 'none') {
      builder.andWhere('c.team_id IS NULL');
    } else if (query.team) {
      builder.andWhere('c.team_id = :team', { team: query.team });
    }
    if (query.assignee === 'none') {
      builder.andWhere('c.assigned_to IS NULL');
    } else if (query.assignee) {
      builder.andWhere('c.assigned_to = :assignee', { assignee: query.assignee });
    }
    const total = await builder.clone().getCount();
    const { entities, raw } = await builder
      .orderBy('family_moved_last', 'ASC')
      .addOrderBy('c.nearest_deadline', 'ASC', 'NULLS LAST')
      .addOrderBy('c.created_at', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ family_moved_last: number | string; team_name: string | null }>();
    const forms = await this.formsOf(entities.map((record) => record.id));
    const items = entities.map((record, index) => ({
      id: record.id,
      applicationId: record.applicationId,
      status: record.status,
      teamId: record.teamId,
      familyName: this.cipher.decryptJson<string>(record.familyName, `case-family-name:${record.id}`),
      nearestDeadline: record.nearestDeadline,
      assignedTo: record.assignedTo,
      lastActivityAt: record.lastActivityAt,
      createdAt: record.createdAt,
      draftsPending: record.draftsPending,
      unreadFamilyMessageAt: record.unreadFamilyMessageAt,
      familyMovedLast: Number(raw[index]?.family_moved_last) === 0,
      forms: forms.get(record.id) ?? [],
      teamName: raw[index]?.team_name ?? null,
    }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Form titles per case, for the rows shown only. */
  private async formsOf(caseIds: string[]): Promise<Map<string, string[]>> {
    const byCase = new Map<string, string[]>();
    if (caseIds.length === 0) {
      return byCase;
    }
    const rows = await this.dataSource.getRepository(CaseDocument).find({
      where: { caseId: In(caseIds), mode: 'draft' },
      select: { caseId: true, title: true },
      order: { instanceIndex: 'ASC' },
    });
    for (const row of rows) {
      byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row.title]);
    }
    return byCase;
  }
}
