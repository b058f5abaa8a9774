import { ChangeNotMade } from '../assistant/dialog/change-not-made.js';
import { EwsError } from '../ews/errors.js';
import { AppError } from '../shared/errors.js';

/** An HTTP failure with what went wrong and how to fix it, rendered as application/problem+json. */
export class HttpProblem extends AppError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    hint: string,
    readonly details?: Readonly<Record<string, unknown>>,
    options?: { readonly nothingChanged?: boolean },
  ) {
    super(code, message, hint, options);
  }
}

export const unauthorized = () => new HttpProblem(401, 'Unauthenticated', 'You are not signed in.', 'Sign in to the console (POST /api/v1/session), then send the session cookie.');
export const forbidden = (why: string) => new HttpProblem(403, 'Forbidden', why, 'Sign in with an account that has the right role.');
export const badRequest = (message: string, hint: string, details?: Record<string, unknown>) => new HttpProblem(400, 'BadRequest', message, hint, details);
export const notFound = (what: string) => new HttpProblem(404, 'NotFound', `${what} was not found.`, 'Check the id or path.');

/** The body of an application/problem+json answer (RFC 9457), with Concierge's code and hint. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly hint: string;
}

/**
 * Any failure as a problem: the words the error carries, and a status saying whose it is. Shared by the
 * API's error handler and the CLI's --json, so a script reads one shape from both. Nothing but the code,
 * message and hint is copied (never the cause or the error's data), so no secret rides along.
 */
export function toProblem(err: unknown): Problem {
  // A "yes" that failed before Exchange acted: the failure's status and fix, and words saying the proposal waits.
  if (err instanceof ChangeNotMade) return { ...toProblem(err.failure), title: err.message, detail: err.message };
  if (err instanceof HttpProblem) return { type: 'about:blank', title: err.message, status: err.status, code: err.code, detail: err.message, hint: err.hint, ...(err.details ? { details: err.details } : {}) };
  if (err instanceof EwsError) return { type: 'about:blank', title: err.message, status: err.transient ? 503 : 502, code: err.code, detail: err.message, hint: err.hint };
  if (err instanceof AppError) return { type: 'about:blank', title: err.message, status: 400, code: err.code, detail: err.message, hint: err.hint };
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e?.statusCode === 429) return { type: 'about:blank', title: 'Too many requests.', status: 429, code: 'RateLimited', detail: e.message ?? 'Too many requests.', hint: 'Wait a minute and try again.' };
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return { type: 'about:blank', title: e.message ?? 'Bad request.', status: e.statusCode, code: e.code ?? 'BadRequest', detail: e.message ?? '', hint: 'Check the request against /api/v1/openapi.json.' };
  return { type: 'about:blank', title: 'Internal error.', status: 500, code: 'InternalError', detail: 'Something went wrong on our side; nothing was changed that you were not told about.', hint: 'Try again; if it persists, report the request id to your administrator.' };
}

/** Seconds a client is asked to wait after a transient Exchange failure that named no wait of its own. */
export const DEFAULT_RETRY_AFTER_S = 30;

/**
 * The Retry-After (seconds) for a failure worth repeating later: Exchange's own back-off, rounded up,
 * else a modest default. Undefined for anything that will fail the same way until someone acts (a
 * failing link, a refused permission): a client told to retry those would only hammer.
 */
export function retryAfterSeconds(err: unknown): number | undefined {
  const e = err instanceof ChangeNotMade ? err.failure : err;
  if (!(e instanceof EwsError) || !e.transient) return undefined;
  return e.data.backOffMs !== undefined ? Math.max(1, Math.ceil(e.data.backOffMs / 1000)) : DEFAULT_RETRY_AFTER_S;
}
