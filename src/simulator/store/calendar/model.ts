/**
 * The calendar store's data: what it keeps (records, plain JSON-safe objects) and what it hands out
 * (entries, read-only copies with the view-time facts such as CalendarItemType and InstanceIndex).
 * Instants are ISO 8601 UTC strings with second precision (`2026-03-09T16:00:00Z`); time zones are
 * Windows ids, as EWS names them.
 */
import type {
  Attendee,
  Body,
  CalendarItemKind,
  EmailAddress,
  LegacyFreeBusy,
  OccurrenceInfo,
  Recurrence,
  ResponseType,
  Sensitivity,
} from '../../../ews/schema/types.js';

/** The folders this store keeps per mailbox (DistinguishedFolderId names). */
export type FolderName = 'calendar' | 'inbox' | 'drafts' | 'sentitems' | 'deleteditems';
export const FOLDER_NAMES: readonly FolderName[] = ['calendar', 'inbox', 'drafts', 'sentitems', 'deleteditems'];

/** CreateItem SendMeetingInvitations and DeleteItem SendMeetingCancellations (messages.xsd). */
export type SendInvitations = 'SendToNone' | 'SendOnlyToAll' | 'SendToAllAndSaveCopy';
/** UpdateItem SendMeetingInvitationsOrCancellations (messages.xsd). */
export type SendUpdates = SendInvitations | 'SendOnlyToChanged' | 'SendToChangedAndSaveCopy';
/** DeleteItem DeleteType. */
export type DeleteType = 'HardDelete' | 'SoftDelete' | 'MoveToDeletedItems';
/** What an attendee can answer (AcceptItem, TentativelyAcceptItem, DeclineItem). */
export type MeetingResponse = 'Accept' | 'Tentative' | 'Decline';

/** Fields an exception may override on one occurrence of a series. */
export interface OccurrenceFields {
  subject?: string;
  body?: Body;
  start?: string;
  end?: string;
  location?: string;
  legacyFreeBusy?: LegacyFreeBusy;
  sensitivity?: Sensitivity;
  isAllDay?: boolean;
  reminderIsSet?: boolean;
  reminderMinutesBeforeStart?: number;
  categories?: string[];
  isCancelled?: boolean;
  myResponseType?: ResponseType;
  requiredAttendees?: Attendee[];
  optionalAttendees?: Attendee[];
  resources?: Attendee[];
}

/** A modified occurrence, kept inside its master (as Exchange keeps exceptions in the recurrence blob). */
export interface ExceptionRecord {
  /** The occurrence's start before any change (RecurrenceId), UTC. */
  originalStart: string;
  changeKey: string;
  lastModified: string;
  fields: OccurrenceFields;
}

/** A single appointment/meeting or a recurring master, as stored. */
export interface CalendarItemRecord {
  kind: 'calendarItem';
  id: string;
  changeKey: string;
  /** GlobalObjectId-like hex, shared by every copy of a meeting. */
  uid: string;
  subject: string;
  body: Body;
  start: string;
  end: string;
  startTimeZone: string;
  endTimeZone: string;
  isAllDay: boolean;
  location: string;
  legacyFreeBusy: LegacyFreeBusy;
  /** An attendee's copy: the status the organizer chose, shown once the attendee accepts (PidLidIntendedBusyStatus). */
  intendedFreeBusy?: LegacyFreeBusy;
  sensitivity: Sensitivity;
  organizer: EmailAddress;
  requiredAttendees: Attendee[];
  optionalAttendees: Attendee[];
  resources: Attendee[];
  isMeeting: boolean;
  isCancelled: boolean;
  myResponseType: ResponseType;
  meetingRequestWasSent: boolean;
  appointmentSequenceNumber: number;
  reminderIsSet: boolean;
  reminderMinutesBeforeStart: number;
  categories: string[];
  recurrence?: Recurrence;
  exceptions: ExceptionRecord[];
  /** Original starts (UTC) of deleted occurrences. */
  deletedOccurrences: string[];
  created: string;
  lastModified: string;
}

