/**
 * How a new event repeats ("every monday", "every other week", "on the 1st of every month"): what a
 * person says, before any protocol. The series starts on the first day that fits the rule, at the event's
 * wall-clock time in its own zone, so it stays at 9 AM across daylight-saving changes.
 */
import { DateTime } from 'luxon';
import { atWallClock, skippedMinutes } from './wall-clock.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Repeat {
  readonly every: 'day' | 'week' | 'month' | 'year';
  /** 2 = every other one. */
  readonly interval: number;
  /** Weekly: the days it falls on (default: the first event's day). */
  readonly weekdays?: readonly Weekday[];
  /** Monthly: the day of the month (default: the first event's). */
  readonly dayOfMonth?: number;
  /** Monthly on a weekday ("the second Tuesday", "the last Friday"): which one of the month, -1 the last; the day is `weekdays[0]`. */
  readonly nth?: 1 | 2 | 3 | 4 | -1;
  /** How many times in all ("10 times", "for 6 weeks" of a weekly). */
  readonly count?: number;
  /** The last day it may fall on, `YYYY-MM-DD` in the event's zone ("until june 30"). */
  readonly until?: string;
  /** How long it goes on from the first occurrence ("daily for two weeks"). */
  readonly lasts?: { readonly n: number; readonly unit: 'day' | 'week' | 'month' | 'year' };
}

const weekdayOf = (d: DateTime): Weekday => WEEKDAYS[d.weekday - 1]!;
/** Which of its weekday in the month a day is: [2] for the second Tuesday, [4, -1] for a fourth that is also the last. */
const nthOf = (d: DateTime): readonly number[] => [Math.ceil(d.day / 7), ...(d.plus({ days: 7 }).month !== d.month ? [-1] : [])];

/** Whether a day (in the event's zone) is one the rule falls on, ignoring the interval. */
function fits(rule: Repeat, day: DateTime): boolean {
  if (rule.every === 'week' && rule.weekdays?.length) return rule.weekdays.includes(weekdayOf(day));
  if (rule.every === 'month' && rule.nth !== undefined) return weekdayOf(day) === rule.weekdays?.[0] && nthOf(day).includes(rule.nth);
  if (rule.every === 'month' && rule.dayOfMonth !== undefined) return day.day === Math.min(rule.dayOfMonth, day.daysInMonth!);
  return true;
}

/**
 * The first occurrence at or after `start` (same wall-clock time), in `zone`: "every tuesday at 3" said
 * on a Monday starts tomorrow; "on the 1st of every month" on the 5th starts next month; "every sunday at
 * 2:30am" said the week clocks spring forward starts the Sunday after. At most a year on.
 */
export function firstOccurrence(rule: Repeat, start: string, zone: string): string {
  const at = DateTime.fromISO(start, { zone });
  for (let i = 0; i < 366; i++) {
    const day = at.plus({ days: i });
    const wall = { year: day.year, month: day.month, day: day.day, hour: at.hour, minute: at.minute };
    // A day whose clock skips the time (2:30 AM as clocks spring forward) is passed over: Exchange keeps a
    // series at its Start's wall time, so a first one moved on to 3:30 would put every later one at 3:30.
    if (fits(rule, day) && skippedMinutes(wall, zone) === 0) return atWallClock(wall, zone).toUTC().toISO({ suppressMilliseconds: true })!;
  }
  return start;
}

/**
 * The first event of a series whose first one was asked for at `start`..`end`: moved on to the first day
 * the rule falls on, at the same wall-clock time, as long as before (whole days for an all-day one).
 */
export function firstTimes(rule: Repeat, start: string, end: string, zone: string, allDay: boolean): { start: string; end: string } {
  const first = firstOccurrence(rule, start, zone);
  if (first === start) return { start, end };
  const from = DateTime.fromISO(start, { zone });
  const to = DateTime.fromISO(first, { zone });
  const days = Math.round(to.startOf('day').diff(from.startOf('day'), 'days').days);
  const newEnd = allDay ? DateTime.fromISO(end, { zone }).plus({ days }) : to.plus({ milliseconds: Date.parse(end) - Date.parse(start) });
  return { start: first, end: newEnd.toUTC().toISO({ suppressMilliseconds: true })! };
}

/**
 * The rule once the person moved its first event to `start` ("no, friday" to "every Monday at 10"): a
 * series on one day of the week or month follows it there; one on several days keeps them.
 */
export function startingOn(rule: Repeat, start: string, zone: string): Repeat {
  const at = DateTime.fromISO(start, { zone });
  if (fits(rule, at)) return rule;
  if (rule.every === 'week' && (rule.weekdays?.length ?? 0) <= 1) return { ...rule, weekdays: [weekdayOf(at)] };
  // "no, thursday" to "the last Friday of every month": the last Thursday (its place in the month stays).
  if (rule.every === 'month' && rule.nth !== undefined) return { ...rule, weekdays: [weekdayOf(at)] };
  if (rule.every === 'month') return { ...rule, dayOfMonth: at.day };
  return rule;
}

/** The last day the series may fall on (`YYYY-MM-DD` in `zone`), if it ends on a day: `until`, or `lasts` from the first occurrence. */
export function lastDay(rule: Repeat, start: string, zone: string): string | undefined {
  if (rule.until !== undefined) return rule.until;
  if (!rule.lasts) return undefined;
  return DateTime.fromISO(start, { zone }).plus({ [`${rule.lasts.unit}s`]: rule.lasts.n }).minus({ days: 1 }).toISODate()!;
}

/** The rule with its defaults made explicit from the first occurrence (weekday, day of month). */
export function anchored(rule: Repeat, start: string, zone: string): Repeat {
  const at = DateTime.fromISO(start, { zone });
  if (rule.every === 'week' && !rule.weekdays?.length) return { ...rule, weekdays: [weekdayOf(at)] };
  if (rule.every === 'month' && rule.dayOfMonth === undefined) return { ...rule, dayOfMonth: at.day };
  return rule;
}
