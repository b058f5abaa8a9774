import { AppError } from '../shared/errors.js';
import type { ResponseCode } from './schema/response-codes.js';

/** Failures below the EWS layer: what went wrong on the way, not in Exchange's answer. */
export type TransportErrorCode =
  | 'HttpUnauthorized'
  | 'HttpForbidden'
  | 'HttpNotFound'
  | 'HttpServiceUnavailable'
  | 'HttpUnexpectedStatus'
  | 'NotEws'
  | 'OwaRedirect'
  | 'LoginPageRedirect'
  | 'TlsUntrusted'
  | 'TlsHostnameMismatch'
  | 'TlsExpired'
  | 'TlsError'
  | 'DnsNotFound'
  | 'ConnectionRefused'
  | 'ConnectTimeout'
  | 'RequestTimeout'
  | 'ConnectionReset'
  | 'ResponseTooLarge'
  | 'XmlMalformed'
  | 'SoapFault';

export type EwsErrorCode = ResponseCode | TransportErrorCode;

export interface EwsErrorData {
  /** EWS operation that failed, e.g. `FindItem`. */
  readonly operation?: string;
  /** The mailbox the request was about, when there was one. */
  readonly mailbox?: string;
  readonly httpStatus?: number;
  /** The ResponseCode as Exchange sent it (for faults and ResponseMessages). */
  readonly responseCode?: string;
  /** Exchange's own MessageText, verbatim. */
  readonly serverMessage?: string;
  /** Milliseconds Exchange asked us to wait (ErrorServerBusy BackOffMilliseconds, or Retry-After). */
  readonly backOffMs?: number;
  /** Where a redirect pointed. */
  readonly location?: string;
  /** Authentication schemes the server offered in WWW-Authenticate. */
  readonly authSchemes?: readonly string[];
  /** How many times the request was sent, when the engine repeated it before giving up. */
  readonly attempts?: number;
}

/**
 * The one error family of the EWS layer. `code` is Exchange's ResponseCode when Exchange answered with
 * one, or a transport code otherwise; message and hint are plain words for the admin who must act.
 */
export class EwsError extends AppError {
  override readonly code: EwsErrorCode;
  readonly data: EwsErrorData;

  constructor(code: EwsErrorCode, message: string, hint: string, data: EwsErrorData = {}, options?: { cause?: unknown }) {
    super(code, message, hint, { ...options, nothingChanged: NOTHING_CHANGED.has(code) });
    this.code = code;
    this.data = data;
  }

  /** True when repeating the same request later may succeed (busy, unavailable, timed out). */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

/**
 * Failures where Exchange certainly did not act: it refused the request before processing it (busy, no
 * connection made), or it never reached a mailbox (sign-in, permission, address, TLS, wrong URL). A
 * timeout or a cut connection is not here: the request may have been applied.
 */
export const NOT_PROCESSED: ReadonlySet<string> = new Set(['ErrorServerBusy', 'HttpServiceUnavailable', 'ConnectionRefused', 'ConnectTimeout', 'ErrorExceededConnectionCount', 'ErrorMailboxStoreUnavailable', 'ErrorMailboxMoveInProgress']);
const NOTHING_CHANGED = new Set<string>([
  ...NOT_PROCESSED,
  'HttpUnauthorized',
  'HttpForbidden',
  'HttpNotFound',
  'NotEws',
  'OwaRedirect',
  'LoginPageRedirect',
  'TlsUntrusted',
  'TlsHostnameMismatch',
  'TlsExpired',
  'TlsError',
  'DnsNotFound',
  'ErrorImpersonateUserDenied',
  'ErrorAccessDenied',
  'ErrorNonExistentMailbox',
  'ErrorInvalidSmtpAddress',
]);

const TRANSIENT = new Set<string>([
  'ErrorServerBusy',
  'ErrorTimeoutExpired',
  'ErrorMailboxStoreUnavailable',
  'ErrorMailboxMoveInProgress',
  'ErrorInternalServerTransientError',
  'ErrorExceededConnectionCount',
  'HttpServiceUnavailable',
  'ConnectTimeout',
  'RequestTimeout',
  'ConnectionReset',
  'ConnectionRefused',
]);
