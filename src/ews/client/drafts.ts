import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EventChange, EventDraft, FreeBusyStatus, Person } from '../../domain/calendar.js';
import { anchored, lastDay, type Repeat } from '../../domain/repeat.js';
import type { CalendarItemInput, DayOfWeek, DayOfWeekIndex, EmailAddress, LegacyFreeBusy, Month, Recurrence, RecurrencePattern, RecurrenceRange } from '../schema/types.js';
import { ianaToWindows } from './zones.js';

const LEGACY: Record<FreeBusyStatus, LegacyFreeBusy> = { free: 'Free', tentative: 'Tentative', busy: 'Busy', away: 'OOF', elsewhere: 'WorkingElsewhere', unknown: 'NoData' };

/** A UID in the shape Outlook uses for events it creates itself (hex), unique per call. */
export function newUid(): string {
  return `CONCIERGE-${randomUUID().replace(/-/g, '').toUpperCase()}`;
}


const address = (p: Person): EmailAddress => ({ ...(p.name ? { name: p.name } : {}), ...(p.email ? { email: p.email } : {}) });

function attendeeLists(attendees: EventDraft['attendees']): Pick<CalendarItemInput, 'requiredAttendees' | 'optionalAttendees' | 'resources'> {
  const of = (kind: string) => (attendees ?? []).filter((a) => a.kind === kind).map(address);
  const required = of('required');
  const optional = of('optional');
  const resources = of('resource');
  return { ...(required.length ? { requiredAttendees: required } : {}), ...(optional.length ? { optionalAttendees: optional } : {}), ...(resources.length ? { resources } : {}) };
}

/**
 * An all-day event is whole days in its own zone: start at local midnight, end at a later local
 * midnight. Days are counted in the zone, so a 23- or 25-hour DST day is still one day.
 */
export function wholeDays(start: string, end: string, zone: string): { start: string; end: string } {
  const s = DateTime.fromISO(start, { zone }).startOf('day');
  let e = DateTime.fromISO(end, { zone });
  e = e.equals(e.startOf('day')) ? e : e.startOf('day').plus({ days: 1 });
  if (e <= s) e = s.plus({ days: 1 });
  return { start: s.toUTC().toISO({ suppressMilliseconds: true })!, end: e.toUTC().toISO({ suppressMilliseconds: true })! };
}

const MONTHS: readonly Month[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NTH: Readonly<Record<number, DayOfWeekIndex>> = { 1: 'First', 2: 'Second', 3: 'Third', 4: 'Fourth', [-1]: 'Last' };
const dayOfWeek = (d: string): DayOfWeek => (d[0]!.toUpperCase() + d.slice(1)) as DayOfWeek;

/**
 * A repeat as EWS says it. The range starts on the first occurrence's date in the event's zone (Exchange
 * lays the series out in the zone given with the start), and the pattern's defaults (weekday, day of the
 * month) are the first occurrence's.
 */
export function toRecurrence(repeat: Repeat, start: string, zone: string): Recurrence {
  const first = DateTime.fromISO(start, { zone });
  const r = anchored(repeat, start, zone);
  const pattern: RecurrencePattern =
    r.every === 'day' ? { type: 'Daily', interval: r.interval }
    : r.every === 'week' ? { type: 'Weekly', interval: r.interval, daysOfWeek: (r.weekdays ?? []).map(dayOfWeek) }
    : r.every === 'month' && r.nth !== undefined ? { type: 'RelativeMonthly', interval: r.interval, daysOfWeek: dayOfWeek(r.weekdays?.[0] ?? 'monday'), dayOfWeekIndex: NTH[r.nth]! }
    : r.every === 'month' ? { type: 'AbsoluteMonthly', interval: r.interval, dayOfMonth: r.dayOfMonth ?? first.day }
    : { type: 'AbsoluteYearly', dayOfMonth: first.day, month: MONTHS[first.month - 1]! };
  const startDate = first.toISODate()!;
  const endDate = lastDay(r, start, zone);
  const range: RecurrenceRange =
    r.count !== undefined ? { type: 'Numbered', startDate, numberOfOccurrences: r.count }
    : endDate !== undefined ? { type: 'EndDate', startDate, endDate }
    : { type: 'NoEnd', startDate };
  return { pattern, range };
}

/** Domain draft -> EWS CalendarItem fields. */
export function draftToInput(draft: EventDraft & { readonly uid: string }): CalendarItemInput {
  const d = draft.isAllDay ? { ...draft, ...wholeDays(draft.start, draft.end, draft.timeZone) } : draft;
  return {
    subject: d.subject,
    ...(d.body !== undefined ? { body: { type: 'Text', value: d.body } } : {}),
    ...(d.noReminder ? { reminderIsSet: false } : d.reminderMinutes !== undefined ? { reminderIsSet: true, reminderMinutesBeforeStart: d.reminderMinutes } : {}),
    uid: d.uid,
    start: d.start,
    end: d.end,
    ...(d.isAllDay ? { isAllDayEvent: true } : {}),
    ...(d.freeBusy ? { legacyFreeBusyStatus: LEGACY[d.freeBusy] } : {}),
    ...(d.location !== undefined ? { location: d.location } : {}),
    ...attendeeLists(d.attendees),
    ...(d.repeat ? { recurrence: toRecurrence(d.repeat, d.start, d.timeZone) } : {}),
    timeZoneId: ianaToWindows(d.timeZone),
  };
}

/** Domain change -> the fields UpdateItem sets. Attendee lists replace the old ones. */
/**
 * The attendee lists a change empties ("remove bob from the planning", its only guest): deleted, since an empty
 * list is no SetItemField (the lists left out of `changeToInput` would otherwise keep their old guests).
 */
export function changeToDeletes(c: EventChange): (keyof CalendarItemInput)[] {
  if (c.attendees === undefined) return [];
  const has = (kind: string) => c.attendees!.some((a) => a.kind === kind);
  return [...(has('required') ? [] : ['requiredAttendees' as const]), ...(has('optional') ? [] : ['optionalAttendees' as const]), ...(has('resource') ? [] : ['resources' as const])];
}

export function changeToInput(c: EventChange): CalendarItemInput {
  return {
    ...(c.subject !== undefined ? { subject: c.subject } : {}),
    ...(c.start !== undefined ? { start: c.start } : {}),
    ...(c.end !== undefined ? { end: c.end } : {}),
    ...(c.location !== undefined ? { location: c.location } : {}),
    ...(c.attendees !== undefined ? attendeeLists(c.attendees) : {}),
    ...(c.timeZone !== undefined ? { timeZoneId: ianaToWindows(c.timeZone) } : {}),
    ...(c.noReminder ? { reminderIsSet: false } : c.reminderMinutes !== undefined ? { reminderIsSet: true, reminderMinutesBeforeStart: c.reminderMinutes } : {}),
  };
}
