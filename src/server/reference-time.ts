import { DateTime } from 'luxon';

/**
 * How far a question's reference time (`now`, `--now`) may be from the clock. It is there for tests and
 * replays; a year 1 or 3000 is a mistake (a zeroed date, a typo) that would be answered about a calendar
 * nobody keeps, so it is refused instead.
 */
export const NOW_WITHIN_YEARS = 10;

export interface NowRange {
  readonly from: Date;
  readonly to: Date;
}

/** The range `now` must fall in, around `clock`. */
export function nowRange(clock: Date = new Date()): NowRange {
  const c = DateTime.fromJSDate(clock, { zone: 'utc' }).startOf('second');
  return { from: c.minus({ years: NOW_WITHIN_YEARS }).toJSDate(), to: c.plus({ years: NOW_WITHIN_YEARS }).toJSDate() };
}

/** True when `at` is within NOW_WITHIN_YEARS of `clock`. */
export function isNowInRange(at: Date, clock: Date = new Date()): boolean {
  const { from, to } = nowRange(clock);
  return at.getTime() >= from.getTime() && at.getTime() <= to.getTime();
}

/** "from 2016-04-01T09:00:00Z to 2036-04-01T09:00:00Z": the range in words, to the second. */
export function describeNowRange(clock: Date = new Date()): string {
  const { from, to } = nowRange(clock);
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `from ${iso(from)} to ${iso(to)}`;
}
