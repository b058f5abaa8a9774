import { nameWords, namesPerson } from './match-event.js';
import { roomFor, ROOM_WORDS } from './room-lookup.js';
import { spelledOut } from './subject.js';
import { iso, MINUTE, timedFirst } from './timing.js';
import { REPEAT_WORDS } from './turn-words.js';
import { allDayShowAs } from '../../domain/all-day.js';
import type { AttendeeKind, EventDraft, Person } from '../../domain/calendar.js';
import { firstTimes, startingOn } from '../../domain/repeat.js';
import type { DirectoryEntry, PeopleLookup } from '../../providers/calendar-provider.js';
import { escapeRegExp } from '../../shared/regexp.js';
import type { Act } from './acts.js';
import type { RoomRequests } from './room-requests.js';
import type { Done, TurnDeps, TurnInput, TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';

/** An email address as typed (the directory decides first; an outside address is invited as written). */
const EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/**
 * New events: who is invited (the directory decides, several of a name are asked about), the room a place
 * names (booked as an attendee), and the proposal for "yes" with what it would overlap said first.
 */
export class NewEvents {
  constructor(
    private readonly deps: TurnDeps,
    private readonly rooms: RoomRequests,
  ) {}

  async create(input: TurnInput, request: DialogSlots, done: Done): Promise<TurnResult> {
    // "remind me tomorrow at 3 to meet with ann lee": a reminder is one's own; the people and the place are
    // words of what it reminds of, and nobody is invited, no room booked.
    const s = request.reminder ? reminderOnly(request) : request;
    const title = s.title ?? (s.reminder ? 'Reminder' : 'Meeting');
    // "dinner with ann this evening", "remind me tomorrow to ...": the day (or part of it) is known; ask the time in it.
    const within = !s.start && !s.repeat && s.window && Date.parse(s.window.end) - Date.parse(s.window.start) <= 25 * 3_600_000 ? s.window : undefined;
    if (!s.start) return done({ kind: 'need_time', title, ...(within ? { within } : {}), ...(s.reminder ? { reminder: true, ...(s.remindAbout ? { remindAbout: true } : {}) } : {}) }, [], { kind: 'time', create: { ...s, title } });
    const attendees: (Person & { kind: AttendeeKind })[] = [];
    let location = s.location;
    // "lunch with the team", "dinner with mom": nobody the directory knows. The event is still proposed,
    // with them in its title and nobody invited, and the proposal says so (a typo can be refused there).
    const notInvited: string[] = [];
    // "add dentist tomorrow": a word that is the event's own title is not someone to invite (whole words:
    // "a call with al" still invites Al).
    const titleHas = new Set(nameWords(title));
    // "with ann and dave as optional": Dave is invited as optional (matched by the words said, or by address).
    const guestKind = (name: string, isRoom?: boolean): AttendeeKind => (isRoom ? 'resource' : (s.optionalPeople ?? []).some((o) => nameWords(o).every((w) => nameWords(name).includes(w))) ? 'optional' : 'required');
    for (const name of s.people ?? []) {
      if (nameWords(name).every((w) => titleHas.has(w))) continue;
      const found = await this.guest(name, input.user);
      if (found.kind === 'several') return done({ kind: 'ask_person', name, candidates: found.candidates }, [], { kind: 'person', create: s, name, candidates: found.candidates });
      if (found.kind === 'none') {
        // "with bob ann and dave" said aloud: "bob ann" is nobody, but Bob and Ann each may be someone.
        const each = name.includes(' ') ? await Promise.all(name.split(' ').map((w) => this.guest(w, input.user))) : [];
        const [a, b] = each;
        if (a?.kind === 'one' && b?.kind === 'one' && a.person.email !== b.person.email) {
          each.forEach((f, k) => {
            if (f.kind === 'one') attendees.push({ email: f.person.email, name: f.person.name, kind: guestKind(name.split(' ')[k]!, f.person.isRoom) });
          });
          continue;
        }
        notInvited.push(name);
        continue;
      }
      attendees.push({ email: found.person.email, name: found.person.name, kind: guestKind(name, found.person.isRoom) });
      // "with bob in the boardroom", the boardroom tagged as a person (or the answer to "Which fishbowl?"):
      // the room is where, and is said by its name (with the place said, when that is another room).
      // ("in the boardroom", then "south" to "Which boardroom?": the place said is that room.)
      const samePlace = !location || nameWords(location).every((w) => nameWords(found.person.name).includes(w));
      if (found.person.isRoom) location = samePlace ? found.person.name : `${location}; ${found.person.name}`;
    }
    // "with ann": a word no model tagged is a guest only if the directory knows it. Otherwise ("with
    // marketing", "with zelda fitzgerald") it stays in the title and the proposal says nobody is invited
    // for it: the words are never dropped, and nobody is guessed.
    for (const name of s.maybePeople ?? []) {
      const found = await this.guest(name, input.user);
      const asPerson = { ...s, people: [...(s.people ?? []), name], maybePeople: (s.maybePeople ?? []).filter((p) => p !== name) };
      if (found.kind === 'several') return done({ kind: 'ask_person', name, candidates: found.candidates }, [], { kind: 'person', create: asPerson, name, candidates: found.candidates });
      if (found.kind === 'one') attendees.push({ email: found.person.email, name: found.person.name, kind: guestKind(name, found.person.isRoom) });
      else if (!nameWords(name).every((w) => titleHas.has(w))) notInvited.push(name);
    }
    // "in the boardroom": a place that is a room mailbox is booked the way Exchange books rooms, as an attendee.
    let roomNotFound: string | undefined;
    let roomListsEmpty = false;
    // ("in the boardroom and the fishbowl": the place said is booked too, beside a room heard as a guest.)
    const place = location?.split('; ')[0];
    if (place && !attendees.some((a) => a.kind === 'resource' && a.name?.toLowerCase() === place.toLowerCase())) {
      const room = await roomFor(this.deps.provider, place);
      if (room.kind === 'one' && attendees.some((a) => a.email?.toLowerCase() === room.room.email.toLowerCase())) {
        // (Said twice, "in the fishbowl" and "with the fishbowl": booked once.)
      } else if (room.kind === 'one') {
        attendees.push({ email: room.room.email, name: room.room.name, kind: 'resource' });
        location = [room.room.name, ...(location?.split('; ').slice(1) ?? [])].join('; ');
      } else if (room.kind === 'several') {
        // "in the fishbowl" with Fishbowl and Fishbowl Annex: asked, as for two Bobs (the answer books it).
        return done({ kind: 'ask_person', name: place, candidates: room.candidates }, [], { kind: 'person', create: { ...s, people: [...(s.people ?? []), place] }, name: place, candidates: room.candidates });
      } else if (ROOM_WORDS.test(place)) {
        roomNotFound = place;
        if ((await this.rooms.noRoomLists()).noRoomLists) roomListsEmpty = true;
      }
    }
    const minutes = s.durationMinutes ?? (s.reminder ? 15 : 60);
    const zone = s.saidZone ?? input.timeZone;
    // "every tuesday at 3" said on a Monday: the series starts on the first day it falls on.
    const asked = { start: s.start, end: s.end ?? iso(Date.parse(s.start) + minutes * MINUTE) };
    const { start, end } = s.repeat ? firstTimes(s.repeat, asked.start, asked.end, zone, Boolean(s.isAllDay)) : asked;
    const unnamed = notInvited.map((name) => withDeterminer(input.text, s.raw?.find((r) => (r.type === 'person' || r.type === 'relation') && r.value.toLowerCase().endsWith(name.toLowerCase()))?.value ?? name));
    const titled = unnamed.length ? `${title} ${guestWord(input.text, unnamed)} ${unnamed.join(' and ')}` : title;
    // "at 3 eastern": the event keeps the zone it was said in (Outlook shows it so, and it stays 3 PM there).
    // Each once ("with dave kim" heard as a person and again as a surname-less guest), never the asker.
    const invited = attendees.filter((a, i) => a.email?.toLowerCase() !== input.user.toLowerCase() && attendees.findIndex((b) => b.email?.toLowerCase() === a.email?.toLowerCase()) === i);
    const draft: EventDraft = { subject: spelledOut(titled), start, end, timeZone: zone, ...(s.repeat ? { repeat: s.repeat } : {}), ...(s.isAllDay ? { isAllDay: true } : {}), ...(location ? { location } : {}), ...(invited.length ? { attendees: invited } : {}), ...(s.reminder ? { reminderMinutes: 0, freeBusy: 'free' as const } : s.remindBefore !== undefined ? { reminderMinutes: s.remindBefore } : s.noReminder ? { noReminder: true } : {}), ...(s.isAllDay && !s.reminder ? { freeBusy: allDayShowAs(titled) } : {}) };
    // "book the boardroom north for 6 people": a room known to seat fewer is said before "yes"; one of unknown size too.
    const booked = invited.filter((a) => a.kind === 'resource');
    const said: Partial<Extract<Act, { kind: 'confirm_create' }>> = roomListsEmpty ? { roomListsEmpty } : {};
    if (s.seats && booked.length) {
      const listed = await this.deps.provider.rooms().catch(() => [] as DirectoryEntry[]);
      const capacityOf = (email?: string) => listed.find((r) => r.email.toLowerCase() === email?.toLowerCase())?.capacity;
      const small = booked.flatMap((r) => { const c = capacityOf(r.email); return c !== undefined && c < s.seats! ? [{ name: r.name ?? r.email!, seats: c, asked: s.seats! }] : []; });
      Object.assign(said, small.length ? { smallRooms: small } : {}, booked.some((r) => capacityOf(r.email) === undefined) ? { seatsAsked: s.seats } : {});
    }
    const saying: typeof done = (act, events, pending) => done(act.kind === 'confirm_create' ? { ...act, ...said } : act, events, pending);
    return this.propose(input, draft, Object.keys(said).length ? saying : done, notInvited, roomNotFound, s.shiftedBy);
  }

  /** Proposes `draft` for "yes", saying first what it would overlap. */
  async propose(input: TurnInput, asked: EventDraft, done: Done, notInvited: readonly string[] = [], roomNotFound?: string, skipped?: DialogSlots['shiftedBy']): Promise<TurnResult> {
    // A series moved off its day ("make it a day later"): one on a single day follows; else the first day it falls on.
    const repeat = asked.repeat && startingOn(asked.repeat, asked.start, asked.timeZone);
    const draft = repeat ? { ...asked, repeat, ...firstTimes(repeat, asked.start, asked.end, asked.timeZone, Boolean(asked.isAllDay)) } : asked;
    const window = { start: draft.start, end: draft.end };
    const rooms = (draft.attendees ?? []).filter((a) => a.kind === 'resource' && a.email);
    const [own, roomsBusy] = await Promise.all([
      this.deps.provider.listEvents(input.user, window, input.timeZone),
      // A room taken then would decline: said before "yes", not after.
      Promise.all(rooms.map(async (r) => ((await this.deps.provider.busyTimes(r.email!, window))?.length ? [r.name || r.email!] : []))),
    ]);
    // (A day that only marks something, shown as free, clashes with nothing.)
    const conflicts = draft.freeBusy === 'free' ? [] : timedFirst(own.filter((e) => !e.isCancelled && e.freeBusy !== 'free' && e.myResponse !== 'declined'));
    const busyRooms = roomsBusy.flat();
    // "every monday at 10", "a weekly sync": no series is made, and the proposal says so before "yes".
    const onceOnly = !draft.repeat && REPEAT_WORDS.test(input.text);
    // "today at 7am" said at 8: allowed (a record of what happened), but said before "yes".
    const inThePast = !draft.isAllDay && Date.parse(draft.start) < input.now.getTime() - MINUTE;
    return done({ kind: 'confirm_create', draft, conflicts, ...(notInvited.length ? { notInvited } : {}), ...(roomNotFound ? { roomNotFound } : {}), ...(skipped ? { skipped } : {}), ...(busyRooms.length ? { busyRooms } : {}), ...(onceOnly ? { onceOnly } : {}), ...(inThePast ? { inThePast } : {}) }, conflicts, { kind: 'create', draft, proposedAt: input.now.toISOString() });
  }

  /**
   * Who a guest's name is in the directory, the asker left out: "with al" is not Alice asking (a prefix
   * of her name to Exchange), so it is nobody, and said so, rather than an invitation to herself.
   */
  async guest(name: string, user: string): Promise<PeopleLookup> {
    // "with alice and ann" said by Alice, "with ann and myself": the asker, who is there anyway.
    if (/^(?:me|myself|i|us|ourselves)$/i.test(name)) return { kind: 'one', person: { email: user, name: user } };
    const found = await this.deps.provider.findPeople(name);
    // "with carol@fabrikam.com": an address typed out is invited as written when the directory has nobody by it.
    if (found.kind === 'none' && EMAIL.test(name)) return { kind: 'one', person: { email: name.toLowerCase(), name: name.toLowerCase() } };
    const me = (p: DirectoryEntry) => p.email.toLowerCase() === user.toLowerCase();
    // ("with al" is not Alice: only her name, or words of it, said whole.)
    const saysMyName = (p: DirectoryEntry) => namesPerson(name, p);
    if (found.kind === 'one') return me(found.person) ? (saysMyName(found.person) ? found : { kind: 'none' }) : found;
    if (found.kind !== 'several') return found;
    const others = found.candidates.filter((c) => !me(c));
    return others.length === 1 ? { kind: 'one', person: others[0]! } : others.length === 0 ? { kind: 'none' } : { kind: 'several', candidates: others };
  }
}

/** "lunch with the team": the guest as said, with "the", "my" or "our" when the words had it ("Lunch with the team"). */
function withDeterminer(text: string, name: string): string {
  // As typed: "Emma", not "emma".
  const typed = new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i').exec(text)?.[0] ?? name;
  if (/^(the|my|our)\s/i.test(name)) return typed;
  const said = new RegExp(`\\b(the|my|our)\\s+${escapeRegExp(name)}\\b`, 'i').exec(text);
  return said ? `${said[1]!.toLowerCase()} ${typed}` : typed;
}

/** "piano lesson for Emma": the word the names were said with ("for"), else "with". */
function guestWord(text: string, names: readonly string[]): 'with' | 'for' {
  const first = names[0];
  return first && new RegExp(`\\bfor\\s+(?:the\\s+|my\\s+|our\\s+)?${escapeRegExp(first.replace(/^(the|my|our)\s+/i, ''))}\\b`, 'i').test(text) ? 'for' : 'with';
}

/** A reminder's slots: whoever and wherever it names are words of its title, never guests or a room. */
function reminderOnly(s: DialogSlots): DialogSlots {
  // ("remind me to call mom": Mom is in the title already, not "call mom with mom".)
  const said = new Set((s.title ?? '').toLowerCase().split(/\s+/));
  const inTitle = (words: string) => words.toLowerCase().split(/\s+/).every((w) => said.has(w));
  const people = [...(s.people ?? []), ...(s.maybePeople ?? [])].filter((p) => !inTitle(p));
  const place = s.location && !inTitle(s.location) ? s.location : undefined;
  const words = [s.title, people.length ? `with ${people.join(' and ')}` : undefined, place ? `in ${place}` : undefined].filter(Boolean).join(' ');
  const { people: _p, maybePeople: _m, optionalPeople: _o, location: _l, ...rest } = s;
  return { ...rest, ...(words ? { title: words } : {}) };
}
