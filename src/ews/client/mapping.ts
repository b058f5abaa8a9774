import type { Attendee, AttendeeKind, AttendeeResponse, CalendarEvent, EventKind, FreeBusyStatus, Sensitivity } from '../../domain/calendar.js';
import type { Attendee as EwsAttendee, CalendarItem, LegacyFreeBusy, ResponseType } from '../schema/types.js';
import { ianaFromWindows } from './zones.js';

const RESPONSE: Record<ResponseType, AttendeeResponse> = {
  Unknown: 'unknown',
  Organizer: 'organizer',
  Tentative: 'tentative',
  Accept: 'accepted',
  Decline: 'declined',
  NoResponseReceived: 'none',
};

const KIND: Record<NonNullable<CalendarItem['calendarItemType']>, EventKind> = {
  Single: 'single',
  Occurrence: 'occurrence',
  Exception: 'exception',
  RecurringMaster: 'series',
};

const FREE_BUSY: Record<LegacyFreeBusy, FreeBusyStatus> = {
  Free: 'free',
  Tentative: 'tentative',
  Busy: 'busy',
  OOF: 'away',
  WorkingElsewhere: 'elsewhere',
  NoData: 'unknown',
};

export function toResponse(r: ResponseType | undefined): AttendeeResponse {
  return (r && RESPONSE[r]) ?? 'unknown';
}

/** EWS instants always carry Z or an offset; normalise to UTC `Z` form so strings compare and sort. */
export function toUtcIso(v: string | undefined): string {
  if (!v) return '';
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : new Date(ms).toISOString().replace('.000Z', 'Z');
}

function attendees(list: readonly EwsAttendee[] | undefined, kind: AttendeeKind): Attendee[] {
  return (list ?? []).map((a) => ({
    ...(a.mailbox.email !== undefined ? { email: a.mailbox.email } : {}),
    ...(a.mailbox.name !== undefined ? { name: a.mailbox.name } : {}),
    kind,
    response: toResponse(a.responseType),
  }));
}

/** EWS calendar item -> domain event. Lenient: what the shape did not ask for is simply absent. */
export function toCalendarEvent(item: CalendarItem): CalendarEvent {
  const kind = (item.calendarItemType && KIND[item.calendarItemType]) ?? 'single';
  const zone = item.startTimeZoneId ? ianaFromWindows(item.startTimeZoneId) : undefined;
  const all = [...attendees(item.requiredAttendees, 'required'), ...attendees(item.optionalAttendees, 'optional'), ...attendees(item.resources, 'resource')];
  return {
    id: item.itemId?.id ?? '',
    ...(item.itemId?.changeKey !== undefined ? { changeKey: item.itemId.changeKey } : {}),
    ...(item.uid !== undefined ? { uid: item.uid } : {}),
    subject: item.subject ?? '',
    start: toUtcIso(item.start),
    end: toUtcIso(item.end),
    isAllDay: item.isAllDayEvent ?? false,
    ...(item.location ? { location: item.location } : {}),
    ...(item.organizer ? { organizer: { ...(item.organizer.email !== undefined ? { email: item.organizer.email } : {}), ...(item.organizer.name !== undefined ? { name: item.organizer.name } : {}) } } : {}),
    attendees: all,
    kind,
    // Occurrences say IsRecurring=true but a master says false on real servers: the kind decides.
    isRecurring: kind !== 'single' || item.isRecurring === true,
    isCancelled: item.isCancelled ?? false,
    isMeeting: item.isMeeting ?? all.length > 0,
    freeBusy: (item.legacyFreeBusyStatus && FREE_BUSY[item.legacyFreeBusyStatus]) ?? 'busy',
    sensitivity: (item.sensitivity?.toLowerCase() as Sensitivity | undefined) ?? 'normal',
    myResponse: toResponse(item.myResponseType),
    ...(item.originalStart || item.recurrenceId ? { originalStart: toUtcIso(item.originalStart ?? item.recurrenceId) } : {}),
    ...(zone ? { timeZone: zone } : {}),
    ...(item.preview ? { bodyPreview: item.preview } : {}),
  };
}
