import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { legacyTimeZone, windowsToIana, type LegacyTimeZoneTime } from '../../../ews/schema/timezones.js';
import { attr, child, children, el, els, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { WINDOWS_ZONE_NAMES } from './windows-zone-names.js';

/**
 * GetServerTimeZones (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/getservertimezones-operation):
 * the Windows zones the server knows, or the requested Ids. With ReturnFullTimeZoneData each definition
 * carries its rules, computed from the tz database for the current year and written as Exchange writes
 * them (the getservertimezones-operation example; an Exchange 2013 StartTimeZone):
 * `trule:Microsoft/Registry/<Id>/<year>-Standard|Daylight` periods with .NET-style duration biases
 * (UTC = local + bias: `PT8H`, `-PT1H`), one TransitionsGroup "0" of RecurringDayTransitions
 * (Occurrence -1 = last), and one Transition to that group. A zone without clock changes has a single
 * Transition to its standard period, which exchangelib reads as "no DST". Without full data a
 * definition is Id and Name only (the doc example; Exchange Online also writes an empty `<t:Periods/>`,
 * which types.xsd forbids, so it is not copied). Ids the tz database cannot back are left out.
 */

/** xs:duration as .NET's XmlConvert writes a TimeSpan: `PT8H`, `-PT5H30M`, `PT0S`. */
export function dotnetDuration(minutes: number): string {
  if (minutes === 0) return 'PT0S';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${minutes < 0 ? '-' : ''}PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
}

/** `HH:mm:ss` as a time-of-day duration (`02:00:00` -> `PT2H`). */
function timeOffset(time: string): string {
  const [h = 0, m = 0, s = 0] = time.split(':').map((p) => Math.floor(Number(p)));
  const out = `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return out === 'PT' ? 'PT0S' : out;
}

/** "(UTC-08:00) Pacific Time (US & Canada)" as Exchange names it, or a name built from the offset. */
function displayName(id: string, standardBias: number): string {
  const known = WINDOWS_ZONE_NAMES.get(id);
  if (known) return known;
  const offset = -standardBias;
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `(UTC${offset < 0 ? '-' : '+'}${hh}:${mm}) ${id}`;
}

function recurringDay(to: string, rule: LegacyTimeZoneTime): Raw {
  return el('t:RecurringDayTransition', els(
    el('t:To', to, { Kind: 'Period' }),
    el('t:TimeOffset', timeOffset(rule.time)),
    el('t:Month', String(rule.month)),
    el('t:DayOfWeek', rule.dayOfWeek),
    el('t:Occurrence', String(rule.dayOrder === 5 ? -1 : rule.dayOrder)),
  ));
}

/** Definitions already written: computing a zone's rules samples a whole year (all zones take most of a second). */
const written = new Map<string, Raw>();

/** One t:TimeZoneDefinition, or undefined when neither CLDR nor the tz database knows the id. */
export function timeZoneDefinition(id: string, full: boolean, year: number): Raw | undefined {
  const key = `${id}|${full}|${year}`;
  const known = written.get(key);
  if (known) return known;
  const made = writeDefinition(id, full, year);
  // Only ids that exist are kept, so the cache stays as small as the zone table.
  if (made) written.set(key, made);
  return made;
}

function writeDefinition(id: string, full: boolean, year: number): Raw | undefined {
  let iana: string;
  try {
    iana = windowsToIana(id);
  } catch {
    return undefined;
  }
  const tz = legacyTimeZone(iana, year);
  const attrs = { Id: id, Name: displayName(id, tz.bias) };
  if (!full) return el('t:TimeZoneDefinition', undefined, attrs);
  const hasDst = tz.daylightTime.bias !== 0;
  const stdId = `trule:Microsoft/Registry/${id}/${year}-Standard`;
  const dltId = `trule:Microsoft/Registry/${id}/${year}-Daylight`;
  const periods = el('t:Periods', els(
    el('t:Period', undefined, { Bias: dotnetDuration(tz.bias), Name: 'Standard', Id: stdId }),
    hasDst && el('t:Period', undefined, { Bias: dotnetDuration(tz.bias + tz.daylightTime.bias), Name: 'Daylight', Id: dltId }),
  ));
  const group = hasDst
    ? els(recurringDay(dltId, tz.daylightTime), recurringDay(stdId, tz.standardTime))
    : el('t:Transition', el('t:To', stdId, { Kind: 'Period' }));
  return el('t:TimeZoneDefinition', els(
    periods,
    el('t:TransitionsGroups', el('t:TransitionsGroup', group, { Id: '0' })),
    el('t:Transitions', el('t:Transition', el('t:To', '0', { Kind: 'Group' }))),
  ), attrs);
}

/** Every Windows id: Exchange's own order first, then the rest of CLDR's table. */
function allZoneIds(): string[] {
  const ids = [...WINDOWS_ZONE_NAMES.keys()];
  for (const e of WINDOWS_TO_IANA_MAP) if (!WINDOWS_ZONE_NAMES.has(e.windowsName) && !ids.includes(e.windowsName)) ids.push(e.windowsName);
  return ids;
}

export function getServerTimeZones(_ctx: EwsContext, body: XmlElement): Raw {
  // The attribute defaults to true (web-service-reference/getservertimezones); ews-javascript-api never sends it.
  const flag = (attr(body, 'ReturnFullTimeZoneData') ?? 'true').trim().toLowerCase();
  const full = flag !== 'false' && flag !== '0';
  const requested = children(child(body, 'Ids'), 'Id').map((e) => (text(e) ?? '').trim()).filter((id) => id !== '');
  const year = new Date().getUTCFullYear();
  const definitions = (requested.length > 0 ? requested : allZoneIds()).map((id) => timeZoneDefinition(id, full, year));
  const payload = el('m:TimeZoneDefinitions', definitions.filter((d): d is Raw => d !== undefined));
  return responseMessages([responseMessage('GetServerTimeZones', 'Success', 'NoError', payload)]);
}
