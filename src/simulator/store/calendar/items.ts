/**
 * Building and changing calendar records from what a client sends (types.ts CalendarItemInput), with
 * the checks Exchange makes on the way in.
 */
import type { Attendee, CalendarItemInput, EmailAddress, Recurrence } from '../../../ews/schema/types.js';
import type { CalendarItemRecord, OccurrenceFields } from './model.js';
import type { StoreCore } from './core.js';
import { StoreError } from './errors.js';
import { validateRecurrence } from './recurrence.js';
import { checkOccurrenceMove, firstOccurrenceTimes, localDate, walkSeries } from './series.js';
import { ms, toUtc } from './time.js';

/** UpdateItem's changes: the settable fields, and `recurrence: null` to turn a series back into a single. */
export type CalendarItemPatch = Omit<CalendarItemInput, 'uid' | 'recurrence'> & { readonly recurrence?: Recurrence | null };

/** Exchange refuses calendar items longer than five years (ErrorCalendarDurationIsTooLong). */
const MAX_DURATION_MS = 5 * 365 * 86_400_000;

export function sameAddress(a: EmailAddress | undefined, b: string | undefined): boolean {
  return !!a?.email && !!b && a.email.trim().toLowerCase() === b.trim().toLowerCase();
}

/** New attendee lists keep the answers already received from addresses that stay. */
function attendees(list: readonly EmailAddress[] | undefined, previous: readonly Attendee[] = []): Attendee[] {
  return (list ?? []).map((mailbox) => {
    const kept = previous.find((p) => sameAddress(p.mailbox, mailbox.email));
    return kept ? { ...kept, mailbox: { ...mailbox } } : { mailbox: { ...mailbox }, responseType: 'Unknown' };
  });
}

function checkTimes(start: string, end: string): void {
  const s = ms(start);
  const e = ms(end);
  if (e < s) throw new StoreError('ErrorCalendarEndDateIsEarlierThanStartDate', 'EndDate is earlier than StartDate.');
  if (e - s > MAX_DURATION_MS) throw new StoreError('ErrorCalendarDurationIsTooLong', 'The item is longer than five years.');
}

/**
 * Puts a series on its first occurrence and checks it: ErrorCalendarInvalidRecurrence for a bad
 * pattern or range, ErrorOccurrenceTimeSpanTooBig when an occurrence would outlast the gap to the next.
 */
function settleSeries(record: CalendarItemRecord): void {
  const r = record.recurrence;
  if (!r) return;
  validateRecurrence(r.pattern, r.range);
  const first = firstOccurrenceTimes(record);
  if (first) {
    record.start = first.start;
    record.end = first.end;
  }
  const [a, b] = [...takeTwo(record)];
  if (a && b && ms(a.originalEnd) > ms(b.originalStart)) {
    throw new StoreError('ErrorOccurrenceTimeSpanTooBig', 'An occurrence is longer than the time between occurrences.');
  }
}

function* takeTwo(record: CalendarItemRecord) {
  let n = 0;
  for (const occ of walkSeries(record)) {
    yield occ;
    if (++n === 2) return;
  }
}

/** A new record owned by `mailbox`, who is its organizer. */
export function buildRecord(core: StoreCore, mailbox: string, input: CalendarItemInput, organizerName?: string): CalendarItemRecord {
  const zone = input.timeZoneId ?? 'UTC';
  const now = core.now();
  const start = toUtc(input.start ?? now, zone);
  const end = toUtc(input.end ?? input.start ?? now, zone);
  checkTimes(start, end);
  const record: CalendarItemRecord = {
    kind: 'calendarItem',
    id: core.newItemId(mailbox),
    changeKey: core.newChangeKey(mailbox),
    uid: input.uid ?? core.newUid(mailbox),
    subject: input.subject ?? '',
    body: input.body ? { ...input.body } : { type: 'Text', value: '' },
    start,
    end,
    startTimeZone: zone,
    endTimeZone: zone,
    isAllDay: input.isAllDayEvent ?? false,
    location: input.location ?? '',
    legacyFreeBusy: input.legacyFreeBusyStatus ?? 'Busy',
    sensitivity: input.sensitivity ?? 'Normal',
    organizer: { name: organizerName ?? mailbox, email: mailbox, routingType: 'SMTP', mailboxType: 'Mailbox' },
    requiredAttendees: attendees(input.requiredAttendees),
    optionalAttendees: attendees(input.optionalAttendees),
    resources: attendees(input.resources),
    isMeeting: false,
    isCancelled: false,
    myResponseType: 'Organizer',
    meetingRequestWasSent: false,
    appointmentSequenceNumber: 0,
    reminderIsSet: input.reminderIsSet ?? true,
    reminderMinutesBeforeStart: input.reminderMinutesBeforeStart ?? 15,
    categories: [...(input.categories ?? [])],
    ...(input.recurrence ? { recurrence: structuredClone(input.recurrence) } : {}),
    exceptions: [],
    deletedOccurrences: [],
    created: now,
    lastModified: now,
  };
  record.isMeeting = allAttendees(record).length > 0;
  settleSeries(record);
  return record;
}

