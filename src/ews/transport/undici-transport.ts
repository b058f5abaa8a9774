import * as tls from 'node:tls';
import { Agent, errors as undiciErrors, request } from 'undici';
import { ewsError, type ErrorContext } from '../error-catalog.js';
import { EwsError } from '../errors.js';
import { MAX_XML_BYTES } from '../xml/parse.js';
import type { HttpRequest, HttpResponse, Transport } from './types.js';

export interface UndiciTransportOptions {
  /** Extra trusted CA certificates (PEM), added to Node's public roots. Verification is never turned off. */
  readonly ca?: string | readonly string[];
  readonly connectTimeoutMs?: number;
  /** Time allowed for the whole answer once the request is sent. */
  readonly requestTimeoutMs?: number;
  /** Keep-alive connections per origin; also the per-server concurrency limit. */
  readonly connections?: number;
  readonly maxResponseBytes?: number;
}

export const TRANSPORT_DEFAULTS = {
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  connections: 8,
  maxResponseBytes: MAX_XML_BYTES,
} as const;

/** HTTPS with a keep-alive pool (undici); maps network and TLS failures to typed errors. */
export class UndiciTransport implements Transport {
  readonly #agent: Agent;
  readonly #opts: Required<Omit<UndiciTransportOptions, 'ca'>>;

  constructor(options: UndiciTransportOptions = {}) {
    this.#opts = {
      connectTimeoutMs: options.connectTimeoutMs ?? TRANSPORT_DEFAULTS.connectTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs ?? TRANSPORT_DEFAULTS.requestTimeoutMs,
      connections: options.connections ?? TRANSPORT_DEFAULTS.connections,
      maxResponseBytes: options.maxResponseBytes ?? TRANSPORT_DEFAULTS.maxResponseBytes,
    };
    const ca = options.ca === undefined ? undefined : [...withPublicRoots(options.ca)];
    this.#agent = new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 300_000,
      connections: this.#opts.connections,
      pipelining: 1,
      connect: { timeout: this.#opts.connectTimeoutMs, ...(ca ? { ca } : {}) },
      headersTimeout: this.#opts.requestTimeoutMs,
      bodyTimeout: this.#opts.requestTimeoutMs,
    });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const ctx: ErrorContext = { url: req.url };
    try {
      const res = await request(req.url, {
        method: 'POST',
        headers: req.headers,
        body: req.body,
        dispatcher: this.#agent,
        signal: req.signal,
      });
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > this.#opts.maxResponseBytes) {
        // Destroying an unread undici body emits 'error' (RequestAbortedError); without a listener that
        // error would be uncaught and end the process.
        res.body.on('error', () => {});
        res.body.destroy();
        throw ewsError('ResponseTooLarge', { operation: req.operation, httpStatus: res.statusCode }, ctx);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.#opts.maxResponseBytes) {
          res.body.destroy();
          throw ewsError('ResponseTooLarge', { operation: req.operation, httpStatus: res.statusCode }, ctx);
        }
        chunks.push(chunk as Buffer);
      }
      // undici hands the connection back to its pool ('drain') in a microtask queued after the body
      // ends; a request sent straight after this one would otherwise find it busy and open a second socket.
      await new Promise<void>((resolve) => setImmediate(resolve));
      return { status: res.statusCode, headers: res.headers as HttpResponse['headers'], body: Buffer.concat(chunks, size).toString('utf8') };
    } catch (err) {
      if (err instanceof EwsError) throw err;
      throw mapNetworkError(err, req.operation, ctx);
    }
  }

  close(): Promise<void> {
    return this.#agent.close();
  }
}

function* withPublicRoots(ca: string | readonly string[]): Iterable<string> {
  // Node replaces its root store when `ca` is given; keep the public roots so trust is only added to.
  yield* tls.rootCertificates;
  if (typeof ca === 'string') yield ca;
  else yield* ca;
}

const TLS_UNTRUSTED = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);
const TLS_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** Maps a Node/undici network failure to the typed error a person can act on. */
export function mapNetworkError(err: unknown, operation: string, ctx: ErrorContext): EwsError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Partial<NodeJS.ErrnoException> & { cause?: Partial<NodeJS.ErrnoException> };
  // A DOMException (an aborted signal) has a numeric `code`; only string codes are Node's.
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const code = str(e.code) ?? str(e.cause?.code) ?? '';
  const data = { operation };
  if (TLS_UNTRUSTED.has(code)) return ewsError('TlsUntrusted', data, ctx, err);
  if (TLS_EXPIRED.has(code)) return ewsError('TlsExpired', data, ctx, err);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return ewsError('TlsHostnameMismatch', data, ctx, err);
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return ewsError('TlsError', data, ctx, err);
  // Before the message test below: these messages carry the host name, which may well contain "ssl".
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return ewsError('DnsNotFound', data, ctx, err);
  if (code === 'ECONNREFUSED') return ewsError('ConnectionRefused', data, ctx, err);
  if (err instanceof undiciErrors.ConnectTimeoutError || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return ewsError('ConnectTimeout', data, ctx, err);
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return ewsError('RequestTimeout', data, ctx, err);
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return ewsError('RequestTimeout', data, ctx, err);
  // A reset during the handshake ("...before secure TLS connection was established"): not a TLS server.
  if (/\b(ssl|tls)\b/i.test(String(e.message))) return ewsError('TlsError', data, ctx, err);
  return ewsError('ConnectionReset', data, ctx, err);
}
