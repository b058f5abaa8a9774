import type { Raw, XmlElement } from '../../ews/xml/index.js';
import type { MailboxRecord } from '../store/directory/index.js';
import type { SimulatedExchange } from './exchange.js';
import type { SoapRequest } from './soap-request.js';

/** Everything a handler knows about one request. */
export interface EwsContext {
  readonly exchange: SimulatedExchange;
  /** The account that authenticated (the service account, or a user). */
  readonly caller: MailboxRecord;
  /** Whose rights apply: the impersonated mailbox, or the caller. */
  readonly actAs: MailboxRecord;
  readonly impersonating: boolean;
  readonly request: SoapRequest;
}

/** Handles one operation; returns the children of `<m:{Op}Response>`. */
export type Handler = (ctx: EwsContext, body: XmlElement) => Raw | Promise<Raw>;

/**
 * A failure answered as a SOAP fault (HTTP 500) rather than inside a ResponseMessage: header problems
 * (impersonation, version), schema violations, throttling.
 */
export class EwsFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly values: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/** A per-item failure, answered as a ResponseMessage of class Error. */
export class ItemError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
