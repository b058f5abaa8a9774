/** What the dialog needs to know of a whole series before it proposes a change of it. */
import type { CalendarEvent } from '../../domain/calendar.js';
import type { CalendarProvider } from '../../providers/calendar-provider.js';
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
  const n = (await provider.getSeries(mailbox, occurrence).catch(() => undefined))?.changedOnes ?? 0;
  return n > 0 ? { changedOnes: n } : {};
}
