/**
 * Records to read-only entries: what GetItem and FindItem show. Occurrences are computed here, from
 * the master and its exception, never stored on their own (calendars-and-ews-in-exchange).
 */
import type { CalendarItem, OccurrenceInfo } from '../../../ews/schema/types.js';
import type { CalendarEntry, CalendarItemRecord, FolderName, MessageEntry, MessageRecord } from './model.js';
import { makeOccurrenceId } from './ids.js';
import { findByOriginalStart, firstAndLast, type Occurrence } from './series.js';

function clone<T>(value: T): T {
  return structuredClone(value);
}

function base(record: CalendarItemRecord, mailbox: string, folder: FolderName) {
  const { exceptions: _exceptions, deletedOccurrences: _deleted, recurrence, ...rest } = clone(record);
  return { ...rest, mailbox, folder, ...(recurrence ? { recurrence } : {}) };
}

function occurrenceInfo(master: CalendarItemRecord, occ: Occurrence): OccurrenceInfo {
  return {
    itemId: { id: makeOccurrenceId(master.id, occ.originalStart), changeKey: occ.exception?.changeKey ?? master.changeKey },
    start: occ.start,
    end: occ.end,
    originalStart: occ.originalStart,
  };
}

/** A single item or a recurring master, with FirstOccurrence/LastOccurrence/Modified/Deleted for masters. */
export function itemEntry(record: CalendarItemRecord, mailbox: string, folder: FolderName): CalendarEntry {
  if (!record.recurrence) return { ...base(record, mailbox, folder), calendarItemType: 'Single', itemClass: 'IPM.Appointment', isRecurring: false };
  const { first, last } = firstAndLast(record);
  const modified = record.exceptions
    .filter((e) => !record.deletedOccurrences.includes(e.originalStart))
    .map((e) => findByOriginalStart(record, e.originalStart))
    .filter((o): o is Occurrence => o !== undefined)
    .map((o) => occurrenceInfo(record, o));
  return {
    ...base(record, mailbox, folder),
    calendarItemType: 'RecurringMaster',
    itemClass: 'IPM.Appointment',
    // Exchange 2019 reports IsRecurring=false on the master itself (php-ews CalendarTest recordings).
    isRecurring: false,
    ...(first ? { firstOccurrence: occurrenceInfo(record, first) } : {}),
    ...(last ? { lastOccurrence: occurrenceInfo(record, last) } : {}),
    modifiedOccurrences: modified,
    deletedOccurrences: record.deletedOccurrences.map((start) => ({ start })),
  };
}

/** One occurrence or exception of `master`, with the exception's overrides applied. */
export function occurrenceEntry(master: CalendarItemRecord, occ: Occurrence, mailbox: string, folder: FolderName): CalendarEntry {
  const fields = clone(occ.exception?.fields ?? {});
  const b = base(master, mailbox, folder);
  const { recurrence: _recurrence, ...withoutRecurrence } = b;
  return {
    ...withoutRecurrence,
    ...fields,
    id: makeOccurrenceId(master.id, occ.originalStart),
    changeKey: occ.exception?.changeKey ?? master.changeKey,
    start: occ.start,
    end: occ.end,
    lastModified: occ.exception?.lastModified ?? master.lastModified,
    calendarItemType: occ.exception ? 'Exception' : 'Occurrence',
    itemClass: 'IPM.Appointment.Occurrence',
    isRecurring: true,
    masterId: master.id,
    originalStart: occ.originalStart,
    instanceIndex: occ.index,
  };
}

/** xs:duration as Exchange writes Duration: `PT1H`, `PT1H30M`, `P1D`, `PT0S`. */
export function isoDuration(totalMs: number): string {
  let rest = Math.max(0, Math.round(totalMs / 1000));
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const parts: [number, string][] = [
    [Math.floor(rest / 3600), 'H'],
    [Math.floor((rest % 3600) / 60), 'M'],
    [rest % 60, 'S'],
  ];
  const time = parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join('');
  if (days === 0 && time === '') return 'PT0S';
  return `P${days > 0 ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

export function messageEntry(record: MessageRecord, mailbox: string, folder: FolderName): MessageEntry {
  return { ...clone(record), mailbox, folder };
}

/**
 * The entry in the shape of types.ts CalendarItem, for the EWS server to write with the shared field
 * tables. InstanceIndex and the stored time zone ids have no slot there and stay on the entry.
 */
export function toEwsCalendarItem(e: CalendarEntry): CalendarItem {
  return {
    itemId: { id: e.id, changeKey: e.changeKey },
    itemClass: e.itemClass,
    subject: e.subject,
    sensitivity: e.sensitivity,
    body: e.body,
    categories: e.categories,
    reminderIsSet: e.reminderIsSet,
    reminderMinutesBeforeStart: e.reminderMinutesBeforeStart,
    uid: e.uid,
    ...(e.originalStart ? { recurrenceId: e.originalStart, originalStart: e.originalStart } : {}),
    start: e.start,
    end: e.end,
    isAllDayEvent: e.isAllDay,
    legacyFreeBusyStatus: e.legacyFreeBusy,
    location: e.location,
    isMeeting: e.isMeeting,
    isCancelled: e.isCancelled,
    isRecurring: e.isRecurring,
    meetingRequestWasSent: e.meetingRequestWasSent,
    isResponseRequested: true,
    calendarItemType: e.calendarItemType,
    myResponseType: e.myResponseType,
    organizer: e.organizer,
    requiredAttendees: e.requiredAttendees,
    optionalAttendees: e.optionalAttendees,
    resources: e.resources,
    duration: isoDuration(Date.parse(e.end) - Date.parse(e.start)),
    appointmentSequenceNumber: e.appointmentSequenceNumber,
    ...(e.recurrence ? { recurrence: e.recurrence } : {}),
    ...(e.firstOccurrence ? { firstOccurrence: e.firstOccurrence } : {}),
    ...(e.lastOccurrence ? { lastOccurrence: e.lastOccurrence } : {}),
    ...(e.modifiedOccurrences && e.modifiedOccurrences.length > 0 ? { modifiedOccurrences: e.modifiedOccurrences } : {}),
    ...(e.deletedOccurrences && e.deletedOccurrences.length > 0 ? { deletedOccurrences: e.deletedOccurrences } : {}),
    startTimeZoneId: e.startTimeZone,
    endTimeZoneId: e.endTimeZone,
  };
}
