import { flash, passwordRules } from './admin-users.page';
import { csrfField } from './csrf-field.util';
import { html } from './html.util';
import { layoutPage } from './layout.page';

export interface AccountPageOptions {
  user: { displayName: string; login: string; csrfToken: string; admin: boolean };
  message?: string;
  error?: readonly string[];
}

/** The signed-in person's own account: change the password (plain form POST, no JavaScript needed). */
export function accountPage(options: AccountPageOptions): string {
  const { user } = options;
  return layoutPage({
    title: 'Mein Konto',
    user,
    body: html`<h1>Mein Konto <span lang="en">/ My account</span></h1>
      ${flash(options.message, options.error)}
      <p>${user.displayName} · ${user.login}</p>
      <div class="card narrow">
        <h2>Passwort ändern <span lang="en">/ Change password</span></h2>
        <form id="password-form" method="post" action="/review/account/password">
          ${csrfField(user.csrfToken)}
          <label for="current-password">Bisheriges Passwort / current password</label>
          <input
            id="current-password"
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
          />
          <label for="new-password">Neues Passwort / new password</label>
          <input
            id="new-password"
            name="newPassword"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby="password-rules"
          />
          <label for="repeat-password">Neues Passwort noch einmal / new password again</label>
          <input
            id="repeat-password"
            name="repeatPassword"
            type="password"
            autocomplete="new-password"
            required
          />
          <p id="password-rules">
            <small
              >${passwordRules} Sie bleiben angemeldet; auf anderen Geräten endet die Anmeldung. / You stay
              signed in here; other devices are signed out.</small
            >
          </p>
          <button type="submit">Passwort ändern / Change password</button>
        </form>
      </div>`,
  });
}
