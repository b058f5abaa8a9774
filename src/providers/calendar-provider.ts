import type { CalendarEvent, EventChange, EventDraft, Person, TimeWindow } from '../domain/calendar.js';

/** A person the directory knows, for "lunch with Bob". */
export interface DirectoryEntry extends Person {
  readonly email: string;
  readonly name: string;
  readonly isRoom?: boolean;
  /** A room's seats, when known (Exchange's room lists hold none; an administrator enters them under Rooms). */
  readonly capacity?: number;
}

export type PeopleLookup = { readonly kind: 'one'; readonly person: DirectoryEntry } | { readonly kind: 'several'; readonly candidates: readonly DirectoryEntry[] } | { readonly kind: 'none' };

/** How the provider reached the calendar, for "why?" answers. */
export interface AccessPath {
  readonly server: string;
  readonly account: string;
  readonly method: 'impersonation' | 'delegation';
}

/**
 * The calendar contract the assistant speaks: domain types only. The EWS implementation lives in
 * providers/ews; a test double or another backend (Graph, CalDAV) fits behind the same interface.
 */
/** An attendee's answer to a meeting. */
export type MeetingReply = 'accept' | 'tentative' | 'decline';

/**
 * What calling a series off from a time on did: `deleted`, the whole series (none of it had begun); or
 * `ended`, its last occurrence now on `lastDate` (YYYY-MM-DD, the series' own zone), the later ones gone.
 */
export type SeriesCallOff = { readonly kind: 'deleted' } | { readonly kind: 'ended'; readonly lastDate: string };

/** A series as its master has it: its own guests and time, and how many occurrences were changed or cancelled on their own. */
export interface SeriesRecord {
  readonly master: CalendarEvent;
  readonly changedOnes: number;
}

export interface CalendarProvider {
  readonly accessPath: AccessPath;
  /** Events overlapping the window, occurrences expanded, oldest first, with attendees. */
  listEvents(mailbox: string, window: TimeWindow, timeZone: string): Promise<CalendarEvent[]>;
  /** One event as it is now (a change waiting for "yes" checks it has not moved meanwhile); undefined once gone. */
  getEvent(mailbox: string, id: string): Promise<CalendarEvent | undefined>;
  createEvent(mailbox: string, draft: EventDraft): Promise<CalendarEvent>;
  updateEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, change: EventChange): Promise<void>;
  cancelEvent(mailbox: string, event: Pick<CalendarEvent, 'id'>): Promise<void>;
  /** The series `occurrence` belongs to, as its master has it. */
  getSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>): Promise<SeriesRecord>;
  /**
   * Calls off, for everyone, the series `occurrence` belongs to from `from` (an instant) on: occurrences that
   * began before it stay, as Outlook's "this and following" leaves them. The organizer's to do. (`askerZone`:
   * the days' zone when the series' own is one Concierge cannot name, as for the two below.)
   */
  cancelSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, from: string, askerZone: string): Promise<SeriesCallOff>;
  /**
   * Moves every occurrence of the series `occurrence` belongs to onto the time of day (and length) `to` gives
   * that occurrence, as Outlook moves a series: held ones too, and changes made to single ones are undone.
   */
  moveSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, to: TimeWindow, askerZone: string): Promise<void>;
  /** Changes every occurrence of the series `occurrence` belongs to, but for their times (a reminder, say): its master. */
  updateSeries(mailbox: string, occurrence: Pick<CalendarEvent, 'id'>, change: Omit<EventChange, 'start' | 'end' | 'timeZone'>): Promise<void>;
  /** Answers a meeting someone else organizes, as an attendee; the organizer is told, with `message` when given. */
  respondToEvent(mailbox: string, event: Pick<CalendarEvent, 'id' | 'changeKey'>, answer: MeetingReply, message?: string): Promise<void>;
  findPeople(query: string): Promise<PeopleLookup>;
  /**
   * When a room (or anyone) is busy within the window, by free/busy, oldest first and clipped to the
   * window: what a booking proposal warns about before the room's calendar declines, and what "is the
   * boardroom free friday" answers. Undefined when the free/busy cannot be read.
   */
  busyTimes(email: string, window: TimeWindow): Promise<TimeWindow[] | undefined>;
  /** The organization's rooms (Exchange's room lists, as Outlook's room finder reads them), by name; empty when none are listed. */
  rooms(): Promise<DirectoryEntry[]>;
}
