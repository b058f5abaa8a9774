import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { findIana, findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { AppError } from '../../shared/errors.js';
import { el, els, int, Raw, text, child, type XmlElement } from '../xml/index.js';

/**
 * Time zones as EWS names them. Exchange speaks Windows ids (`Pacific Standard Time`) in headers and
 * items, and the availability service still takes the legacy Win32 shape (Bias + two yearly rules);
 * Concierge speaks IANA (`America/Los_Angeles`). The mapping is CLDR's windowsZones table, as shipped
 * by the `windows-iana` package.
 */

/** A zone name nobody on the path knows: neither CLDR's table nor the ICU data behind luxon. */
export class UnknownTimeZoneError extends AppError {
  /** The name as the caller gave it. */
  readonly zone: string;
  /** Which naming scheme the name was expected in. */
  readonly scheme: 'iana' | 'windows';

  constructor(zone: string, scheme: 'iana' | 'windows', reason: string) {
    super(
      'UnknownTimeZone',
      `Unknown ${scheme === 'iana' ? 'IANA' : 'Windows'} time zone "${zone}": ${reason}.`,
      scheme === 'iana'
        ? 'Use an IANA zone name such as Europe/Berlin or America/Los_Angeles (the tz database list).'
        : 'Use a Windows time zone id that Exchange lists, such as "W. Europe Standard Time" (Get-TimeZone -ListAvailable).',
    );
    this.zone = zone;
    this.scheme = scheme;
  }
}

/** True when luxon (ICU) knows the IANA name; fixed-offset names like `UTC+5` are not IANA. */
/** Answers per zone name: luxon builds an Intl.DateTimeFormat on every check, ~5% of a CalendarView's CPU. */
const ianaValidity = new Map<string, boolean>();

export function isIanaZone(name: string): boolean {
  let valid = ianaValidity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    // Bounded: a caller feeding endless made-up names must not grow this without end.
    if (ianaValidity.size < 2_000) ianaValidity.set(name, valid);
  }
  return valid;
}

function requireIana(name: string): IANAZone {
  if (!isIanaZone(name)) throw new UnknownTimeZoneError(name, 'iana', 'not in the tz database');
  return IANAZone.create(name);
}

/**
 * The Windows id for an IANA zone. CLDR still files some zones under their old names (Europe/Kiev,
 * Asia/Calcutta), so a newer name (Europe/Kyiv) is retried under the name ICU canonicalizes it to.
 */
export function ianaToWindows(iana: string): string {
  const known = WINDOWS_OF.get(iana);
  if (known !== undefined) return known;
  const found = lookUpWindows(iana);
  WINDOWS_OF.set(iana, found);
  return found;
}

/**
 * Answers per zone name, computed once: every calendar item names its zone and the CLDR table is
 * searched linearly, so a day's listing asked the same question once per event (2% of the
 * assistant's CPU in bench:assistant). Only answers are kept (so both maps stay within the size of the
 * CLDR table, whatever names arrive); an unknown name throws each time.
 */
const WINDOWS_OF = new Map<string, string>();
const IANA_OF = new Map<string, string>();

function lookUpWindows(iana: string): string {
  requireIana(iana);
  let candidates = findWindows(iana);
  if (candidates.length === 0) {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: iana }).resolvedOptions().timeZone;
    if (canonical !== iana) candidates = findWindows(canonical);
  }
  // A zone listed under several Windows ids: prefer the id whose default (territory 001) zone it is.
  const preferred = candidates.find((w) => (findIana(w, '001') as readonly string[]).includes(iana)) ?? candidates[0];
  if (preferred === undefined) throw new UnknownTimeZoneError(iana, 'iana', 'no Windows time zone corresponds to it in CLDR');
  return preferred;
}

/**
 * The IANA zone for a Windows id: CLDR's default mapping (territory 001), e.g. `Pacific Standard
 * Time` -> `America/Los_Angeles`, `UTC` -> `Etc/UTC`. Ids are matched case-insensitively because
 * admins type them by hand; Exchange itself always sends the exact spelling.
 */
export function windowsToIana(windowsId: string): string {
  const known = IANA_OF.get(windowsId);
  if (known !== undefined) return known;
  const found = lookUpIana(windowsId);
  IANA_OF.set(windowsId, found);
  return found;
}

function lookUpIana(windowsId: string): string {
  const wanted = windowsId.trim().toLowerCase();
  const exact = WINDOWS_TO_IANA_MAP.find((e) => e.windowsName.toLowerCase() === wanted)?.windowsName;
  if (exact === undefined) throw new UnknownTimeZoneError(windowsId, 'windows', 'not in the CLDR Windows zone table');
  const zone = findIana(exact, '001').find(isIanaZone) ?? findIana(exact).find(isIanaZone);
  if (zone === undefined) throw new UnknownTimeZoneError(windowsId, 'windows', 'none of its IANA zones is known to this runtime');
  return zone;
}

