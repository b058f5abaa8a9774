import { ewsError, type ErrorContext } from '../error-catalog.js';
import { EwsError } from '../errors.js';
import type { ExchangeVersion, ServerVersionInfo } from '../schema/versions.js';
import { DEFAULT_RETRY_POLICY, nextDelay, parseRetryAfter, type RetryPolicy } from '../transport/retry.js';
import { headerValues, type HttpResponse, type Transport } from '../transport/types.js';
import { XmlParseError } from '../xml/index.js';
import { buildEnvelope, faultToError, parseEnvelope } from './envelope.js';
import type { Operation } from './operation.js';

export interface EngineOptions {
  readonly url: string;
  /** Already wrapped with authentication. */
  readonly transport: Transport;
  readonly version: ExchangeVersion;
  readonly retry?: RetryPolicy;
  /** The service account, for error words. */
  readonly account?: string;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Called with every ServerVersionInfo Exchange reports. */
  readonly onServerVersion?: (v: ServerVersionInfo) => void;
  /** Called once per attempt, for metrics. */
  readonly onAttempt?: (e: { operation: string; outcome: string; ms: number }) => void;
}

/** Who a call acts for and in which zone. */
export interface CallOptions {
  /** Impersonate this mailbox (ExchangeImpersonation header plus X-AnchorMailbox). */
  readonly impersonate?: string;
  /** The mailbox the call is about, for X-AnchorMailbox with delegation and for error words. */
  readonly mailbox?: string;
  /** Windows time zone id for TimeZoneContext. */
  readonly timeZone?: string;
  readonly signal?: AbortSignal;
}

export interface CallResult<R> {
  readonly result: R;
  readonly serverVersion?: ServerVersionInfo;
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The one engine every operation runs through: envelope, headers, HTTP outcomes, faults, retries. */
export class EwsEngine {
  readonly #o: EngineOptions;
  #lastVersion: ServerVersionInfo | undefined;

  constructor(options: EngineOptions) {
    this.#o = options;
  }

  get serverVersion(): ServerVersionInfo | undefined {
    return this.#lastVersion;
  }

  get url(): string {
    return this.#o.url;
  }

