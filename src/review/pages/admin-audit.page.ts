import { AuditPage } from '../../audit/audit.service';
import { AdminPageUser } from './admin-users.page';
import { html } from './html.util';
import { germanDateTime, layoutPage } from './layout.page';

/** The filter fields as typed in the form (dates as YYYY-MM-DD). */
export interface AuditPageFilter {
  action?: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export function adminAuditPage(options: {
  user: AdminPageUser;
  filter: AuditPageFilter;
  result: AuditPage;
  /** Query string of the CSV export with the same filters. */
  exportQuery: string;
  names: Map<string, string>;
}): string {
  const { filter, result } = options;
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageLink = (page: number) =>
    `?${new URLSearchParams({ ...definedOnly(filter), page: String(page) }).toString()}`;
  const field = (name: keyof AuditPageFilter, label: string, type = 'text') =>
    html`<div>
      <label for="f-${name}">${label}</label
      ><input id="f-${name}" name="${name}" type="${type}" value="${filter[name] ?? ''}" />
    </div>`;
  return layoutPage({
    title: 'Protokoll',
    user: { ...options.user, admin: true },
    body: html`<h1>Protokoll <span lang="en">/ Audit log</span></h1>
      <form class="filters" method="get" action="/review/admin/audit">
        ${field('action', 'Aktion / action (z. B. case.viewed)')} ${field('actor', 'Wer / actor (user:…)')}
        ${field('subjectType', 'Art / subject type (case, user …)')}
        ${field('subjectId', 'Kennung / subject id')} ${field('from', 'ab / from (UTC)', 'date')}
        ${field('to', 'bis einschließlich / to (UTC)', 'date')}
        <button type="submit">Filtern / Filter</button>
      </form>
      <p>
        ${result.total} Einträge / entries ·
        <a href="/api/admin/audit/export?${options.exportQuery}" download
          >Als CSV herunterladen / download CSV</a
        >
      </p>
      <table>
        <caption class="sr-only">
          Protokolleinträge, neueste zuerst / newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Wann</th>
            <th scope="col">Wer</th>
            <th scope="col">Aktion</th>
            <th scope="col">Betrifft</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          ${result.items.map(
            (event) =>
              html`<tr>
                <td>${germanDateTime(event.occurredAt)}</td>
                <td>${options.names.get(event.actor) ?? event.actor}</td>
                <td>${event.action}</td>
                <td>${event.subjectType} ${event.subjectId}</td>
                <td>
                  ${
                    event.details
                      ? Object.entries(event.details)
                          .map(([key, value]) => `${key}=${String(value)}`)
                          .join(', ')
                      : ''
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <nav aria-label="Seiten / pages">
        ${result.page > 1 ? html`<a href="${pageLink(result.page - 1)}">← Neuere / newer</a>` : ''} Seite
        ${result.page} von ${pages}
        ${result.page < pages ? html`<a href="${pageLink(result.page + 1)}">Ältere / older →</a>` : ''}
      </nav>`,
  });
}

function definedOnly(filter: AuditPageFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
}
