import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsError } from './accounts.errors';
import { TeamView } from './accounts.types';
import { Team } from './entities/team.entity';

/** Teams (one per neighbourhood). Names are unique, compared as typed after trimming. */
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

  async findByName(name: string): Promise<TeamView | null> {
    const team = await this.dataSource.getRepository(Team).findOne({ where: { name: name.trim() } });
    return team ? toView(team) : null;
  }

  async create(name: string, actor: string): Promise<TeamView> {
    const trimmed = name.trim();
    if (await this.findByName(trimmed)) {
      throw new AccountsError(
        'TEAM_NAME_TAKEN',
        'Ein Team mit diesem Namen gibt es schon. / A team with this name exists.',
      );
    }
    const repository = this.dataSource.getRepository(Team);
    const team = await repository.save(repository.create({ name: trimmed }));
    await this.audit.record({ actor, action: 'team.created', subjectType: 'team', subjectId: team.id });
    return toView(team);
  }

  /** The named team, created when missing (the user:create command). */
  async findOrCreate(name: string, actor: string): Promise<TeamView> {
    return (await this.findByName(name)) ?? this.create(name, actor);
  }
}

function toView(team: Team): TeamView {
  return { id: team.id, name: team.name, createdAt: team.createdAt };
}
