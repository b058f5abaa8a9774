/**
 * Changes to an existing event other than its time: who is invited ("add bob to the budget review",
 * "remove ann from the standup"), how long it lasts ("extend the budget review by 15 minutes"), its name
 * ("rename the budget review to budget sync") and where it is ("change the location of the offsite to
 * building 4"). Proposed for "yes" like a move, by its organizer only; a room named as the place is booked
 * as a room (it becomes an attendee), as Exchange books rooms.
 */
import type { EditAsked, Explanation } from './acts.js';
import { nameWords, namesAnEvent } from './match-event.js';
import { firstOfEachSeries, namedAt, searchWindow } from './meetings-named.js';
import { organizes } from './organizer.js';
import type { RoomRequests } from './room-requests.js';
import { ROOM_WORDS, roomFor } from './room-lookup.js';
import { eventSubject } from './subject.js';
import { iso, MINUTE } from './timing.js';
import { IT } from './turn-words.js';
import type { Turn, TurnDeps, TurnInput, TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';
import { overlaps, type CalendarEvent, type EventChange, type Person } from '../../domain/calendar.js';

const LEAD = String.raw`^(?:(?:please|can you|could you|would you|go ahead and|i want to|i'd like to)\s+)*`;
const THE = String.raw`(?:the |my |our |this |tomorrow's |today's )?`;
const INVITE = new RegExp(String.raw`${LEAD}(?:add|invite|include) (.+?) (?:to|on|in|into) ${THE}(.+?)[.!?]?$`, 'i');
const UNINVITE = new RegExp(String.raw`${LEAD}(?:remove|uninvite|disinvite|drop|take) (.+?) (?:off|from|out of) ${THE}(.+?)[.!?]?$`, 'i');
const RENAME = new RegExp(String.raw`${LEAD}(?:rename|retitle) ${THE}(.+?) (?:to|as) (.+?)[.!?]?$|${LEAD}change the (?:name|title|subject) of ${THE}(.+?) to (.+?)[.!?]?$`, 'i');
const PLACE = new RegExp(String.raw`${LEAD}change the (?:location|place|room|venue) of ${THE}(.+?) to (?:the )?(.+?)[.!?]?$|${LEAD}(?:move|change|switch) ${THE}(.+?) to (?:the )?(.+?)[.!?]?$`, 'i');
/** A guest list said: "bob", "ann and bob", "ann, bob and carol". */
const LIST = /\s*(?:,\s*(?:and\s+)?|\band\b)\s*/i;
/** The shortest an event is made by a length change. */
const SHORTEST_MINUTES = 5;

/** What the words ask to change, and the event's name as said ("the budget review"), when the words say it. */
function editSaid(text: string, s: DialogSlots): { readonly edit: EditSaid; readonly named?: string } | undefined {
  const t = text.trim();
  if (s.unsupported === 'guests') {
    const invite = INVITE.exec(t);
    if (invite) return { edit: { kind: 'invite', names: invite[1]!.split(LIST).filter(Boolean) }, named: invite[2]! };
    const uninvite = UNINVITE.exec(t);
    if (uninvite) return { edit: { kind: 'uninvite', names: uninvite[1]!.split(LIST).filter(Boolean) }, named: uninvite[2]! };
  }
  if (s.unsupported === 'length' && s.resize) return { edit: { kind: 'length', ...s.resize } };
  if (s.unsupported === 'rename') {
    const m = RENAME.exec(t);
    const to = m && (m[2] ?? m[4])!.replace(/^["'“]|["'”]$/g, '').trim();
    if (m && to) return { edit: { kind: 'rename', to }, named: (m[1] ?? m[3])! };
  }
  // ("move the budget review to thursday in the boardroom": a move and a place at once is not one edit.)
  if (s.unsupported === 'location' && !s.start && !s.window && !s.newStart && !s.newDay) {
    const m = PLACE.exec(t);
    if (m) return { edit: { kind: 'place', to: (m[2] ?? m[4])! }, named: (m[1] ?? m[3])! };
  }
  return undefined;
}

type EditSaid =
  | { readonly kind: 'invite' | 'uninvite'; readonly names: readonly string[] }
  | { readonly kind: 'length'; readonly minutes: number; readonly how: 'by' | 'to' }
  | { readonly kind: 'rename'; readonly to: string }
  | { readonly kind: 'place'; readonly to: string };

/** "room 5", "building 4 cafe": a place as it is written on a calendar. */
function placeWritten(said: string): string {
  return said.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/** Proposes edits of existing events, and carries them out once "yes" is said. */
export class EventEdits {
  constructor(
    private readonly deps: TurnDeps,
    private readonly rooms: RoomRequests,
  ) {}

  /** The edit the words ask for, proposed for "yes" (or why not); undefined when they ask for none this knows. */
  async ask(t: Turn, s: DialogSlots): Promise<TurnResult | undefined> {
    const said = editSaid(t.input.text, s);
    if (!said) return undefined;
    const { input, done } = t;
    const found = await this.#eventMeant(t, s, said.named);
    if (found.kind !== 'one') return done(found.kind === 'none' ? { kind: 'not_found', query: found.query } : { kind: 'which_event', change: 'find' }, [], undefined, found.explanation);
    const event = found.event;
    // (A room said as the place is booked as Exchange books rooms: it joins as an attendee and answers.)
    if (said.edit.kind === 'place' && (ROOM_WORDS.test(said.edit.to) || (await roomFor(this.deps.provider, said.edit.to)).kind === 'one')) return this.rooms.addRoom(input, said.edit.to, [event], done);
    if (!organizes(input.user, event)) return done({ kind: 'not_organizer', event, change: 'change' }, [event], undefined, found.explanation);
    const edit = await this.#edit(input, event, said.edit);
    if ('refused' in edit) return done(edit.refused, [event], undefined, found.explanation);
    // ("extend the budget review by an hour" into the next meeting: said before "yes", as a new event's clash is.)
    const added = edit.kind === 'length' && edit.end > event.end ? { start: event.end, end: edit.end } : undefined;
    const after = added ? (await t.list(added)).shown : [];
    const conflicts = added ? after.filter((e) => e.id !== event.id && !e.isAllDay && !e.isCancelled && e.freeBusy !== 'free' && overlaps(e, Date.parse(added.start), Date.parse(added.end))) : [];
    return done({ kind: 'confirm_edit', event, edit, ...(conflicts.length ? { conflicts } : {}) }, [event], { kind: 'edit', event, edit, proposedAt: input.now.toISOString() }, found.explanation);
  }

  /** After "yes": the edit made to the event as it is now (guests added since in Outlook stay). */
  async carryOut(input: TurnInput, event: CalendarEvent, edit: EditAsked): Promise<{ readonly event: CalendarEvent } | { readonly gone: true }> {
    const now = await this.deps.provider.getEvent(input.user, event.id);
    if (!now || now.isCancelled) return { gone: true };
    await this.deps.provider.updateEvent(input.user, now, changeFor(now, edit));
    return { event: (await this.deps.provider.getEvent(input.user, now.id).catch(() => undefined)) ?? now };
  }

  async #eventMeant(t: Turn, s: DialogSlots, named: string | undefined): Promise<{ kind: 'one'; event: CalendarEvent; explanation?: Explanation } | { kind: 'several' | 'none'; query: string; explanation?: Explanation }> {
    const { input, list, stateOf } = t;
    // ("add bob to it", "make it 10 minutes longer": the event just talked about.)
    const aboutIt = named === undefined ? !namesAnEvent(s) && !s.start : /^(?:it|that|this one|that one)$/i.test(named.trim());
    if (aboutIt && IT.test(input.text)) {
      const { about } = await stateOf();
      return about ? { kind: 'one', event: about } : { kind: 'none', query: 'that event' };
    }
    // The event by the words that name it: guests said to be added are no part of its name.
    const title = named !== undefined && !/^\d/.test(named) ? named.replace(/^(?:the|my|our) /i, '') : s.title;
    const search: DialogSlots = { raw: [], ...(title ? { title } : {}), ...(s.start ? { start: s.start } : {}), ...(s.window ? { window: s.window } : {}) };
    const at = s.start ? Date.parse(s.start) : undefined;
    const query = title ?? 'that event';
    if (!namesAnEvent(search) && at === undefined) return { kind: 'none', query };
    const { shown, explanation } = await list(searchWindow(search, at, input));
    const fits = firstOfEachSeries(shown.filter((e) => !e.isCancelled && Date.parse(e.end) > input.now.getTime()).filter(namedAt(search, at, input.user)));
    if (fits.length === 1) return { kind: 'one', event: fits[0]!, explanation };
    return { kind: fits.length ? 'several' : 'none', query, explanation };
  }

  /** The edit said, made definite against the event: people found in the directory, an end time, a name. */
  async #edit(input: TurnInput, event: CalendarEvent, said: EditSaid): Promise<EditAsked | { readonly refused: Parameters<Turn['done']>[0] }> {
    switch (said.kind) {
      case 'invite': {
        const people: Person[] = [];
        for (const name of said.names) {
          const found = await this.deps.provider.findPeople(name);
          if (found.kind === 'none') return { refused: { kind: 'unknown_person', name } };
          if (found.kind === 'several') return { refused: { kind: 'which_room', name, candidates: found.candidates.map((c) => c.name), person: true } };
          const invited = event.attendees.some((a) => a.email?.toLowerCase() === found.person.email.toLowerCase());
          if (!invited && found.person.email.toLowerCase() !== input.user.toLowerCase()) people.push({ email: found.person.email, name: found.person.name });
        }
        if (people.length === 0) return { refused: { kind: 'edit_unneeded', event, why: 'invited' } };
        return { kind: 'invite', people };
      }
      case 'uninvite': {
        const guests = event.attendees.filter((a) => a.kind !== 'resource');
        const people = guests.filter((a) => said.names.some((n) => nameWords(n).every((w) => nameWords(`${a.name ?? ''} ${a.email?.split('@')[0]?.replace(/[._]/g, ' ') ?? ''}`).includes(w))));
        if (people.length === 0) return { refused: { kind: 'edit_unneeded', event, why: 'not_invited', name: said.names.join(' and ') } };
        return { kind: 'uninvite', people: people.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}) })) };
      }
      case 'length': {
        if (event.isAllDay) return { refused: { kind: 'edit_unneeded', event, why: 'all_day' } };
        const start = Date.parse(event.start);
        const end = said.how === 'to' ? start + said.minutes * MINUTE : Date.parse(event.end) + said.minutes * MINUTE;
        if (end - start < SHORTEST_MINUTES * MINUTE) return { refused: { kind: 'edit_unneeded', event, why: 'too_short' } };
        if (end === Date.parse(event.end)) return { refused: { kind: 'edit_unneeded', event, why: 'same_length' } };
        return { kind: 'length', end: iso(end) };
      }
      case 'rename':
        return { kind: 'rename', subject: eventSubject(said.to) };
      case 'place':
        return { kind: 'place', location: placeWritten(said.to) };
    }
  }
}

/** The change to send, against the event as it is now (a guest list is sent whole). */
function changeFor(now: CalendarEvent, edit: EditAsked): EventChange {
  const guests = () => now.attendees.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}), kind: a.kind }));
  switch (edit.kind) {
    case 'invite':
      return { attendees: [...guests(), ...edit.people.filter((p) => !now.attendees.some((a) => a.email?.toLowerCase() === p.email?.toLowerCase())).map((p) => ({ ...p, kind: 'required' as const }))] };
    case 'uninvite':
      return { attendees: guests().filter((a) => !edit.people.some((p) => p.email !== undefined && p.email.toLowerCase() === a.email?.toLowerCase())) };
    case 'length':
      return { end: edit.end };
    case 'rename':
      return { subject: edit.subject };
    case 'place':
      return { location: edit.location };
  }
}
