/**
 * A recurring master's occurrences as instants: each pattern date gets the master's wall-clock time in
 * the series' StartTimeZone (so a 09:00 Pacific meeting stays at 09:00 across DST), then exceptions
 * and deleted occurrences are applied.
 */
import { DateTime } from 'luxon';
import type { CalendarItemRecord, ExceptionRecord } from './model.js';
import { civil, epochDay, seriesDates, MAX_OCCURRENCES } from './recurrence.js';
import { StoreError } from './errors.js';
import { ianaZone, isoUtc, ms, overlaps } from './time.js';

/** One occurrence of a series, with its exception (if modified) already applied to start/end. */
export interface Occurrence {
  readonly index: number;
  readonly originalStart: string;
  readonly originalEnd: string;
  readonly start: string;
  readonly end: string;
  readonly exception?: ExceptionRecord;
}

interface Shape {
  readonly zone: string;
  readonly time: { hour: number; minute: number; second: number };
  /** Duration as calendar days plus a remainder, so all-day and multi-day items keep midnight ends across DST. */
  readonly days: number;
  readonly remainderMs: number;
}

function shape(master: CalendarItemRecord): Shape {
  const zone = ianaZone(master.startTimeZone);
  const start = DateTime.fromMillis(ms(master.start), { zone });
  const end = DateTime.fromMillis(ms(master.end), { zone });
  const days = Math.max(0, Math.round(end.startOf('day').diff(start.startOf('day'), 'days').days));
  const remainderMs = end.toMillis() - start.plus({ days }).toMillis();
  return { zone, time: { hour: start.hour, minute: start.minute, second: start.second }, days, remainderMs };
}

function instants(s: Shape, day: number): { start: number; end: number } {
  const local = DateTime.fromObject({ ...civil(day), ...s.time }, { zone: s.zone });
  return { start: local.toMillis(), end: local.plus({ days: s.days }).toMillis() + s.remainderMs };
}

const DAY_MS = 86_400_000;

/** True when every instant of an occurrence on local date `day` is surely before `fromMs`, whatever the zone. */
function surelyBefore(s: Shape, day: number, fromMs: number): boolean {
  return (day + 2 + s.days) * DAY_MS + s.remainderMs + 3_600_000 < fromMs;
}

/** Local dates (epoch days) of the exceptions, which must never be skipped: they may have moved. */
function exceptionDays(master: CalendarItemRecord, zone: string): Set<number> {
  return new Set(
    master.exceptions.map((e) => {
      const d = DateTime.fromMillis(ms(e.originalStart), { zone });
      return epochDay(d.year, d.month, d.day);
    }),
  );
}

function exceptionMap(master: CalendarItemRecord): Map<string, ExceptionRecord> {
  return new Map(master.exceptions.map((e) => [e.originalStart, e]));
}

function toOccurrence(index: number, start: number, end: number, exception: ExceptionRecord | undefined): Occurrence {
  const originalStart = isoUtc(start);
  const originalEnd = isoUtc(end);
  return {
    index,
    originalStart,
    originalEnd,
    start: exception?.fields.start ?? originalStart,
    end: exception?.fields.end ?? originalEnd,
    ...(exception ? { exception } : {}),
  };
}

/**
 * Every occurrence position of the series in order, deleted ones included (callers check isDeleted),
 * stopping once an original start passes `stopAfterMs`. Occurrences surely over before `fromMs` are
 * counted but not built, so a window years into a series does not pay for the years before it.
 */
export function* walkSeries(master: CalendarItemRecord, stopAfterMs = Number.POSITIVE_INFINITY, fromMs = Number.NEGATIVE_INFINITY): Generator<Occurrence> {
  if (!master.recurrence) return;
  const s = shape(master);
  const exceptions = exceptionMap(master);
  const keep = exceptions.size > 0 ? exceptionDays(master, s.zone) : new Set<number>();
  for (const { index, day } of seriesDates(master.recurrence.pattern, master.recurrence.range)) {
    if (surelyBefore(s, day, fromMs) && !keep.has(day)) continue;
    const t = instants(s, day);
    if (t.start > stopAfterMs) return;
    yield toOccurrence(index, t.start, t.end, exceptions.get(isoUtc(t.start)));
  }
}

export function isDeleted(master: CalendarItemRecord, originalStart: string): boolean {
  return master.deletedOccurrences.includes(originalStart);
}

/**
 * The occurrences (plain and modified, never deleted) that overlap [winStart, winEnd), in series order.
 * Exceptions are tested at their modified times, since one may have moved into or out of the window.
 */
