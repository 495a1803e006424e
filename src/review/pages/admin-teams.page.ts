import { TeamView } from '../../accounts/accounts.types';
import { AdminPageUser, flash } from './admin-users.page';
import { csrfField } from './csrf-field.util';
import { html } from './html.util';
import { germanDateTime, layoutPage } from './layout.page';

export function adminTeamsPage(options: {
  user: AdminPageUser;
  teams: readonly TeamView[];
  name?: string;
  message?: string;
  error?: string;
}): string {
  return layoutPage({
    title: 'Teams',
    user: { ...options.user, admin: true },
    body: html`<h1>Teams <span lang="en">/ Teams</span></h1>
      ${flash(options.message, options.error)}
      <table>
        <caption class="sr-only">
          Alle Teams / every team
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Angelegt / created</th>
          </tr>
        </thead>
        <tbody>
          ${options.teams.map(
            (team) =>
              html`<tr>
                <td>${team.name}</td>
                <td>${germanDateTime(team.createdAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <section aria-labelledby="new-team" class="card narrow">
        <h2 id="new-team">Neues Team <span lang="en">/ New team</span></h2>
        <form method="post" action="/review/admin/teams">
          ${csrfField(options.user.csrfToken)}
          <label for="name">Name des Stadtteils / neighbourhood</label>
          <input id="name" name="name" required maxlength="80" value="${options.name ?? ''}" />
          <button type="submit">Team anlegen / Create</button>
        </form>
      </section>`,
  });
}
