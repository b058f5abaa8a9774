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

/** The part of `window` a free-time question covers: working hours when it is whole days, never the past. */
export function askedSpan(window: TimeWindow, now: Date, zone: string): TimeWindow {
  const start = DateTime.fromISO(window.start, { zone });
  const end = DateTime.fromISO(window.end, { zone });
  const wholeDay = start.equals(start.startOf('day')) && end.equals(end.startOf('day')) && end.diff(start, 'hours').hours <= 25;
  const from = wholeDay ? start.set({ hour: WORKDAY_HOURS[0] }) : start;
  const to = wholeDay ? start.set({ hour: WORKDAY_HOURS[1] }) : end;
  const after = Math.max(from.toMillis(), Math.ceil(now.getTime() / 300_000) * 300_000);
  return { start: iso(Math.min(after, to.toMillis())), end: iso(to.toMillis()) };
}

/** Free stretches of `span` at least `minutes` long, oldest first. */
export function freeGaps(span: TimeWindow, events: readonly CalendarEvent[], minutes = 15): TimeWindow[] {
  const holding = events
    .filter((e) => !e.isAllDay && !e.isCancelled && e.freeBusy !== 'free' && e.myResponse !== 'declined')
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
