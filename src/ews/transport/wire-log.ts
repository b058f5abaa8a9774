import type { HttpRequest, HttpResponse, Transport } from './types.js';

/** One line of the wire log: what went out or came back, with secrets removed. */
export interface WireEntry {
  readonly direction: 'request' | 'response';
  readonly operation: string;
  readonly url: string;
  readonly status?: number;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: string;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function redactHeaders(h: WireEntry['headers']): Record<string, string | readonly string[] | undefined> {
  const out: Record<string, string | readonly string[] | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '[redacted]' : v;
  return out;
}

/** Passwords never appear in EWS bodies we send, but a server may echo credentials in a fault: mask them. */
export function redactBody(body: string): string {
  return body.replace(/(<(?:\w+:)?Password>)[^<]*(<\/)/gi, '$1[redacted]$2');
}

/**
 * Logs every exchange (the `ews:wire` debug namespace). Sits outside the auth layer, so the
 * Authorization header is never seen here; headers are still redacted in case a caller set one.
 */
export function withWireLog(inner: Transport, log: (entry: WireEntry) => void): Transport {
  return {
    async send(req: HttpRequest): Promise<HttpResponse> {
      log({ direction: 'request', operation: req.operation, url: req.url, headers: redactHeaders(req.headers), body: redactBody(req.body) });
      const res = await inner.send(req);
      log({ direction: 'response', operation: req.operation, url: req.url, status: res.status, headers: redactHeaders(res.headers), body: redactBody(res.body) });
      return res;
    },
    close: () => inner.close(),
  };
}
