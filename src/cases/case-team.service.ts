import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Team } from '../accounts/entities/team.entity';
import { AppConfig } from '../config/app-config';

/** "Essen-Altendorf", "essen altendorf" and "essen-altendorf" name the same team. */
export function teamSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Which team a case from the chat belongs to: the team the chat page was embedded for (its slug,
 * channelData.team), else DEFAULT_TEAM, else none (only admins see the case). An unknown slug
 * falls back the same way: a typo in an embed must not hide cases.
 */
@Injectable()
export class CaseTeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async resolve(
    requested?: string | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const teams = await manager.getRepository(Team).find({ select: { id: true, name: true } });
    const find = (name: string | null | undefined) => {
      const slug = name ? teamSlug(name) : '';
      return slug ? teams.find((team) => teamSlug(team.name) === slug)?.id : undefined;
    };
    return find(requested) ?? find(this.config.DEFAULT_TEAM) ?? null;
  }
}