export type Weekday = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday';

/** luxon numbers weekdays 1 = Monday … 7 = Sunday; index by `weekday % 7`. */
const WEEKDAYS: readonly Weekday[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * One yearly rule of types.xsd SerializableTimeZoneTime (the Win32 SYSTEMTIME convention): the
 * `dayOrder`-th `dayOfWeek` of `month` (5 = the last one) at `time`, in the local time in force
 * just before the change. `bias` is added to the zone's Bias while the rule's period lasts.
 */
export interface LegacyTimeZoneTime {
  readonly bias: number;
  /** `HH:mm:ss`. */
  readonly time: string;
  readonly dayOrder: number;
  readonly month: number;
  readonly dayOfWeek: Weekday | (string & {});
  /** Only for absolute-date rules, which Exchange rarely sends and Concierge never writes. */
  readonly year?: string;
}

/** types.xsd SerializableTimeZone: UTC = local + bias (minutes), so UTC-8 has Bias 480. */
export interface LegacyTimeZone {
  readonly bias: number;
  readonly standardTime: LegacyTimeZoneTime;
  readonly daylightTime: LegacyTimeZoneTime;
}

interface Transition {
  /** UTC milliseconds of the first instant under the new offset. */
  readonly at: number;
  /** Offsets in minutes east of UTC, before and after. */
  readonly before: number;
  readonly after: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Offset changes in [from, to), found by daily sampling and bisection to the minute. */
function transitions(zone: IANAZone, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  let prevAt = from;
  let prev = zone.offset(from);
  // Sampling once a day misses only changes undone within 24 hours, which no zone has ever had.
  for (let t = Math.min(from + DAY, to); prevAt < to; t = Math.min(t + DAY, to)) {
    const cur = zone.offset(t);
    if (cur !== prev) {
      let lo = prevAt;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE)) * MINUTE;
        if (zone.offset(mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, before: prev, after: cur });
      prev = cur;
    }
    prevAt = t;
  }
  return out;
}

/** Describes a transition as the floating rule Windows uses, read off the wall clock before it. */
function ruleOf(t: Transition, bias: number): LegacyTimeZoneTime {
  const local = DateTime.fromMillis(t.at, { zone: FixedOffsetZone.instance(t.before) });
  // A date in the month's last seven days is written as "last" (5): that is how the rules are
  // stated (EU: last Sunday of March), and it stays right in years where it is the 4th.
  const dayOrder = local.day + 7 > (local.daysInMonth ?? 31) ? 5 : Math.ceil(local.day / 7);
  return { bias, time: local.toFormat('HH:mm:ss'), dayOrder, month: local.month, dayOfWeek: WEEKDAYS[local.weekday % 7] ?? 'Sunday' };
}

/**
 * A zone without clock changes. Both rules carry a zero delta, so where they fall does not matter;
 * the dates are the ones Microsoft's EWS Managed API sends for such zones, which Exchange accepts.
 * Month 0 (Win32's "no DST") is avoided: whether Exchange accepts it in a request is not documented.
 */
function fixed(offsetMinutes: number): LegacyTimeZone {
  const rule = (month: number): LegacyTimeZoneTime => ({ bias: 0, time: '02:00:00', dayOrder: 1, month, dayOfWeek: 'Sunday' });
  return { bias: offsetMinutes === 0 ? 0 : -offsetMinutes, standardTime: rule(3), daylightTime: rule(10) };
}

/**
 * The legacy `t:TimeZone` (GetUserAvailability, WorkingHours) for an IANA zone, using the rules in
 * force during `year`. The legacy shape holds one rule pair for all years, so a window should not
 * straddle a year in which the zone changed its rules.
 *
 * Standard time is the smaller of the two offsets, the Windows convention; it also makes zones the
 * tz database models with negative DST (Europe/Dublin) come out as Windows has them.
 * @example legacyTimeZone('Europe/Berlin', 2025)
 * // { bias: -60, standardTime: { bias: 0, time: '03:00:00', dayOrder: 5, month: 10, dayOfWeek: 'Sunday' },
 * //   daylightTime: { bias: -60, time: '02:00:00', dayOrder: 5, month: 3, dayOfWeek: 'Sunday' } }
 */
