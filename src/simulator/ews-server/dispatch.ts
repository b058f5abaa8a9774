import type { MailboxRecord } from '../store/directory/index.js';
import { StoreError } from '../store/calendar/index.js';
import { EwsFault, ItemError, type EwsContext, type Handler } from './context.js';
import type { SimulatedExchange } from './exchange.js';
import { HANDLERS } from './handlers/index.js';
import { RootResponse } from './handlers/root-response.js';
import { acceptsRequestVersion } from './server-versions.js';
import { parseSoapRequest, SoapRequestError, type SoapRequest } from './soap-request.js';
import { responseMessage, responseMessages, soapEnvelope, soapFault, type SoapReply } from './soap-response.js';

/** Operations whose element name differs from the response name (exchangelib sends the *Request form). */
const ALIASES: Record<string, string> = { GetUserAvailabilityRequest: 'GetUserAvailability' };

/**
 * Answers one EWS request as Exchange would: version check, impersonation, throttling, then the
 * operation's handler. Never throws: every failure becomes the fault or ResponseMessage Exchange sends.
 */
export async function handleSoap(exchange: SimulatedExchange, caller: MailboxRecord, xml: string): Promise<SoapReply> {
  const release = exchange.releaseInfo;
  let request: SoapRequest;
  try {
    request = parseSoapRequest(xml);
  } catch (err) {
    if (err instanceof SoapRequestError) return soapFault(release, err.code, err.message, err.code === 'ErrorSchemaValidation' ? 'The request failed schema validation.' : 'The request is invalid.');
    throw err;
  }
  const operation = ALIASES[request.operation] ?? request.operation;
  const handler: Handler | undefined = HANDLERS[operation];
  if (request.requestVersion !== undefined && !acceptsRequestVersion(exchange.release, request.requestVersion)) {
    const known = /^(Exchange20\d\d(_SP\d)?|V20\d\d_\d\d_\d\d)$/.test(request.requestVersion) && !/Exchange2019|Exchange2015_SP1/.test(request.requestVersion);
    return known
      ? soapFault(release, 'ErrorInvalidServerVersion', 'The specified server version is invalid.', 'The specified server version is invalid.')
      : soapFault(release, 'ErrorInvalidRequest', 'The request is invalid.', 'The request is invalid.');
  }
  if (!handler) return soapFault(release, 'ErrorInvalidRequest', `The request is invalid: ${request.operation} is not an operation this server supports.`, 'The request is invalid.');

  const release_ = exchange.budget.acquire(caller.smtp);
  if (!release_) {
    return soapFault(release, 'ErrorServerBusy', 'The server cannot service this request right now. Try again later.', 'The server cannot service this request right now. Try again later.', { BackOffMilliseconds: String(exchange.budget.backOffMs) });
  }
  try {
    const ctx = impersonate(exchange, caller, request);
    const inner = await handler(ctx, request.body);
    // GetRoomLists, GetRooms (and GetDelegate) answer with a response element that is itself a ResponseMessage.
    return soapEnvelope(release, `${operation}Response`, inner, inner instanceof RootResponse ? inner.rootAttributes : undefined);
  } catch (err) {
    if (err instanceof EwsFault) return soapFault(release, err.code, err.message, err.message, err.values);
    // A handler that could not answer per item (a whole-request failure) answers with one error message.
    if (err instanceof ItemError || err instanceof StoreError) {
      const code = err instanceof StoreError ? err.responseCode : err.code;
      return soapEnvelope(release, `${operation}Response`, responseMessages([responseMessage(operation, 'Error', code, undefined, err.message)]));
    }
    const message = err instanceof Error ? err.message : String(err);
    return soapFault(release, 'ErrorInternalServerError', `An internal server error occurred. The operation failed. ${message}`, 'An internal server error occurred. The operation failed.');
  } finally {
    release_();
  }
}

/**
 * Applies ExchangeImpersonation: the target must exist and the caller must hold ApplicationImpersonation
 * with a scope that covers it. Real Exchange answers both failures as SOAP faults.
 */
function impersonate(exchange: SimulatedExchange, caller: MailboxRecord, request: SoapRequest): EwsContext {
  if (!request.impersonation) return { exchange, caller, actAs: caller, impersonating: false, request };
  const { kind, value } = request.impersonation;
  const target = kind === 'SID' ? undefined : exchange.mailbox(value);
  if (!target) throw new EwsFault('ErrorNonExistentMailbox', `The impersonation principal name is invalid: no mailbox matches ${value}.`);
  const decision = exchange.directory.impersonation(caller, target);
  if (!decision.allowed) {
    throw new EwsFault('ErrorImpersonateUserDenied', 'The account does not have permission to impersonate the requested user.');
  }
  return { exchange, caller, actAs: target, impersonating: true, request };
}
