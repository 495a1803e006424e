import { CaseStatus } from './case-status.types';
import { CaseSummary } from './cases.types';

export interface CaseQueueQuery {
  /** One status, or undefined for every open one. */
  status?: CaseStatus;
  /** "user:<id>", or "none" for unassigned cases; undefined = everyone's. */
  assignee?: string;
  /** A team id, or "none" for cases without a team; undefined = every team in the scope. */
  team?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface CaseQueueRow extends CaseSummary {
  /**
   * The family moved last (a new submission, or a message nobody has answered: then
   * `unreadFamilyMessageAt` is set): the Kümmerer has to look.
   */
  familyMovedLast: boolean;
  /** Titles of the forms filled for the case ("KG 1", "Anlage Kind (Kind 1)"). */
  forms: string[];
  /** The team's name ("Essen-Altendorf"); null for a case without a team. */
  teamName: string | null;
}

export interface CaseQueuePage {
  items: CaseQueueRow[];
  total: number;
  page: number;
  pageSize: number;
}
