import type { Request } from 'express';

/** The service's public address for streamUrl and attachment links: PUBLIC_BASE_URL, else the request's own. */
export function requestBaseUrl(request: Request, publicBaseUrl: string | undefined): string {
  return publicBaseUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
