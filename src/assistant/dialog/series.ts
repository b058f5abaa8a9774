/** What the dialog needs to know of a whole series before it proposes a change of it. */
import type { CalendarEvent } from '../../domain/calendar.js';
import type { CalendarProvider, SeriesRecord } from '../../providers/calendar-provider.js';
import { iso } from './timing.js';

/** An occurrence as its series has it: one moved on its own put back at its original start, for its length. */
export function atSeriesTime(e: CalendarEvent): CalendarEvent {
  if (e.kind !== 'exception' || !e.originalStart || e.originalStart === e.start) return e;
  return { ...e, start: e.originalStart, end: iso(Date.parse(e.originalStart) + Date.parse(e.end) - Date.parse(e.start)) };
}

/**
 * How many occurrences of `occurrence`'s series were changed or cancelled on their own: a change of the
 * series' dates or time puts them back as the series has it (Exchange drops a series' exceptions then),
 * which is said before "yes". Nothing when there are none, or the series cannot be read.
 */
export async function changedOnes(provider: CalendarProvider, mailbox: string, occurrence: CalendarEvent): Promise<{ changedOnes?: number }> {
  return seriesFacts(await provider.getSeries(mailbox, occurrence).catch(() => undefined));
}

/** The same, and whether none of the series has begun by `now` (its first occurrence, its master's start, is still to come). */
export async function seriesBefore(provider: CalendarProvider, mailbox: string, occurrence: CalendarEvent, now: Date): Promise<{ changedOnes?: number; notBegun?: true }> {
  const series = await provider.getSeries(mailbox, occurrence).catch(() => undefined);
  return { ...seriesFacts(series), ...(series && Date.parse(series.master.start) >= now.getTime() ? { notBegun: true as const } : {}) };
}

function seriesFacts(series: SeriesRecord | undefined): { changedOnes?: number } {
  const n = series?.changedOnes ?? 0;
  return n > 0 ? { changedOnes: n } : {};
}
