import { ewsError, type ErrorContext } from '../error-catalog.js';
import type { EwsError } from '../errors.js';
import type { ServerVersionInfo } from '../schema/versions.js';
import { attr, child, children, childNames, el, els, NS, parseXml, Raw, text, XmlParseError, type XmlElement } from '../xml/index.js';
import type { ExchangeVersion } from '../schema/versions.js';

/** What goes into soap:Header. */
export interface EnvelopeHeaders {
  readonly version: ExchangeVersion;
  /** Primary SMTP address of the mailbox to act as (ApplicationImpersonation). */
  readonly impersonate?: string;
  /** Windows time zone id for TimeZoneContext. */
  readonly timeZone?: string;
}

/** Builds the whole SOAP 1.1 request around one operation element. */
export function buildEnvelope(headers: EnvelopeHeaders, body: Raw): string {
  const header = els(
    el('t:RequestServerVersion', undefined, { Version: headers.version }),
    headers.impersonate !== undefined && el('t:ExchangeImpersonation', el('t:ConnectingSID', el('t:PrimarySmtpAddress', headers.impersonate))),
    headers.timeZone !== undefined && el('t:TimeZoneContext', el('t:TimeZoneDefinition', undefined, { Id: headers.timeZone })),
  );
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<soap:Envelope xmlns:soap="${NS.soap}" xmlns:t="${NS.types}" xmlns:m="${NS.messages}">` +
    `<soap:Header>${header.xml}</soap:Header><soap:Body>${body.xml}</soap:Body></soap:Envelope>`
  );
}

export interface ParsedEnvelope {
  readonly serverVersion?: ServerVersionInfo;
  /** Local name of the soap:Body child, e.g. `FindItemResponse` or `Fault`. */
  readonly bodyName: string;
  readonly body: XmlElement;
}

export function parseServerVersion(header: XmlElement | undefined): ServerVersionInfo | undefined {
  const svi = child(header, 'ServerVersionInfo');
  if (!svi) return undefined;
  const n = (name: string) => Number(attr(svi, name) ?? 0) || 0;
  return { majorVersion: n('MajorVersion'), minorVersion: n('MinorVersion'), majorBuildNumber: n('MajorBuildNumber'), minorBuildNumber: n('MinorBuildNumber'), version: attr(svi, 'Version') ?? '' };
}

/** Reads a SOAP envelope; throws XmlParseError when the text is not one. */
export function parseEnvelope(xml: string): ParsedEnvelope {
  const { name, element } = parseXml(xml);
  if (name !== 'Envelope') throw new XmlParseError(`expected a SOAP Envelope, got <${name}>`);
  const bodyEl = child(element, 'Body');
  const [bodyName] = childNames(bodyEl);
  if (!bodyEl || !bodyName) throw new XmlParseError('SOAP Envelope has an empty Body');
  return { serverVersion: parseServerVersion(child(element, 'Header')), bodyName, body: child(bodyEl, bodyName) ?? {} };
}

/** Reads `<t:Value Name="...">` pairs of a MessageXml block. */
export function messageXmlValues(messageXml: XmlElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of children(messageXml, 'Value')) {
    const name = attr(v, 'Name');
    if (name) out[name] = text(v) ?? '';
  }
  return out;
}

/**
 * Turns a soap:Fault into a typed error. Handles both shapes real servers send: Exchange 2010+
 * (`faultcode a:ErrorSchemaValidation`, detail/e:ResponseCode) and Exchange 2007 (`soap11:Client`).
 */
export function faultToError(fault: XmlElement, operation: string, httpStatus: number, ctx: ErrorContext): EwsError {
  const detail = child(fault, 'detail');
  const faultcode = (text(fault, 'faultcode') ?? '').trim();
  const code = (text(detail, 'ResponseCode') ?? faultcode.split(':').pop() ?? 'SoapFault').trim();
  const message = (text(detail, 'Message') ?? text(fault, 'faultstring') ?? '').trim();
  // Exchange 2010+ says only "The request failed schema validation." in e:Message and names the
  // offending element in MessageXml/Violation; keep it, the admin needs it.
  const violation = text(child(detail, 'MessageXml'), 'Violation')?.trim();
  const serverMessage = violation && !message.includes(violation) ? `${message.replace(/\.$/, '')}: ${violation}` : message;
  const values = messageXmlValues(child(detail, 'MessageXml'));
  const backOff = values.BackOffMilliseconds !== undefined ? Number(values.BackOffMilliseconds) : undefined;
  const known = code.startsWith('Error') ? code : 'SoapFault';
  return ewsError(known, { operation, httpStatus, responseCode: code, serverMessage, ...(backOff !== undefined && Number.isFinite(backOff) ? { backOffMs: backOff } : {}) }, ctx);
}

/** One `…ResponseMessage` of a response, before the operation reads its payload. */
export interface ResponseMessage {
  readonly responseClass: 'Success' | 'Warning' | 'Error';
  readonly responseCode: string;
  readonly messageText?: string;
  readonly values: Record<string, string>;
  readonly element: XmlElement;
}

/** One ResponseMessage element (also the bare one GetUserAvailability's FreeBusyResponse carries; absent = success). */
export function readResponseMessage(m: XmlElement | undefined): ResponseMessage {
  const cls = attr(m, 'ResponseClass');
  return {
    responseClass: cls === 'Error' || cls === 'Warning' ? cls : 'Success',
    responseCode: (text(m, 'ResponseCode') ?? 'NoError').trim(),
    messageText: text(m, 'MessageText')?.trim(),
    values: messageXmlValues(child(m, 'MessageXml')),
    element: m ?? {},
  };
}

/** The ResponseMessages of an operation response, in order. */
export function responseMessages(response: XmlElement): ResponseMessage[] {
  const container = child(response, 'ResponseMessages');
  const name = childNames(container).find((n) => n.endsWith('ResponseMessage'));
  if (!name) return [];
  return children(container, name).map(readResponseMessage);
}

/** The typed error for a ResponseMessage of class Error. */
export function messageError(msg: ResponseMessage, operation: string, ctx: ErrorContext): EwsError {
  const backOff = msg.values.BackOffMilliseconds !== undefined ? Number(msg.values.BackOffMilliseconds) : undefined;
  return ewsError(msg.responseCode, { operation, responseCode: msg.responseCode, serverMessage: msg.messageText, ...(ctx.mailbox ? { mailbox: ctx.mailbox } : {}), ...(backOff !== undefined && Number.isFinite(backOff) ? { backOffMs: backOff } : {}) }, ctx);
}

