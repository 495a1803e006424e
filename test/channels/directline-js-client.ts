import { dirname, join } from 'node:path';
import { DirectLine } from 'botframework-directlinejs';
import WebSocket from 'ws';

// directlinejs runs on rxjs 5 with patched-in operators: the ajax observable must come from its own copy.
const rxjsDir = dirname(
  require.resolve('rxjs/package.json', { paths: [dirname(require.resolve('botframework-directlinejs'))] }),
);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Observable } = require(join(rxjsDir, 'Observable')) as {
  Observable: { create(subscribe: (subscriber: Subscriber) => () => void): unknown };
};

interface Subscriber {
  next(value: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

interface AjaxRequest {
  method?: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  responseType?: string;
}

/**
 * The XMLHttpRequest part of a browser, for directlinejs in Node: its ajax calls go through
 * fetch and come back shaped like rxjs 5 AjaxResponse / AjaxError (status, response, xhr).
 */
function fetchAjax(request: AjaxRequest): unknown {
  return Observable.create((subscriber) => {
    const abort = new AbortController();
    const headers = { ...(request.headers ?? {}) };
    let body: string | FormData | undefined;
    if (request.body instanceof FormData) {
      body = request.body;
      delete headers['Content-Type'];
    } else if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    }
    fetch(request.url, { method: request.method ?? 'GET', headers, body, signal: abort.signal }).then(
      async (response) => {
        const bytes = await response.arrayBuffer();
        let parsed: unknown = bytes;
        if (request.responseType !== 'arraybuffer') {
          const text = new TextDecoder().decode(bytes);
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = text;
          }
        }
        const result = {
          status: response.status,
          response: parsed,
          xhr: { getResponseHeader: (name: string) => response.headers.get(name) },
        };
        if (response.ok) {
          subscriber.next(result);
          subscriber.complete();
        } else {
          subscriber.error(result);
        }
      },
      (error: unknown) =>
        subscriber.error({ status: 0, message: String(error), xhr: { getResponseHeader: () => null } }),
    );
    return () => abort.abort();
  });
}

/** The unmodified botframework-directlinejs client against this service, WebSocket included. */
export function createDirectLineClient(options: {
  domain: string;
  token: string;
  conversationId?: string;
  watermark?: string;
}): DirectLine {
  // directlinejs only streams when a global WebSocket exists (Node 20 has none).
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  return new DirectLine({
    domain: options.domain,
    token: options.token,
    conversationId: options.conversationId,
    watermark: options.watermark,
    webSocket: true,
    timeout: 5000,
    ...({ WebSocket, ajax: fetchAjax } as object),
  });
}
