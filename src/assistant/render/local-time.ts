/**
 * Wall-clock time of instants in IANA zones, for the renderer's words.
 *
 * Why not luxon here: a luxon DateTime in an IANA zone asks Intl for the zone's offset (formatToParts,
 * in IANAZone's partsOffset) each time one is made, and fromISO + setZone, startOf('day'), minus and
 * diff each make one; the renderer made several per event, about an eighth of a request's CPU. Here one
 * Intl.DateTimeFormat per zone, built once, gives an instant's wall-clock fields in a single call.
 * Differences between days come from calendar-day numbers (days since 1970-01-01 of the local date),
 * so 23- and 25-hour days need no offset arithmetic.
 *
 * Words are US English whatever the host's locale, as luxon's toFormat wrote them (it formats in en-US
 * unless a locale is set); month and weekday names are read from Intl once, so a label costs no Intl call.
 */
import { DateTime } from 'luxon';

/** A calendar date in some zone. */
export interface LocalDate {
  readonly year: number;
  /** 1 (January) to 12. */
  readonly month: number;
  readonly day: number;
  /** ISO weekday, as luxon's: 1 Monday to 7 Sunday. */
  readonly weekday: number;
  /** Days from 1970-01-01 to this date: the difference of two is the number of calendar days between them. */
  readonly dayNumber: number;
}

/** An instant as the clock on the wall in `zone` shows it. */
export interface LocalTime extends LocalDate {
  /** Milliseconds since the epoch. */
  readonly instant: number;
  readonly zone: string;
  /** 0 to 23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;

/** The wall clock in `zone` at `when` (an ISO 8601 instant, epoch milliseconds or a Date). */
export function localTime(when: string | number | Date, zone: string): LocalTime {
  const instant = typeof when === 'string' ? instantOf(when) : typeof when === 'number' ? when : when.getTime();
  const format = formatterFor(zone);
  if (!format || !Number.isFinite(instant)) return invalid(instant, zone);
  let year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN;
  for (const part of format.formatToParts(instant)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
    }
  }
  // Zone offsets are whole seconds, so the milliseconds are the same on every clock.
  const millisecond = ((instant % 1000) + 1000) % 1000;
  const dayNumber = Date.UTC(year, month - 1, day) / DAY_MS;
  return { instant, zone, year, month, day, weekday: isoWeekday(dayNumber), dayNumber, hour, minute, second, millisecond };
}

/** The wall clock one millisecond earlier: the end of a half-open window, as a moment inside it. */
export const millisecondBefore = (t: LocalTime): LocalTime => localTime(t.instant - 1, t.zone);

/**
 * Whether `t` starts its local day as luxon's startOf('day') would give it: midnight (either one where
 * the clock falls back to 00:00, as in America/Havana), or where a DST jump skips midnight (America/Santiago,
 * Asia/Beirut) the moment the clock lands on.
 */
export function startsLocalDay(t: LocalTime): boolean {
  if (t.hour === 0 && t.minute === 0 && t.second === 0 && t.millisecond === 0) return true;
  return millisecondBefore(t).dayNumber < t.dayNumber;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier), whatever the days' lengths. */
export const daysBetween = (from: LocalDate, to: LocalDate): number => to.dayNumber - from.dayNumber;

export const sameLocalDay = (a: LocalDate, b: LocalDate): boolean => a.dayNumber === b.dayNumber;

export const previousDay = (d: LocalDate): LocalDate => dateOf(d.dayNumber - 1);

/** The Monday of the date's week (weeks start on Monday, as luxon's startOf('week')). */
export const mondayOf = (d: LocalDate): LocalDate => dateOf(d.dayNumber - (d.weekday - 1));

/** "Friday". */
export const weekdayName = (d: LocalDate): string => (isValid(d) ? WEEKDAYS_LONG[d.weekday - 1]! : INVALID_TEXT);

