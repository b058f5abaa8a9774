/**
 * FindItem with a CalendarView: singles, occurrences and exceptions overlapping a window, sorted by
 * start (web-service-reference/calendarview).
 */
import { DateTime } from 'luxon';
import type { CalendarEntry, FolderName } from './model.js';
import type { StoreCore } from './core.js';
import { StoreError } from './errors.js';
import { expandSeries } from './series.js';
import { ms, overlaps, parseInstant } from './time.js';
import { itemEntry, occurrenceEntry } from './view.js';

export interface CalendarViewResult {
  readonly items: readonly CalendarEntry[];
  /** Every item in the window, also those cut off by maxEntries. */
  readonly totalItemsInView: number;
  /** False when maxEntries cut the list short. */
  readonly includesLastItemInRange: boolean;
}

function byStart(a: CalendarEntry, b: CalendarEntry): number {
  return ms(a.start) - ms(b.start) || ms(a.end) - ms(b.end) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Everything in `folder` overlapping [winStart, winEnd), recurring series expanded, sorted by start. */
export function entriesInWindow(core: StoreCore, mailbox: string, folder: FolderName, winStart: number, winEnd: number): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  for (const item of core.items(mailbox, folder)) {
    if (item.kind !== 'calendarItem') continue;
    if (item.recurrence) {
      for (const occ of expandSeries(item, winStart, winEnd)) out.push(occurrenceEntry(item, occ, mailbox, folder));
    } else if (overlaps(ms(item.start), ms(item.end), winStart, winEnd)) {
      out.push(itemEntry(item, mailbox, folder));
    }
  }
  return out.sort(byStart);
}

/**
 * Checks a CalendarView window the way Exchange does: EndDate before StartDate is
 * ErrorCalendarEndDateIsEarlierThanStartDate, a span over two years ErrorCalendarViewRangeTooBig.
 */
export function checkWindow(start: string, end: string): { start: number; end: number } {
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (e < s) throw new StoreError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate.');
  const limit = DateTime.fromMillis(s, { zone: 'utc' }).plus({ years: 2 }).toMillis();
  if (e > limit) throw new StoreError('ErrorCalendarViewRangeTooBig', 'The calendar view range exceeds the maximum allowed (two years).');
  return { start: s, end: e };
}

export function calendarView(core: StoreCore, mailbox: string, folder: FolderName, start: string, end: string, maxEntries?: number): CalendarViewResult {
  const window = checkWindow(start, end);
  if (folder !== 'calendar') {
    throw new StoreError('ErrorCalendarFolderIsInvalidForCalendarView', 'CalendarView can only be used on a calendar folder.');
  }
  if (maxEntries !== undefined && (!Number.isInteger(maxEntries) || maxEntries < 1)) {
    throw new StoreError('ErrorInvalidRequest', 'MaxEntriesReturned must be a positive integer.');
  }
  const all = entriesInWindow(core, mailbox, folder, window.start, window.end);
  const cut = maxEntries !== undefined && all.length > maxEntries;
  return { items: cut ? all.slice(0, maxEntries) : all, totalItemsInView: all.length, includesLastItemInRange: !cut };
}
