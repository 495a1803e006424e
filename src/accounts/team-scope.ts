import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuthenticatedUser } from './accounts.types';

/**
 * Which teams' cases a user may see: a Kümmerer only their own team's, an admin every team's.
 * Case queries take a TeamScope instead of a user, so the rule lives in one place:
 *
 *   scope.applyTo(queryBuilder, 'c.team_id')   // adds "AND c.team_id = :teamScopeId" for a Kümmerer
 *   scope.allows(caseRow.teamId)               // for a record already loaded
 */
export class TeamScope {
  private constructor(
    /** null = every team (admin). */
    readonly teamId: string | null,
  ) {}

  static of(user: Pick<AuthenticatedUser, 'role' | 'teamId'>): TeamScope {
    if (user.role === 'admin') {
      return new TeamScope(null);
    }
    // A Kümmerer without a team (should not exist: UsersService refuses it) sees nothing.
    return new TeamScope(user.teamId ?? TeamScope.nobody);
  }

  static allTeams(): TeamScope {
    return new TeamScope(null);
  }

  static team(teamId: string): TeamScope {
    return new TeamScope(teamId);
  }

  get coversAllTeams(): boolean {
    return this.teamId === null;
  }

  allows(teamId: string | null | undefined): boolean {
    return this.teamId === null || (teamId !== null && teamId !== undefined && teamId === this.teamId);
  }

  /** Restricts a query to the scope; `column` is the qualified team column, e.g. "c.team_id". */
  applyTo<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, column: string): SelectQueryBuilder<T> {
    if (this.teamId === null) {
      return query;
    }
    return query.andWhere(`${column} = :teamScopeId`, { teamScopeId: this.teamId });
  }

  // Matches no team id: a syntactically valid uuid that is never issued.
  private static readonly nobody = '00000000-0000-0000-0000-000000000000';
}
