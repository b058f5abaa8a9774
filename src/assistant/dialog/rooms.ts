/**
 * The room dialog: what a room's device (a display, an Alexa in the room) answers to "is this room
 * free", "book this room for 30 minutes", "end the meeting", "check in"… The room's calendar is behind
 * a RoomDesk, which the server implements (src/server/rooms/); the dialog decides only what to say.
 */
import { DateTime } from 'luxon';
import type { Person } from '../../domain/calendar.js';
import type { Act } from './acts.js';
import type { DialogUnderstanding } from './understanding.js';

export type CheckInMode = 'off' | 'report' | 'enforce';

/** A booking as a room shows it. */
export interface Booking {
  /** Stable across reads: the event's UID (or id) and its start. */
  readonly id: string;
  readonly subject: string;
  readonly organizer?: Person;
  readonly start: string;
  readonly end: string;
  readonly checkedIn: boolean;
  readonly released: boolean;
}

/** The room right now and its day (the display's screen, and the answers to questions about it). */
export interface RoomStatus {
  readonly room: { readonly id: string; readonly name: string; readonly email: string; readonly timeZone?: string };
  readonly now: string;
  readonly state: 'free' | 'busy';
  readonly current?: Booking;
  readonly next?: Booking;
  /** Free now: until the next booking starts (absent: free for the rest of the day). */
  readonly freeUntil?: string;
  /** Busy now: until the room is free again (back-to-back bookings joined). */
  readonly busyUntil?: string;
  /** The current meeting ends within a few minutes. */
  readonly endingSoon: boolean;
  readonly checkIn: { readonly mode: CheckInMode; readonly minutes: number; readonly required: boolean; readonly deadline?: string };
  readonly day: readonly Booking[];
  /** Only free/busy could be read: no organizers, nothing changeable. */
  readonly limited?: boolean;
}

/** What a room action did, for the display's message and the spoken answer. */
export type DeskOutcome =
  | { readonly kind: 'booked'; readonly answer: 'accepted' | 'tentative' | 'pending'; readonly start: string; readonly end: string }
  | { readonly kind: 'book_declined'; readonly start: string; readonly end: string; readonly freeAt?: string }
  /**
   * `organizerEnd`: only the room's own item changed (someone else's meeting: the service account acts on
   * the room's calendar, not theirs), so their calendar still shows this end.
   */
  | { readonly kind: 'ended'; readonly booking: Booking; readonly organizerEnd?: string }
  | { readonly kind: 'nothing_to_end' }
  | { readonly kind: 'extended'; readonly booking: Booking; readonly end: string; readonly organizerEnd?: string }
  | { readonly kind: 'extend_refused'; readonly freeUntil: string; readonly next?: Booking }
  | { readonly kind: 'nothing_to_extend' }
  | { readonly kind: 'checked_in'; readonly booking: Booking }
  | { readonly kind: 'nothing_to_check_in' }
  | { readonly kind: 'already_released'; readonly booking: Booking }
  | { readonly kind: 'not_changeable' };

export interface DeskResult {
  readonly outcome: DeskOutcome;
  readonly status: RoomStatus;
}

/** A free room for "find me a room". */
export interface FoundRoom {
  readonly name: string;
  readonly email: string;
  readonly roomList?: string;
  readonly capacity?: number;
}

/** The room's calendar as the dialog may use it; the server implements it per room and per asker. */
export interface RoomDesk {
  /** The room now, with the bookings of the day of `day` (an instant; default today). */
  status(day?: string): Promise<RoomStatus>;
  book(minutes: number): Promise<DeskResult>;
  end(): Promise<DeskResult>;
  extend(minutes: number): Promise<DeskResult>;
  checkIn(): Promise<DeskResult>;
  /** Rooms free from now (or `from`, an instant) for `minutes`, the asking room's list first. */
  find(minutes: number, from?: string): Promise<readonly FoundRoom[]>;
}

export type RoomQuestion = 'is_free' | 'when_free' | 'who_booked';

const DEFAULT_BOOK_MINUTES = 30;
const DEFAULT_EXTEND_MINUTES = 15;
const DEFAULT_FIND_MINUTES = 60;
/** "check in", "we're here", "check us in": not an NLU intent, said only to a room's device. */
const CHECK_IN = /^(?:(?:please|alexa|ok|hey)\s+)*(?:check(?:ing)?[ -]?in|check (?:us|me) in|we(?:'re| are) here(?: for (?:the|our) meeting)?|i(?:'m| am) here(?: for (?:the|my) meeting)?)(?:\s+(?:please|now|to (?:this|the) (?:room|meeting)))*[.!]?$/i;