export function expandSeries(master: CalendarItemRecord, winStart: number, winEnd: number): Occurrence[] {
  const out: Occurrence[] = [];
  // Walk far enough to meet every exception, wherever it was moved to.
  const walkTo = Math.max(winEnd, ...master.exceptions.map((e) => ms(e.originalStart)));
  for (const occ of walkSeries(master, walkTo, winStart)) {
    if (isDeleted(master, occ.originalStart)) continue;
    if (overlaps(ms(occ.start), ms(occ.end), winStart, winEnd)) out.push(occ);
  }
  return out;
}

/** The occurrence whose original start is `originalStart`, or undefined when the series has none there. */
export function findByOriginalStart(master: CalendarItemRecord, originalStart: string): Occurrence | undefined {
  const target = ms(originalStart);
  for (const occ of walkSeries(master, target, target)) {
    if (occ.originalStart === originalStart) return occ;
  }
  return undefined;
}

/** OccurrenceItemId: the occurrence at a 1-based InstanceIndex. */
export function findByIndex(master: CalendarItemRecord, index: number): Occurrence {
  if (!Number.isInteger(index) || index < 1 || index > MAX_OCCURRENCES) {
    throw new StoreError('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange', `InstanceIndex ${index} is out of the recurrence range.`);
  }
  for (const occ of walkSeries(master)) {
    if (occ.index < index) continue;
    if (isDeleted(master, occ.originalStart)) {
      throw new StoreError('ErrorCalendarOccurrenceIsDeletedFromRecurrence', `Occurrence ${index} was deleted from the recurrence.`);
    }
    return occ;
  }
  throw new StoreError('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange', `InstanceIndex ${index} is out of the recurrence range.`);
}

/** First and last occurrences that still exist (LastOccurrence is undefined for a series with no end). */
export function firstAndLast(master: CalendarItemRecord): { first?: Occurrence; last?: Occurrence } {
  if (!master.recurrence) return {};
  let first: Occurrence | undefined;
  for (const occ of walkSeries(master)) {
    if (isDeleted(master, occ.originalStart)) continue;
    first = occ;
    break;
  }
  const last = master.recurrence.range.type === 'NoEnd' ? undefined : lastExisting(master);
  return { ...(first ? { first } : {}), ...(last ? { last } : {}) };
}

/** The last occurrence not deleted: dates are cheap to list, so only the tail is turned into instants. */
function lastExisting(master: CalendarItemRecord): Occurrence | undefined {
  if (!master.recurrence) return undefined;
  const s = shape(master);
  const exceptions = exceptionMap(master);
  const dates = [...seriesDates(master.recurrence.pattern, master.recurrence.range)];
  for (let i = dates.length - 1; i >= 0; i--) {
    const d = dates[i];
    if (!d) continue;
    const t = instants(s, d.day);
    const occ = toOccurrence(d.index, t.start, t.end, exceptions.get(isoUtc(t.start)));
    if (!isDeleted(master, occ.originalStart)) return occ;
  }
  return undefined;
}

/**
 * Where the master itself sits: Exchange moves a new series' Start/End onto its first occurrence
 * (a weekly Wednesday series created with a Monday start begins on Wednesday).
 */
export function firstOccurrenceTimes(master: CalendarItemRecord): { start: string; end: string } | undefined {
  const first = walkSeries(master).next();
  return first.done ? undefined : { start: first.value.originalStart, end: first.value.originalEnd };
}

/** The range start date for a master whose Start moved: the new local date in the series zone. */
export function localDate(iso: string, windowsZone: string): string {
  return DateTime.fromMillis(ms(iso), { zone: ianaZone(windowsZone) }).toISODate() ?? iso.slice(0, 10);
}

/**
 * ErrorOccurrenceCrossingBoundary: a modified occurrence must stay strictly between the starts of its
 * neighbours, so the series order never changes (Exchange refuses moves across an adjacent occurrence).
 */
export function checkOccurrenceMove(master: CalendarItemRecord, originalStart: string, newStart: string): void {
  let previous: Occurrence | undefined;
  let next: Occurrence | undefined;
  let found = false;
  // Neighbours of any EWS pattern are at most a year apart; looking further back is not needed.
  for (const occ of walkSeries(master, Number.POSITIVE_INFINITY, ms(originalStart) - 400 * DAY_MS)) {
    if (isDeleted(master, occ.originalStart)) continue;
    if (found) {
      next = occ;
      break;
    }
    if (occ.originalStart === originalStart) found = true;
    else previous = occ;
  }
  const t = ms(newStart);
  if ((previous && t <= ms(previous.start)) || (next && t >= ms(next.start))) {
    throw new StoreError('ErrorOccurrenceCrossingBoundary', 'A modified occurrence cannot be moved to or past an adjacent occurrence.');
  }
}
