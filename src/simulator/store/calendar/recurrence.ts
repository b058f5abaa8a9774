/**
 * Recurrence patterns as calendar dates: which days a series falls on, before any time of day or time
 * zone is applied. Dates are epoch days (days since 1970-01-01) so walking a long series is plain
 * integer arithmetic; a CalendarView of a years-old daily series walks thousands of dates.
 * Semantics follow [MS-OXOCAL] 2.2.1.44.1 (RecurrencePattern) as exposed by EWS (recurrence-patterns-and-ews).
 */
import type { DayOfWeek, DayOfWeekIndex, Month, RecurrencePattern, RecurrenceRange } from '../../../ews/schema/types.js';
import { StoreError } from './errors.js';

const WEEKDAY: Record<string, readonly number[]> = {
  Monday: [1],
  Tuesday: [2],
  Wednesday: [3],
  Thursday: [4],
  Friday: [5],
  Saturday: [6],
  Sunday: [7],
  Day: [1, 2, 3, 4, 5, 6, 7],
  Weekday: [1, 2, 3, 4, 5],
  WeekendDay: [6, 7],
};

const MONTHS: readonly Month[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INDEX: Record<DayOfWeekIndex, number> = { First: 0, Second: 1, Third: 2, Fourth: 3, Last: -1 };

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Epoch day of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDay(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of an epoch day (civil_from_days). */
export function civil(n: number): CivilDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  return epochDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - epochDay(year, month, 1);
}

/** ISO weekday numbers named by an EWS DayOfWeek value. */
export function weekdays(day: DayOfWeek | string): readonly number[] {
  const w = WEEKDAY[day];
  if (!w) throw new StoreError('ErrorCalendarInvalidRecurrence', `'${day}' is not a DayOfWeek.`);
  return w;
}

function monthNumber(month: Month): number {
  const i = MONTHS.indexOf(month);
  if (i < 0) throw new StoreError('ErrorCalendarInvalidRecurrence', `'${month}' is not a Month.`);
  return i + 1;
}

/** A `YYYY-MM-DD` (a trailing zone designator is ignored, as EWS dates may carry one) as an epoch day. */
export function parseDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new StoreError('ErrorCalendarInvalidRecurrence', `'${value}' is not a valid date.`);
  }
  return epochDay(year, month, day);
}

/**
 * AbsoluteMonthly/AbsoluteYearly day in a month. A day the month lacks (31 in April, 29-31 in
 * February) falls on the month's last day, as Outlook and Exchange schedule it.
 */