export function isCheckIn(text: string): boolean {
  return CHECK_IN.test(text.trim());
}

/** A request names a later time when it starts more than this after now ("book it at 2" said at 1:58 is now). */
const LATER_MS = 10 * 60_000;

/**
 * The time asked about, when it is not now: "tomorrow at 3", "at 4 for an hour", "this afternoon" said in
 * the morning. A day or a part of one ("tomorrow", "this afternoon") is a `span`: all of it is asked about,
 * not its first minute.
 */
function laterAsked(u: DialogUnderstanding, now: Date): { readonly start: string; readonly end: string; readonly span?: true } | undefined {
  const start = u.slots.start ?? u.slots.window?.start;
  if (!start || Date.parse(start) <= now.getTime() + LATER_MS) return undefined;
  if (!u.slots.start) return { start, end: u.slots.window!.end, span: true };
  const end = u.slots.end ?? new Date(Date.parse(start) + (u.slots.durationMinutes ?? DEFAULT_BOOK_MINUTES) * 60_000).toISOString();
  return { start, end };
}

/** The end of the day `start` falls on, on the room's clock: a room's status holds one day's bookings. */
const dayEnd = (start: string, zone: string | undefined): number => DateTime.fromISO(start, { zone: zone ?? 'UTC' }).startOf('day').plus({ days: 1 }).toMillis();

const minutesOf = (u: DialogUnderstanding, fallback: number) => {
  const m = u.slots.durationMinutes;
  return m !== undefined && m > 0 && m <= 24 * 60 ? Math.round(m) : fallback;
};

/**
 * The act for a request made in a room, or undefined when the request is not about the room (the
 * ordinary calendar dialog answers it).
 */
export async function roomTurn(u: DialogUnderstanding, text: string, desk: RoomDesk, now: Date): Promise<Act | undefined> {
  if (isCheckIn(text)) return { kind: 'room_outcome', ...(await desk.checkIn()) };
  const later = laterAsked(u, now);
  switch (u.intent) {
    case 'room_is_free': {
      // "is this room free tomorrow at 3": that day's bookings answer, not the room right now.
      if (!later) return { kind: 'room_status', question: 'is_free', status: await desk.status() };
      const status = await desk.status(later.start);
      // ("is this room free next week": its first day, which is all the status holds, and is said.)
      const end = later.span ? new Date(Math.min(Date.parse(later.end), dayEnd(later.start, status.room.timeZone))).toISOString() : later.end;
      const clash = status.day.filter((b) => !b.released && Date.parse(b.start) < Date.parse(end) && Date.parse(b.end) > Date.parse(later.start));
      return { kind: 'room_free_at', status, ...later, end, clash };
    }
    case 'room_when_free':
      return { kind: 'room_status', question: 'when_free', status: await desk.status() };
    case 'room_who_booked':
      return { kind: 'room_status', question: 'who_booked', status: await desk.status() };
    case 'room_book': {
      // The room's desk books from now (walk-up); a later time is never booked as now.
      if (later) return { kind: 'room_book_later', status: await desk.status(later.start), start: later.start, ...(later.span ? { span: true as const } : {}) };
      const minutes = minutesOf(u, DEFAULT_BOOK_MINUTES);
      return { kind: 'room_outcome', ...(await desk.book(minutes)) };
    }
    case 'room_end':
      return { kind: 'room_outcome', ...(await desk.end()) };
    case 'room_extend':
      return { kind: 'room_outcome', ...(await desk.extend(minutesOf(u, DEFAULT_EXTEND_MINUTES))) };
    case 'room_find': {
      // "find me a room tomorrow at 2": the rooms free then, said as then (this device books from now only).
      const minutes = later && (u.slots.lengthSaid || u.slots.end) ? Math.round((Date.parse(later.end) - Date.parse(later.start)) / 60_000) : minutesOf(u, DEFAULT_FIND_MINUTES);
      const [status, found] = await Promise.all([desk.status(), desk.find(minutes, later?.start)]);
      // "for 10 people": rooms known to seat fewer are left out; those of unknown size stay, and are said.
      const seats = u.slots.seats;
      const rooms = seats ? found.filter((r) => r.capacity === undefined || r.capacity >= seats) : found;
      return { kind: 'room_found', minutes, rooms, status, ...(later ? { start: later.start } : {}), ...(seats ? { seats } : {}) };
    }
    default:
      return undefined;
  }
}
