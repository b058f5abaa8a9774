/**
 * The copies of a meeting in other mailboxes: an attendee's tentative copy, a room's booking, and the
 * organizer's tracking of who answered what. Copies share the organizer's UID, which is how Exchange
 * correlates them.
 */
import type { Attendee, ResponseType } from '../../../ews/schema/types.js';
import type { CalendarItemRecord, ExceptionRecord, OccurrenceFields, RoomPolicy } from './model.js';
import type { StoreCore } from './core.js';
import { sameAddress } from './items.js';
import { canceledSubject } from './messages.js';
import { roomSubject } from './rooms.js';

/** Fields an attendee's copy takes from the organizer's item on every update. */
const SHARED_FIELDS = [
  'subject',
  'body',
  'start',
  'end',
  'startTimeZone',
  'endTimeZone',
  'isAllDay',
  'location',
  'sensitivity',
  'organizer',
  'requiredAttendees',
  'optionalAttendees',
  'resources',
  'isMeeting',
  'appointmentSequenceNumber',
] as const;

function assign<K extends keyof CalendarItemRecord>(target: CalendarItemRecord, source: CalendarItemRecord, key: K): void {
  target[key] = source[key];
}

function copyExceptions(core: StoreCore, mailbox: string, from: readonly ExceptionRecord[]): ExceptionRecord[] {
  return from.map((e) => {
    const { myResponseType: _mine, ...fields } = structuredClone(e.fields);
    return { originalStart: e.originalStart, changeKey: core.newChangeKey(mailbox), lastModified: core.now(), fields };
  });
}

/**
 * An attendee's new copy: not yet answered, shown Tentative until the attendee accepts (Exchange's
 * Calendar Attendant places it so on delivery of the request).
 */
export function makeCopy(core: StoreCore, mailbox: string, org: CalendarItemRecord): CalendarItemRecord {
  const now = core.now();
  const copy: CalendarItemRecord = {
    ...structuredClone(org),
    id: core.newItemId(mailbox),
    changeKey: core.newChangeKey(mailbox),
    isMeeting: true,
    isCancelled: false,
    myResponseType: 'NoResponseReceived',
    legacyFreeBusy: 'Tentative',
    intendedFreeBusy: org.legacyFreeBusy,
    meetingRequestWasSent: false,
    exceptions: copyExceptions(core, mailbox, org.exceptions),
    created: now,
    lastModified: now,
  };
  return copy;
}

/** Brings an existing copy up to date; a new time makes the attendee's earlier answer void. */
export function syncCopy(core: StoreCore, mailbox: string, copy: CalendarItemRecord, org: CalendarItemRecord, timeChanged: boolean): void {
  const fresh = structuredClone(org);
  for (const f of SHARED_FIELDS) assign(copy, fresh, f);
  if (fresh.recurrence) copy.recurrence = fresh.recurrence;
  else delete copy.recurrence;
  copy.exceptions = copyExceptions(core, mailbox, org.exceptions);
  copy.deletedOccurrences = [...org.deletedOccurrences];
  copy.isCancelled = false;
  copy.intendedFreeBusy = org.legacyFreeBusy;
  if (timeChanged || copy.myResponseType === 'NoResponseReceived') {
    copy.myResponseType = 'NoResponseReceived';
    copy.legacyFreeBusy = 'Tentative';
  } else if (copy.myResponseType === 'Accept') {
    copy.legacyFreeBusy = org.legacyFreeBusy;
  }
  core.touch(mailbox, copy);
}

/** A room's booking: accepted, busy as the organizer asked, subject and body stripped as the policy says. */
export function makeRoomCopy(
  core: StoreCore,
  room: string,
  org: CalendarItemRecord,
  policy: Required<RoomPolicy>,
  declinedOccurrences: readonly string[],
  truncateAt: string | undefined,
): CalendarItemRecord {
  const copy = makeCopy(core, room, org);
  const organizerName = org.organizer.name ?? org.organizer.email ?? '';
  copy.myResponseType = 'Accept';
  copy.legacyFreeBusy = org.legacyFreeBusy;
  delete copy.intendedFreeBusy;
  copy.subject = roomSubject(policy, org.subject, organizerName);
  if (policy.deleteComments) copy.body = { type: copy.body.type, value: '' };
  if (policy.removePrivateProperty && copy.sensitivity === 'Private') copy.sensitivity = 'Normal';
  for (const e of copy.exceptions) if (e.fields.subject !== undefined) e.fields.subject = roomSubject(policy, e.fields.subject, organizerName);
  copy.deletedOccurrences = [...new Set([...copy.deletedOccurrences, ...declinedOccurrences])];
  copy.exceptions = copy.exceptions.filter((e) => !declinedOccurrences.includes(e.originalStart));
  if (truncateAt && copy.recurrence) {
    copy.recurrence = { ...copy.recurrence, range: { type: 'EndDate', startDate: copy.recurrence.range.startDate, endDate: truncateAt } };
  }
  return copy;
}

function setIn(list: Attendee[], smtp: string, response: ResponseType, when: string): boolean {
  const i = list.findIndex((a) => sameAddress(a.mailbox, smtp));
  const current = list[i];
  if (!current) return false;
  list[i] = { ...current, responseType: response, lastResponseTime: when };
  return true;
}

/**
 * Records an attendee's answer on the organizer's item (the tracking Exchange shows in
 * RequiredAttendees/…/ResponseType), for the series or, with `originalStart`, one occurrence.
 */
export function recordResponse(core: StoreCore, organizer: string, org: CalendarItemRecord, smtp: string, response: ResponseType, originalStart?: string): void {
  const when = core.now();
  if (originalStart) {
    const ex = exceptionFor(core, organizer, org, originalStart);
    const f = ex.fields;
    f.requiredAttendees ??= structuredClone(org.requiredAttendees);
    f.optionalAttendees ??= structuredClone(org.optionalAttendees);
    f.resources ??= structuredClone(org.resources);
    [f.requiredAttendees, f.optionalAttendees, f.resources].some((l) => setIn(l, smtp, response, when));
  } else {
    [org.requiredAttendees, org.optionalAttendees, org.resources].some((l) => setIn(l, smtp, response, when));
  }
  core.touch(organizer, org);
}

/** The exception record for an occurrence, created empty when the occurrence was not modified yet. */
export function exceptionFor(core: StoreCore, mailbox: string, master: CalendarItemRecord, originalStart: string): ExceptionRecord {
  let ex = master.exceptions.find((e) => e.originalStart === originalStart);
  if (!ex) {
    ex = { originalStart, changeKey: core.newChangeKey(mailbox), lastModified: core.now(), fields: {} };
    master.exceptions.push(ex);
  }
  return ex;
}

/** A cancelled copy stays in the attendee's calendar, free and marked, until the attendee removes it. */
export function cancelCopy(core: StoreCore, mailbox: string, copy: CalendarItemRecord, org: CalendarItemRecord, originalStart?: string): void {
  if (originalStart) {
    const ex = exceptionFor(core, mailbox, copy, originalStart);
    const f: OccurrenceFields = ex.fields;
    f.isCancelled = true;
    f.subject = canceledSubject(f.subject ?? copy.subject);
    f.legacyFreeBusy = 'Free';
    ex.changeKey = core.newChangeKey(mailbox);
    ex.lastModified = core.now();
  } else {
    copy.isCancelled = true;
    copy.subject = canceledSubject(copy.subject);
    copy.legacyFreeBusy = 'Free';
    copy.appointmentSequenceNumber = org.appointmentSequenceNumber;
  }
  core.touch(mailbox, copy);
}
