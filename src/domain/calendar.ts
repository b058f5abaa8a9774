import type { Repeat } from './repeat.js';

/**
 * The calendar as Concierge thinks of it: plain readonly data, no protocol. Instants are ISO 8601
 * strings in UTC (`2026-12-04T17:00:00Z`); zones are IANA names. Surfaces format them for people.
 */

export type AttendeeResponse = 'unknown' | 'organizer' | 'tentative' | 'accepted' | 'declined' | 'none';
export type AttendeeKind = 'required' | 'optional' | 'resource';
export type EventKind = 'single' | 'occurrence' | 'exception' | 'series';
export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'away' | 'elsewhere' | 'unknown';
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';

export interface Person {
  readonly email?: string;
  readonly name?: string;
}

export interface Attendee extends Person {
  readonly kind: AttendeeKind;
  readonly response: AttendeeResponse;
}

export interface CalendarEvent {
  /** Provider id (an EWS ItemId for Exchange). */
  readonly id: string;
  /** Version token for optimistic updates (EWS ChangeKey). */
  readonly changeKey?: string;
  /** iCalendar UID shared by every copy of a meeting (and every occurrence of a series). */
  readonly uid?: string;
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly isAllDay: boolean;
  readonly location?: string;
  readonly organizer?: Person;
  readonly attendees: readonly Attendee[];
  readonly kind: EventKind;
  readonly isRecurring: boolean;
  readonly isCancelled: boolean;
  readonly isMeeting: boolean;
  readonly freeBusy: FreeBusyStatus;
  readonly sensitivity: Sensitivity;
  readonly myResponse: AttendeeResponse;
  /** The start of the occurrence in its series before any change (occurrences and exceptions). */
  readonly originalStart?: string;
  /** IANA zone the event was scheduled in, when known. */
  readonly timeZone?: string;
  readonly bodyPreview?: string;
}

/** A window of time, half-open: [start, end). */
export interface TimeWindow {
  readonly start: string;
  readonly end: string;
}

/** What a caller gives to create an event (a meeting when it has attendees). */
export interface EventDraft {
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  /** IANA zone the event lives in: keeps recurring and all-day events on their wall-clock times. */
  readonly timeZone: string;
  readonly isAllDay?: boolean;
  readonly location?: string;
  readonly body?: string;
  /** People and rooms; rooms go as `resource` so the room's calendar accepts or declines. */
  readonly attendees?: readonly (Person & { readonly kind: AttendeeKind })[];
  readonly reminderMinutes?: number;
  /** Said to have no reminder ("with no reminder"): Exchange's default one is turned off. */
  readonly noReminder?: boolean;
  readonly freeBusy?: FreeBusyStatus;
  /** iCalendar UID; chosen by the client so a create whose answer was lost can be found again. */
  readonly uid?: string;
  /** Makes it a series starting with this event ("every monday"); `start` is its first occurrence. */
  readonly repeat?: Repeat;
}

/** A change to an existing event: only the fields given change. */
export interface EventChange {
  readonly subject?: string;
  readonly start?: string;
  readonly end?: string;
  readonly location?: string;
  readonly timeZone?: string;
  readonly attendees?: readonly (Person & { readonly kind: AttendeeKind })[];
  /** The event's reminder on this calendar, minutes before it starts: one's own, so nobody else is told of it. */
  readonly reminderMinutes?: number;
  /** The event's reminder on this calendar turned off (one's own too). */
  readonly noReminder?: true;
}

/** A change of nothing but one's own reminder: Exchange sends no update for it. */
export function onlyTheReminder(c: EventChange): boolean {
  // (Keys given as undefined change nothing: { reminderMinutes: undefined } is no change at all.)
  const keys = Object.entries(c).filter(([, v]) => v !== undefined).map(([k]) => k);
  return keys.length > 0 && keys.every((k) => k === 'reminderMinutes' || k === 'noReminder');
}

/** Oldest first, then shortest. UTC ISO strings of one shape sort as text: plain comparison, not localeCompare (ICU is slow). */
export function byStartThenEnd(a: Pick<CalendarEvent, 'start' | 'end'>, b: Pick<CalendarEvent, 'start' | 'end'>): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

/**
 * Whether an event falls in [from, to) (epoch milliseconds): it starts before the end and ends after the
 * start; an event with no length counts where it stands.
 */
export function overlaps(e: Pick<CalendarEvent, 'start' | 'end'>, from: number, to: number): boolean {
  const start = Date.parse(e.start);
  return start < to && (Date.parse(e.end) > from || (e.start === e.end && start >= from));
}

/** A subject without the "Canceled:" Exchange puts before a meeting its organizer cancelled. */
export function withoutCancelledMark(subject: string): string {
  return subject.replace(/^(?:canceled|cancelled):\s*/i, '');
}
