import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, string | number | boolean>;
}

/** What the admin's audit view filters by; every field is optional. */
export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  actor?: string;
  action?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /** Records the entry; with `manager`, in that transaction (committed, or rolled back, with it). */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    const events = manager ? manager.getRepository(AuditEvent) : this.events;
    return events.save(events.create({ ...entry, details: entry.details ?? null }));
  }

  findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { subjectType, subjectId }, order: { occurredAt: 'ASC' } });
  }

  /** Newest first, one page (1-based). */
  async search(filter: AuditFilter, page = 1, pageSize = 50): Promise<AuditPage> {
    const [items, total] = await this.filtered(filter)
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items, total, page, pageSize };
  }

  /** Oldest first, in batches, so an export of a year does not sit in memory at once. */
  async *stream(filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditEvent> {
    for (let offset = 0; ; offset += batchSize) {
      const batch = await this.filtered(filter)
        .orderBy('e.occurred_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .skip(offset)
        .take(batchSize)
        .getMany();
      yield* batch;
      if (batch.length < batchSize) {
        return;
      }
    }
  }

  private filtered(filter: AuditFilter): SelectQueryBuilder<AuditEvent> {
    const query = this.events.createQueryBuilder('e');
    if (filter.subjectType !== undefined) {
      query.andWhere('e.subject_type = :subjectType', { subjectType: filter.subjectType });
    }
    if (filter.subjectId !== undefined) {
      query.andWhere('e.subject_id = :subjectId', { subjectId: filter.subjectId });
    }
    if (filter.actor !== undefined) {
      query.andWhere('e.actor = :actor', { actor: filter.actor });
    }
    if (filter.action !== undefined) {
      query.andWhere('e.action = :action', { action: filter.action });
    }
    if (filter.from !== undefined) {
      query.andWhere('e.occurred_at >= :from', { from: filter.from });
    }
    if (filter.to !== undefined) {
      query.andWhere('e.occurred_at < :to', { to: filter.to });
    }
    return query;
  }
}
