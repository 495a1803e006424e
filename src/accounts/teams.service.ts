import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../database/plain-sql.util';
import { AccountsError } from './accounts.errors';
import { TeamView } from './accounts.types';
import { Team } from './entities/team.entity';
import { teamSlug } from './team-slug.util';

/**
 * Teams (one per neighbourhood). Two names are the same team when they differ only in capitals,
 * spaces, hyphens or accents ("Team Altendorf", "team-altendorf"): the chat names its team that way
 * (teamSlug), and the unique `slug` column holds it on SQLite and PostgreSQL alike.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every team; `actor` set = an admin looked (audited), unset = internal use. */
  async list(actor?: string): Promise<TeamView[]> {
    if (actor) {
      await this.audit.record({ actor, action: 'team.listed', subjectType: 'team', subjectId: '*' });
    }
    const teams = await this.dataSource.getRepository(Team).find({ order: { name: 'ASC' } });
    return teams.map(toView);
  }

  async get(teamId: string): Promise<TeamView> {
    const team = await this.dataSource.getRepository(Team).findOne({ where: { id: teamId } });
    if (!team) {
      throw new AccountsError('TEAM_NOT_FOUND', 'Dieses Team gibt es nicht. / This team does not exist.');
    }
    return toView(team);
  }

  /** The team of this name, also when written with other capitals, spaces or hyphens; or null. */
  async findByName(name: string): Promise<TeamView | null> {
    const slug = teamSlug(name);
    const team = slug ? await this.dataSource.getRepository(Team).findOne({ where: { slug } }) : null;
    return team ? toView(team) : null;
  }

  async create(name: string, actor: string): Promise<TeamView> {
    const trimmed = name.trim();
    const slug = teamSlug(trimmed);
    if (!slug) {
      throw new AccountsError(
        'TEAM_NAME_INVALID',
        'Der Name braucht mindestens einen Buchstaben oder eine Ziffer. / The name needs a letter or digit.',
      );
    }
    const existing = await this.findByName(trimmed);
    if (existing) {
      throw nameTaken(existing.name);
    }
    const repository = this.dataSource.getRepository(Team);
    let team: Team;
    try {
      team = await repository.save(repository.create({ name: trimmed, slug }));
    } catch (error) {
      // Another admin created the same team a moment ago: the unique index caught it.
      if (isUniqueViolation(error)) {
        throw nameTaken((await this.findByName(trimmed))?.name ?? trimmed);
      }
      throw error;
    }
    await this.audit.record({ actor, action: 'team.created', subjectType: 'team', subjectId: team.id });
    return toView(team);
  }

  /** The named team, created when missing (the user:create command). */
  async findOrCreate(name: string, actor: string): Promise<TeamView> {
    return (await this.findByName(name)) ?? this.create(name, actor);
  }
}

function nameTaken(existing: string): AccountsError {
  return new AccountsError(
    'TEAM_NAME_TAKEN',
    `Ein Team mit diesem Namen gibt es schon: „${existing}“. Groß- und Kleinschreibung, Leerzeichen, Bindestriche und Akzente zählen dabei nicht. / A team with this name exists (capitals, spaces, hyphens and accents do not count).`,
  );
}

function toView(team: Team): TeamView {
  return { id: team.id, name: team.name, createdAt: team.createdAt };
}