export type MessageClass =
  | 'IPM.Note'
  | 'IPM.Schedule.Meeting.Request'
  | 'IPM.Schedule.Meeting.Canceled'
  | 'IPM.Schedule.Meeting.Resp.Pos'
  | 'IPM.Schedule.Meeting.Resp.Tent'
  | 'IPM.Schedule.Meeting.Resp.Neg';

/** What a meeting message (request, cancellation, response) says about its meeting. */
export interface MeetingMessageInfo {
  uid: string;
  start: string;
  end: string;
  location: string;
  /** The recipient's calendar copy the message refers to (AssociatedCalendarItemId). */
  associatedItemId?: string;
  /** Set when the message concerns one occurrence only. */
  originalStart?: string;
  responseType?: ResponseType;
}

/** A mail message: a plain note or a meeting message. */
export interface MessageRecord {
  kind: 'message';
  id: string;
  changeKey: string;
  itemClass: MessageClass;
  subject: string;
  body: Body;
  from: EmailAddress;
  toRecipients: EmailAddress[];
  ccRecipients: EmailAddress[];
  sent: string;
  received: string;
  isRead: boolean;
  meeting?: MeetingMessageInfo;
  created: string;
  lastModified: string;
}

export type StoredItem = CalendarItemRecord | MessageRecord;

/** Deep read-only view, so callers cannot reach into the store through what it returns. */
export type DeepReadonly<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A calendar item as seen by a reader: a single, a master, an occurrence or an exception. */
export type CalendarEntry = DeepReadonly<Omit<CalendarItemRecord, 'exceptions' | 'deletedOccurrences'>> & {
  readonly mailbox: string;
  readonly folder: FolderName;
  readonly calendarItemType: CalendarItemKind;
  readonly itemClass: 'IPM.Appointment' | 'IPM.Appointment.Occurrence';
  /** As Exchange reports it: true for occurrences and exceptions, false for masters and singles. */
  readonly isRecurring: boolean;
  /** Occurrences and exceptions: their master's id, original start (RecurrenceId) and 1-based index. */
  readonly masterId?: string;
  readonly originalStart?: string;
  readonly instanceIndex?: number;
  /** Masters only. LastOccurrence is absent for a series with no end. */
  readonly firstOccurrence?: OccurrenceInfo;
  readonly lastOccurrence?: OccurrenceInfo;
  readonly modifiedOccurrences?: readonly OccurrenceInfo[];
  readonly deletedOccurrences?: readonly { readonly start: string }[];
};

export type MessageEntry = DeepReadonly<MessageRecord> & { readonly mailbox: string; readonly folder: FolderName };

export type StoreEntry = CalendarEntry | MessageEntry;

/**
 * Set-CalendarProcessing settings the Resource Booking Assistant applies; every field defaults to
 * Exchange's default (see DEFAULT_ROOM_POLICY).
 */
export interface RoomPolicy {
  readonly automateProcessing?: 'AutoAccept' | 'AutoUpdate' | 'None';
  readonly bookingWindowInDays?: number;
  readonly maximumDurationInMinutes?: number;
  readonly allowConflicts?: boolean;
  readonly allowRecurringMeetings?: boolean;
  readonly enforceSchedulingHorizon?: boolean;
  readonly conflictPercentageAllowed?: number;
  readonly maximumConflictInstances?: number;
  readonly deleteSubject?: boolean;
  readonly addOrganizerToSubject?: boolean;
  readonly deleteComments?: boolean;
  readonly removePrivateProperty?: boolean;
}

/** What the directory says about an SMTP address. */
export interface ResolvedMailbox {
  readonly exists: boolean;
  readonly isRoom: boolean;
  readonly name?: string;
  readonly roomPolicy?: RoomPolicy;
}

export type MailboxResolver = (smtp: string) => ResolvedMailbox | undefined;

export interface StoreOptions {
  /** The current time; inject a fixed clock for deterministic ids, UIDs and timestamps. */
  readonly now?: () => Date;
  /** Unique token per new item id; by default the store's persisted counter. */
  readonly nextToken?: () => string;
  /** Directory look-up for attendees and recipients; by default nobody exists. */
  readonly resolve?: MailboxResolver;
}
