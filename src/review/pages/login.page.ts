import { html } from './html.util';
import { layoutPage } from './layout.page';

export interface LoginPageOptions {
  /** The pre-session token, also in the login cookie (login-form-token.util.ts). */
  formToken: string;
  email?: string;
  error?: string;
}

/** A plain form POST: works without JavaScript. */
export function loginPage(options: LoginPageOptions): string {
  return layoutPage({
    title: 'Anmelden',
    body: html`<h1>Anmelden <span lang="en">/ Sign in</span></h1>
      <form id="login-form" class="card narrow" method="post" action="/review/login">
        ${options.error ? html`<p id="login-error" class="error" role="alert">${options.error}</p>` : ''}
        <input type="hidden" name="_csrf" value="${options.formToken}" />
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
