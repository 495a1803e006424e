import { csrfField } from './csrf-field.util';
import { html, SafeHtml } from './html.util';

/** No inline scripts or styles: the CSP allows only files from /review/assets. */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface LayoutOptions {
  title: string;
  /** `admin`: show the links to the admin pages. */
  user?: { displayName: string; csrfToken: string; admin?: boolean };
  body: SafeHtml;
}

export function layoutPage(options: LayoutOptions): string {
  return `<!DOCTYPE html>${
    html`<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} – Antragslotse</title>
<link rel="icon" href="/review/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/review/assets/review.css">
<script src="/review/assets/review.js" defer></script>
</head>
<body${options.user ? html` data-csrf="${options.user.csrfToken}"` : ''}>
<a class="skip" href="#main">Zum Inhalt springen / Skip to content</a>
<header class="top">
  <p class="brand"><a href="/review">Antragslotse – Arbeitsplatz</a></p>
  ${
    options.user
      ? html`<nav aria-label="Konto / Account">
          ${
            options.user.admin
              ? html`<a href="/review">Fälle</a> <a href="/review/admin/users">Konten</a>
                  <a href="/review/admin/teams">Teams</a> <a href="/review/admin/audit">Protokoll</a>`
              : ''
          }
          <a href="/review/account" title="Mein Konto / My account">${options.user.displayName}</a>
          <form method="post" action="/review/logout" class="inline">
            ${csrfField(options.user.csrfToken)}<button type="submit" id="logout">Abmelden / Sign out</button>
          </form>
        </nav>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${options.body}
</main>
</body>
</html>`.value
  }`;
}

const germanDateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

export function germanDateTime(date: Date | string | null): string {
  if (!date) {
    return '–';
  }
  return germanDateTimeFormat.format(new Date(date));
}

export function germanDay(iso: string | null): string {
  if (!iso) {
    return 'keine / none';
  }
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
}

export const statusLabels: Record<string, string> = {
  submitted: 'Eingereicht',
  in_review: 'In Prüfung',
  waiting_for_family: 'Wartet auf Familie',
  approved: 'Freigegeben',
  sent: 'Abgeschickt',
  closed: 'Abgeschlossen',
};
