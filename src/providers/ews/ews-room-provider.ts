import { DateTime } from 'luxon';
import type { TimeWindow } from '../../domain/calendar.js';
import type { EwsClient } from '../../ews/client/ews-client.js';
import { ianaFromLegacy } from '../../ews/client/legacy-zone.js';
import { EwsError } from '../../ews/errors.js';
import type { DirectoryRoom, EndChanged, RoomAnswer, RoomBooking, RoomBookingResult, RoomCalendar, RoomProvider } from '../room-provider.js';
import { RoomProviderError } from '../room-provider.js';

/** Runs `fn` with the current link's client and the service account's address. */
export type WithAccount = <T>(fn: (client: EwsClient, account: string) => Promise<T>) => Promise<T>;

/** Exchange refusing the service account a room's calendar (a scope that leaves rooms out, no delegate right). */
const REFUSED = /Impersonat|AccessDenied|Denied$|FolderNotFound|NoPermission|ErrorDelegate|ErrorNonExistentMailbox|HttpForbidden/;

const same = (a?: string, b?: string) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export interface EwsRoomProviderOptions {
  /** Waits between reads of the room's answer (Exchange's booking assistant answers asynchronously). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** How often to look for the room's answer before reporting it as pending. */
  readonly answerPolls?: number;
}

/**
 * Rooms over EWS. The room's calendar is read as the service account acting for the room; when
 * Exchange refuses, availability (GetUserAvailability, detailed view) stands in and says less.
 */
export class EwsRoomProvider implements RoomProvider {
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #polls: number;

  constructor(
    private readonly withAccount: WithAccount,
    opts: EwsRoomProviderOptions = {},
  ) {
    this.#sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#polls = opts.answerPolls ?? 4;
  }

  organizer(): Promise<string> {
    return this.withAccount(async (_c, account) => account);
  }

  directory(): Promise<DirectoryRoom[]> {
    return this.withAccount(async (c) => {
      const out = new Map<string, DirectoryRoom>();
      for (const list of await c.roomLists()) {
        for (const r of await c.rooms(list.email!)) {
          const key = r.email!.toLowerCase();
          if (!out.has(key)) out.set(key, { email: key, name: r.name ?? r.email!, ...(list.name ? { roomList: list.name } : {}) });
        }
      }
      return [...out.values()];
    });
  }

  calendar(room: string, window: TimeWindow): Promise<RoomCalendar> {
    return this.withAccount(async (c) => {
      try {
        const events = await c.calendarView(room, window);
        const bookings = events
          .filter((e) => !e.isCancelled && e.freeBusy !== 'free' && !e.isAllDay)
          .map((e): RoomBooking => ({ id: e.id, ...(e.changeKey ? { changeKey: e.changeKey } : {}), ...(e.uid ? { uid: e.uid } : {}), subject: e.subject, ...(e.organizer ? { organizer: e.organizer } : {}), start: e.start, end: e.end }));
        return { source: 'calendar', bookings };
      } catch (err) {
        if (!(err instanceof EwsError) || !REFUSED.test(err.code)) throw err;
        const [r] = await c.availability([{ email: room, attendeeType: 'Room' }], window, { timeZone: 'UTC', view: 'Detailed' });
        if (!r || !r.ok) throw r?.ok === false ? r.error : err;
        const bookings = r.value.events
          .filter((e) => e.busyType !== 'Free' && e.busyType !== 'NoData')
          .map((e): RoomBooking => ({ subject: e.details?.subject ?? '', start: e.start, end: e.end }));
        return { source: 'freebusy', bookings };
      }
    });
  }

  timeZone(room: string): Promise<string | undefined> {
    return this.withAccount(async (c) => {
      const now = DateTime.utc();
      const [r] = await c.availability([{ email: room, attendeeType: 'Room' }], { start: now.toISO()!, end: now.plus({ hours: 1 }).toISO()! }, { timeZone: 'UTC', view: 'FreeBusy' });
      const tz = r?.ok ? r.value.workingHours?.timeZone : undefined;
      return tz ? ianaFromLegacy(tz, now.year) : undefined;
    });
  }

