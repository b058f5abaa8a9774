/**
 * "When am I free tomorrow?", "do I have time for a 30 minute call this afternoon?": the free stretches of
 * a window between the events that hold time (busy, tentative, away; not those marked free, declined or
 * cancelled), at least `minutes` long. A whole day is looked at over working hours, as people mean it.
 */
import { DateTime } from 'luxon';
import type { CalendarEvent, TimeWindow } from '../../domain/calendar.js';
import { iso } from './timing.js';

/** The working day a whole-day question is about: 8 AM to 6 PM. */
export const WORKDAY_HOURS: readonly [number, number] = [8, 18];

/** At most this many days are looked at ("next week" is its working days). */
const MAX_DAYS = 7;

/**
 * The parts of `window` a free-time question covers, one per day: working hours of each whole day (a
 * weekend day only when the window is that day alone), the window itself when it is part of a day; never
 * the past, and days already over left out.
 */
export function askedSpans(window: TimeWindow, now: Date, zone: string): TimeWindow[] {
  const start = DateTime.fromISO(window.start, { zone });
  const end = DateTime.fromISO(window.end, { zone });
  const wholeDays = start.equals(start.startOf('day')) && end.equals(end.startOf('day'));
  const soonest = Math.ceil(now.getTime() / 300_000) * 300_000;
  const spans: TimeWindow[] = [];
  if (!wholeDays) {
    const from = Math.max(start.toMillis(), soonest);
    return from < end.toMillis() ? [{ start: iso(from), end: iso(end.toMillis()) }] : [];
  }
  const days = Math.round(end.diff(start, 'days').days);
  for (let d = start; d < end && spans.length < MAX_DAYS; d = d.plus({ days: 1 })) {
    if (days > 1 && d.weekday > 5) continue;
    const from = Math.max(d.set({ hour: WORKDAY_HOURS[0] }).toMillis(), soonest);
    const to = d.set({ hour: WORKDAY_HOURS[1] }).toMillis();
    if (from < to) spans.push({ start: iso(from), end: iso(to) });
  }
  return spans;
}

/** Free stretches of `span` at least `minutes` long, oldest first. */
export function freeGaps(span: TimeWindow, events: readonly CalendarEvent[], minutes = 15): TimeWindow[] {
  // (An all-day event that holds the day, an offsite or a day off, holds all of it; "free" ones do not.)
  const holding = events
    .filter((e) => !e.isCancelled && e.freeBusy !== 'free' && e.myResponse !== 'declined' && (!e.isAllDay || e.freeBusy === 'busy' || e.freeBusy === 'away' || e.freeBusy === 'elsewhere'))
    .map((e) => [Date.parse(e.start), Date.parse(e.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  const gaps: TimeWindow[] = [];
  let cursor = Date.parse(span.start);
  const end = Date.parse(span.end);
  for (const [s, e] of holding) {
    if (s > cursor && Math.min(s, end) - cursor >= minutes * 60_000) gaps.push({ start: iso(cursor), end: iso(Math.min(s, end)) });
    cursor = Math.max(cursor, e);
    if (cursor >= end) break;
  }
  if (end - cursor >= minutes * 60_000) gaps.push({ start: iso(cursor), end: iso(end) });
  return gaps;
}
