import { DateTime } from 'luxon';
import type { LegacyTimeZone, LegacyTimeZoneTime } from '../../../ews/schema/timezones.js';
import { ianaZone } from '../../store/calendar/index.js';
import { EwsFault } from '../context.js';

/**
 * The wall clock a request speaks in. GetUserAvailability reads TimeWindow values without an offset
 * in the request's zone and answers CalendarEvent times as local times of that zone, without an
 * offset (as Exchange 2010 and later write them: msdocs-freebusy-and-suggestions.response.xml).
 */
export interface RequestClock {
  /** Epoch ms of an xs:dateTime: taken as given with `Z` or an offset, else read in this zone. */
  instant(value: string): number;
  /** `YYYY-MM-DDTHH:mm:ss` in this zone, no offset. */
  local(ms: number): string;
}

const MINUTE = 60_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const HAS_OFFSET = /(Z|[+-]\d\d:?\d\d)$/i;
const WALL = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?$/;

function schemaFault(value: string): EwsFault {
  return new EwsFault('ErrorSchemaValidation', `The request failed schema validation: '${value}' is not a valid xs:dateTime.`);
}

/** A wall-clock value as if it were UTC (the arithmetic below stays in "wall milliseconds"). */
function wallMs(value: string): number {
  const m = WALL.exec(value);
  if (!m) throw schemaFault(value);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number(`0.${frac ?? 0}`) * 1000);
  if (Number.isNaN(ms)) throw schemaFault(value);
  return ms;
}

function withOffset(value: string): number {
  const dt = DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid) throw schemaFault(value);
  return dt.toMillis();
}

const formatWall = (wall: number): string => new Date(wall).toISOString().slice(0, 19);

/** Seconds of the day of a rule's `Time` (`HH:mm:ss`, fractions ignored). */
function timeOfDayMs(time: string): number {
  const [h = '0', m = '0', s = '0'] = time.split(':');
  return ((Number(h) * 60 + Number(m)) * 60 + Math.floor(Number(s))) * 1000;
}

/**
 * When a yearly rule fires in `year`, as wall milliseconds in the time in force before it: the
 * `dayOrder`-th `dayOfWeek` of `month` (5 = the last), Win32 SYSTEMTIME's "day-in-month" form.
 * With a Year the rule is an absolute date and DayOrder is the day of the month.
 */
function ruleWall(year: number, rule: LegacyTimeZoneTime): number {
  const month = rule.month - 1;
  if (rule.year !== undefined) return Date.UTC(Number(rule.year) || year, month, rule.dayOrder) + timeOfDayMs(rule.time);
  const weekday = Math.max(0, WEEKDAYS.indexOf(rule.dayOfWeek));
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
  let day = 1 + ((weekday - first + 7) % 7) + 7 * (Math.max(1, rule.dayOrder) - 1);
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  while (day > daysInMonth) day -= 7;
  return Date.UTC(year, month, day) + timeOfDayMs(rule.time);
}

/**
 * Local time <-> UTC under a legacy `t:TimeZone` (types.xsd SerializableTimeZone): UTC = local +
 * Bias + (DaylightTime.Bias while daylight time lasts, else StandardTime.Bias). The rule pair applies
 * to every year, as Exchange applies it. Month 0 or equal biases mean no clock change (exchangelib
 * sends such a dummy pair for UTC: first Monday of January / last Sunday of December, biases 0).
 */
export function legacyClock(tz: LegacyTimeZone): RequestClock {
  const std = tz.bias + tz.standardTime.bias;
  const dst = tz.bias + tz.daylightTime.bias;
  const fixed = tz.standardTime.month === 0 || tz.daylightTime.month === 0 || std === dst;
  /** Daylight time in force at wall time `w` (standard wall time for the start, daylight for the end). */
  const inDaylight = (year: number, at: number, toUtc: (wall: number, bias: number) => number): boolean => {
    const start = toUtc(ruleWall(year, tz.daylightTime), std);
    const end = toUtc(ruleWall(year, tz.standardTime), dst);
    return start < end ? at >= start && at < end : !(at >= end && at < start);
  };
  return {
    instant(value) {
      const v = value.trim();
      if (HAS_OFFSET.test(v)) return withOffset(v);
      const wall = wallMs(v);
      if (fixed) return wall + std * MINUTE;
      // Compared in wall time: the skipped hour reads as daylight time, the repeated hour as its first pass.
      const daylight = inDaylight(new Date(wall).getUTCFullYear(), wall, (w) => w);
      return wall + (daylight ? dst : std) * MINUTE;
    },
    local(ms) {
      if (fixed) return formatWall(ms - std * MINUTE);
      const year = new Date(ms - std * MINUTE).getUTCFullYear();
      const daylight = inDaylight(year, ms, (w, bias) => w + bias * MINUTE);
      return formatWall(ms - (daylight ? dst : std) * MINUTE);
    },
  };
}

/** The clock of a Windows zone (TimeZoneContext), through its IANA zone; unknown ids read as UTC. */
export function windowsClock(windowsId: string | undefined): RequestClock {
  const zone = ianaZone(windowsId);
  return {
    instant(value) {
      const v = value.trim();
      if (HAS_OFFSET.test(v)) return withOffset(v);
      wallMs(v);
      const dt = DateTime.fromISO(v, { zone });
      if (!dt.isValid) throw schemaFault(value);
      return dt.toMillis();
    },
    local: (ms) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
  };
}
