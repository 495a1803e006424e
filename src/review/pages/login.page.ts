import { html } from './html.util';
import { layoutPage } from './layout.page';

export function loginPage(): string {
  return layoutPage({
    title: 'Anmelden',
    body: html`<h1>Anmelden <span lang="en">/ Sign in</span></h1>
<form id="login-form" class="card narrow" method="post" action="/api/auth/login" novalidate>
  <p id="login-error" class="error" role="alert" hidden></p>
  <label for="email">E-Mail</label>
  <input id="email" name="email" type="email" autocomplete="username" required>
  <label for="password">Passwort / Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Anmelden / Sign in</button>
  <noscript><p>Bitte schalten Sie JavaScript ein. / Please enable JavaScript.</p></noscript>
</form>`,
  });
}