export function allAttendees(record: Pick<CalendarItemRecord, 'requiredAttendees' | 'optionalAttendees' | 'resources'>): Attendee[] {
  return [...record.requiredAttendees, ...record.optionalAttendees, ...record.resources];
}

export interface PatchOutcome {
  /** Start, end, time zone or recurrence changed: attendees' answers no longer hold, rooms must re-check. */
  readonly timeChanged: boolean;
}

/** Applies UpdateItem changes to a single item or a master. */
export function applyPatch(record: CalendarItemRecord, patch: CalendarItemPatch): PatchOutcome {
  const before = { start: record.start, end: record.end, zone: record.startTimeZone, recurrence: JSON.stringify(record.recurrence ?? null) };
  const zone = patch.timeZoneId ?? record.startTimeZone;
  if (patch.timeZoneId !== undefined) {
    record.startTimeZone = patch.timeZoneId;
    record.endTimeZone = patch.timeZoneId;
  }
  if (patch.start !== undefined) record.start = toUtc(patch.start, zone);
  if (patch.end !== undefined) record.end = toUtc(patch.end, zone);
  checkTimes(record.start, record.end);
  copySimpleFields(record, patch);
  if (patch.requiredAttendees) record.requiredAttendees = attendees(patch.requiredAttendees, record.requiredAttendees);
  if (patch.optionalAttendees) record.optionalAttendees = attendees(patch.optionalAttendees, record.optionalAttendees);
  if (patch.resources) record.resources = attendees(patch.resources, record.resources);
  if (record.myResponseType === 'Organizer') record.isMeeting = allAttendees(record).length > 0;
  if (patch.recurrence === null) delete record.recurrence;
  else if (patch.recurrence) record.recurrence = structuredClone(patch.recurrence);
  else if (record.recurrence && patch.start !== undefined && before.start !== record.start) {
    // Moving the series moves its range start with it.
    record.recurrence = { ...record.recurrence, range: { ...record.recurrence.range, startDate: localDate(record.start, record.startTimeZone) } };
  }
  const timeChanged =
    before.start !== record.start || before.end !== record.end || before.zone !== record.startTimeZone || before.recurrence !== JSON.stringify(record.recurrence ?? null);
  if (timeChanged) {
    // Outlook and Exchange drop a series' exceptions when its time or pattern changes.
    record.exceptions = [];
    record.deletedOccurrences = [];
    settleSeries(record);
  }
  return { timeChanged };
}

function copySimpleFields(target: CalendarItemRecord | OccurrenceFields, patch: CalendarItemPatch): void {
  if (patch.subject !== undefined) target.subject = patch.subject;
  if (patch.body !== undefined) target.body = { ...patch.body };
  if (patch.sensitivity !== undefined) target.sensitivity = patch.sensitivity;
  if (patch.categories !== undefined) target.categories = [...patch.categories];
  if (patch.reminderIsSet !== undefined) target.reminderIsSet = patch.reminderIsSet;
  if (patch.reminderMinutesBeforeStart !== undefined) target.reminderMinutesBeforeStart = patch.reminderMinutesBeforeStart;
  if (patch.isAllDayEvent !== undefined) target.isAllDay = patch.isAllDayEvent;
  if (patch.legacyFreeBusyStatus !== undefined) target.legacyFreeBusy = patch.legacyFreeBusyStatus;
  if (patch.location !== undefined) target.location = patch.location;
}

/**
 * Updating one occurrence turns it into an exception (or changes the exception it already is).
 * Returns the exception's fields and whether its time moved.
 */
export function patchOccurrence(core: StoreCore, mailbox: string, master: CalendarItemRecord, originalStart: string, originalEnd: string, patch: CalendarItemPatch): PatchOutcome {
  if (patch.recurrence !== undefined || patch.timeZoneId !== undefined) {
    throw new StoreError('ErrorInvalidOperation', 'Recurrence and time zone can only be changed on the recurring master.');
  }
  let ex = master.exceptions.find((e) => e.originalStart === originalStart);
  if (!ex) {
    ex = { originalStart, changeKey: '', lastModified: '', fields: {} };
    master.exceptions.push(ex);
  }
  const f = ex.fields;
  const beforeStart = f.start ?? originalStart;
  const beforeEnd = f.end ?? originalEnd;
  if (patch.start !== undefined) f.start = toUtc(patch.start, master.startTimeZone);
  if (patch.end !== undefined) f.end = toUtc(patch.end, master.startTimeZone);
  checkTimes(f.start ?? originalStart, f.end ?? originalEnd);
  if (f.start && f.start !== beforeStart) checkOccurrenceMove(master, originalStart, f.start);
  copySimpleFields(f, patch);
  if (patch.requiredAttendees) f.requiredAttendees = attendees(patch.requiredAttendees, f.requiredAttendees ?? master.requiredAttendees);
  if (patch.optionalAttendees) f.optionalAttendees = attendees(patch.optionalAttendees, f.optionalAttendees ?? master.optionalAttendees);
  if (patch.resources) f.resources = attendees(patch.resources, f.resources ?? master.resources);
  ex.changeKey = core.newChangeKey(mailbox);
  ex.lastModified = core.now();
  return { timeChanged: (f.start ?? originalStart) !== beforeStart || (f.end ?? originalEnd) !== beforeEnd };
}
