import { CaseStatus, caseStatuses } from '../../cases/case-status.types';

/** The queue page's filter as typed into the address bar or sent by its own form (all strings). */
export interface RawQueueFilter {
  status?: unknown;
  assignee?: unknown;
  team?: unknown;
  page?: unknown;
}

export interface QueueFilter {
  status?: CaseStatus;
  /** "me" or "none"; undefined = everyone. */
  assignee?: 'me' | 'none';
  /** A team id or "none" (cases without a team); undefined = every team. Admins only. */
  team?: string;
  /** 1-based; may lie beyond the last page (the page clamps it once the total is known). */
  page: number;
  /** Parameters that were ignored because their value makes no sense. */
  ignored: Array<'status' | 'assignee' | 'team' | 'page'>;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the queue page's filter leniently: an empty value means "not set" (the form's "Alle"
 * options send `status=`), a value that makes no sense falls back to the default and is reported
 * in `ignored`, so the page can say so instead of showing an error page. `teams`: the user sees
 * several teams (an admin), so `team` is read; otherwise it is ignored.
 */
export function queueFilterOf(raw: RawQueueFilter, options: { teams?: boolean } = {}): QueueFilter {
  const ignored: QueueFilter['ignored'] = [];
  const text = (value: unknown) =>
    typeof value === 'string' ? value.trim() : value === undefined ? '' : null;
  const status = text(raw.status);
  const assignee = text(raw.assignee);
  const team = text(raw.team);
  const page = text(raw.page);
  const filter: QueueFilter = { page: 1, ignored };
  if ((caseStatuses as readonly unknown[]).includes(status)) {
    filter.status = status as CaseStatus;
  } else if (status !== '') {
    ignored.push('status');
  }
  if (assignee === 'me' || assignee === 'none') {
    filter.assignee = assignee;
  } else if (assignee !== '') {
    ignored.push('assignee');
  }
  // Only an admin sees several teams; for a Kümmerer a team filter makes no sense.
  if (options.teams && team !== null && (team === 'none' || uuid.test(team))) {
    filter.team = team.toLowerCase();
  } else if (team !== '') {
    ignored.push('team');
  }
  if (page !== null && /^\d{1,9}$/.test(page) && Number(page) >= 1) {
    filter.page = Number(page);
  } else if (page !== '') {
    ignored.push('page');
  }
  return filter;
}

/** The last page of a queue (at least 1, also when it is empty). */
export function lastPageOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
