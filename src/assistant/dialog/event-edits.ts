/**
 * Changes to an existing event other than its time: who is invited ("add bob to the budget review",
 * "remove ann from the standup"), how long it lasts ("extend the budget review by 15 minutes"), its name
 * ("rename the budget review to budget sync") and where it is ("change the location of the offsite to
 * building 4"). Proposed for "yes" like a move, by its organizer only; a room named as the place is booked
 * as a room (it becomes an attendee), as Exchange books rooms.
 */
import type { Act, EditAsked, Explanation } from './acts.js';
import { namesAnEvent, namesPerson } from './match-event.js';
import { firstOfEachSeries, namedAt, searchWindow } from './meetings-named.js';
import { organizes } from './organizer.js';
import type { RoomRequests } from './room-requests.js';
import { ROOM_WORDS, roomFor } from './room-lookup.js';
import { eventSubject } from './subject.js';
import { lastListed, pickByPlace } from './read-out.js';
import { iso, MINUTE, onDayOf } from './timing.js';
import { atSeriesTime, changedOnes } from './series.js';
import { IT, wholeSeriesNamed } from './turn-words.js';
import { WHICH_AT_MOST, type Turn, type TurnDeps, type TurnInput, type TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';
import { overlaps, type Attendee, type CalendarEvent, type EventChange, type Person, type TimeWindow } from '../../domain/calendar.js';
import type { DirectoryEntry } from '../../providers/calendar-provider.js';

const LEAD = String.raw`^(?:(?:please|also|and|can you|could you|would you|go ahead and|i want to|i'd like to)\s+)*`;
const THE = String.raw`(?:the |my |our |this |tomorrow's |today's |(?:mon|tues|wednes|thurs|fri|satur|sun)day's )?`;
const INVITE = new RegExp(String.raw`${LEAD}(?:add|invite|include) (.+?) (?:to|on|in|into) ${THE}(.+?)[.!?]?$`, 'i');
const UNINVITE = new RegExp(String.raw`${LEAD}(?:remove|uninvite|disinvite|drop|take|kick) (.+?) (?:off|from|out of) ${THE}(.+?)[.!?]?$`, 'i');
// (The name part is greedy: "rename the trip to tokyo planning to osaka planning" renames "trip to tokyo planning".)
const RENAME = new RegExp(String.raw`${LEAD}(?:rename|retitle) ${THE}(.+) (?:to|as) (.+?)[.!?]?$|${LEAD}change the (?:name|title|subject) of ${THE}(.+) to (.+?)[.!?]?$`, 'i');
const PLACE = new RegExp(String.raw`${LEAD}(?:change|set|update) the (?:location|place|room|venue) of ${THE}(.+?) to (?:the )?(.+?)[.!?]?$|${LEAD}(?:move|change|switch) ${THE}(.+?) to (?:the )?(.+?)[.!?]?$`, 'i');
/** The event named in a length change: "extend the retro by 15 minutes", "make the retro 30 minutes long", "add 15 minutes to the retro". */
const LENGTH_OF = new RegExp(String.raw`${LEAD}(?:(?:extend|lengthen|shorten|cut|trim) ${THE}(.+?) (?:by|to|until|till) |make ${THE}(.+?) (?:\d|an?\b|one\b|half\b)|add .+? to ${THE}(.+?)[.!?]?$)`, 'i');
/** A new end said of an event: "make the budget review end at 12:30", "have the standup finish at 9:30". */
export const ENDS_AT = /\b(?:make|have|let|get)\s+(?:the|my|our)\s+(.+?)\s+(?:end|finish|stop|wrap up)\s+(?:at|by)\b/i;
/** "the second one", "first meeting": a place among the events read out, said as the event. */
const ORDINAL_ALONE = /^(?:the )?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: (?:one|meeting|event))?$/i;
/** Words after "change the" that are a field of whatever is talked about, not an event's name ("change the location to ..."). */
const A_FIELD = /^(?:location|place|room|venue|name|title|subject|time|date|day|length|duration)$/i;
/** Not guests: "add a reminder to the budget review" asks for a reminder. */
const NOT_A_GUEST = /^(?:an? )?(?:reminder|alert|notification|note|agenda|link|description)s?$/i;
/** Said after the event: the guests are optional. */
const AS_OPTIONAL = /\s+as (?:an? )?optional(?: guests?| attendees?| invitees?)?$/i;
/** A guest list said: "bob", "ann and bob", "ann, bob and carol". */
const LIST = /\s*(?:,\s*(?:and\s+)?|\band\b)\s*/i;
/** The shortest and longest an event is made by a length change. */
const SHORTEST_MINUTES = 5;
const LONGEST_MINUTES = 24 * 60;

