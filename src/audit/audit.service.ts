import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, string | number | boolean>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(entry: AuditEntry): Promise<AuditEvent> {
    return this.events.save(this.events.create({ ...entry, details: entry.details ?? null }));
  }

  findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.events.find({ where: { subjectType, subjectId }, order: { occurredAt: 'ASC' } });
  }
}