  async call<A, R>(op: Operation<A, R>, args: A, call: CallOptions = {}): Promise<CallResult<R>> {
    const policy = this.#o.retry ?? DEFAULT_RETRY_POLICY;
    const now = this.#o.now ?? Date.now;
    const sleep = this.#o.sleep ?? sleepReal;
    const ctx: ErrorContext = { url: this.#o.url, account: this.#o.account, mailbox: call.impersonate ?? call.mailbox };
    const body = buildEnvelope({ version: this.#o.version, impersonate: call.impersonate, timeZone: call.timeZone }, op.build(args, this.#o.version));
    const anchor = call.impersonate ?? call.mailbox;
    const headers: Record<string, string> = {
      'content-type': 'text/xml; charset=utf-8',
      accept: 'text/xml',
      ...(anchor ? { 'x-anchormailbox': anchor } : {}),
    };
    const started = now();
    for (let attempt = 1; ; attempt++) {
      const t0 = now();
      try {
        let res: HttpResponse;
        try {
          res = await this.#o.transport.send({ url: this.#o.url, headers, body, operation: op.name, signal: call.signal });
        } catch (err) {
          // Only what the transport throws is a network failure; a throw from #read that is not an
          // EwsError is a bug in a parser and must surface as itself, not be retried as a cut connection.
          throw err instanceof EwsError ? err : ewsError('ConnectionReset', { operation: op.name }, ctx, err);
        }
        const out = this.#read(op, args, res, ctx);
        this.#o.onAttempt?.({ operation: op.name, outcome: 'ok', ms: now() - t0 });
        return out;
      } catch (err) {
        this.#o.onAttempt?.({ operation: op.name, outcome: err instanceof EwsError ? err.code : 'bug', ms: now() - t0 });
        if (!(err instanceof EwsError)) throw err;
        const error = err;
        const delay = nextDelay(policy, error, attempt, now() - started, op.idempotent);
        // A repeated request's error is worded anew, knowing it was repeated (no "Concierge retries" in a final error).
        if (delay === undefined || call.signal?.aborted) throw attempt > 1 ? ewsError(error.code, { ...error.data, attempts: attempt }, ctx, error.cause) : error;
        await sleep(delay);
      }
    }
  }

  #read<A, R>(op: Operation<A, R>, args: A, res: HttpResponse, ctx: ErrorContext): CallResult<R> {
    const data = { operation: op.name, httpStatus: res.status };
    if (res.status === 401) {
      throw ewsError('HttpUnauthorized', { ...data, authSchemes: challengeSchemes(headerValues(res, 'www-authenticate')) }, ctx);
    }
    if (res.status === 403) throw ewsError('HttpForbidden', data, ctx);
    if (res.status === 404) throw ewsError('HttpNotFound', data, ctx);
    if (res.status === 503 || res.status === 502 || res.status === 504) {
      const wait = parseRetryAfter(headerValues(res, 'retry-after')[0]);
      throw ewsError('HttpServiceUnavailable', { ...data, ...(wait !== undefined ? { backOffMs: wait } : {}) }, ctx);
    }
    if (res.status >= 300 && res.status < 400) throw redirectError(res, data, ctx);
    let env;
    try {
      env = parseEnvelope(res.body);
    } catch (err) {
      if (!(err instanceof XmlParseError)) throw err;
      if (/<html[\s>]/i.test(res.body)) throw ewsError(/owa|logon|sign in|password/i.test(res.body) ? 'LoginPageRedirect' : 'NotEws', data, ctx, err);
      // A 500 that looks like XML is a (malformed or hostile, e.g. DTD-carrying) fault, not some other page.
      if (res.status !== 200 && !/^\uFEFF?\s*</.test(res.body)) throw ewsError('HttpUnexpectedStatus', data, ctx, err);
      throw ewsError('XmlMalformed', { ...data, serverMessage: err.message }, ctx, err);
    }
    if (env.serverVersion) {
      this.#lastVersion = env.serverVersion;
      this.#o.onServerVersion?.(env.serverVersion);
    }
    if (env.bodyName === 'Fault') throw faultToError(env.body, op.name, res.status, ctx);
    if (env.bodyName !== `${op.name}Response`) throw ewsError('NotEws', { ...data, serverMessage: `expected ${op.name}Response, got ${env.bodyName}` }, ctx);
    return { result: op.parse(env.body, { operation: op.name, errors: ctx }, args), serverVersion: env.serverVersion };
  }
}

/**
 * The scheme names of WWW-Authenticate challenges. A server or proxy may fold several challenges into one
 * line (`Negotiate, NTLM`), and a challenge's parameters are comma-separated too (RFC 9110 §11.6.1):
 * a part starting with `token=` is a parameter, a part starting with a lone token is a new challenge.
 */
export function challengeSchemes(values: readonly string[]): string[] {
  const schemes: string[] = [];
  for (const value of values) {
    let inQuotes = false;
    let part = '';
    for (const ch of `${value},`) {
      if (ch === '"') inQuotes = !inQuotes;
      if (ch !== ',' || inQuotes) {
        part += ch;
        continue;
      }
      const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:\s+(?!=)|\s*$)/.exec(part);
      if (m?.[1]) schemes.push(m[1]);
      part = '';
    }
  }
  return schemes;
}

function redirectError(res: HttpResponse, data: { operation: string; httpStatus: number }, ctx: ErrorContext): EwsError {
  const location = headerValues(res, 'location')[0] ?? '';
  const withLoc = { ...data, location };
  if (/\/owa(\/|$|\?)/i.test(location)) return ewsError('OwaRedirect', withLoc, ctx);
  if (/login|logon|signin|adfs|auth/i.test(location)) return ewsError('LoginPageRedirect', withLoc, ctx);
  return ewsError('HttpUnexpectedStatus', withLoc, ctx);
}
