import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Team } from '../accounts/entities/team.entity';
import { teamSlug } from '../accounts/team-slug.util';
import { AppConfig } from '../config/app-config';

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
    const find = async (name: string | null | undefined) => {
      const slug = name ? teamSlug(name) : '';
      const team = slug
        ? await manager.getRepository(Team).findOne({ where: { slug }, select: { id: true } })
        : null;
      return team?.id;
    };
    return (await find(requested)) ?? (await find(this.config.DEFAULT_TEAM)) ?? null;
  }
}
