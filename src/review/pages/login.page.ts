import { html } from './html.util';
import { layoutPage } from './layout.page';

export interface LoginPageOptions {
  /** The pre-session token, also in the login cookie (login-form-token.util.ts). */
  formToken: string;
  email?: string;
  error?: string;
  /** Where to go after signing in (already checked by safeReturnPath). */
  next?: string;
  /** The browser's session had ended (idle or absolute expiry, or ended by an admin). */
  expired?: boolean;
  /** A form post came in without a session: what was typed was not saved. */
  lost?: boolean;
}

/** A plain form POST: works without JavaScript. */
export function loginPage(options: LoginPageOptions): string {
  return layoutPage({
    title: 'Anmelden',
    body: html`<h1>Anmelden <span lang="en">/ Sign in</span></h1>
      ${
        options.expired || options.lost
          ? html`<div id="login-notice" class="card narrow notice" role="status">
              ${
                options.expired
                  ? html`<p>
                      Sie waren zu lange nicht aktiv. Bitte melden Sie sich wieder an. /
                      <span lang="en">You were inactive for too long. Please sign in again.</span>
                    </p>`
                  : ''
              }
              ${
                options.lost
                  ? html`<p id="login-lost">
                      <strong>Ihre letzte Eingabe wurde nicht gespeichert.</strong> Bitte geben Sie sie nach
                      der Anmeldung noch einmal ein. /
                      <span lang="en"
                        >Your last entry was not saved; please enter it again after signing in.</span
                      >
                    </p>`
                  : ''
              }
            </div>`
          : ''
      }
      <form id="login-form" class="card narrow" method="post" action="/review/login">
        ${options.error ? html`<p id="login-error" class="error" role="alert">${options.error}</p>` : ''}
        <input type="hidden" name="_csrf" value="${options.formToken}" />
        ${options.next ? html`<input type="hidden" name="next" value="${options.next}" />` : ''}
        <label for="email">E-Mail</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          value="${options.email ?? ''}"
          ${options.error ? html` aria-describedby="login-error"` : ''}
        />
        <label for="password">Passwort / Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required${options.error ? html` autofocus` : ''}
        />
        <button type="submit">Anmelden / Sign in</button>
      </form>`,
  });
}
