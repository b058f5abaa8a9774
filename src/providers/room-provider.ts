import type { Person, TimeWindow } from '../domain/calendar.js';
import { AppError } from '../shared/errors.js';

/** A room mailbox the directory lists (in one of Exchange's room lists). */
export interface DirectoryRoom {
  readonly email: string;
  readonly name: string;
  /** The Exchange room list it was found in. */
  readonly roomList?: string;
}

/** One booking in a room's calendar, as the room sees it. */
export interface RoomBooking {
  /** The room's calendar item (absent when only free/busy could be read). */
  readonly id?: string;
  readonly changeKey?: string;
  /** iCalendar UID, shared with the organizer's copy. */
  readonly uid?: string;
  readonly subject: string;
  /** Unknown when only free/busy could be read. */
  readonly organizer?: Person;
  readonly start: string;
  readonly end: string;
}

/**
 * How the room's calendar was read: `calendar` through the service account (impersonation or
 * delegate access), `freebusy` when Exchange refused that and only availability could be asked
 * (no organizer, no ids: nothing can be changed from it).
 */
export type RoomReadSource = 'calendar' | 'freebusy';

export interface RoomCalendar {
  readonly source: RoomReadSource;
  /** Oldest first; cancelled and free items left out. */
  readonly bookings: readonly RoomBooking[];
}

/** What the room's booking rules answered to a request (Resource Booking Assistant). */
export type RoomAnswer = 'accepted' | 'tentative' | 'declined' | 'pending';

export interface RoomBookingResult {
  readonly answer: RoomAnswer;
  /** The meeting in the organizer's (service account's) calendar; removed again when declined. */
  readonly booking: RoomBooking;
}

/**
 * What room features need from the calendar backend, in domain terms. The organizer of bookings made
 * from a room (display, voice) is the linked service account's own mailbox, with the room invited as a
 * resource, so the room's own booking rules accept or decline.
 */
/**
 * What moving a booking's end changed: the meeting itself (ours: everyone's copy follows), or only the
 * room's own item (someone else's meeting: the organizer's and attendees' calendars keep the old end).
 */
export type EndChanged = 'meeting' | 'room_item';

export interface RoomProvider {
  /** The service account's mailbox, which organizes bookings made from rooms. */
  organizer(): Promise<string>;
  /** Every room in the organization's room lists. */
  directory(): Promise<DirectoryRoom[]>;
  /** The room's bookings overlapping the window. */
  calendar(room: string, window: TimeWindow): Promise<RoomCalendar>;
  /** The room mailbox's IANA zone, when Exchange tells it (working hours of its availability). */
  timeZone(room: string): Promise<string | undefined>;
  /** Busy intervals per room (free/busy, up to 100 rooms per request); undefined for a room Exchange could not answer for. */
  busy(rooms: readonly string[], window: TimeWindow): Promise<Map<string, readonly TimeWindow[] | undefined>>;
  /** Books the room now: a meeting organized by the service account, the room as a resource. */
  book(room: { readonly email: string; readonly name: string }, window: TimeWindow, subject: string, timeZone: string): Promise<RoomBookingResult>;
  /** Moves a booking's end (end early, extend): the organizer's meeting when it is ours, else the room's item. */
  changeEnd(room: string, booking: RoomBooking, end: string, timeZone: string): Promise<EndChanged>;
  /** Gives the time back: the room declines the booking (the organizer is told), or ours is cancelled. */
  release(room: string, booking: RoomBooking, reason: string): Promise<void>;
}

/** A change the room provider cannot make (e.g. only free/busy was readable), with what to do about it. */
export class RoomProviderError extends AppError {}
