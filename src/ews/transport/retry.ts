import { NOT_PROCESSED, type EwsError } from '../errors.js';

/**
 * When to try a request again. Defaults live here and nowhere else. Bounded in attempts and in total
 * time; honours Exchange's BackOffMilliseconds and HTTP Retry-After.
 */
export interface RetryPolicy {
  readonly maxAttempts: number;
  /** Give up once this much time has passed since the first attempt, whatever is left of maxAttempts. */
  readonly maxElapsedMs: number;
  /** A server-requested wait longer than this is not waited out: the error goes to the caller. */
  readonly maxBackOffMs: number;
  /** First back-off for transient failures that name no wait; doubles per attempt, with jitter. */
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxElapsedMs: 60_000,
  maxBackOffMs: 30_000,
  baseDelayMs: 250,
};

export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

// NOT_PROCESSED (errors.ts) is safe to send again even for a create. Everything else that is transient
// (a timeout, a cut connection) may have been processed, so only read operations repeat it.
/**
 * The delay before the next attempt, or undefined to stop. `attempt` counts from 1 (the one that failed).
 */
export function nextDelay(policy: RetryPolicy, error: EwsError, attempt: number, elapsedMs: number, safeToRepeat: boolean, random: () => number = Math.random): number | undefined {
  if (attempt >= policy.maxAttempts || !error.transient) return undefined;
  if (!safeToRepeat && !NOT_PROCESSED.has(error.code)) return undefined;
  const asked = error.data.backOffMs;
  if (asked !== undefined && asked > policy.maxBackOffMs) return undefined;
  const exp = policy.baseDelayMs * 2 ** (attempt - 1);
  const delay = asked ?? Math.round(exp / 2 + random() * (exp / 2));
  if (elapsedMs + delay > policy.maxElapsedMs) return undefined;
  return delay;
}

/**
 * Parses an HTTP Retry-After value (seconds or an HTTP date) into milliseconds; undefined when it is
 * neither. RFC 9110 §10.2.3: delay-seconds is digits only (a decimal fraction is tolerated), and an
 * HTTP-date always names its day and month, so text without letters is never read as a date (V8's
 * Date.parse takes "-1" or "1.5" for dates in 2001).
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
