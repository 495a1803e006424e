/**
 * Injection token of the CaseTeamLookup. The module that owns case routes provides it (the
 * cases module: `{ provide: CASE_TEAM_LOOKUP, useExisting: CasesRepository }` once cases have a team).
 */
export const CASE_TEAM_LOOKUP = Symbol('CASE_TEAM_LOOKUP');

export interface CaseTeamLookup {
  /** The case's team id (null = no team yet), or undefined when no case has this id. */
  findTeamOfCase(caseId: string): Promise<string | null | undefined>;
}
