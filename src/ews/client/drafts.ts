import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EventChange, EventDraft, FreeBusyStatus, Person } from '../../domain/calendar.js';
import type { CalendarItemInput, EmailAddress, LegacyFreeBusy } from '../schema/types.js';
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

/** Domain draft -> EWS CalendarItem fields. */
export function draftToInput(draft: EventDraft & { readonly uid: string }): CalendarItemInput {
  const d = draft.isAllDay ? { ...draft, ...wholeDays(draft.start, draft.end, draft.timeZone) } : draft;
  return {
    subject: d.subject,
    ...(d.body !== undefined ? { body: { type: 'Text', value: d.body } } : {}),
    ...(d.reminderMinutes !== undefined ? { reminderIsSet: true, reminderMinutesBeforeStart: d.reminderMinutes } : {}),
    uid: d.uid,
    start: d.start,
    end: d.end,
    ...(d.isAllDay ? { isAllDayEvent: true } : {}),
    ...(d.freeBusy ? { legacyFreeBusyStatus: LEGACY[d.freeBusy] } : {}),
    ...(d.location !== undefined ? { location: d.location } : {}),
    ...attendeeLists(d.attendees),
    timeZoneId: ianaToWindows(d.timeZone),
  };
}

/** Domain change -> the fields UpdateItem sets. Attendee lists replace the old ones. */
export function changeToInput(c: EventChange): CalendarItemInput {
  return {
    ...(c.subject !== undefined ? { subject: c.subject } : {}),
    ...(c.start !== undefined ? { start: c.start } : {}),
    ...(c.end !== undefined ? { end: c.end } : {}),
    ...(c.location !== undefined ? { location: c.location } : {}),
    ...(c.attendees !== undefined ? attendeeLists(c.attendees) : {}),
    ...(c.timeZone !== undefined ? { timeZoneId: ianaToWindows(c.timeZone) } : {}),
  };
}
