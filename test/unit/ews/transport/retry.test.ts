import { describe, expect, it } from 'vitest';
import { ewsError } from '../../../../src/ews/error-catalog.js';
import type { EwsErrorCode } from '../../../../src/ews/errors.js';
import { DEFAULT_RETRY_POLICY, NO_RETRY, nextDelay, parseRetryAfter, type RetryPolicy } from '../../../../src/ews/transport/retry.js';

const POLICY: RetryPolicy = { maxAttempts: 4, maxElapsedMs: 60_000, maxBackOffMs: 30_000, baseDelayMs: 250 };
const err = (code: EwsErrorCode, backOffMs?: number) => ewsError(code, backOffMs === undefined ? {} : { backOffMs });

describe('nextDelay', () => {
  // [case, code, backOffMs, attempt, elapsedMs, safeToRepeat, random, expected]
  it.each<[string, EwsErrorCode, number | undefined, number, number, boolean, number, number | undefined]>([
    ['busy: waits exactly the asked back-off', 'ErrorServerBusy', 5_000, 1, 0, true, 0.5, 5_000],
    ['busy: asked back-off is honoured for a create too (not processed)', 'ErrorServerBusy', 5_000, 1, 0, false, 0.5, 5_000],
    ['busy: back-off equal to maxBackOffMs is waited', 'ErrorServerBusy', 30_000, 1, 0, true, 0.5, 30_000],
    ['busy: back-off above maxBackOffMs goes to the caller', 'ErrorServerBusy', 30_001, 1, 0, true, 0.5, undefined],
    ['busy: zero back-off retries at once', 'ErrorServerBusy', 0, 1, 0, true, 0.5, 0],
    ['busy without back-off: exponential, lowest jitter', 'ErrorServerBusy', undefined, 1, 0, true, 0, 125],
    ['503 Retry-After', 'HttpServiceUnavailable', 2_000, 1, 0, true, 0.5, 2_000],
    ['503 Retry-After on a create (not processed)', 'HttpServiceUnavailable', 2_000, 1, 0, false, 0.5, 2_000],
    ['timeout on a read, attempt 1, lowest jitter', 'RequestTimeout', undefined, 1, 0, true, 0, 125],
    ['timeout on a read, attempt 1, highest jitter', 'RequestTimeout', undefined, 1, 0, true, 1, 250],
    ['timeout on a read, attempt 2', 'RequestTimeout', undefined, 2, 0, true, 0, 250],
    ['timeout on a read, attempt 3, mid jitter', 'RequestTimeout', undefined, 3, 0, true, 0.5, 750],
    ['timeout on a create: may have been processed, never repeated', 'RequestTimeout', undefined, 1, 0, false, 0.5, undefined],
    ['cut connection on a create: never repeated', 'ConnectionReset', undefined, 1, 0, false, 0.5, undefined],
    ['refused connection on a create: nothing was sent, repeated', 'ConnectionRefused', undefined, 1, 0, false, 0, 125],
    ['connect timeout on a create: nothing was sent, repeated', 'ConnectTimeout', undefined, 1, 0, false, 0, 125],
    ['too many connections on a create: repeated', 'ErrorExceededConnectionCount', undefined, 1, 0, false, 0, 125],
    ['Exchange timeout on a create: may have been processed', 'ErrorTimeoutExpired', undefined, 1, 0, false, 0, undefined],
    ['last attempt: stop', 'ErrorServerBusy', 1_000, 4, 0, true, 0.5, undefined],
    ['beyond last attempt: stop', 'RequestTimeout', undefined, 5, 0, true, 0.5, undefined],
    ['not transient: access denied', 'ErrorAccessDenied', undefined, 1, 0, true, 0.5, undefined],
    ['not transient: 401', 'HttpUnauthorized', undefined, 1, 0, true, 0.5, undefined],
    ['not transient: schema', 'ErrorSchemaValidation', undefined, 1, 0, true, 0.5, undefined],
    ['not transient: TLS', 'TlsUntrusted', undefined, 1, 0, true, 0.5, undefined],
    ['elapsed + wait exactly at maxElapsedMs: waited', 'ErrorServerBusy', 10_000, 1, 50_000, true, 0.5, 10_000],
    ['elapsed + wait beyond maxElapsedMs: stop', 'ErrorServerBusy', 10_001, 1, 50_000, true, 0.5, undefined],
    ['elapsed + jittered wait beyond maxElapsedMs: stop', 'RequestTimeout', undefined, 2, 59_900, true, 0, undefined],
  ])('%s', (_name, code, backOffMs, attempt, elapsedMs, safe, random, expected) => {
    expect(nextDelay(POLICY, err(code, backOffMs), attempt, elapsedMs, safe, () => random)).toBe(expected);
  });

  it('jitter stays within [exp/2, exp] for every attempt', () => {
    for (let attempt = 1; attempt < 4; attempt++) {
      const exp = POLICY.baseDelayMs * 2 ** (attempt - 1);
      for (const r of [0, 0.25, 0.5, 0.999, 1]) {
        const d = nextDelay(POLICY, err('RequestTimeout'), attempt, 0, true, () => r);
        expect(d).toBeGreaterThanOrEqual(exp / 2);
        expect(d).toBeLessThanOrEqual(exp);
      }
    }
  });

  it('NO_RETRY never retries; the defaults are bounded', () => {
    expect(nextDelay(NO_RETRY, err('ErrorServerBusy', 10), 1, 0, true)).toBeUndefined();
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
    expect(Number.isFinite(DEFAULT_RETRY_POLICY.maxElapsedMs)).toBe(true);
    expect(DEFAULT_RETRY_POLICY.maxBackOffMs).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.maxElapsedMs);
  });
});

describe('parseRetryAfter', () => {
  const NOW = Date.parse('2025-06-01T12:00:00Z');
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['0', 0],
    ['2', 2_000],
    [' 2 ', 2_000],
    ['120', 120_000],
    ['1.5', 1_500],
    // An HTTP-date: IMF-fixdate and the obsolete RFC 850 form. (asctime carries no zone and V8 reads it
    // as local time, so it is left out of a table that must pass in every TZ.)
    ['Sun, 01 Jun 2025 12:00:30 GMT', 30_000],
    ['Sunday, 01-Jun-25 12:00:30 GMT', 30_000],
    ['Sun, 01 Jun 2025 11:59:00 GMT', 0],
    // Neither: never a wait of 0 by accident, never 16 s from hex or 1000 s from exponent notation.
    ['-1', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    ['Infinity', undefined],
    ['soon', undefined],
    ['12abc', undefined],
  ])('%j -> %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
