import { CalendarStore } from '../../src/simulator/store/calendar/index.js';
import { Directory } from '../../src/simulator/store/directory/index.js';
import { handleSoap } from '../../src/simulator/ews-server/dispatch.js';
import { SimulatedExchange } from '../../src/simulator/ews-server/exchange.js';
import type { SimulatedRelease } from '../../src/simulator/ews-server/server-versions.js';
import { parseXml, type XmlElement } from '../../src/ews/xml/index.js';
import { validateEnvelope } from './shared.js';

export const T = 'http://schemas.microsoft.com/exchange/services/2006/types';
export const M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
export const PASSWORD = 'Passw0rd!';

/**
 * A small organization for handler tests: administrator, alice, bob, carol (users, Pacific time),
 * the service account svc (no rights until a test grants them), and two rooms.
 */
export function testExchange(release: SimulatedRelease = 'Exchange2016', fixedNow = '2026-12-01T12:00:00Z'): SimulatedExchange {
  const directory = Directory.create({
    domain: 'contoso.com',
    administratorPassword: PASSWORD,
    basicAuthentication: true,
    timeZone: 'Pacific Standard Time',
    mailboxes: [
      { name: 'Alice Wong', alias: 'alice', firstName: 'Alice', lastName: 'Wong', password: PASSWORD },
      { name: 'Bob Smith', alias: 'bob', firstName: 'Bob', lastName: 'Smith', password: PASSWORD },
      { name: 'Bob Jones', alias: 'bjones', firstName: 'Bob', lastName: 'Jones', password: PASSWORD },
      { name: 'Carol Diaz', alias: 'carol', password: PASSWORD, timeZone: 'W. Europe Standard Time' },
      { name: 'svc', alias: 'svc', displayName: 'Concierge Service', password: PASSWORD },
      { name: 'Room 101', alias: 'room.101', type: 'RoomMailbox', capacity: 8 },
      { name: 'Room 202', alias: 'room.202', type: 'RoomMailbox', capacity: 20 },
    ],
  });
  let n = 0;
  return new SimulatedExchange(release, directory, (resolve) => new CalendarStore({ resolve, now: () => new Date(fixedNow), nextToken: () => String(++n) }));
}

export interface SoapHeaders {
  readonly version?: string;
  /** ExchangeImpersonation PrimarySmtpAddress. */
  readonly impersonate?: string;
  readonly timeZone?: string;
}

/** A SOAP envelope around an operation element written with m: and t: prefixes. */
export function envelope(body: string, h: SoapHeaders = {}): string {
  const header =
    (h.version === undefined ? '<t:RequestServerVersion Version="Exchange2013"/>' : h.version === '' ? '' : `<t:RequestServerVersion Version="${h.version}"/>`) +
    (h.impersonate ? `<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>${h.impersonate}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>` : '') +
    (h.timeZone ? `<t:TimeZoneContext><t:TimeZoneDefinition Id="${h.timeZone}"/></t:TimeZoneContext>` : '');
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="${T}" xmlns:m="${M}"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export interface SoapResult {
  readonly status: number;
  readonly xml: string;
  /** The soap:Body child (`FindItemResponse`, `Fault`). */
  readonly bodyName: string;
  readonly body: XmlElement;
}

/** Sends a request straight to the dispatcher as `caller` (no socket), and parses the answer. */
export async function call(exchange: SimulatedExchange, caller: string, xml: string): Promise<SoapResult> {
  const account = exchange.directory.findMailbox(caller);
  if (!account) throw new Error(`no account ${caller}`);
  const reply = await handleSoap(exchange, account, xml);
  const env = parseXml(reply.body).element;
  const bodyEl = (env.Body as XmlElement[])[0]!;
  const bodyName = Object.keys(bodyEl).find((k) => !k.startsWith('@') && !k.startsWith('#'))!;
  return { status: reply.status, xml: reply.body, bodyName, body: (bodyEl[bodyName] as XmlElement[])[0]! };
}

/** Asserts-ready schema check of a simulator answer (faults are reported as such and not checked). */
export async function schemaCheck(xml: string): Promise<{ valid: boolean; output: string }> {
  return validateEnvelope(xml);
}