/** "March", or with the year "March 2028". */
export function monthName(d: LocalDate, withYear: boolean): string {
  if (!isValid(d)) return INVALID_TEXT;
  return withYear ? `${MONTHS_LONG[d.month - 1]} ${String(d.year).padStart(4, '0')}` : MONTHS_LONG[d.month - 1]!;
}

/** "December 11", or with the year "December 11, 2027". */
export function monthDayName(d: LocalDate, withYear: boolean): string {
  if (!isValid(d)) return INVALID_TEXT;
  const monthDay = `${MONTHS_LONG[d.month - 1]} ${d.day}`;
  return withYear ? `${monthDay}, ${String(d.year).padStart(4, '0')}` : monthDay;
}

/** "Fri Dec 11, 9:05 AM" (luxon's 'ccc LLL d, h:mm a'). */
export function shortDateTime(t: LocalTime): string {
  if (!isValid(t)) return INVALID_TEXT;
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${WEEKDAYS_SHORT[t.weekday - 1]} ${MONTHS_SHORT[t.month - 1]} ${t.day}, ${hour12}:${String(t.minute).padStart(2, '0')} ${t.hour < 12 ? 'AM' : 'PM'}`;
}

/** ISO 8601 text to epoch milliseconds, read as luxon's DateTime.fromISO(text, { zone: 'utc' }) reads it. */
export function instantOf(iso: string): number {
  const m = EXTENDED_INSTANT.exec(iso);
  if (m && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]))) return Date.parse(iso);
  // Rare forms (no offset: UTC, basic format, week dates) and invalid text: luxon, as before.
  return DateTime.fromISO(iso, { zone: 'utc' }).toMillis();
}

/**
 * What Exchange and luxon's toISO() write: date, time (seconds and up to 3 fraction digits optional) and
 * an explicit Z or ±hh:mm. Date.parse reads these exactly as luxon does; Date.parse is lenient about
 * anything else (it rolls 2026-02-30 over into March), so the rest goes to luxon.
 */
const EXTENDED_INSTANT = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar date of a day number. */
function dateOf(dayNumber: number): LocalDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: isoWeekday(dayNumber), dayNumber };
}

/** 1 Monday to 7 Sunday: 1970-01-01 (day 0) was a Thursday. */
const isoWeekday = (dayNumber: number) => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

const isValid = (d: LocalDate) => Number.isFinite(d.dayNumber);

/** What luxon printed for an invalid DateTime; bad input (an unknown zone, unreadable text) still reads the same. */
const INVALID_TEXT = 'Invalid DateTime';

/** A clock that cannot be read: NaN fields make the same "NaN:NaN PM" words luxon's invalid DateTime did. */
const invalid = (instant: number, zone: string): LocalTime => ({ instant, zone, year: NaN, month: NaN, day: NaN, weekday: NaN, dayNumber: NaN, hour: NaN, minute: NaN, second: NaN, millisecond: NaN });

/** One formatter per zone, built on first use (building one costs far more than using it); null for a zone Intl does not know. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      format = null;
    }
    formatters.set(zone, format);
  }
  return format;
}

/** Names from Intl, once: 2024-01-01 was a Monday. */
function names(options: Intl.DateTimeFormatOptions, count: number, dateOfIndex: (i: number) => number): readonly string[] {
  const format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
  return Array.from({ length: count }, (_, i) => format.format(dateOfIndex(i)));
}
const WEEKDAYS_LONG = names({ weekday: 'long' }, 7, (i) => Date.UTC(2024, 0, 1 + i));
const WEEKDAYS_SHORT = names({ weekday: 'short' }, 7, (i) => Date.UTC(2024, 0, 1 + i));
const MONTHS_LONG = names({ month: 'long' }, 12, (i) => Date.UTC(2024, i, 1));
const MONTHS_SHORT = names({ month: 'short' }, 12, (i) => Date.UTC(2024, i, 1));
