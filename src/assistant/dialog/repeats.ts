/**
 * A read over several days says a series once ("Monday to Friday, at 9 AM, Team standup"), not once per
 * day: heard five times over, a daily standup buries the meetings that differ from day to day.
 */
import { DateTime } from 'luxon';
import type { CalendarEvent } from '../../domain/calendar.js';
import { localDateOf } from '../../domain/local-date.js';

export interface SplitRead {
  /** Occurrences of one series at one local time of day, on two days or more: each is said in one sentence. */
  readonly repeats: readonly (readonly CalendarEvent[])[];
  /** Everything else, in the order read. */
  readonly singles: readonly CalendarEvent[];
}

/** Whether the window covers more than one day in `zone` (a day is 23 to 25 hours around DST). */
export function coversDays(window: { readonly start: string; readonly end: string }, zone: string): boolean {
  return localDateOf(Date.parse(window.start), zone) !== localDateOf(Date.parse(window.end) - 1, zone);
}

/**
 * Occurrences of one series (its iCalendar UID, else its subject) that start at the same wall-clock time
 * and last as long, on different days in `zone`. All-day series stay single: "all day" is said per day.
 */
export function splitRepeats(events: readonly CalendarEvent[], zone: string): SplitRead {
  const groups = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    if (!e.isRecurring || e.isAllDay) continue;
    const start = DateTime.fromISO(e.start, { zone });
    const key = `${e.uid ?? e.subject.trim().toLowerCase()}|${start.toFormat('HH:mm')}|${Date.parse(e.end) - Date.parse(e.start)}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const repeats = [...groups.values()].filter((g) => g.length >= 2);
  if (repeats.length === 0) return { repeats: [], singles: events };
  const grouped = new Set(repeats.flat());
  return { repeats, singles: events.filter((e) => !grouped.has(e)) };
}
