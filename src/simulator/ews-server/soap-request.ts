import { attr, child, childNames, parseXml, text, XmlParseError, type XmlElement } from '../../ews/xml/index.js';

/** Who the request asks to act as (ExchangeImpersonation/ConnectingSID), as written. */
export interface ImpersonationHeader {
  readonly kind: 'PrincipalName' | 'SID' | 'PrimarySmtpAddress' | 'SmtpAddress';
  readonly value: string;
}

/** An EWS request as the server needs it. */
export interface SoapRequest {
  /** Local name of the soap:Body child, e.g. `FindItem` (exchangelib sends `GetUserAvailabilityRequest`). */
  readonly operation: string;
  readonly body: XmlElement;
  /** RequestServerVersion/@Version; absent means Exchange2007 semantics. */
  readonly requestVersion?: string;
  readonly impersonation?: ImpersonationHeader;
  /** TimeZoneContext/TimeZoneDefinition/@Id (Windows id). */
  readonly timeZone?: string;
}

export class SoapRequestError extends Error {
  constructor(readonly code: 'ErrorSchemaValidation' | 'ErrorInvalidRequest', message: string) {
    super(message);
  }
}

/** Parses a SOAP request. Malformed XML and hostile documents (DTDs) become ErrorSchemaValidation faults. */
export function parseSoapRequest(xml: string): SoapRequest {
  let doc;
  try {
    doc = parseXml(xml);
  } catch (err) {
    const reason = err instanceof XmlParseError ? err.message : String(err);
    throw new SoapRequestError('ErrorSchemaValidation', `The request failed schema validation: ${reason}`);
  }
  if (doc.name !== 'Envelope') throw new SoapRequestError('ErrorSchemaValidation', 'The request failed schema validation: the root element is not a SOAP Envelope.');
  const bodyEl = child(doc.element, 'Body');
  const [operation] = childNames(bodyEl);
  if (!operation) throw new SoapRequestError('ErrorInvalidRequest', 'The request is invalid: the SOAP Body is empty.');
  const header = child(doc.element, 'Header');
  const sid = child(child(header, 'ExchangeImpersonation'), 'ConnectingSID');
  let impersonation: ImpersonationHeader | undefined;
  for (const kind of ['PrimarySmtpAddress', 'SmtpAddress', 'PrincipalName', 'SID'] as const) {
    const v = text(sid, kind)?.trim();
    if (v) {
      impersonation = { kind, value: v };
      break;
    }
  }
  const version = attr(child(header, 'RequestServerVersion'), 'Version');
  const tz = attr(child(child(header, 'TimeZoneContext'), 'TimeZoneDefinition'), 'Id');
  return {
    operation,
    body: child(bodyEl, operation) ?? {},
    ...(version !== undefined ? { requestVersion: version } : {}),
    ...(impersonation ? { impersonation } : {}),
    ...(tz ? { timeZone: tz } : {}),
  };
}
