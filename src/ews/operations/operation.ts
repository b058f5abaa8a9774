import type { ErrorContext } from '../error-catalog.js';
import type { ExchangeVersion } from '../schema/versions.js';
import type { Raw, XmlElement } from '../xml/index.js';

/**
 * One EWS operation: its name, the oldest schema that has it, how to write its request body and how to
 * read its response element (`<m:NameResponse>`). The engine does everything else.
 */
export interface Operation<Args, Result> {
  readonly name: string;
  readonly minVersion: ExchangeVersion;
  /** Microsoft's reference page. */
  readonly reference: string;
  /** True for reads: sending it twice changes nothing, so a lost answer may be asked again. */
  readonly idempotent: boolean;
  build(args: Args, version: ExchangeVersion): Raw;
  /**
   * `args` are the ones the request was built from (the engine always passes them): some answers can
   * only be read with them, e.g. GetUserAvailability's times are local to the zone the request named.
   */
  parse(response: XmlElement, ctx: ParseContext, args?: Args): Result;
}

export interface ParseContext {
  readonly operation: string;
  readonly errors: ErrorContext;
}

/** A per-item result of a batch call: one per requested item, in request order. */
export type ItemResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: import('../errors.js').EwsError };
