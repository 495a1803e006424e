import { TeamView } from '../../accounts/accounts.types';
import { CaseQueuePage, CaseQueueRow } from '../../cases/case-queue.types';
import { caseStatuses } from '../../cases/case-status.types';
import { csrfField } from './csrf-field.util';
import { html, SafeHtml } from './html.util';
import { lastPageOf } from './queue-filter.util';
import { germanDateTime, germanDay, layoutPage, statusLabels } from './layout.page';

export interface QueuePageOptions {
  user: { displayName: string; csrfToken: string; actor: string; admin?: boolean };
  queue: CaseQueuePage;
  status?: string;
  assignee?: string;
  /** The team filter (a team id or "none"); admins only. */
  team?: string;
  /** Set for an admin (who sees every team): the team column and the team filter. */
  teams?: readonly TeamView[];
  /** Filter parameters that were ignored because their value makes no sense (queueFilterOf). */
  ignored?: readonly string[];
}

const ignoredNames: Record<string, string> = {
  status: 'Status',
  assignee: 'Zuständig',
  team: 'Team',
  page: 'Seite',
};

/** Why the family's case is at the top: a message nobody has answered, or a new submission. */
function movedBadge(item: CaseQueueRow): SafeHtml | string {
  if (item.unreadFamilyMessageAt) {
    return html` <strong class="badge reply">Familie hat geschrieben / family wrote</strong>`;
  }
  return item.familyMovedLast ? html` <strong class="badge">Neu / new</strong>` : '';
}

/** `teamColumn`: the admin's queue names each case's team. */
export function queueRows(
  queue: CaseQueuePage,
  actor: string,
  csrfToken: string,
  options: { teamColumn?: boolean } = {},
): SafeHtml {
  return html`${queue.items.map(
    (item) =>
      html`<tr data-case="${item.id}" ${item.familyMovedLast ? html` class="new"` : ''}>
        <td><a href="/review/cases/${item.id}">${item.familyName}</a>${movedBadge(item)}</td>
        ${options.teamColumn ? html`<td>${item.teamName ?? 'ohne Team / none'}</td>` : ''}
        <td>${statusLabels[item.status] ?? item.status}</td>
        <td>${item.forms.join(', ') || '–'}</td>
        <td>${germanDay(item.nearestDeadline)}</td>
        <td>${germanDateTime(item.lastActivityAt)}</td>
        <td>
          ${
            item.assignedTo === actor
              ? 'Ich / me'
              : item.assignedTo
                ? 'vergeben / taken'
                : html`<form method="post" action="/review/cases/${item.id}/assign">
                    <input type="hidden" name="assignee" value="me" />${csrfField(csrfToken)}<button
                      type="submit"
                    >
                      Mir zuweisen<span class="sr-only"> (${item.familyName})</span>
                    </button>
                  </form>`
          }
        </td>
      </tr>`,
  )}`;
}

export function queuePage(options: QueuePageOptions): string {
  const { queue } = options;
  const pages = lastPageOf(queue.total, queue.pageSize);
  const ignored = options.ignored ?? [];
  const teams = options.teams;
  const query = (page: number) =>
    `?${new URLSearchParams({
      ...(options.status ? { status: options.status } : {}),
      ...(options.assignee ? { assignee: options.assignee } : {}),
      ...(options.team ? { team: options.team } : {}),
      page: String(page),
    }).toString()}`;
  return layoutPage({
    title: 'Fälle',
    user: options.user,
    body: html`<h1>Fälle <span lang="en">/ Cases</span></h1>
      <form class="filters" method="get" action="/review">
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">Alle offenen / all open</option>
          ${caseStatuses.map((status) => html`<option value="${status}" ${options.status === status ? html` selected` : ''}>${statusLabels[status]}</option>`)}
        </select>
        <label for="assignee">Zuständig / Assignee</label>
        <select id="assignee" name="assignee">
          <option value="">Alle / everyone</option>
          <option value="me" ${options.assignee === 'me' ? html` selected` : ''}>Ich / me</option>
          <option value="none" ${options.assignee === 'none' ? html` selected` : ''}>Niemand / nobody</option>
        </select>
        ${
          teams
            ? html`<label for="team">Team</label>
                <select id="team" name="team">
                  <option value="">Alle Teams / all teams</option>
                  ${teams.map(
                    (team) =>
                      html`<option value="${team.id}" ${options.team === team.id ? html` selected` : ''}>
                        ${team.name}
                      </option>`,
                  )}
                  <option value="none" ${options.team === 'none' ? html` selected` : ''}>
                    Ohne Team / no team
                  </option>
                </select>`
            : ''
        }
        <button type="submit">Filtern / Filter</button>
      </form>
      ${
        ignored.length > 0
          ? html`<p class="hint" id="filter-ignored">
              Diese Angabe im Filter passt nicht und wurde nicht beachtet:
              ${ignored.map((name) => ignoredNames[name] ?? name).join(', ')}. /
              <span lang="en">An invalid filter value was ignored.</span>
            </p>`
          : ''
      }
      <p id="live" role="status" aria-live="polite" class="live"></p>
      <p>${queue.total} Fälle / cases · Seite ${queue.page} von ${pages}</p>
      <table
        id="queue"
        data-status="${options.status ?? ''}"
        data-assignee="${options.assignee ?? ''}"
        data-team="${options.team ?? ''}"
        data-page="${queue.page}"
      >
        <caption class="sr-only">
          Fälle nach Dringlichkeit / cases by urgency
        </caption>
        <thead>
          <tr>
            <th scope="col">Familie</th>
            ${teams ? html`<th scope="col">Team</th>` : ''}
            <th scope="col">Status</th>
            <th scope="col">Formulare</th>
            <th scope="col">Frist</th>
            <th scope="col">Letzte Aktivität</th>
            <th scope="col">Zuständig</th>
          </tr>
        </thead>
        <tbody>
          ${queueRows(queue, options.user.actor, options.user.csrfToken, { teamColumn: teams !== undefined })}
        </tbody>
      </table>
      <nav aria-label="Seiten / pages" class="pager">
        ${queue.page > 1 ? html`<a href="${query(queue.page - 1)}">Vorherige Seite</a>` : ''}
        ${queue.page < pages ? html`<a href="${query(queue.page + 1)}">Nächste Seite</a>` : ''}
      </nav>`,
  });
}
