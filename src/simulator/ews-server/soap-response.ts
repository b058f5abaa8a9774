import { el, els, escapeXml, NS, Raw, type Attrs } from '../../ews/xml/index.js';
import type { ReleaseInfo } from './server-versions.js';

/** What the HTTP layer sends back. */
export interface SoapReply {
  readonly status: number;
  readonly body: string;
}

function serverVersionInfo(r: ReleaseInfo): string {
  // Exchange 2010+ and 2019 write it as h:ServerVersionInfo with the types namespace also as default.
  return `<h:ServerVersionInfo MajorVersion="${r.major}" MinorVersion="${r.minor}" MajorBuildNumber="${r.build}" MinorBuildNumber="${r.revision}" Version="${r.schema}" xmlns:h="${NS.types}" xmlns="${NS.types}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`;
}

/**
 * A whole success envelope around `<m:{operation}Response>`; `rootAttributes` go on that element
 * (ResponseClass, for responses that are themselves a ResponseMessage).
 */
export function soapEnvelope(release: ReleaseInfo, responseElementName: string, inner: Raw | string, rootAttributes?: Attrs): SoapReply {
  const content = typeof inner === 'string' ? inner : inner.xml;
  const attrs = Object.entries(rootAttributes ?? {}).map(([k, v]) => (v === undefined ? '' : ` ${k}="${escapeXml(String(v))}"`)).join('');
  return {
    status: 200,
    body:
      `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Header>${serverVersionInfo(release)}</s:Header>` +
      `<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">` +
      `<m:${responseElementName}${attrs} xmlns:m="${NS.messages}" xmlns:t="${NS.types}">${content}</m:${responseElementName}></s:Body></s:Envelope>`,
  };
}

export type ResponseClass = 'Success' | 'Warning' | 'Error';

/** One `m:{Op}ResponseMessage` with its class, code, optional text and payload (in schema order). */
export function responseMessage(operation: string, cls: ResponseClass, code: string, payload?: Raw, messageText?: string, messageXml?: Raw): Raw {
  return el(
    `m:${operation}ResponseMessage`,
    els(
      messageText !== undefined && el('m:MessageText', messageText),
      el('m:ResponseCode', code),
      cls !== 'Success' && el('m:DescriptiveLinkKey', '0'),
      messageXml !== undefined && el('m:MessageXml', messageXml),
      payload,
    ),
    { ResponseClass: cls },
  );
}

export function responseMessages(messages: readonly Raw[]): Raw {
  return el('m:ResponseMessages', messages);
}

/**
 * A SOAP fault as Exchange 2010+ writes it (HTTP 500): `faultcode a:<Code>`, detail with e:ResponseCode,
 * e:Message and an optional t:MessageXml (BackOffMilliseconds for throttling).
 */
export function soapFault(release: ReleaseInfo | undefined, code: string, faultString: string, message: string, values: Readonly<Record<string, string>> = {}): SoapReply {
  const valueXml = Object.entries(values)
    .map(([k, v]) => `<t:Value Name="${escapeXml(k)}">${escapeXml(v)}</t:Value>`)
    .join('');
  const header = release ? `<s:Header>${serverVersionInfo(release)}</s:Header>` : '';
  return {
    status: 500,
    body:
      `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}">${header}<s:Body><s:Fault>` +
      `<faultcode xmlns:a="${NS.types}">a:${escapeXml(code)}</faultcode><faultstring xml:lang="en-US">${escapeXml(faultString)}</faultstring>` +
      `<detail><e:ResponseCode xmlns:e="${NS.errors}">${escapeXml(code)}</e:ResponseCode><e:Message xmlns:e="${NS.errors}">${escapeXml(message)}</e:Message>` +
      (valueXml ? `<t:MessageXml xmlns:t="${NS.types}">${valueXml}</t:MessageXml>` : '') +
      `</detail></s:Fault></s:Body></s:Envelope>`,
  };
}

export { Raw };
