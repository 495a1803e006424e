/**
 * Whether a browser page from `origin` may use the chat endpoints: same host as the service,
 * or listed in CHAT_ALLOWED_ORIGINS ("https://www.stadt.de,https://beratung.example.org", or "*").
 * Requests without an Origin header (servers, the Emulator, tests) are not browser pages.
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: string | undefined,
): boolean {
  if (!origin) {
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) {
    return true;
  }
  const list = (allowed ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return list.includes('*') || list.includes(parsed.origin);
}
