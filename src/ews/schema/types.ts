/** EWS data as the wire has it (types.xsd), read leniently into plain readonly objects. */

export interface ItemId {
  readonly id: string;
  readonly changeKey?: string;
}

export type MailboxType = 'Mailbox' | 'PublicDL' | 'PrivateDL' | 'Contact' | 'PublicFolder' | 'Unknown' | 'OneOff' | 'GroupMailbox' | (string & {});

export interface EmailAddress {
  readonly name?: string;
  readonly email?: string;
  readonly routingType?: string;
  readonly mailboxType?: MailboxType;
}

export type ResponseType = 'Unknown' | 'Organizer' | 'Tentative' | 'Accept' | 'Decline' | 'NoResponseReceived';
export type LegacyFreeBusy = 'Free' | 'Tentative' | 'Busy' | 'OOF' | 'WorkingElsewhere' | 'NoData';
export type Sensitivity = 'Normal' | 'Personal' | 'Private' | 'Confidential';
export type CalendarItemKind = 'Single' | 'Occurrence' | 'Exception' | 'RecurringMaster';
export type DayOfWeek = 'Sunday' | 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Day' | 'Weekday' | 'WeekendDay';
export type DayOfWeekIndex = 'First' | 'Second' | 'Third' | 'Fourth' | 'Last';
export type Month = 'January' | 'February' | 'March' | 'April' | 'May' | 'June' | 'July' | 'August' | 'September' | 'October' | 'November' | 'December';

export interface Attendee {
  readonly mailbox: EmailAddress;
  readonly responseType?: ResponseType;
  readonly lastResponseTime?: string;
}

/** types.xsd RecurrencePatternTypes: one of these per series. */
export type RecurrencePattern =
  | { readonly type: 'Daily'; readonly interval: number }
  | { readonly type: 'Weekly'; readonly interval: number; readonly daysOfWeek: readonly DayOfWeek[]; readonly firstDayOfWeek?: DayOfWeek }
  | { readonly type: 'AbsoluteMonthly'; readonly interval: number; readonly dayOfMonth: number }
  | { readonly type: 'RelativeMonthly'; readonly interval: number; readonly daysOfWeek: DayOfWeek; readonly dayOfWeekIndex: DayOfWeekIndex }
  | { readonly type: 'AbsoluteYearly'; readonly dayOfMonth: number; readonly month: Month }
  | { readonly type: 'RelativeYearly'; readonly daysOfWeek: DayOfWeek; readonly dayOfWeekIndex: DayOfWeekIndex; readonly month: Month };

/** Dates are `YYYY-MM-DD` (EWS may append a zone designator such as `Z` or `-07:00`; it is dropped on read). */
export type RecurrenceRange =
  | { readonly type: 'NoEnd'; readonly startDate: string }
  | { readonly type: 'EndDate'; readonly startDate: string; readonly endDate: string }
  | { readonly type: 'Numbered'; readonly startDate: string; readonly numberOfOccurrences: number };

export interface Recurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
}

export interface OccurrenceInfo {
  readonly itemId: ItemId;
  readonly start: string;
  readonly end: string;
  readonly originalStart: string;
}

export interface EffectiveRights {
  readonly createAssociated: boolean;
  readonly createContents: boolean;
  readonly createHierarchy: boolean;
  readonly delete: boolean;
  readonly modify: boolean;
  readonly read: boolean;
  readonly viewPrivateItems?: boolean;
}

export interface Body {
  readonly type: 'Text' | 'HTML';
  readonly value: string;
}

/** A calendar item as read from Exchange: every field optional, because shapes ask for subsets. */
export interface CalendarItem {
  readonly itemId?: ItemId;
  readonly parentFolderId?: ItemId;
  readonly itemClass?: string;
  readonly subject?: string;
  readonly sensitivity?: Sensitivity;
  readonly body?: Body;
  readonly categories?: readonly string[];
  readonly reminderIsSet?: boolean;
  readonly reminderMinutesBeforeStart?: number;
  readonly effectiveRights?: EffectiveRights;
  readonly preview?: string;
  readonly uid?: string;
  readonly recurrenceId?: string;
  readonly start?: string;
  readonly end?: string;
  readonly originalStart?: string;
  readonly isAllDayEvent?: boolean;
  readonly legacyFreeBusyStatus?: LegacyFreeBusy;
  readonly location?: string;
  readonly isMeeting?: boolean;
  readonly isCancelled?: boolean;
  readonly isRecurring?: boolean;
  readonly meetingRequestWasSent?: boolean;
  readonly isResponseRequested?: boolean;
  readonly calendarItemType?: CalendarItemKind;
  readonly myResponseType?: ResponseType;
  readonly organizer?: EmailAddress;
  readonly requiredAttendees?: readonly Attendee[];
  readonly optionalAttendees?: readonly Attendee[];
  readonly resources?: readonly Attendee[];
  readonly conflictingMeetingCount?: number;
  readonly duration?: string;
  /** A display name such as `(UTC-08:00) Pacific Time (US & Canada)`, not an id. */
  readonly timeZone?: string;
  readonly appointmentSequenceNumber?: number;
  readonly recurrence?: Recurrence;
  readonly firstOccurrence?: OccurrenceInfo;
  readonly lastOccurrence?: OccurrenceInfo;
  readonly modifiedOccurrences?: readonly OccurrenceInfo[];
  readonly deletedOccurrences?: readonly { readonly start: string }[];
  /** Windows time zone id of Start (from StartTimeZone/@Id or StartTimeZoneId). */
  readonly startTimeZoneId?: string;
  readonly endTimeZoneId?: string;
  readonly isOnlineMeeting?: boolean;
}

/** What a caller may set when creating or updating a calendar item. */
export interface CalendarItemInput {
  readonly subject?: string;
  readonly body?: Body;
  readonly sensitivity?: Sensitivity;
  readonly categories?: readonly string[];
  readonly reminderIsSet?: boolean;
  readonly reminderMinutesBeforeStart?: number;
  readonly uid?: string;
  /** ISO 8601 instants (with Z or an offset). */
  readonly start?: string;
  readonly end?: string;
  readonly isAllDayEvent?: boolean;
  readonly legacyFreeBusyStatus?: LegacyFreeBusy;
  readonly location?: string;
  readonly requiredAttendees?: readonly EmailAddress[];
  readonly optionalAttendees?: readonly EmailAddress[];
  /** Room and equipment mailboxes. */
  readonly resources?: readonly EmailAddress[];
  readonly recurrence?: Recurrence;
  /** Windows time zone id the event lives in (StartTimeZone/EndTimeZone, Exchange2010+). */
  readonly timeZoneId?: string;
}