/** What the words ask to change, and the event's name as said ("the budget review"), when the words say it. */
function editSaid(text: string, s: DialogSlots): { readonly edit: EditSaid; readonly named?: string } | undefined {
  const t = text.trim();
  if (s.unsupported === 'guests') {
    const invite = INVITE.exec(t);
    if (invite && NOT_A_GUEST.test(invite[1]!.trim())) return undefined;
    // ("invite dave to the retro as optional": an optional attendee, of the retro.)
    const optional = invite && AS_OPTIONAL.exec(invite[2]!);
    if (invite) return { edit: { kind: 'invite', names: invite[1]!.split(LIST).filter(Boolean), ...(optional ? { optional: true as const } : {}) }, named: optional ? invite[2]!.slice(0, optional.index) : invite[2]! };
    const uninvite = UNINVITE.exec(t);
    if (uninvite) return { edit: { kind: 'uninvite', names: uninvite[1]!.split(LIST).filter(Boolean) }, named: uninvite[2]! };
  }
  if (s.unsupported === 'length' && s.resize) {
    const m = LENGTH_OF.exec(t);
    const named = m && (m[1] ?? m[2] ?? m[3]);
    return { edit: { kind: 'length', ...s.resize }, ...(named ? { named } : {}) };
  }
  // ("extend the budget review until 12:30", "make the standup end at 9:30": a new end, on the event's own day.)
  if ((s.unsupported === 'length' || ENDS_AT.test(t)) && s.start && !s.resize) {
    const named = ENDS_AT.exec(t)?.[1] ?? LENGTH_OF.exec(t)?.[1];
    // (Read as a new event's, "end at 11am" is a span from now ending then: its end is the time said.)
    return named ? { edit: { kind: 'end', at: s.end ?? s.start }, named } : undefined;
  }
  if (s.unsupported === 'rename') {
    const m = RENAME.exec(t);
    const to = m && (m[2] ?? m[4])!.replace(/^["'“]|["'”]$/g, '').trim();
    if (m && to) return { edit: { kind: 'rename', to }, named: (m[1] ?? m[3])! };
  }
  // ("move the budget review to thursday in the boardroom": a move and a place at once is not one edit.)
  if (s.unsupported === 'location' && !s.start && !s.window && !s.newStart && !s.newDay) {
    const m = PLACE.exec(t);
    if (m && !A_FIELD.test((m[1] ?? m[3])!.trim())) return { edit: { kind: 'place', to: (m[2] ?? m[4])! }, named: (m[1] ?? m[3])! };
  }
  return undefined;
}

type EditSaid =
  | { readonly kind: 'invite' | 'uninvite'; readonly names: readonly string[]; readonly optional?: true }
  | { readonly kind: 'length'; readonly minutes: number; readonly how: 'by' | 'to' }
  | { readonly kind: 'end'; readonly at: string }
  | { readonly kind: 'rename'; readonly to: string }
  | { readonly kind: 'place'; readonly to: string };

/** The slots without the model's event name: a series' name read from the words replaces it. */
function withoutTitle(s: DialogSlots): DialogSlots {
  const { title: _, ...rest } = s;
  return rest;
}

/** The slots without the time said: a new end names no event by its time. */
function withoutTime(s: DialogSlots): DialogSlots {
  const { start: _start, end: _end, endOnly: _endOnly, ...rest } = s;
  return rest;
}

/** "room 5" as "Room 5"; anything typed with capitals, a link or punctuation is kept as typed, without quotes. */
function placeWritten(said: string): string {
  const bare = said.trim().replace(/^["'“]|["'”]$/g, '').trim();
  return /^[a-z0-9 ]+$/.test(bare) ? bare.replace(/(^|\s)([a-z])/g, (_, gap: string, c: string) => gap + c.toUpperCase()) : bare;
}

/** Proposes edits of existing events, and carries them out once "yes" is said. */
export class EventEdits {
  constructor(
    private readonly deps: TurnDeps,
    private readonly rooms: RoomRequests,
  ) {}

  /**
   * "extend it by 30 minutes", "extend this meeting by 10 minutes" off a room's device: the event talked about,
   * or else the meeting under way now, made that much longer.
   */
  async extend(t: Turn, minutes: number): Promise<TurnResult> {
    const { about } = IT.test(t.input.text) ? await t.stateOf() : {};
    const event = about ?? (await this.#underWay(t));
    if (!event) return t.done({ kind: 'not_found', query: 'a meeting under way now' });
    return this.#propose(t, event, { kind: 'length', minutes, how: 'by' });
  }

  /** The edit the words ask for, proposed for "yes" (or why not); undefined when they ask for none this knows. */
  async ask(t: Turn, s: DialogSlots): Promise<TurnResult | undefined> {
    const said = editSaid(t.input.text, s);
    if (!said) return undefined;
    const { input, done } = t;
    // "add ann to all my standups", "rename the standup series to daily sync", "make every standup 30 minutes":
    // the series' master, so every occurrence changes (its place, one occurrence at a time).
    const series = wholeSeriesNamed(said.named, input.text);
    // (The time in "until 12:30" is the new end, not when the event is; a series' name is its own, not the model's.)
    const slots = said.edit.kind === 'end' ? withoutTime(s) : s;
    const found = await this.#eventMeant(t, series !== undefined ? withoutTitle(slots) : slots, series ?? said.named);
    // ("shorten it by 15 minutes" with nothing talked about: no edit this can make; refused as before.)
    if (found.kind === 'nothing') return undefined;
    if (found.kind === 'none') return done({ kind: 'not_found', query: found.query }, [], undefined, found.explanation);
    // (Several of that name: named, to be said again with a day; nothing waits.)
    if (found.kind === 'several') return done({ kind: 'which_event', change: 'change', candidates: found.candidates.slice(0, WHICH_AT_MOST) }, found.candidates, undefined, found.explanation);
    if (series !== undefined && found.event.isRecurring) {
      if (said.edit.kind === 'place') return done({ kind: 'series_edit_refused', event: found.event }, [found.event], undefined, found.explanation);
      // (An occurrence moved on its own is not the series' time: the edit is said of the series' own.)
      return this.#propose(t, atSeriesTime(found.event), said.edit, found.explanation, true);
    }
    return this.#propose(t, found.event, said.edit, found.explanation);
  }

  /** The edit said of `event`, made definite and proposed for "yes", or why not. */
  async #propose(t: Turn, event: CalendarEvent, said: EditSaid, explanation?: Explanation, series?: true): Promise<TurnResult> {
    const { input, done } = t;
    // A room said as the new place is booked as Exchange books rooms (it joins as an attendee and answers); one
    // that already has a room moves to the new one. Words that say a room the directory lacks are said so.
    const room = said.kind === 'place' ? await roomFor(this.deps.provider, said.to) : undefined;
    const hasRoom = event.attendees.some((a) => a.kind === 'resource');
    // (A room the directory does not know, "room 5", is a place as written; several of a name are asked about.)
    if (said.kind === 'place' && ((room?.kind === 'one' && !hasRoom) || (room?.kind === 'several' && ROOM_WORDS.test(said.to)))) return this.rooms.addRoom(input, room.kind === 'one' ? room.room.name : said.to, [event], done);
    if (!organizes(input.user, event)) return done({ kind: 'not_organizer', event, change: 'change' }, [event], undefined, explanation);
    const edit = await this.#edit(input, event, said, room?.kind === 'one' ? room.room : undefined);
    // ("add the boardroom to the demo": the room is booked as a room, not invited as a person.)
    if ('bookRoom' in edit) return this.rooms.addRoom(input, edit.bookRoom, [event], done);
    if ('refused' in edit) return done(edit.refused, [event], undefined, explanation);
    const { conflicts, busyRooms } =
      edit.kind === 'length' && edit.end > event.end
        ? await this.#clashes(t, event, { start: event.end, end: edit.end })
        : // ("move the budget review to the fishbowl": the room in place of its room is booked then? Said before "yes".)
          edit.kind === 'place' && edit.room
          ? { conflicts: [], busyRooms: ((await this.deps.provider.busyTimes(edit.room.email, { start: event.start, end: event.end })) ?? []).length ? [edit.room.name] : [] }
          : { conflicts: [], busyRooms: [] };
    const whole = series ? { series, ...(edit.kind === 'length' ? await changedOnes(this.deps.provider, input.user, event) : {}) } : {};
    return done({ kind: 'confirm_edit', event, edit, ...(conflicts.length ? { conflicts } : {}), ...(busyRooms.length ? { busyRooms } : {}), ...whole }, [event], { kind: 'edit', event, edit, proposedAt: input.now.toISOString(), ...whole }, explanation);
  }

  /** "extend the budget review by an hour": what the added time runs into on the calendar, and its rooms booked then. */
  async #clashes(t: Turn, event: CalendarEvent, added: TimeWindow): Promise<{ conflicts: CalendarEvent[]; busyRooms: string[] }> {
    const { shown } = await t.list(added);
    const conflicts = shown.filter((e) => e.id !== event.id && !e.isAllDay && !e.isCancelled && e.freeBusy !== 'free' && overlaps(e, Date.parse(added.start), Date.parse(added.end)));
    const busyRooms: string[] = [];
    for (const r of event.attendees.filter((a) => a.kind === 'resource' && a.email)) if (((await this.deps.provider.busyTimes(r.email!, added)) ?? []).length) busyRooms.push(r.name || r.email!);
    return { conflicts, busyRooms };
  }

  /**
   * After "yes": the edit made to the event as it is now (guests added since in Outlook stay), or with
   * `series` to its whole series, whose guests are its master's.
   */
  async carryOut(input: TurnInput, event: CalendarEvent, edit: EditAsked, series?: true): Promise<{ readonly event: CalendarEvent } | { readonly gone: true }> {
    const now = await this.deps.provider.getEvent(input.user, event.id);
    if (!now || now.isCancelled) return { gone: true };
    if (!series) await this.deps.provider.updateEvent(input.user, now, changeFor(now, edit));
    else if (edit.kind === 'length') {
      // A new length is a new time for every occurrence: the series moves, onto its own start (an occurrence
      // moved on its own keeps the series' time as its original start; the length was said from that).
      const from = Date.parse(now.originalStart ?? now.start);
      await this.deps.provider.moveSeries(input.user, now, { start: iso(from), end: iso(from + Date.parse(edit.end) - Date.parse(event.start)) }, input.timeZone);
    } else {
      // (Guests are the series' own, as its master has them: an occurrence may have had someone added or removed alone.)
      const guestsOf = edit.kind === 'invite' || edit.kind === 'uninvite' ? (await this.deps.provider.getSeries(input.user, now)).master : now;
      await this.deps.provider.updateSeries(input.user, now, changeFor(guestsOf, edit));
    }
    return { event: (await this.deps.provider.getEvent(input.user, now.id).catch(() => undefined)) ?? now };
  }

  async #eventMeant(t: Turn, s: DialogSlots, named: string | undefined): Promise<{ kind: 'one'; event: CalendarEvent; explanation?: Explanation } | { kind: 'several'; candidates: CalendarEvent[]; explanation?: Explanation } | { kind: 'none'; query: string; explanation?: Explanation } | { kind: 'nothing' }> {
    const { input, list, stateOf } = t;
    // ("add bob to it", "make it 10 minutes longer": the event just talked about.)
    // ("extend my current meeting by 15 minutes": the one under way.)
    if (/^(?:(?:my|the|this) )?(?:current|ongoing) meeting$|^this meeting$/i.test((named ?? s.title ?? '').trim())) {
      const now = await this.#underWay(t);
      return now ? { kind: 'one', event: now } : { kind: 'none', query: 'a meeting under way now' };
    }
    const aboutIt = named === undefined ? !namesAnEvent(s) && !s.start : /^(?:it|that|this one|that one|that meeting)$/i.test(named.trim());
    if (aboutIt && IT.test(input.text)) {
      const { about } = await stateOf();
      return about ? { kind: 'one', event: about } : { kind: 'nothing' };
    }
    // ("extend the second one by 15 minutes" after a read: that one of the events read out.)
    if (named !== undefined && ORDINAL_ALONE.test(named.trim())) {
      const listed = await lastListed(t);
      const picked = listed && pickByPlace(`the ${named.trim().replace(/^the /i, '')}`, listed);
      return picked ? { kind: 'one', event: picked } : { kind: 'nothing' };
    }
    // The event by the words that name it (guests said to be added are no part of its name). The name the NLU
    // read within them wins, with the day it read ("the hiring sync on friday"); else the words as said.
    const said = named !== undefined && !/^\d/.test(named) ? named.replace(/^(?:the|my|our) /i, '') : undefined;
    const title = said !== undefined && !(s.title && said.toLowerCase().includes(s.title.toLowerCase())) ? said : s.title;
    const search: DialogSlots = { raw: [], ...(title ? { title } : {}), ...(s.start ? { start: s.start } : {}), ...(s.window ? { window: s.window } : {}) };
    const at = s.start ? Date.parse(s.start) : undefined;
    const query = title ?? 'that event';
    if (!namesAnEvent(search) && at === undefined) return { kind: 'none', query };
    const { shown, explanation } = await list(searchWindow(search, at, input));
    const fits = firstOfEachSeries(shown.filter((e) => !e.isCancelled && Date.parse(e.end) > input.now.getTime()).filter(namedAt(search, at, input.user)));
    // ("the planning" with Planning and Trip to tokyo planning: the one of exactly that name.)
    const exact = title ? fits.filter((e) => e.subject.trim().toLowerCase() === title.toLowerCase()) : [];
    if (fits.length === 1 || exact.length === 1) return { kind: 'one', event: exact.length === 1 ? exact[0]! : fits[0]!, explanation };
    return fits.length ? { kind: 'several', candidates: fits, explanation } : { kind: 'none', query, explanation };
  }

  /** The timed meeting under way now on the asker's calendar, if any. */
  async #underWay(t: Turn): Promise<CalendarEvent | undefined> {
    const now = t.input.now.getTime();
    const { shown } = await t.list({ start: iso(now), end: iso(now + MINUTE) });
    return shown.find((e) => !e.isAllDay && !e.isCancelled && Date.parse(e.start) <= now && Date.parse(e.end) > now);
  }

  /** The edit said, made definite against the event: people found in the directory, an end time, a name, a place. */
  async #edit(input: TurnInput, event: CalendarEvent, said: EditSaid, room: DirectoryEntry | undefined): Promise<EditAsked | { readonly refused: Act } | { readonly bookRoom: string }> {
    switch (said.kind) {
      case 'invite': {
        const people: Person[] = [];
        const already: string[] = [];
        for (const name of said.names) {
          const found = await this.deps.provider.findPeople(name.replace(/^the /i, ''));
          if (found.kind === 'none') {
            // ("add the boardroom to the demo": no person, but a room of the room lists.)
            const asRoom = await roomFor(this.deps.provider, name);
            if (asRoom.kind === 'one') return { bookRoom: asRoom.room.name };
            return { refused: { kind: 'unknown_person', name } };
          }
          if (found.kind === 'several') return { refused: { kind: 'which_room', name, candidates: found.candidates.map((c) => c.name), person: true } };
          if (found.person.isRoom) return { bookRoom: found.person.name };
          const email = found.person.email.toLowerCase();
          const known = event.attendees.some((a) => a.email?.toLowerCase() === email) || people.some((p) => p.email?.toLowerCase() === email);
          if (!known && email !== input.user.toLowerCase()) people.push({ email: found.person.email, name: found.person.name });
          else if (email !== input.user.toLowerCase() && !already.includes(found.person.name)) already.push(found.person.name);
        }
        if (people.length === 0) return { refused: { kind: 'edit_unneeded', event, why: 'invited' } };
        return { kind: 'invite', people, ...(already.length ? { already } : {}), ...(said.optional ? { optional: true as const } : {}) };
      }
      case 'uninvite': {
        const guests = event.attendees.filter((a) => a.kind !== 'resource');
        const people: Attendee[] = [];
        for (const name of said.names) {
          const matches = guests.filter((a) => namesPerson(name, a));
          // ("remove bob" with Bob Smith and Bob Jones invited: which one, never both.)
          if (matches.length > 1) return { refused: { kind: 'which_room', name, candidates: matches.map((a) => a.name || a.email || name), person: true } };
          if (matches[0] && !people.includes(matches[0])) people.push(matches[0]);
        }
        if (people.length === 0) return { refused: { kind: 'edit_unneeded', event, why: 'not_invited', name: said.names.join(' and ') } };
        return { kind: 'uninvite', people: people.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}) })) };
      }
      case 'length':
      case 'end': {
        if (event.isAllDay) return { refused: { kind: 'edit_unneeded', event, why: 'all_day' } };
        const start = Date.parse(event.start);
        const end = said.kind === 'end' ? Date.parse(onDayOf(said.at, event.start, input.timeZone)) : said.how === 'to' ? start + said.minutes * MINUTE : Date.parse(event.end) + said.minutes * MINUTE;
        // ("make the budget review end at 10" for one at 11: an end before its start is said so, not made.)
        if (said.kind === 'end' && end <= start) return { refused: { kind: 'edit_unneeded', event, why: 'ends_before', end: iso(end) } };
        if (end - start < SHORTEST_MINUTES * MINUTE) return { refused: { kind: 'edit_unneeded', event, why: 'too_short' } };
        // (A day at most: longer is a change of days, said as a move or a new event.)
        if (end - start > LONGEST_MINUTES * MINUTE) return { refused: { kind: 'edit_unneeded', event, why: 'too_long' } };
        if (end === Date.parse(event.end)) return { refused: { kind: 'edit_unneeded', event, why: 'same_length' } };
        return { kind: 'length', end: iso(end) };
      }
      case 'rename': {
        const subject = eventSubject(said.to);
        if (subject.toLowerCase() === event.subject.trim().toLowerCase()) return { refused: { kind: 'edit_unneeded', event, why: 'same_name' } };
        return { kind: 'rename', subject };
      }
      case 'place': {
        // Another place releases the rooms booked for it (or gives way to the room said).
        const rooms = event.attendees.filter((a) => a.kind === 'resource' && a.email?.toLowerCase() !== room?.email.toLowerCase()).map((a) => a.name || a.email || 'the room');
        return { kind: 'place', location: room?.name ?? placeWritten(said.to), ...(room ? { room: { email: room.email, name: room.name } } : {}), ...(rooms.length ? { releases: rooms } : {}) };
      }
    }
  }
}

/** The change to send, against the event as it is now (a guest list is sent whole). */
function changeFor(now: CalendarEvent, edit: EditAsked): EventChange {
  const guests = () => now.attendees.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}), kind: a.kind }));
  switch (edit.kind) {
    case 'invite':
      return { attendees: [...guests(), ...edit.people.filter((p) => !now.attendees.some((a) => a.email?.toLowerCase() === p.email?.toLowerCase())).map((p) => ({ ...p, kind: edit.optional ? ('optional' as const) : ('required' as const) }))] };
    case 'uninvite':
      return { attendees: guests().filter((a) => !edit.people.some((p) => p.email !== undefined && p.email.toLowerCase() === a.email?.toLowerCase())) };
    case 'length':
      return { end: edit.end };
    case 'rename':
      return { subject: edit.subject };
    case 'place': {
      // (The rooms given up leave the attendees, so their calendars free the time; the room said joins.)
      if (!edit.releases?.length && !edit.room) return { location: edit.location };
      const kept = guests().filter((a) => a.kind !== 'resource');
      return { location: edit.location, attendees: [...kept, ...(edit.room ? [{ email: edit.room.email, name: edit.room.name, kind: 'resource' as const }] : [])] };
    }
  }
}
