import { randomUUID } from 'node:crypto';
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

/** Domain draft -> EWS CalendarItem fields. */
export function draftToInput(d: EventDraft & { readonly uid: string }): CalendarItemInput {
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