function clampedDay(year: number, month: number, day: number): number {
  return epochDay(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The First…Fourth or Last day of the month matching `day` (a weekday, Day, Weekday or WeekendDay). */
function nthDayOfMonth(year: number, month: number, day: DayOfWeek, index: DayOfWeekIndex): number {
  const wanted = weekdays(day);
  const first = epochDay(year, month, 1);
  const matches: number[] = [];
  for (let d = first; d < first + daysInMonth(year, month); d++) if (wanted.includes(weekdayOf(d))) matches.push(d);
  const i = INDEX[index];
  if (i === undefined) throw new StoreError('ErrorCalendarInvalidRecurrence', `'${index}' is not a DayOfWeekIndex.`);
  // Every month has at least four of each weekday and eight weekend days, so a pick always exists.
  return (i < 0 ? matches[matches.length - 1] : matches[i]) ?? first;
}

function checkInterval(interval: number): number {
  if (!Number.isInteger(interval) || interval < 1 || interval > 999) throw new StoreError('ErrorCalendarInvalidRecurrence', `Interval ${interval} is out of range.`);
  return interval;
}

function checkDay(day: number): number {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new StoreError('ErrorCalendarInvalidRecurrence', `DayOfMonth ${day} is out of range.`);
  return day;
}

function* weekly(interval: number, days: readonly DayOfWeek[], firstDay: DayOfWeek | undefined, start: number): Generator<number> {
  const fdow = weekdays(firstDay ?? 'Sunday')[0] ?? 7;
  const wanted = new Set(days.flatMap((d) => weekdays(d)));
  if (wanted.size === 0) wanted.add(weekdayOf(start));
  // Offsets from the first day of the week, so a Sunday-first week orders Sun, Mon, … Sat.
  const offsets = [...wanted].map((w) => (w - fdow + 7) % 7).sort((a, b) => a - b);
  const weekStart = start - ((weekdayOf(start) - fdow + 7) % 7);
  for (let base = weekStart; ; base += 7 * interval) {
    for (const off of offsets) if (base + off >= start) yield base + off;
  }
}

/** One date per period of `every` months, starting with the month of `start`. */
function* monthly(every: number, start: number, pick: (year: number, month: number) => number): Generator<number> {
  const { year, month } = civil(start);
  for (let k = year * 12 + month - 1; ; k += every) {
    const date = pick(Math.floor(k / 12), (k % 12) + 1);
    if (date >= start) yield date;
  }
}

/** Every date of the pattern on or after `start`, in order, without end (the range decides where to stop). */
export function* patternDates(pattern: RecurrencePattern, start: number): Generator<number> {
  switch (pattern.type) {
    case 'Daily': {
      const interval = checkInterval(pattern.interval);
      for (let d = start; ; d += interval) yield d;
    }
    case 'Weekly':
      return yield* weekly(checkInterval(pattern.interval), pattern.daysOfWeek, pattern.firstDayOfWeek, start);
    case 'AbsoluteMonthly': {
      const day = checkDay(pattern.dayOfMonth);
      return yield* monthly(checkInterval(pattern.interval), start, (y, m) => clampedDay(y, m, day));
    }
    case 'RelativeMonthly':
      return yield* monthly(checkInterval(pattern.interval), start, (y, m) => nthDayOfMonth(y, m, pattern.daysOfWeek, pattern.dayOfWeekIndex));
    case 'AbsoluteYearly': {
      const [month, day] = [monthNumber(pattern.month), checkDay(pattern.dayOfMonth)];
      return yield* yearly(start, (y) => clampedDay(y, month, day));
    }
    case 'RelativeYearly': {
      const month = monthNumber(pattern.month);
      return yield* yearly(start, (y) => nthDayOfMonth(y, month, pattern.daysOfWeek, pattern.dayOfWeekIndex));
    }
  }
}

/** Yearly patterns: one date a year (EWS yearly patterns have no interval). */
function* yearly(start: number, pick: (year: number) => number): Generator<number> {
  for (let year = civil(start).year; ; year++) {
    const date = pick(year);
    if (date >= start) yield date;
  }
}

/** Hard stop for series without an end, so a far-away window cannot spin forever. */
export const MAX_OCCURRENCES = 100_000;

export interface SeriesDate {
  /** 1-based position in the series (InstanceIndex); deleted occurrences keep their place. */
  readonly index: number;
  /** Epoch day. */
  readonly day: number;
}

/** The pattern's dates cut by the range: EndDate is inclusive, Numbered counts every occurrence. */
export function* seriesDates(pattern: RecurrencePattern, range: RecurrenceRange): Generator<SeriesDate> {
  const start = parseDate(range.startDate);
  const last = range.type === 'EndDate' ? parseDate(range.endDate) : Number.POSITIVE_INFINITY;
  const count = Math.min(range.type === 'Numbered' ? range.numberOfOccurrences : MAX_OCCURRENCES, MAX_OCCURRENCES);
  let index = 0;
  for (const day of patternDates(pattern, start)) {
    if (day > last || index >= count) return;
    if (day < start) continue;
    yield { index: ++index, day };
  }
}

/** Checks a recurrence before it is stored, with the code Exchange uses for a bad one. */
export function validateRecurrence(pattern: RecurrencePattern, range: RecurrenceRange): void {
  if (range.type === 'Numbered' && (!Number.isInteger(range.numberOfOccurrences) || range.numberOfOccurrences < 1 || range.numberOfOccurrences > 999)) {
    throw new StoreError('ErrorCalendarInvalidRecurrence', `NumberOfOccurrences ${range.numberOfOccurrences} is out of range.`);
  }
  if (range.type === 'EndDate' && parseDate(range.endDate) < parseDate(range.startDate)) {
    throw new StoreError('ErrorCalendarInvalidRecurrence', 'The recurrence EndDate is before its StartDate.');
  }
  if (seriesDates(pattern, range).next().done) throw new StoreError('ErrorCalendarInvalidRecurrence', 'The recurrence has no occurrence.');
}
