import { TeamView, UserView } from '../../accounts/accounts.types';
import { csrfField } from './csrf-field.util';
import { html, SafeHtml } from './html.util';
import { germanDateTime, layoutPage } from './layout.page';

export interface AdminPageUser {
  displayName: string;
  csrfToken: string;
}

export const roleLabels: Record<string, string> = { admin: 'Admin', kuemmerer: 'Kümmerer' };

/** What the create form keeps after a refusal (never the password). */
export interface NewUserDraft {
  email?: string;
  displayName?: string;
  role?: string;
  teamId?: string;
}

export function flash(message?: string, error?: string | readonly string[]): SafeHtml {
  const errors = typeof error === 'string' ? [error] : (error ?? []);
  return html`${message ? html`<p class="ok" role="status">${message}</p>` : ''}
  ${errors.length > 0 ? html`<div class="error" role="alert">${errors.map((line) => html`<p>${line}</p>`)}</div>` : ''}`;
}

function accountState(user: UserView): string {
  if (user.disabledAt) {
    return 'deaktiviert / disabled';
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    return `gesperrt bis ${germanDateTime(user.lockedUntil)} / locked`;
  }
  return 'aktiv / active';
}

export function teamOptions(teams: readonly TeamView[], selected: string | null | undefined): SafeHtml {
  return html`<option value="" ${!selected ? html` selected` : ''}>Kein Team / none</option>
    ${teams.map((team) => html`<option value="${team.id}" ${selected === team.id ? html` selected` : ''}>${team.name}</option>`)}`;
}

function roleOptions(selected: string | undefined): SafeHtml {
  return html`${Object.entries(roleLabels).map(([role, label]) => html`<option value="${role}" ${selected === role ? html` selected` : ''}>${label}</option>`)}`;
}

export const passwordRules =
  'Mindestens 12 Zeichen, nicht die E-Mail-Adresse, kein häufiges Passwort. / At least 12 characters, not the e-mail, not a common password.';

export function adminUsersPage(options: {
  user: AdminPageUser;
  users: readonly UserView[];
  teams: readonly TeamView[];
  draft?: NewUserDraft;
  message?: string;
  error?: string | readonly string[];
}): string {
  const draft = options.draft ?? {};
  return layoutPage({
    title: 'Konten',
    user: { ...options.user, admin: true },
    body: html`<h1>Konten <span lang="en">/ Accounts</span></h1>
      ${flash(options.message, options.error)}
      <table>
        <caption class="sr-only">
          Alle Konten / every account
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-Mail</th>
            <th scope="col">Rolle</th>
            <th scope="col">Team</th>
            <th scope="col">Zustand</th>
            <th scope="col"><span class="sr-only">Aktion</span></th>
          </tr>
        </thead>
        <tbody>
          ${options.users.map(
            (user) =>
              html`<tr>
                <td>${user.displayName}</td>
                <td>${user.login}</td>
                <td>${roleLabels[user.role] ?? user.role}</td>
                <td>${user.teamName ?? '–'}</td>
                <td>${accountState(user)}</td>
                <td>
                  <a href="/review/admin/users/${user.id}"
                    >Bearbeiten<span class="sr-only"> – ${user.displayName}</span></a
                  >
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <section aria-labelledby="new-user" class="card narrow">
        <h2 id="new-user">Neues Konto <span lang="en">/ New account</span></h2>
        <form method="post" action="/review/admin/users">
          ${csrfField(options.user.csrfToken)}
          <label for="email">E-Mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            required
            value="${draft.email ?? ''}"
          />
          <label for="displayName">Name</label>
          <input id="displayName" name="displayName" required value="${draft.displayName ?? ''}" />
          <label for="role">Rolle / role</label>
          <select id="role" name="role">
            ${roleOptions(draft.role ?? 'kuemmerer')}
          </select>
          <label for="teamId">Team (Pflicht für Kümmerer / required for a Kümmerer)</label>
          <select id="teamId" name="teamId">
            ${teamOptions(options.teams, draft.teamId)}
          </select>
          <label for="password">Erstes Passwort / first password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby="password-rules"
          />
          <p id="password-rules"><small>${passwordRules}</small></p>
          <button type="submit">Konto anlegen / Create</button>
        </form>
      </section>`,
  });
}

export function adminUserPage(options: {
  user: AdminPageUser;
  account: UserView;
  teams: readonly TeamView[];
  message?: string;
  error?: string | readonly string[];
}): string {
  const { account } = options;
  const csrf = csrfField(options.user.csrfToken);
  const action = `/review/admin/users/${account.id}`;
  return layoutPage({
    title: `Konto ${account.displayName}`,
    user: { ...options.user, admin: true },
    body: html`<p><a href="/review/admin/users">← Alle Konten / all accounts</a></p>
      <h1>${account.displayName}</h1>
      ${flash(options.message, options.error)}
      <p>
        ${account.login} · ${roleLabels[account.role] ?? account.role} · ${account.teamName ?? 'kein Team'} ·
        <strong id="account-state">${accountState(account)}</strong>
      </p>
      <div class="card narrow">
        <h2>Rolle und Team <span lang="en">/ Role and team</span></h2>
        <form method="post" action="${action}">
          ${csrf}<input type="hidden" name="change" value="role-team" />
          <label for="role">Rolle / role</label>
          <select id="role" name="role">
            ${roleOptions(account.role)}
          </select>
          <label for="teamId">Team</label>
          <select id="teamId" name="teamId">
            ${teamOptions(options.teams, account.teamId)}
          </select>
          <button type="submit">Speichern / Save</button>
        </form>
        <h2>Zugang <span lang="en">/ Access</span></h2>
        <form method="post" action="${action}" class="inline">
          ${csrf}<input type="hidden" name="change" value="${account.disabledAt ? 'enable' : 'disable'}" />
          <button type="submit">
            ${account.disabledAt ? 'Wieder aktivieren / Enable' : 'Deaktivieren / Disable'}
          </button>
        </form>
        <form method="post" action="${action}" class="inline">
          ${csrf}<input type="hidden" name="change" value="unlock" />
          <button type="submit">Sperre aufheben / Unlock</button>
        </form>
        <h2>Passwort zurücksetzen <span lang="en">/ Reset password</span></h2>
        <form method="post" action="${action}">
          ${csrf}<input type="hidden" name="change" value="password" />
          <label for="new-password">Neues Passwort / new password</label>
          <input
            id="new-password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby="password-rules"
          />
          <p id="password-rules">
            <small>${passwordRules} Alle Sitzungen des Kontos enden. / All sessions end.</small>
          </p>
          <button type="submit">Passwort setzen / Set password</button>
        </form>
      </div>`,
  });
}
