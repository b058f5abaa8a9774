import { namesAnEvent } from './match-event.js';
import { meetingSaid, meetingsNamed } from './meetings-named.js';
import { roomNamed } from './named-room.js';
import { organizes } from './organizer.js';
import { roomFor } from './room-lookup.js';
import { dayWindow, iso, MINUTE } from './timing.js';
import type { CalendarEvent, TimeWindow } from '../../domain/calendar.js';
import type { DirectoryEntry } from '../../providers/calendar-provider.js';
import { WHICH_AT_MOST, type Done, type TurnDeps, type TurnInput, type TurnResult } from './turn-types.js';
import type { DialogIntent, DialogSlots } from './understanding.js';

/** How many rooms "find me a room" asks free/busy of (Exchange answers up to 100 per request; each is one here). */
const ROOMS_ASKED = 30;

/** Titles that name no meeting in particular: "book the boardroom for a meeting at 3" is a new one. */
const GENERIC_MEETING = /^(?:a |an |the )?(?:meeting|call|sync|session|chat|event|room)s?$/i;

/** "book the boardroom for the budget review", "a room for my 2pm": the meeting a room is asked for, as said. */
const FOR_A_MEETING = /\b(?:for|to)\s+((?:my|the|our|this|tomorrow's|today's|friday's|monday's|tuesday's|wednesday's|thursday's)\s+(?!(?:team|group|people|whole|rest|day|afternoon|morning|evening)\b)\S.*?)[.?!]*$/i;

/** Proposing a new event from slots (the dialog's own create): a room booked with nobody's meeting is one. */
export type CreateEvent = (input: TurnInput, s: DialogSlots, done: Done) => Promise<TurnResult>;

/**
 * Rooms asked for away from a room's own device: a room found or named, its free/busy, a room added to a
 * meeting already made. Rooms are booked the way Exchange books them, as attendees whose calendars answer.
 */
export class RoomRequests {
  constructor(
    private readonly deps: TurnDeps,
    private readonly create: CreateEvent,
  ) {}

  /**
   * "find me a room tomorrow at 2", "book a room for 30 minutes": the rooms of the organization's room lists
   * free then (now, for an hour, unless said), asked in one go; the first is proposed as a meeting with the
   * room invited, so "yes" books it and its calendar accepts or declines. Rooms beyond the first
   * ROOMS_ASKED are not asked about.
   */
  async findRoom(input: TurnInput, s: DialogSlots, done: Done): Promise<TurnResult> {
    // "a room for the budget review": a room for a meeting already made, which this does not change.
    const forEvent = s.title && !/^(?:(?:a|an|the|free|empty|open|meeting|conference|small|big|quiet) )*(?:rooms?|space|meeting|call|sync)$/i.test(s.title) && !s.start;
    // ("find me a room for the budget review": the first free room at its time, added to it.)
    const forMeeting = forEvent ? FOR_A_MEETING.exec(input.text) : null;
    const named = forMeeting ? meetingSaid(this.deps, input, forMeeting[1]!) : undefined;
    const there = named && namesAnEvent(named) ? await meetingsNamed(this.deps, input, named) : [];
    if (there.length > 0) return this.addRoom(input, undefined, there, done);
    if (named && namesAnEvent(named)) return done({ kind: 'not_found', query: named.title ?? '', ...(named.start ? { at: named.start } : {}) });
    if (forEvent) return done({ kind: 'room_for_event', event: s.title! });
    // "a room tomorrow", "this afternoon": a day or part of one is not yet a time to book.
    if (!s.start && s.window) return done({ kind: 'room_needs_time' });
    const start = s.start ?? iso(input.now.getTime());
    const minutes = s.lengthSaid && s.durationMinutes ? s.durationMinutes : s.end ? Math.round((Date.parse(s.end) - Date.parse(start)) / MINUTE) : 60;
    const window = { start, end: iso(Date.parse(start) + minutes * MINUTE) };
    // "for 6 people": rooms known to seat fewer are not asked about; those of unknown size are, and said.
    const seats = s.seats;
    const listed = await this.deps.provider.rooms();
    const rooms = listed.filter((r) => !seats || r.capacity === undefined || r.capacity >= seats).slice(0, ROOMS_ASKED);
    if (seats && listed.length > 0 && rooms.length === 0) return done({ kind: 'no_free_room', window, listed: listed.length, tooSmall: seats });
    const { free, unread } = await this.#freeRooms(rooms, window);
    if (free.length === 0) return done({ kind: 'no_free_room', window, listed: rooms.length, ...(unread ? { unread } : {}) });
    const unsized = seats !== undefined && free[0]!.capacity === undefined;
    const offered: Done = (act, ...rest) => done(act.kind === 'confirm_create' ? { ...act, freeRooms: free.map((r) => r.name), ...(seats && unsized ? { seatsAsked: seats } : {}) } : act, ...rest);
    // "with ann", "for my meeting with ann": the people said are invited too.
    return this.create(input, { start, end: window.end, durationMinutes: minutes, title: 'Meeting', location: free[0]!.name, saidDay: true, ...(s.people ? { people: s.people } : {}), ...(s.maybePeople ? { maybePeople: s.maybePeople } : {}) }, offered);
  }

  /**
   * A room request away from the room's own device: a room named is looked up in the directory; "is the
   * boardroom free at 3" reads its free/busy, "book the boardroom tomorrow at 3" proposes a meeting with
   * the room invited (its calendar accepts or declines). Without a name, or on a device not yet placed in
   * a room, the answer says how to ask.
   */
  async namedRoom(input: TurnInput, intent: DialogIntent, s: DialogSlots, done: Done, said?: string): Promise<TurnResult> {
    const name = said ?? s.room ?? (intent === 'room_is_free' || intent === 'room_book' || intent === 'room_when_free' ? roomNamed(input.text) : undefined);
    // "is there a room free at 2", "book a room": any room, found rather than named.
    if (!name && (intent === 'room_is_free' || intent === 'room_book') && /\b(?:a|any|an?y? free|some) (?:free |empty |open )?(?:room|space)s?\b/i.test(input.text)) return this.findRoom(input, s, done);
    if (!name) return done({ kind: 'rooms_not_set_up' });
    if (intent === 'room_book') {
      // "book the boardroom for the budget review", "for lunch friday at 1": a meeting already made, at the
      // time said, gets the room; with none there ("for my interview tomorrow at 10"), a new one is proposed.
      const forMeeting = FOR_A_MEETING.exec(input.text);
      const named = forMeeting ? meetingSaid(this.deps, input, forMeeting[1]!) : s.title && !GENERIC_MEETING.test(s.title) ? { title: s.title, ...(s.window ? { window: s.window } : {}), ...(s.start && Math.abs(Date.parse(s.start) - input.now.getTime()) > MINUTE ? { start: s.start } : {}) } : undefined;
      const there = named && namesAnEvent(named) ? await meetingsNamed(this.deps, input, named) : [];
      if (there.length > 0) return this.addRoom(input, name, there, done);
      // Booking: the proposal finds the room (and asks which of several) as for "add ... in the boardroom".
      // ("book the boardroom" with no time said: asked when, not booked from this minute.)
      const { start: _s, end: _e, ...untimed } = s;
      return this.create(input, { ...(saysWhen(s) ? s : untimed), title: s.title ?? 'Meeting', location: name }, done);
    }
    const found = await roomFor(this.deps.provider, name);
    if (found.kind === 'none') return done({ kind: 'unknown_room', name, ...(await this.noRoomLists()) });
    if (found.kind === 'several') return done({ kind: 'which_room', name, candidates: found.candidates.map((c) => c.name) });
    const room = found.room;
    // "when is the boardroom free (on wednesday)": when it is booked that day, the rest being free.
    const start = s.window?.start ?? s.start ?? (intent === 'room_when_free' ? dayWindow(input.now, input.timeZone).start : iso(input.now.getTime()));
    const window = s.window ?? (intent === 'room_when_free' && !s.start ? dayWindow(input.now, input.timeZone) : { start, end: iso(Date.parse(start) + (s.durationMinutes ?? 30) * MINUTE) });
    const busy = await this.deps.provider.busyTimes(room.email, window);
    return done({ kind: 'named_room_free', room: room.name, window, ...(busy === undefined ? {} : { free: busy.length === 0, busy }) });
  }

  /**
   * "book the boardroom for the budget review", "find me a room for my 2pm": the room becomes an attendee of
   * that meeting, as Exchange books rooms (its calendar then accepts or declines). `roomName` undefined: the
   * first room free for the whole meeting. Only the organizer changes a meeting for everyone.
   */
  async addRoom(input: TurnInput, roomName: string | undefined, fits: readonly CalendarEvent[], done: Done): Promise<TurnResult> {
    const event = fits[0]!;
    const which = roomName ?? 'a room';
    if (fits.length > 1) return done({ kind: 'add_room_which', room: which, candidates: fits.slice(0, WHICH_AT_MOST) }, fits);
    if (!organizes(input.user, event)) return done({ kind: 'not_organizer', event, change: 'add a room to' }, [event]);
    const window = { start: event.start, end: event.end };
    let room: DirectoryEntry | undefined;
    if (roomName) {
      const found = await roomFor(this.deps.provider, roomName);
      if (found.kind === 'none') return done({ kind: 'unknown_room', name: roomName, ...(await this.noRoomLists()) });
      if (found.kind === 'several') return done({ kind: 'which_room', name: roomName, candidates: found.candidates.map((c) => c.name) });
      room = found.room;
    } else {
      // ("a room for the budget review" that has one: that room, not "none free", as its own booking fills it.)
      const has = event.attendees.find((a) => a.kind === 'resource');
      if (has) return done({ kind: 'room_already_booked', event, room: has.name || has.email || 'A room' }, [event]);
      const rooms = (await this.deps.provider.rooms()).slice(0, ROOMS_ASKED);
      room = (await this.#freeRooms(rooms, window)).free[0];
      if (!room) return done({ kind: 'no_free_room', window, listed: rooms.length });
    }
    if (event.attendees.some((a) => a.email?.toLowerCase() === room!.email.toLowerCase())) return done({ kind: 'room_already_booked', event, room: room.name }, [event]);
    const taken = roomName ? ((await this.deps.provider.busyTimes(room.email, window))?.length ?? 0) > 0 : false;
    return done({ kind: 'confirm_add_room', event, room: room.name, taken }, [event], { kind: 'add_room', event, room: { email: room.email, name: room.name }, proposedAt: input.now.toISOString() });
  }

  /** Of `rooms`, those free for all of `window`; `unread`: how many Exchange gave no free/busy for (neither free nor taken). */
  async #freeRooms(rooms: readonly DirectoryEntry[], window: TimeWindow): Promise<{ free: DirectoryEntry[]; unread: number }> {
    const busy = await Promise.all(rooms.map((r) => this.deps.provider.busyTimes(r.email, window)));
    return { free: rooms.filter((_, i) => busy[i]?.length === 0), unread: busy.filter((b) => b === undefined).length };
  }

  /** Exchange lists no rooms at all: rooms then look like people, and a room said cannot be found (said so, with the fix). */
  async noRoomLists(): Promise<{ noRoomLists?: true }> {
    const rooms = await this.deps.provider.rooms().catch(() => undefined);
    return rooms && rooms.length === 0 ? { noRoomLists: true } : {};
  }

  /**
   * The rooms of `event` that are booked by something else at the new time (they would decline the move).
   * The time the event already holds is its own booking, so only the part of the new time outside it is checked.
   */
  async roomsTakenFor(event: CalendarEvent, start: string, end: string): Promise<string[]> {
    const rooms = event.attendees.filter((a) => a.kind === 'resource' && a.email);
    if (!rooms.length || event.isAllDay) return [];
    const [s, e, os, oe] = [Date.parse(start), Date.parse(end), Date.parse(event.start), Date.parse(event.end)];
    const parts = [[s, Math.min(e, os)], [Math.max(s, oe), e]].filter(([a, b]) => a! < b!).map(([a, b]) => ({ start: iso(a!), end: iso(b!) }));
    const taken = await Promise.all(rooms.map(async (r) => ((await Promise.all(parts.map((w) => this.deps.provider.busyTimes(r.email!, w)))).some((b) => Boolean(b?.length)) ? [r.name || r.email!] : [])));
    return taken.flat();
  }
}

/** Whether a day, a time or a length was said (a room booked "now" by default says none). */
export function saysWhen(s: DialogSlots): boolean {
  return (s.raw ?? []).some((r) => r.type === 'date' || r.type === 'time' || r.type === 'timeofday') || s.durationMinutes !== undefined;
}