export function legacyTimeZone(iana: string, year: number): LegacyTimeZone {
  const zone = requireIana(iana);
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new AppError('InvalidArgument', `legacyTimeZone: year ${year} is out of range`, 'Pass a four-digit year from 1970 on.');
  const from = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toMillis();
  const to = DateTime.fromObject({ year: year + 1, month: 1, day: 1 }, { zone }).toMillis();
  const changes = transitions(zone, from, to);
  const toDaylight = changes.find((c) => c.after > c.before);
  const toStandard = changes.find((c) => c.after < c.before);
  // No change, or a one-way change of the base offset (no DST): describe the rule at the year's end.
  if (!toDaylight || !toStandard) return fixed(zone.offset(to - 1));
  const standard = toDaylight.before;
  const daylight = toDaylight.after;
  return { bias: standard === 0 ? 0 : -standard, standardTime: ruleOf(toStandard, 0), daylightTime: ruleOf(toDaylight, standard - daylight) };
}

function writeRule(tag: string, r: LegacyTimeZoneTime): Raw {
  return el(
    tag,
    els(
      el('t:Bias', String(r.bias)),
      el('t:Time', r.time),
      el('t:DayOrder', String(r.dayOrder)),
      el('t:Month', String(r.month)),
      el('t:DayOfWeek', r.dayOfWeek),
      r.year !== undefined && el('t:Year', r.year),
    ),
  );
}

/** Writes a SerializableTimeZone element (`t:TimeZone` in GetUserAvailabilityRequest). */
export function writeLegacyTimeZone(tz: LegacyTimeZone, tag = 't:TimeZone'): Raw {
  return el(tag, els(el('t:Bias', String(tz.bias)), writeRule('t:StandardTime', tz.standardTime), writeRule('t:DaylightTime', tz.daylightTime)));
}

function readRule(e: XmlElement | undefined): LegacyTimeZoneTime {
  const year = text(e, 'Year')?.trim();
  return {
    bias: int(e, 'Bias') ?? 0,
    time: text(e, 'Time')?.trim() ?? '00:00:00',
    dayOrder: int(e, 'DayOrder') ?? 0,
    month: int(e, 'Month') ?? 0,
    dayOfWeek: text(e, 'DayOfWeek')?.trim() ?? 'Sunday',
    ...(year ? { year } : {}),
  };
}

/** Reads a SerializableTimeZone (e.g. WorkingHours/TimeZone); absent element gives undefined. */
export function readLegacyTimeZone(e: XmlElement | undefined): LegacyTimeZone | undefined {
  if (!e) return undefined;
  return { bias: int(e, 'Bias') ?? 0, standardTime: readRule(child(e, 'StandardTime')), daylightTime: readRule(child(e, 'DaylightTime')) };
}

/** Zones that name a clock for most of the people who keep it: tried first when reading a legacy zone back. */
const WELL_KNOWN_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'Pacific/Honolulu',
  'America/Toronto', 'America/Mexico_City', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires', 'Europe/London', 'Europe/Berlin',
  'Europe/Paris', 'Europe/Athens', 'Europe/Moscow', 'Europe/Istanbul', 'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Cairo', 'Asia/Dubai',
  'Asia/Karachi', 'Asia/Kolkata', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney',
  'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Perth', 'Pacific/Auckland', 'UTC',
];

const sameRule = (a: LegacyTimeZoneTime, b: LegacyTimeZoneTime) => a.bias === b.bias && a.time === b.time && a.dayOrder === b.dayOrder && a.month === b.month && a.dayOfWeek === b.dayOfWeek;

/**
 * An IANA zone keeping the same clock as a legacy `t:TimeZone` in `year` (a mailbox's working hours), or
 * undefined when none does. Several zones share one set of rules (Berlin and Paris): any of them tells
 * the time right. Plain Windows names are tried before regional variants ("Pacific Standard Time" before
 * "Pacific Standard Time (Mexico)"), each as CLDR's first IANA name for it.
 */
export function ianaZoneOfLegacy(tz: LegacyTimeZone, year: number): string | undefined {
  const names = [...new Set(WINDOWS_TO_IANA_MAP.map((e) => e.windowsName as string))].sort((a, b) => Number(a.includes('(')) - Number(b.includes('(')));
  // Offsets in January and July rule out most zones before their yearly rules are worked out.
  const offsets = new Set([-tz.bias, -(tz.bias + tz.daylightTime.bias)]);
  const jan = Date.UTC(year, 0, 1);
  const jul = Date.UTC(year, 6, 1);
  // Where many zones keep one clock (UTC+9: Tokyo, Seoul, Chita...), the zone most people know it by.
  for (const iana of [...WELL_KNOWN_ZONES, ...names.map((name) => findIana(name)[0])]) {
    if (!iana || !IANAZone.isValidZone(iana)) continue;
    const zone = IANAZone.create(iana);
    if (!offsets.has(zone.offset(jan)) || !offsets.has(zone.offset(jul))) continue;
    const candidate = legacyTimeZone(iana, year);
    if (candidate.bias === tz.bias && sameRule(candidate.standardTime, tz.standardTime) && sameRule(candidate.daylightTime, tz.daylightTime)) return iana;
  }
  return undefined;
}