  busy(rooms: readonly string[], window: TimeWindow): Promise<Map<string, readonly TimeWindow[] | undefined>> {
    return this.withAccount(async (c) => {
      const out = new Map<string, readonly TimeWindow[] | undefined>();
      if (rooms.length === 0) return out;
      const results = await c.availability(rooms.map((email) => ({ email, attendeeType: 'Room' as const })), window, { timeZone: 'UTC', view: 'FreeBusy' });
      rooms.forEach((room, i) => {
        const r = results[i];
        out.set(room, r?.ok ? r.value.events.filter((e) => e.busyType !== 'Free' && e.busyType !== 'NoData').map((e) => ({ start: e.start, end: e.end })) : undefined);
      });
      return out;
    });
  }

  book(room: { readonly email: string; readonly name: string }, window: TimeWindow, subject: string, timeZone: string): Promise<RoomBookingResult> {
    return this.withAccount(async (c, account) => {
      const created = await c.createEvent(account, { subject, start: window.start, end: window.end, timeZone, location: room.name, attendees: [{ email: room.email, name: room.name, kind: 'resource' }] });
      let answer: RoomAnswer = 'pending';
      let read: RoomBooking = { id: created.id, uid: created.uid, subject, organizer: { email: account }, start: window.start, end: window.end };
      // The room answers through its booking assistant, which Exchange runs shortly after the request.
      for (let attempt = 0; attempt < this.#polls; attempt++) {
        if (attempt > 0) await this.#sleep(750 * attempt);
        const [r] = await c.getEvents(account, [created.id]);
        if (!r?.ok) continue;
        const e = r.value;
        read = { id: e.id, ...(e.changeKey ? { changeKey: e.changeKey } : {}), uid: e.uid ?? created.uid, subject: e.subject, organizer: e.organizer ?? { email: account }, start: e.start, end: e.end };
        const response = e.attendees.find((a) => same(a.email, room.email))?.response;
        if (response === 'accepted' || response === 'declined' || response === 'tentative') {
          answer = response;
          break;
        }
      }
      // A declined request leaves a meeting nobody can use in the service account's calendar: remove it quietly.
      if (answer === 'declined') await c.deleteEvents(account, [created.id], { notify: false });
      return { answer, booking: read };
    });
  }

  changeEnd(room: string, booking: RoomBooking, end: string, timeZone: string): Promise<EndChanged> {
    return this.withAccount(async (c, account) => {
      if (same(booking.organizer?.email, account) && booking.uid) {
        // Ours: change the meeting itself; the room re-evaluates it and keeps or declines the new time.
        const mine = await c.findByUid(account, booking.uid, { start: booking.start, end: booking.end });
        if (mine) {
          await c.updateEvent(account, { id: mine.id, ...(mine.changeKey ? { changeKey: mine.changeKey } : {}) }, { end, timeZone });
          return 'meeting';
        }
      }
      if (!booking.id) throw notChangeable(room);
      // Someone else's meeting: the room's own calendar item changes, their calendars stay theirs.
      await c.updateEvent(room, { id: booking.id, ...(booking.changeKey ? { changeKey: booking.changeKey } : {}) }, { end, timeZone }, { notify: false });
      return 'room_item';
    });
  }

  release(room: string, booking: RoomBooking, reason: string): Promise<void> {
    return this.withAccount(async (c, account) => {
      if (same(booking.organizer?.email, account) && booking.uid) {
        const mine = await c.findByUid(account, booking.uid, { start: booking.start, end: booking.end });
        if (mine) {
          const [r] = await c.deleteEvents(account, [mine.id], { notify: true });
          if (r && !r.ok) throw r.error;
          return;
        }
      }
      if (!booking.id) throw notChangeable(room);
      await c.respondToMeeting(room, { id: booking.id, ...(booking.changeKey ? { changeKey: booking.changeKey } : {}) }, 'DeclineItem', { text: reason, notify: true });
    });
  }
}

function notChangeable(room: string): RoomProviderError {
  return new RoomProviderError(
    'RoomBookingNotChangeable',
    `The service account can read only free/busy for ${room}, so it cannot change the room's bookings.`,
    `Let the service account act for the room: include room mailboxes in the ApplicationImpersonation scope (Get-ManagementRoleAssignment -Role ApplicationImpersonation | fl Name,CustomRecipientWriteScope), or grant it Editor on the room's calendar (Add-MailboxFolderPermission -Identity ${room}:\\Calendar -User <service account> -AccessRights Editor).`,
  );
}
