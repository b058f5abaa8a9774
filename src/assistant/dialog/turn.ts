import { DateTime } from 'luxon';
import { chooseEvent, eventMatches, nameWords, namesAnEvent } from './match-event.js';
import { asksForMore } from './more-words.js';
import { aRoomName, roomNamed } from './named-room.js';
import { roomFor, roomSaid, ROOM_WORDS } from './room-lookup.js';
import { NOT_SOMEONE, roomBookers, someoneFree, WHO_BOOKED } from './room-answers.js';
import { proposalEdit } from './proposal-edit.js';
import { chooseCandidate } from './choose-candidate.js';
import { lastSlots, theOneFound } from './last-turn.js';
import { dayWindow, iso, localDaysFrom, MINUTE, moveTarget, onDayOf, onTheDayOf, SEARCH_AHEAD_DAYS, SEARCH_BACK_DAYS, relativeToEvent, sameDatesIn, shiftedBy, slotsOf, timedFirst, wallTimeOnDate, weekStillAhead, wholeDaysFrom, within } from './timing.js';
import { visible } from './visible.js';
import { askedSpans, freeGaps } from './free-gaps.js';
import { overlaps, withoutCancelledMark, type Attendee, type AttendeeKind, type CalendarEvent, type EventDraft, type Person, type TimeWindow } from '../../domain/calendar.js';
import type { CalendarProvider, DirectoryEntry, PeopleLookup } from '../../providers/calendar-provider.js';
import { READ_AT_MOST, type Act, type Explanation, type Pending } from './acts.js';
import { coversDays, splitRepeats } from './repeats.js';
import { eventSubject, spelledOut } from './subject.js';
import { deedOf, windowOf } from './explain-act.js';
import { roomTurn, type RoomDesk } from './rooms.js';
import { DIALOG_TTL_MS, type DialogState, type DialogStore } from './state.js';
import { ALL_DAY_REMINDER_MINUTES, allDayShowAs, lastsAllDay } from '../../domain/all-day.js';
import { firstTimes, startingOn } from '../../domain/repeat.js';
import { AppError } from '../../shared/errors.js';
import { escapeRegExp } from '../../shared/regexp.js';
import { ChangeNotMade } from './change-not-made.js';
import { reminderBefore } from './reminder-before.js';
import { aroundEvent, isMeal, mealHours, PICKED, windowAround, type AroundEvent } from './around-event.js';
import { EVENING_THING, HOLD_ON, IT, MANY_EVENTS, REPEAT_WORDS, SERIES_WORDS, SEVERAL_EVENTS, WHEN_IS } from './turn-words.js';
import type { DialogIntent, DialogSlots, Understand } from './understanding.js';

export interface TurnInput {
  readonly text: string;
  /** The mailbox whose calendar this is (the signed-in user's, or an admin's test mailbox). */
  readonly user: string;
  readonly sessionId: string;
  readonly now: Date;
  readonly timeZone: string;
  /** Set when the request comes from a room's device: room_* requests (and "check in") go to its desk. */
  readonly room?: { readonly id: string; readonly email: string; readonly name: string };
  readonly desk?: RoomDesk;
}

export interface TurnDeps {
  readonly provider: CalendarProvider;
  readonly store: DialogStore;
  readonly understand: Understand;
}

export interface TurnResult {
  readonly intent: DialogIntent;
  readonly act: Act;
  /** The events the answer is about (for the API and the console). */
  readonly events: readonly CalendarEvent[];
  readonly pending?: Pending;
  readonly explanation?: Explanation;
}

/** The new time of a move, from the slots that say one. */
function pickTarget(s: DialogSlots): Partial<DialogSlots> {
  return { ...(s.newStart ? { newStart: s.newStart } : {}), ...(s.newDay ? { newDay: s.newDay } : {}), ...(s.newWeek ? { newWeek: true } : {}), ...(s.newPart ? { newPart: s.newPart } : {}), ...(s.shiftMinutes ? { shiftMinutes: s.shiftMinutes } : {}), ...(s.newTimeOnly ? { newTimeOnly: true } : {}), ...(s.saidZone && s.newStart ? { saidZone: s.saidZone } : {}) };
}

/** How many rooms "find me a room" asks free/busy of (Exchange answers up to 100 per request; each is one here). */
const ROOMS_ASKED = 30;
/** How many events "Which one?" offers (the rest are counted, and a name or a day narrows them). */
const WHICH_AT_MOST = 4;
/** How far ahead "my next meeting" is looked for (the answer says "in the next two weeks"). */
const NEXT_WITHIN_DAYS = 14;
/** Intents whose turn always ends with a new explanation, so the stored state is not needed to answer them. */
const REPLACES_STATE: ReadonlySet<DialogIntent> = new Set<DialogIntent>(['read_events', 'next_meeting', 'find_meeting', 'am_i_free', 'cancel_event', 'move_event']);

type Done = (act: Act, events?: readonly CalendarEvent[], pending?: Pending, explanation?: Explanation) => Promise<TurnResult>;

export class Dialog {
  constructor(private readonly deps: TurnDeps) {}

  async take(input: TurnInput): Promise<TurnResult> {
    try {
      return await this.#take(input);
    } catch (err) {
      // "why?" after a failure explains it, instead of an older read (or "I haven't looked yet").
      if (err instanceof AppError) await this.#rememberFailure(input, err).catch(() => undefined);
      throw err;
    }
  }

  async #rememberFailure(input: TurnInput, err: AppError): Promise<void> {
    const failure = err instanceof ChangeNotMade ? err.failure : err;
    const state = (await this.deps.store.get(input.sessionId, input.user)) ?? {};
    const explanation: Explanation = { mailbox: input.user, calendar: 'Calendar', timeZone: input.timeZone, access: this.deps.provider.accessPath, understood: '', leftOut: [], did: { kind: 'failed', message: failure.message, hint: failure.hint, nothingChanged: err.nothingChanged } };
    await this.deps.store.put(input.sessionId, input.user, { ...state, explanation });
  }

  async #take(input: TurnInput): Promise<TurnResult> {
    const said = this.deps.understand(input.text, { now: input.now, timeZone: input.timeZone });
    // "move my 2pm to 3 and my 3pm to 4": one change at a time, the first as said alone (reading the whole
    // sentence as one would move the 2pm to 4).
    const several = said.intent === 'cancel_event' || said.intent === 'move_event' ? SEVERAL_EVENTS.exec(input.text) : null;
    const first = several ? this.deps.understand(input.text.slice(0, several.index), { now: input.now, timeZone: input.timeZone }) : undefined;
    // ("move the design review and the budget review to friday": the target said once is the first's too.)
    const target = (x: typeof said) => Boolean(x.slots.newStart || x.slots.newDay || x.slots.shiftMinutes);
    const firstWithTarget = first && first.intent === 'move_event' && !target(first) && target(said) ? { ...first, slots: { ...first.slots, ...pickTarget(said.slots) } } : first;
    const u = firstWithTarget && firstWithTarget.intent === said.intent ? firstWithTarget : said;
    const firstOfSeveral = u === firstWithTarget;
    // What the last turn left is read only when this turn needs it: a question about the calendar always
    // replaces it, so asking one costs no lookup. Other intents start the lookup now, alongside their work.
    let loading: Promise<DialogState> | undefined;
    // An answer to the last turn's question ("Bob Smith", "2pm") continues that turn's intent.
    let intent: DialogIntent = u.intent;
    const stateOf = () => (loading ??= this.deps.store.get(input.sessionId, input.user).then((st) => st ?? {}));
    if (!REPLACES_STATE.has(u.intent)) void stateOf().catch(() => undefined);
    const explanationBase = { mailbox: input.user, calendar: 'Calendar', timeZone: input.timeZone, access: this.deps.provider.accessPath };
    // The intent the turn acted on (a follow-up "and friday?" is a read even if the words alone were not),
    // so the next follow-up continues it too.
    const understood = () => `${intent}${Object.keys(u.slots).length ? ` ${JSON.stringify(u.slots)}` : ''}`;
    const done = async (decided: Act, events: readonly CalendarEvent[] = [], pending?: Pending, explanation?: Explanation): Promise<TurnResult> => {
      // "where is the budget review": the event found, and what was asked about it.
      const asked: Act = decided.kind === 'events' && (decided.scope === 'find' || decided.scope === 'next') && u.slots.asked ? { ...decided, asked: u.slots.asked } : decided;
      const act: Act = firstOfSeveral && (asked.kind === 'confirm_cancel' || asked.kind === 'confirm_move') ? { ...asked, firstOfSeveral } : asked;
      // A turn that read nothing keeps the last explanation for "why?", unless it answered something else
      // (a refusal, a question about which event): then "why?" must not explain an older search.
      const fresh = (act.kind === 'which_event' && !act.candidates) || act.kind === 'unknown_person';
      // A refusal, a proposal, a write: "why?" explains that turn, not an older read.
      const deed = deedOf(act);
      const window = windowOf(act);
      const made = deed ? { ...(explanation ?? { ...explanationBase, understood: understood(), leftOut: [] }), ...(window ? { window } : {}), did: deed } : explanation;
      const kept = made ?? (fresh ? undefined : (await stateOf()).explanation);
      // The one event this answer is about, for a following "cancel it"; a read of others forgets it.
      // (A find whose events are all one series is about its first; a new event is what "it" means next.)
      const oneSeries = act.kind === 'events' && (act.scope === 'find' || act.scope === 'next') && act.events.length > 0 && act.events.every((e) => (e.uid ?? e.id) === (act.events[0]!.uid ?? act.events[0]!.id));
      const aboutNow = act.kind === 'events' && oneSeries ? act.events[0] : act.kind === 'confirm_cancel' || act.kind === 'confirm_move' || act.kind === 'confirm_respond' || act.kind === 'created' ? act.event : undefined;
      const about = aboutNow ?? (act.kind === 'events' || act.kind === 'free' || act.kind === 'free_gaps' || act.kind === 'cancelled' || act.kind === 'moved' ? undefined : (await stateOf()).about);
      await this.deps.store.put(input.sessionId, input.user, { ...(pending ? { pending } : {}), ...(kept ? { explanation: kept } : {}), ...(about ? { about } : {}) });
      return { intent, act, events, ...(pending ? { pending } : {}), ...(made ? { explanation: made } : {}) };
    };
    const list = async (window: { start: string; end: string }) => {
      const all = await this.deps.provider.listEvents(input.user, window, input.timeZone);
      const { shown, leftOut } = visible(all);
      return { shown, all, explanation: { ...explanationBase, understood: understood(), window, leftOut } };
    };
    let s: DialogSlots = u.slots;
    // On a room's own device, a question naming another room ("is the fishbowl free") is about that room.
    const roomAsked = input.desk && input.room && (u.intent === 'room_is_free' || u.intent === 'room_book' || u.intent === 'room_who_booked');
    const otherRoom = roomAsked ? u.slots.room ?? roomNamed(input.text) ?? (u.intent === 'room_who_booked' ? aRoomName(WHO_BOOKED.exec(input.text)?.[1]) : undefined) : undefined;
    // ("the boardroom north" said to the Boardroom is another room: the directory decides, not parts of names.)
    const whichRoom = otherRoom ? await roomSaid(this.deps.provider, input.room!, otherRoom) : undefined;
    const roomAct = input.desk && (!whichRoom || whichRoom.here) ? await roomTurn(u, input.text, input.desk, input.now) : undefined;
    if (roomAct) return done(roomAct);
    if (input.desk && input.room && whichRoom && !whichRoom.here) {
      // A room's device books its own room only (nothing else can be confirmed on it): said before any proposal.
      if (u.intent === 'room_book') return done({ kind: 'book_elsewhere', here: input.room.name, asked: otherRoom! });
      // "who booked the boardroom north": that room's bookings, as from one's own calendar.
      if (u.intent === 'room_who_booked') {
        const found = whichRoom.lookup;
        if (found.kind === 'none') return done({ kind: 'unknown_room', name: otherRoom! });
        if (found.kind === 'several') return done({ kind: 'which_room', name: otherRoom!, candidates: found.candidates.map((c) => c.name) });
        return done(await roomBookers(this.deps.provider, input, s, found.room));
      }
      if (u.intent === 'room_is_free') return this.#namedRoom(input, u.intent, s, done, otherRoom);
    }
    // "Bob Smith", "the second one": the answer to "Which Bob do you mean?" from the last turn.
    if (u.intent === 'out_of_scope' || s.whenOnly || (u.intent === 'create_event' && !s.title && !s.start)) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'person') {
        const chosen = chooseCandidate(input.text, pending.candidates);
        intent = 'create_event';
        if (!chosen) return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
        const chosenFor = (names: readonly string[] | undefined) => names?.map((p) => (p === pending.name ? chosen.email : p));
        const optionalPeople = chosenFor(pending.create.optionalPeople);
        return this.#create(input, { ...pending.create, people: chosenFor(pending.create.people) ?? [], ...(optionalPeople ? { optionalPeople } : {}) }, done);
      }
    }
    // "the second one", "the lunch", "the 9am one": the answer to "Which one should I cancel?" from the last turn.
    if (u.intent === 'out_of_scope' || u.intent === 'cancel_event' || u.intent === 'move_event' || u.intent === 'find_meeting' || s.whenOnly || (u.intent === 'create_event' && !s.start && !s.window)) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'which' && pending.candidates.length === 0 && u.intent !== 'cancel_event' && u.intent !== 'move_event') {
        // "Which event should I cancel? Say its name": the answer is the name ("the budget review").
        intent = pending.change === 'cancel' ? 'cancel_event' : 'move_event';
        if (!namesAnEvent(s)) s = { ...s, title: input.text.toLowerCase().replace(/[.!?]+$/, '').replace(/^(the|my)\s+/, '') };
      } else if (pending?.kind === 'which') {
        const zone = input.timeZone;
        const minuteOf = (iso: string) => { const t = DateTime.fromISO(iso, { zone }); return t.hour * 60 + t.minute; };
        const chosen = chooseEvent(input.text, pending.candidates, { ...(s.start ? { minuteOfDay: minuteOf(s.start) } : {}), minuteOf: (e) => minuteOf(e.start) });
        // The verb of the answer wins: "move the budget review to 4" answering "Which one should I cancel?"
        // is a move (never the cancel that was asked about), and its own target replaces the one first said.
        const said = u.intent === 'cancel_event' ? 'cancel' : u.intent === 'move_event' ? 'move' : undefined;
        const change = said ?? pending.change;
        const target = said === 'move' && (s.newStart || s.newDay || s.shiftMinutes) ? s : said === pending.change || !said ? pending.target ?? {} : {};
        intent = change === 'cancel' ? 'cancel_event' : 'move_event';
        if (chosen) return this.#change(input, chosen, change, target, done);
        // Not an answer that picks one: ask again, keeping the choices (a new request with a name is its own).
        if (!namesAnEvent(s) || u.intent === 'out_of_scope') return done({ kind: 'which_event', change: pending.change, candidates: pending.candidates }, pending.candidates, pending);
        intent = u.intent;
      }
    }
    // "add bob smith too", "with ann instead", "in the boardroom", "call it sprint review": the proposal
    // waiting for "yes", changed so.
    // ("sure, call it team lunch" reads to the classifier like a cancel of lunch: the words decide.)
    // ("remove dave", "drop the room" read as a cancel: to a waiting proposal they are edits.)
    const dropsFromProposal = u.intent === 'cancel_event' && /^\s*(?:but |and |actually,? )?(?:remove|drop|uninvite|take (?:out|off)|leave out|without|no)\s/i.test(input.text);
    if (u.intent === 'out_of_scope' || dropsFromProposal || (u.intent === 'create_event' && !s.start && !s.window) || /\b(call|name|title) it\b/i.test(input.text)) {
      const pending = (await stateOf()).pending;
      const change = pending?.kind === 'create' ? proposalEdit(input.text, s) : undefined;
      if (pending?.kind === 'create' && change) {
        intent = 'create_event';
        const { window: _, people: invited = [], ...asked } = slotsOf(pending.draft, input.timeZone);
        // "without ann": each guest whose name has the words said is left out.
        const removed = new Set((pending.draft.attendees ?? []).filter((a) => change.removePeople?.some((n) => nameWords(n).every((w) => nameWords(`${a.name ?? ''} ${a.email?.split('@')[0] ?? ''}`).includes(w)))).map((a) => a.email));
        // "in the huddle room instead", "without the room": the room booked before is no longer asked for.
        if (change.location || change.removeRoom) for (const r of pending.draft.attendees ?? []) if (r.kind === 'resource') removed.add(r.email);
        if (change.removeRoom) delete asked.location;
        const people = change.replacePeople ?? [...invited.filter((e) => !removed.has(e)), ...(change.addPeople ?? [])];
        return this.#create(input, { ...asked, start: pending.draft.start, end: pending.draft.end, ...(people.length ? { people } : {}), ...(change.location ? { location: change.location } : {}), ...(change.title ? { title: change.title } : {}) }, done);
      }
    }
    // "remind me 30 minutes before the budget review": a reminder event that long before it.
    if (s.beforeEvent !== undefined && s.remindBefore !== undefined) {
      intent = 'create_event';
      return this.#remindBefore(input, this.#meetingSaid(input, s.beforeEvent), s.beforeEvent, s.remindBefore, done);
    }
    // "yes, and remind me 10 minutes before": the proposal waiting for "yes", with that reminder, proposed again.
    if (s.remindBefore !== undefined && !s.title && !s.start && !s.window && !s.people?.length) {
      const { pending, about } = await stateOf();
      intent = 'create_event';
      if (pending?.kind === 'create') return this.#propose(input, { ...pending.draft, reminderMinutes: s.remindBefore }, done);
      // Nothing proposed: before the event just talked about ("what's my next meeting", then this), else asked which.
      if (about) return this.#remindBefore(input, undefined, about.subject, s.remindBefore, done, about);
      return done({ kind: 'which_event', change: 'remind' });
    }
    // "push it back 30 minutes", "make it a day later": the proposal waiting for "yes" shifted, its length kept.
    if (s.shiftMinutes && !s.title && !s.people?.length) {
      const pending = (await stateOf()).pending;
      const by = (t: string) => shiftedBy(t, s.shiftMinutes!, input.timeZone);
      if (pending?.kind === 'create') {
        intent = 'create_event';
        const length = Date.parse(pending.draft.end) - Date.parse(pending.draft.start);
        return this.#propose(input, { ...pending.draft, start: by(pending.draft.start), end: iso(Date.parse(by(pending.draft.start)) + length) }, done);
      }
      if (pending?.kind === 'move') {
        intent = 'move_event';
        return this.#confirmMove(input, pending.event, by(pending.start), done);
      }
    }
    // "make it every week", "weekly": the proposal waiting for "yes", made a series.
    if (s.repeat && !s.title && !s.people?.length && !s.start && !s.window) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create') {
        intent = 'create_event';
        // On the first day the series falls on ("every monday" to a Tuesday proposal: next Monday).
        const d = pending.draft;
        return this.#propose(input, { ...d, repeat: s.repeat, ...firstTimes(s.repeat, d.start, d.end, d.timeZone, Boolean(d.isAllDay)) }, done);
      }
    }
    // "until 11:30", "make it end at 5": the proposal waiting for "yes" ends then (on its own day), same start.
    if (s.endOnly && s.start && !s.title && !s.people?.length && u.intent !== 'create_event') {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create' && !pending.draft.isAllDay) {
        const end = onDayOf(s.start, pending.draft.start, input.timeZone);
        if (Date.parse(end) > Date.parse(pending.draft.start)) {
          intent = 'create_event';
          return this.#propose(input, { ...pending.draft, end }, done);
        }
      }
    }
    // "make it 45 minutes": a new length for the event waiting for "yes" (or for its time).
    if (s.lengthSaid && s.durationMinutes !== undefined && !s.start && !s.window && !s.title && !s.people?.length && u.intent !== 'move_event') {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create' && !pending.draft.isAllDay) {
        intent = 'create_event';
        const { durationMinutes: _, ...asked } = slotsOf(pending.draft, input.timeZone);
        return this.#create(input, { ...asked, start: pending.draft.start, durationMinutes: s.durationMinutes, lengthSaid: true }, done);
      }
      if (pending?.kind === 'time' && 'create' in pending) {
        intent = 'create_event';
        const create = { ...pending.create, durationMinutes: s.durationMinutes, lengthSaid: true };
        return done({ kind: 'need_time', title: create.title ?? 'it' }, [], { kind: 'time', create });
      }
    }
    // "what about the week after", "and the day after that": the last read's window, a week or a day on.
    const onward = /\b(?:the )?(week|day) after\b|\bthe following (week|day)\b/.exec(input.text.toLowerCase());
    if (onward && !s.title && !s.people?.length && (u.intent === 'out_of_scope' || u.intent === 'read_events' || u.intent === 'am_i_free')) {
      const lastTurn = (await stateOf()).explanation;
      if (lastTurn?.window && /^(read_events|am_i_free)\b/.test(lastTurn.understood)) {
        const step = (onward[1] ?? onward[2]) === 'week' ? { weeks: 1 } : { days: 1 };
        const shift = (t: string) => iso(DateTime.fromISO(t, { zone: input.timeZone }).plus(step).toMillis());
        intent = lastTurn.understood.startsWith('am_i_free') ? 'am_i_free' : 'read_events';
        const { start: _start, end: _end, ...rest } = s;
        // After what is left of a week ("this week" read on Wednesday), the week after is the calendar week that follows.
        const end = DateTime.fromISO(lastTurn.window.end, { zone: input.timeZone });
        const weekAfter = 'weeks' in step && end.weekday === 1 && +end === +end.startOf('day') ? { start: iso(end.toMillis()), end: shift(lastTurn.window.end) } : undefined;
        s = { ...rest, window: weekAfter ?? { start: shift(lastTurn.window.start), end: shift(lastTurn.window.end) }, saidDay: true };
      }
    }
    // "actually add it for next friday", "put it on thursday at 3": a new when for the proposal waiting, said with "it".
    if (u.intent === 'create_event' && (s.start || s.window) && !s.whenOnly && !s.title && !s.people?.length && IT.test(input.text)) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create' || pending?.kind === 'time') s = { ...s, whenOnly: true };
    }
    // A day or a time alone ("2pm", "friday", "tomorrow at 9"), or "move it to 3", may answer "When should
    // it be?" from the last turn.
    const bareWhen = (s.start || s.window) && s.whenOnly && !s.title && !s.people?.length;
    const unnamedMove = u.intent === 'move_event' && !s.title && !s.people?.length && !s.start && !s.window;
    if (bareWhen || unnamedMove) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'time') return this.#timeGiven(input, pending, s, unnamedMove, done, (i) => (intent = i));
      // "actually, make it 2pm" to a proposal waiting for "yes": the same proposal at the new time.
      if (pending?.kind === 'create') return this.#timeGiven(input, { kind: 'time', create: slotsOf(pending.draft, input.timeZone), proposed: pending.draft.start }, s, unnamedMove, done, (i) => (intent = i));
      if (pending?.kind === 'move') return this.#timeGiven(input, { kind: 'time', move: pending.event, proposed: pending.start }, s, unnamedMove, done, (i) => (intent = i));
      // "cancel lunch tomorrow", then "friday": the same cancel, on the day said.
      if (pending?.kind === 'cancel' && bareWhen) {
        intent = 'cancel_event';
        s = { ...s, title: pending.event.subject };
      }
      // "when is the design review", then "move it to thursday": "it" is the event just found.
      if (unnamedMove && !pending) s = { ...s, ...theOneFound((await stateOf()).explanation?.understood) };
      // "what about tomorrow" after a read: the same question about another day.
      const lastTurn = (await stateOf()).explanation;
      const last = lastTurn?.understood ?? '';
      // A day or time alone with nothing waiting for it ("and friday?" after "when is the budget review", or
      // out of the blue) is never a new event: it continues a find, or reads that time.
      if (bareWhen && /^(find_meeting|next_meeting)\b/.test(last)) {
        const before = lastSlots(last);
        intent = 'find_meeting';
        s = { ...s, ...(before.title ? { title: before.title } : {}), ...(before.people ? { people: before.people } : {}), ...(last.startsWith('next_meeting') || before.pick ? { pick: before.pick ?? 'first' } : {}) };
        if (!s.window && s.start) s = { ...s, window: { start: s.start, end: s.end ?? iso(Date.parse(s.start) + 3_600_000) } };
      } else if (bareWhen && !/^(read_events|am_i_free)\b/.test(last) && (intent === 'create_event' || intent === 'out_of_scope')) intent = 'read_events';
      if (bareWhen && /^(read_events|am_i_free)\b/.test(last)) {
        intent = last.startsWith('am_i_free') ? 'am_i_free' : 'read_events';
        const before = lastSlots(last);
        // "what's on thursday", then "what about the afternoon" / "and at 4": on the day asked about before.
        if (!s.saidDay && lastTurn?.window) s = onTheDayOf(s, lastTurn.window.start, input.timeZone);
        // "am i free at 4", then "what about tomorrow": at 4 tomorrow, for as long as before.
        const wholeDay = !s.start && s.window && Date.parse(s.window.end) - Date.parse(s.window.start) >= 23 * 3_600_000;
        if (wholeDay && before.start && lastTurn?.window) {
          const start = onDayOf(before.start, s.window!.start, input.timeZone);
          s = { ...s, start, window: { start, end: iso(Date.parse(start) + Date.parse(lastTurn.window.end) - Date.parse(lastTurn.window.start)) } };
        } else if (s.start && !s.window && !s.end && lastTurn?.window && before.start) {
          // "am i free at 3 tomorrow" (3 to 4), then "what about at 4": 4 to 5.
          s = { ...s, window: { start: s.start, end: iso(Date.parse(s.start) + Date.parse(lastTurn.window.end) - Date.parse(lastTurn.window.start)) } };
        }
        // The same people, and the question asked the same way ("am i busy at 3", "and at 4?").
        if (!s.people?.length && before.people?.length) s = { ...s, people: before.people };
        if (before.askedBusy) s = { ...s, askedBusy: true };
      }
    }
    // "what's on my calendar tomorrow afternoon", then "am i free at 4?": at 4 on the day being talked about.
    // (Not a window from now: "until eod" is today's, whatever day was just read.)
    const fromNow = s.window !== undefined && Math.abs(Date.parse(s.window.start) - input.now.getTime()) < MINUTE;
    if ((intent === 'am_i_free' || intent === 'read_events') && !bareWhen && !s.saidDay && s.start && !fromNow) {
      const lastTurn = (await stateOf()).explanation;
      if (lastTurn?.window && /^(read_events|am_i_free)\b/.test(lastTurn.understood)) s = onTheDayOf(s, lastTurn.window.start, input.timeZone);
    }
    // "cancel it" with nothing waiting for "yes" (otherwise a "no"): the event a find just named, if any.
    if (intent === 'deny' && /^(cancel|delete|remove) (it|that)\b/.test(input.text.toLowerCase().trim())) {
      const state = await stateOf();
      const found = state.pending ? {} : theOneFound(state.explanation?.understood);
      if (found.title || found.people) {
        intent = 'cancel_event';
        s = { ...s, ...found };
      }
    }
    // "is the fishbowl free at 2", "book room 202 at 10": a room by a name the model does not know as one
    // (it read a question about the asker, or an event called "fishbowl"). The directory decides.
    if ((intent === 'am_i_free' || intent === 'create_event' || intent === 'out_of_scope') && !input.desk) {
      const name = roomNamed(input.text);
      // ("book the fishbowl at 11" may read as out of scope: no calendar word in it.)
      const booksRoom = (intent === 'create_event' || intent === 'out_of_scope') && /^\s*(?:please\s+)?(?:book|reserve)\b/i.test(input.text) && name !== undefined;
      // "book the fishbowl at 11": the room is all that was asked for; "book the fishbowl for a call with ann
      // wednesday at 1": a call, in the Fishbowl ("reserve the huddle room ...": "huddle" is no name either).
      const booking = booksRoom && (intent === 'out_of_scope' || s.title === undefined || nameWords(s.title).every((w) => nameWords(name!).includes(w)));
      if (booksRoom && !booking && !s.location && (await roomFor(this.deps.provider, name!)).kind !== 'none') s = { ...s, location: name! };
      // ("is bob smith free at 3" may read as out of scope: no calendar word in it.)
      const asking = (intent === 'am_i_free' || (intent === 'out_of_scope' && /^\s*(?:is|are)\s+\S.*\s(?:free|busy|available)\b/i.test(input.text))) && name !== undefined && !/^\d/.test(name) && !NOT_SOMEONE.test(name) && /^\s*(?:is|are|when(?:'s| is| will))\b/i.test(input.text);
      if ((booking || asking) && (await roomFor(this.deps.provider, name!)).kind !== 'none') {
        intent = booking ? 'room_book' : 'room_is_free';
        const { title: _room, ...rest } = s;
        return this.#namedRoom(input, intent, booking ? rest : s, done, name);
      }
      // "is ann free tomorrow at 2", "is dave busy friday": someone else's free/busy, never the asker's.
      if (asking) {
        const who = await this.#guest(name!, input.user);
        if (who.kind !== 'none') intent = 'am_i_free';
        if (who.kind === 'several') return done({ kind: 'which_room', name: name!, candidates: who.candidates.map((c) => c.name), person: true });
        if (who.kind === 'one') return done(await someoneFree(this.deps.provider, input, s, who.person));
      }
    }
    // "who booked the fishbowl tomorrow at 2", "who has the boardroom at 3": the room's bookings then.
    const booker = !input.desk ? WHO_BOOKED.exec(input.text)?.[1] : undefined;
    if (booker && (intent === 'read_events' || intent === 'out_of_scope' || intent === 'room_who_booked' || intent === 'find_meeting')) {
      const found = await roomFor(this.deps.provider, booker);
      if (found.kind === 'one') {
        intent = 'room_who_booked';
        return done(await roomBookers(this.deps.provider, input, s, found.room));
      }
      // "who booked the budget review": not a room, so an event, and who is in it.
      if (found.kind === 'none' && /^\s*who(?:'s| has)?\s+(?:booked|set up|organi[sz]ed|scheduled)\b/i.test(input.text)) {
        intent = 'find_meeting';
        s = { ...s, title: booker, asked: 'who' };
      }
    }
    // "who is invited to the standup tomorrow": a question about that event, on the day said, not the day's list.
    if (intent === 'read_events' && u.slots.asked && namesAnEvent(s)) intent = 'find_meeting';
    // "what do i have before my 1:1", "what's after lunch": a read up to or from an event of one's own.
    const around = intent === 'read_events' || intent === 'out_of_scope' || intent === 'find_meeting' || intent === 'next_meeting' ? aroundEvent(input.text) : undefined;
    if (around) {
      intent = 'read_events';
      return this.#around(input, around, s, done, list);
    }
    switch (intent) {
      case 'read_events': {
        // ("what do i have this week" on Wednesday: from today on, not Monday and Tuesday as if still to come.)
        const window = s.window ? weekStillAhead(s.window, input.text, input.now, input.timeZone) : s.start ? { start: s.start, end: s.end ?? iso(Date.parse(s.start) + 3_600_000) } : dayWindow(input.now, input.timeZone);
        const { shown: all, explanation: read } = await list(window);
        // "anything with carol this week": only the events with the people named ("why?" says which were not).
        // "after 5": what starts then or later, not a meeting already under way; "after my 2pm": not that one either.
        const from = s.after && s.window ? Date.parse(s.window.start) : undefined;
        const sinceBound = from === undefined ? all : all.filter((e) => (s.after === 'later' ? Date.parse(e.start) > from : Date.parse(e.start) >= from));
        const shown = s.people?.length ? sinceBound.filter((e) => eventMatches(e, { people: s.people }, input.user)) : sinceBound;
        const notWith = sinceBound.filter((e) => !shown.includes(e)).map((e) => ({ subject: e.subject, start: e.start, reason: `it is not with ${s.people!.map((p) => p.replace(/\b\w/g, (c) => c.toUpperCase())).join(' and ')}` }));
        const explanation = notWith.length ? { ...read, leftOut: [...read.leftOut, ...notWith] } : read;
        // "nothing with my boss": only true if the directory knows who that is; else say it does not.
        if (s.people?.length && shown.length === 0) {
          for (const name of s.people) if ((await this.deps.provider.findPeople(name)).kind === 'none') return done({ kind: 'unknown_person', name }, [], undefined, explanation);
        }
        // Over several days, a series is said once; a long read is read in part, the rest waits for "yes"
        // (stored like any pending turn).
        const { repeats, singles } = coversDays(window, input.timeZone) ? splitRepeats(shown, input.timeZone) : { repeats: [], singles: shown };
        const rest = singles.length > READ_AT_MOST ? singles.slice(READ_AT_MOST) : [];
        return done({ kind: 'events', scope: 'window', label: '', events: shown, ...(repeats.length ? { repeats } : {}), ...(s.people?.length ? { with: s.people } : {}), ...(s.count ? { count: true } : {}) }, shown, rest.length ? { kind: 'more', events: rest } : undefined, explanation);
      }
      case 'next_meeting': {
        const window = { start: input.now.toISOString(), end: localDaysFrom(input.now, NEXT_WITHIN_DAYS, input.timeZone) };
        const { shown, explanation } = await list(window);
        const next = shown.filter((e) => !e.isAllDay && Date.parse(e.start) >= input.now.getTime() - MINUTE && eventMatches(e, s, input.user));
        // Said with it, when nothing was named: the meeting under way ("You're in the demo until 3"), and a
        // day-long event that begins before the next meeting ("Tomorrow is the offsite, all day").
        const plain = !namesAnEvent(s);
        const underWay = plain ? shown.find((e) => !e.isAllDay && Date.parse(e.start) < input.now.getTime() - MINUTE && Date.parse(e.end) > input.now.getTime()) : undefined;
        const allDayFirst = plain ? shown.find((e) => e.isAllDay && Date.parse(e.start) > input.now.getTime() && (!next[0] || Date.parse(e.start) <= Date.parse(next[0].start))) : undefined;
        return done({ kind: 'events', scope: 'next', label: '', events: next.slice(0, 1), ...(underWay ? { underWay } : {}), ...(allDayFirst ? { allDayFirst } : {}) }, next.slice(0, 1), undefined, explanation);
      }
      case 'find_meeting': {
        // "when was the budget review", "what was my last meeting": the latest that started before now.
        // Nothing of that name before now ("when was the budget review" that is on Wednesday): the usual find.
        if (s.past) {
          const { shown, explanation } = await list({ start: localDaysFrom(input.now, -SEARCH_BACK_DAYS, input.timeZone), end: input.now.toISOString() });
          const before = shown.filter((e) => !e.isAllDay && Date.parse(e.start) < input.now.getTime() && (!namesAnEvent(s) || eventMatches(e, s, input.user)));
          const latest = before.slice(-1);
          const query = [s.title, ...(s.people ?? [])].filter(Boolean).join(' ') || 'a meeting';
          if (latest.length) return done({ kind: 'events', scope: 'find', label: '', events: latest, query, past: true }, latest, undefined, explanation);
          if (!namesAnEvent(s)) return done({ kind: 'not_found', query, pastDays: SEARCH_BACK_DAYS }, [], undefined, explanation);
        }
        // "what time is my first meeting tomorrow": the day's first (or last) timed event, whatever its name.
        if (s.pick && !namesAnEvent(s)) {
          const { shown, explanation } = await list(s.window ?? dayWindow(input.now, input.timeZone));
          const timed = shown.filter((e) => !e.isAllDay);
          const chosen = (s.pick === 'first' ? timed[0] : timed[timed.length - 1]);
          if (!chosen) return done({ kind: 'events', scope: 'window', label: '', events: [] }, [], undefined, explanation);
          // Over already ("what was my first meeting today" at noon): said as past.
          return done({ kind: 'events', scope: 'find', label: '', events: [chosen], ...(Date.parse(chosen.end) <= input.now.getTime() ? { past: true } : {}) }, [chosen], undefined, explanation);
        }
        // "when is the project kickoff" with no name understood: say so, never answer with another event.
        if (!namesAnEvent(s)) return done({ kind: 'which_event', change: 'find' });
        const { act, explanation } = await this.#findNamed(input, s, list);
        return done(act, act.kind === 'events' ? act.events : [], undefined, explanation);
      }
      case 'am_i_free': {
        // "when am i free tomorrow", "do i have time for a 30 minute call this afternoon": the free stretches.
        if (s.window && (s.findFree || (s.lengthSaid && s.durationMinutes !== undefined && !s.start))) {
          const spans = askedSpans(s.window, input.now, input.timeZone);
          const { shown, explanation } = await list(s.window);
          const minutes = s.lengthSaid ? s.durationMinutes : undefined;
          const days = spans.map((span) => ({ span, gaps: freeGaps(span, shown, minutes ?? 15) }));
          return done({ kind: 'free_gaps', days, ...(minutes !== undefined ? { minutes } : {}) }, [], undefined, explanation);
        }
        const window = s.window ?? (s.start ? { start: s.start, end: s.end ?? iso(Date.parse(s.start) + (s.durationMinutes ?? 30) * MINUTE) } : { start: input.now.toISOString(), end: iso(input.now.getTime() + 30 * MINUTE) });
        const { shown, explanation } = await list(window);
        // ("do i have any meetings today" at 2 PM: what is still to come is named first, not the standup that is over.)
        const holding = timedFirst(shown.filter((e) => e.freeBusy !== 'free'));
        const busy = [...holding.filter((e) => Date.parse(e.end) > input.now.getTime()), ...holding.filter((e) => Date.parse(e.end) <= input.now.getTime())];
        // "am i free tomorrow afternoon" with one meeting in it: not a flat "no"; the free time in it too.
        const stretch = !s.start && Date.parse(window.end) - Date.parse(window.start) >= 2 * 3_600_000 && Date.parse(window.end) - Date.parse(window.start) <= 25 * 3_600_000;
        const gaps = stretch && busy.length ? askedSpans(window, input.now, input.timeZone).flatMap((span) => freeGaps(span, shown, 15)) : [];
        return done({ kind: 'free', label: '', busy, ...(s.askedBusy ? { askedBusy: true } : {}), ...(gaps.length ? { gaps } : {}) }, busy, undefined, explanation);
      }
      case 'create_event':
        return this.#create(input, s, done);
      case 'respond_event':
        return this.#respond(input, s, stateOf, done, list);
      case 'cancel_event':
      case 'move_event': {
        const change = intent === 'cancel_event' ? 'cancel' : 'move';
        // "cancel all my standups", "clear my afternoon": many events at once are refused by name, never
        // narrowed to one that then stands for all of them.
        // ("cancel the recurring standup tomorrow": a day said picks one occurrence.)
        const many = MANY_EVENTS.exec(input.text);
        if (many) {
          // "all my standups", "the standup series": the series' name, said once ("the whole standup series").
          const title = s.title?.replace(/\b(series|recurring|whole|all|every|each|future|upcoming|remaining)\b/g, '').replace(/^(.{3,}[^s])s$/, '$1').trim();
          return done({ kind: 'many_at_once', change, what: SERIES_WORDS.test(input.text) ? 'series' : 'all', ...(title && !/^(everything|all|meetings?|events?|)$/.test(title) ? { title } : {}) });
        }
        // A time said ("cancel my 2:30", "move my 3pm to 4pm") names the event that starts then, not one under way.
        const at = s.start && (intent === 'cancel_event' || s.newStart || s.newDay || s.shiftMinutes) ? Date.parse(s.start) : undefined;
        const window = searchWindow(s, at, input);
        // Nothing says which event ("cancel it", a title the words did not yield): never pick one at random.
        // ("my meeting" names nothing either: every event is a meeting.)
        if (s.pick === 'next' && !namesAnEvent(s) && at === undefined) {
          const { shown, explanation } = await list({ start: input.now.toISOString(), end: localDaysFrom(input.now, NEXT_WITHIN_DAYS, input.timeZone) });
          const next = shown.find((e) => !e.isAllDay && Date.parse(e.start) >= input.now.getTime() - MINUTE);
          if (!next) return done({ kind: 'events', scope: 'next', label: '', events: [] }, [], undefined, explanation);
          return this.#change(input, next, change, s, done, explanation);
        }
        // "what's my next meeting", then "cancel it": the event the last answer was about.
        if (!namesAnEvent(s) && at === undefined && !s.window && IT.test(input.text)) {
          const about = (await stateOf()).about;
          if (about) return this.#change(input, about, change, s, done);
        }
        if (!namesAnEvent(s) && at === undefined && !s.window) return done({ kind: 'which_event', change }, [], { kind: 'which', change, candidates: [] });
        const { shown, all, explanation } = await list(window);
        const fits = shown.filter(namedAt(s, at, input.user));
        // "cancel the design sync" that its organizer already cancelled: it still sits on the calendar, marked
        // cancelled; offer to remove it (nobody else is told: it is over for everyone).
        if (fits.length === 0 && change === 'cancel') {
          const gone = firstOfEachSeries(all.filter((e) => e.isCancelled && namedAt(s, at, input.user)({ ...e, subject: withoutCancelledMark(e.subject) })));
          if (gone.length === 1) return done({ kind: 'confirm_remove_cancelled', event: gone[0]! }, [gone[0]!], { kind: 'cancel', event: gone[0]!, proposedAt: input.now.toISOString() }, explanation);
        }
        // Several different events fit ("cancel my meeting tomorrow", "my meeting with carol", two at 3pm): list
        // them and ask, whoever organizes them; occurrences of one series are one event, and the next one is meant.
        const distinct = firstOfEachSeries(fits);
        // "cancel the standups this week": several asked for by a plural name are refused by name, never
        // narrowed to the next one ("Standups" is no event's own name).
        const plural = s.title !== undefined && /[^s's]s$/.test(s.title) && fits.length > 1 && !fits.some((e) => e.subject.toLowerCase().endsWith(s.title!.toLowerCase()));
        if (plural) return done({ kind: 'many_at_once', change, what: distinct.length === 1 ? 'series' : 'all', title: s.title!.slice(0, -1) }, [], undefined, explanation);
        const target = distinct[0];
        if (!target) return done({ kind: 'not_found', query: s.title ?? (at !== undefined ? '' : 'that event'), ...(at !== undefined ? { at: iso(at) } : {}) }, [], undefined, explanation);
        if (distinct.length > 1) {
          const candidates = distinct.slice(0, WHICH_AT_MOST);
          const target = pickTarget(s);
          const more = distinct.length - candidates.length;
          return done({ kind: 'which_event', change, candidates, ...(more ? { more } : {}) }, candidates, { kind: 'which', change, candidates, ...(change === 'move' ? { target } : {}) }, explanation);
        }
        return this.#change(input, target, change, s, done, explanation);
      }
      case 'confirm': {
        // Taken, not read: a second "yes" racing this one finds nothing waiting. If the write then fails
        // where Exchange may have acted, the proposal is gone: asking again beats booking twice. A failure
        // that certainly changed nothing (refused, busy, unreachable) puts it back for another "yes".
        const taken = await this.deps.store.take(input.sessionId, input.user);
        try {
          return await this.#confirm(input, taken?.pending, done, taken?.explanation);
        } catch (err) {
          if (!taken?.pending || !(err instanceof AppError) || !err.nothingChanged || err instanceof ChangeNotMade) throw err;
          // (Not over a newer proposal another turn made meanwhile: that one is what waits now.)
          if ((await this.deps.store.get(input.sessionId, input.user))?.pending) throw err;
          await this.deps.store.put(input.sessionId, input.user, taken);
          throw new ChangeNotMade(err);
        }
      }
      case 'deny':
        return done((await stateOf()).pending ? { kind: 'dropped', ...((await stateOf()).pending?.kind === 'more' ? { read: true } : {}) } : { kind: 'nothing_pending' });
      case 'why':
        return done({ kind: 'explain', explanation: (await stateOf()).explanation }, [], (await stateOf()).pending);
      case 'out_of_scope': {
        // A change waiting for "yes" does not survive words that were not understood ("wait no"): a later
        // "yes" must not carry it out. Questions ("When should it be?", "Which Bob?", "Want to hear them?") stay.
        const pending = (await stateOf()).pending;
        // "more", "go on" after "Want to hear them?": a yes to that question.
        if (pending?.kind === 'more' && asksForMore(input.text)) {
          intent = 'confirm';
          const taken = await this.deps.store.take(input.sessionId, input.user);
          return this.#confirm(input, taken?.pending, done, taken?.explanation);
        }
        // A question waiting for its answer is asked again ("When should it be?"), not dropped into silence.
        if (pending?.kind === 'time') return done({ kind: 'need_time', title: 'create' in pending ? pending.create.title ?? 'it' : pending.move.subject }, [], pending);
        if (pending?.kind === 'person') return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
        if (pending?.kind === 'which') return done({ kind: 'which_event', change: pending.change, ...(pending.candidates.length ? { candidates: pending.candidates } : {}) }, pending.candidates, pending);
        // "wait", "hold on", "let me think": nothing decided yet; the proposal keeps waiting, and says so.
        if (HOLD_ON.test(input.text.trim()) && (pending?.kind === 'create' || pending?.kind === 'cancel' || pending?.kind === 'move' || pending?.kind === 'respond')) {
          return done({ kind: 'holding', change: pending.kind, subject: pending.kind === 'create' ? spelledOut(pending.draft.subject) : pending.event.subject }, [], pending);
        }
        // "when is book club": words read as another assistant's question ("when is the next lakers game")
        // are a calendar question when the calendar has an event of that name; otherwise still refused.
        if (!pending && s.title && WHEN_IS.test(input.text)) {
          const { act, explanation } = await this.#findNamed(input, s, list);
          if (act.kind === 'events') {
            intent = 'find_meeting';
            return done(act, act.events, undefined, explanation);
          }
        }
        // What was dropped is named: the person must not think it still waits for "yes".
        const dropped = pending?.kind === 'create' ? { change: 'create' as const, subject: spelledOut(pending.draft.subject) } : pending?.kind === 'cancel' || pending?.kind === 'move' || pending?.kind === 'respond' ? { change: pending.kind, subject: pending.event.subject } : undefined;
        return done({ kind: 'refuse', ...(dropped ? { dropped } : {}), ...(s.unsupported ? { unsupported: s.unsupported } : {}) }, [], dropped ? undefined : pending);
      }
      case 'room_find':
        return this.#findRoom(input, s, done);
      default:
        return this.#namedRoom(input, u.intent, s, done);
    }
  }

  async #create(input: TurnInput, s: DialogSlots, done: (act: Act, events?: readonly CalendarEvent[], pending?: Pending) => Promise<TurnResult>): Promise<TurnResult> {
    const title = s.title ?? (s.reminder ? 'Reminder' : 'Meeting');
    // "dinner with ann this evening", "remind me tomorrow to ...": the day (or part of it) is known; ask the time in it.
    const within = !s.start && !s.repeat && s.window && Date.parse(s.window.end) - Date.parse(s.window.start) <= 25 * 3_600_000 ? s.window : undefined;
    if (!s.start) return done({ kind: 'need_time', title, ...(within ? { within } : {}), ...(s.reminder ? { reminder: true } : {}) }, [], { kind: 'time', create: { ...s, title } });
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
      const found = await this.#guest(name, input.user);
      if (found.kind === 'several') return done({ kind: 'ask_person', name, candidates: found.candidates }, [], { kind: 'person', create: s, name, candidates: found.candidates });
      if (found.kind === 'none') {
        // "with bob ann and dave" said aloud: "bob ann" is nobody, but Bob and Ann each may be someone.
        const each = name.includes(' ') ? await Promise.all(name.split(' ').map((w) => this.#guest(w, input.user))) : [];
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
      const found = await this.#guest(name, input.user);
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
        if ((await this.#noRoomLists()).noRoomLists) roomListsEmpty = true;
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
    const draft: EventDraft = { subject: spelledOut(titled), start, end, timeZone: zone, ...(s.repeat ? { repeat: s.repeat } : {}), ...(s.isAllDay ? { isAllDay: true } : {}), ...(location ? { location } : {}), ...(invited.length ? { attendees: invited } : {}), ...(s.reminder ? { reminderMinutes: 0, freeBusy: 'free' as const } : s.remindBefore !== undefined ? { reminderMinutes: s.remindBefore } : {}), ...(s.isAllDay && !s.reminder ? { freeBusy: allDayShowAs(titled) } : {}) };
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
    return this.#propose(input, draft, Object.keys(said).length ? saying : done, notInvited, roomNotFound, s.shiftedBy);
  }

  /** Proposes `draft` for "yes", saying first what it would overlap. */
  async #propose(input: TurnInput, asked: EventDraft, done: Done, notInvited: readonly string[] = [], roomNotFound?: string, skipped?: DialogSlots['shiftedBy']): Promise<TurnResult> {
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

  /** The answer to "When should it be?": completes the new event or the move that asked, or asks again. */
  async #timeGiven(input: TurnInput, pending: Extract<Pending, { kind: 'time' }>, s: DialogSlots, asMove: boolean, done: Done, answered: (intent: DialogIntent) => void): Promise<TurnResult> {
    const zone = input.timeZone;
    // "move it to 3pm" answers like "3pm": its target is the time said.
    if (asMove && !('move' in pending)) s = { ...s, ...(s.newStart ? { start: s.newStart, saidDay: !s.newTimeOnly } : {}), ...(s.newDay ? { window: { start: s.newDay, end: iso(DateTime.fromISO(s.newDay, { zone }).plus({ days: 1 }).toMillis()) }, saidDay: true } : {}) };
    // "tonight", "friday afternoon": a part of a day is not yet a time; ask within it.
    const partOfDay = !s.start && s.window && Date.parse(s.window.end) - Date.parse(s.window.start) < 20 * 3_600_000;
    if ('move' in pending) {
      answered('move_event');
      // A time or a day alone is read as a move's target: "3pm" on the event's day, "friday" at its time.
      const target = asMove ? s : { ...(s.start ? { newStart: s.start, newTimeOnly: !s.saidDay } : {}), ...(s.window ? { newDay: s.window.start } : {}) };
      // Correcting a proposed move ("to friday", then "make it 4pm"): on the proposed day, at the proposed time.
      const from = pending.proposed ? { ...pending.move, start: pending.proposed } : pending.move;
      const to = partOfDay ? undefined : moveTarget(from, target, zone);
      if (!to) return done({ kind: 'need_time', title: pending.move.subject }, [pending.move], pending);
      return this.#confirmMove(input, pending.move, to, done);
    }
    answered('create_event');
    const asked = pending.create;
    const { window: _, isAllDay: __, end: ___, start: ____, ...rest } = asked;
    if (!s.start && !s.window) return done({ kind: 'need_time', title: asked.title ?? 'it' }, [], pending);
    // "no, friday" to a proposal: the same time of day on the day said (an all-day one stays all day).
    if (!s.start && s.window && !partOfDay && pending.proposed) {
      if (asked.isAllDay && asked.window) {
        // "until monday": the same start, to the day said; "no, thursday": from the day said, as many days as before.
        const days = Math.max(1, Math.round(DateTime.fromISO(asked.window.end, { zone }).diff(DateTime.fromISO(asked.window.start, { zone }), 'days').days));
        const until = /\b(until|till|til|through|thru|to)\b/.test(input.text.toLowerCase());
        const start = until ? asked.window.start : s.window.start;
        let end = until ? DateTime.fromISO(s.window.end, { zone }) : DateTime.fromISO(s.window.start, { zone }).plus({ days });
        // "until monday" said on a Monday about a Wednesday-to-Friday event: the Monday after it starts.
        while (until && end.toMillis() <= Date.parse(start)) end = end.plus({ weeks: 1 });
        const endIso = iso(end.toMillis());
        // ("no, friday" to "vacation every monday": every Friday.)
        const repeat = rest.repeat && !until ? { repeat: startingOn(rest.repeat, start, asked.saidZone ?? zone) } : {};
        return this.#create(input, { ...rest, ...repeat, isAllDay: true, start, end: endIso }, done);
      }
      // ("make it next week": the same weekday that week, not its Monday.)
      const from = DateTime.fromISO(s.window.start, { zone });
      const week = from.weekday === 1 && DateTime.fromISO(s.window.end, { zone }).equals(from.plus({ weeks: 1 }));
      const day = week ? iso(from.plus({ days: DateTime.fromISO(pending.proposed, { zone }).weekday - 1 }).toMillis()) : s.window.start;
      s = { ...s, start: onDayOf(pending.proposed, day, zone), saidDay: true };
    }
    if (!s.start && s.window) {
      // A day only ("friday"): all day for what lasts the day; otherwise keep the day and ask for the time.
      if (lastsAllDay(asked.title) && !partOfDay) return this.#create(input, { ...rest, isAllDay: true, start: s.window.start, end: s.window.end }, done);
      const withDay = { ...asked, window: s.window };
      return done({ kind: 'need_time', title: asked.title ?? 'it' }, [], { kind: 'time', create: withDay });
    }
    const day = asked.window?.start ?? asked.start;
    // "actually make it 10" to a call at 9 AM Pacific: 10 on the Pacific clock, on the proposal's day.
    const clock = !s.saidZone && asked.saidZone && !s.saidDay && pending.proposed ? asked.saidZone : undefined;
    let start = clock ? nearestHalfDay(wallTimeOnDate({ at: s.start!, zone }, { at: pending.proposed!, zone: clock }, clock), pending.proposed, input.text) : s.saidDay || !day ? s.start! : onDayOf(s.start!, day, zone);
    // "dinner tonight" then "at 8": 8 PM, the hour that falls in the part of the day asked about.
    // "a run tomorrow morning" then "at 6": 6 AM, though a bare 6 alone is read as 6 PM.
    if (asked.window && !s.saidDay && !clock && !within(start, asked.window)) {
      const other = [12, -12].map((h) => iso(Date.parse(start) + h * 3_600_000)).find((t) => within(t, asked.window!));
      if (other) start = other;
    }
    // "add dinner with ann", then "tomorrow at 7": 7 PM, as "dinner at 7" would be (unless "am" is said).
    const hour = DateTime.fromISO(start, { zone }).hour;
    if (EVENING_THING.test(asked.title ?? '') && !/\b(am|a\.m\.?|morning|midnight)\b/i.test(input.text) && hour >= 1 && hour < 12) start = iso(Date.parse(start) + 12 * 3_600_000);
    // A length in the answer ("10-11am") wins; else the one said first ("block 2 hours"); else the default.
    const minutes = s.lengthSaid ? s.durationMinutes : asked.durationMinutes ?? s.durationMinutes;
    // "no, friday" to "every Monday at 10": every Friday (a series on several days keeps them).
    const repeat = rest.repeat && pending.proposed && s.saidDay ? { repeat: startingOn(rest.repeat, start, asked.saidZone ?? zone) } : {};
    // "focus time tomorrow until noon", then "9": 9 until noon.
    const until = asked.endOnly && asked.end && Date.parse(asked.end) > Date.parse(start) ? { end: asked.end } : {};
    return this.#create(input, { ...rest, ...repeat, start, ...until, ...(minutes !== undefined && !('end' in until) ? { durationMinutes: minutes } : {}) }, done);
  }

  /**
   * "find me a room tomorrow at 2", "book a room for 30 minutes": the rooms of the organization's room lists
   * free then (now, for an hour, unless said), asked in one go; the first is proposed as a meeting with the
   * room invited, so "yes" books it and its calendar accepts or declines. Rooms beyond the first
   * ROOMS_ASKED are not asked about.
   */
  async #findRoom(input: TurnInput, s: DialogSlots, done: Done): Promise<TurnResult> {
    // "a room for the budget review": a room for a meeting already made, which this does not change.
    const forEvent = s.title && !/^(?:(?:a|an|the|free|empty|open|meeting|conference|small|big|quiet) )*(?:rooms?|space|meeting|call|sync)$/i.test(s.title) && !s.start;
    // ("find me a room for the budget review": the first free room at its time, added to it.)
    const forMeeting = forEvent ? FOR_A_MEETING.exec(input.text) : null;
    const named = forMeeting ? this.#meetingSaid(input, forMeeting[1]!) : undefined;
    const there = named && namesAnEvent(named) ? await this.#meetingsNamed(input, named) : [];
    if (there.length > 0) return this.#addRoom(input, undefined, there, done);
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
    return this.#create(input, { start, end: window.end, durationMinutes: minutes, title: 'Meeting', location: free[0]!.name, saidDay: true, ...(s.people ? { people: s.people } : {}), ...(s.maybePeople ? { maybePeople: s.maybePeople } : {}) }, offered);
  }

  /**
   * Who a guest's name is in the directory, the asker left out: "with al" is not Alice asking (a prefix
   * of her name to Exchange), so it is nobody, and said so, rather than an invitation to herself.
   */
  async #guest(name: string, user: string): Promise<PeopleLookup> {
    // "with alice and ann" said by Alice, "with ann and myself": the asker, who is there anyway.
    if (/^(?:me|myself|i|us|ourselves)$/i.test(name)) return { kind: 'one', person: { email: user, name: user } };
    const found = await this.deps.provider.findPeople(name);
    // "with carol@fabrikam.com": an address typed out is invited as written when the directory has nobody by it.
    if (found.kind === 'none' && EMAIL.test(name)) return { kind: 'one', person: { email: name.toLowerCase(), name: name.toLowerCase() } };
    const me = (p: DirectoryEntry) => p.email.toLowerCase() === user.toLowerCase();
    // ("with al" is not Alice: only her name, or words of it, said whole.)
    const saysMyName = (p: DirectoryEntry) => nameWords(name).every((w) => nameWords(`${p.name} ${p.email.split('@')[0]}`).includes(w));
    if (found.kind === 'one') return me(found.person) ? (saysMyName(found.person) ? found : { kind: 'none' }) : found;
    if (found.kind !== 'several') return found;
    const others = found.candidates.filter((c) => !me(c));
    return others.length === 1 ? { kind: 'one', person: others[0]! } : others.length === 0 ? { kind: 'none' } : { kind: 'several', candidates: others };
  }

  /**
   * "what do i have after the budget review (on wednesday)": the event is found (on the day said, else
   * from today on), then what is on its day before it starts or after it ends. A meal that is not on the
   * calendar ("after lunch") stands for its usual hours, on the day said or today.
   */
  async #around(input: TurnInput, around: AroundEvent, s: DialogSlots, done: Done, list: (w: { start: string; end: string }) => Promise<{ shown: CalendarEvent[]; explanation: Explanation }>): Promise<TurnResult> {
    const [title, person] = around.name.split(/\s+with\s+/i) as [string, string | undefined];
    const named = { title, ...(person ? { people: [person] } : {}) };
    const day = s.window ?? dayWindow(input.now, input.timeZone);
    // A meal said without a day is today's ("what's after lunch"); another event, the next one of that name.
    const searched = s.window ?? (isMeal(title) ? day : { start: day.start, end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) });
    const { shown, explanation } = await list(searched);
    // "after my last meeting today": picked by its place among the day's timed events; else by its name.
    const picked = PICKED.exec(title)?.[1]?.toLowerCase();
    const timed = shown.filter((e) => !e.isAllDay && !e.isCancelled);
    const ofDay = timed.filter((e) => Date.parse(e.start) < Date.parse(day.end));
    const event = picked === 'first' ? ofDay[0] : picked === 'last' ? ofDay[ofDay.length - 1] : picked === 'next' ? timed.find((e) => Date.parse(e.start) >= input.now.getTime()) : shown.find((e) => !e.isCancelled && Date.parse(e.end) > input.now.getTime() && eventMatches(e, named, input.user));
    const anchor = event ?? mealHours(title, day.start, input.timeZone);
    if (!anchor) return done({ kind: 'not_found', query: around.name }, [], undefined, explanation);
    const window = windowAround(around.edge, anchor, input.now, input.timeZone);
    // (Around an all-day event its neighbouring days are read, which may lie outside what was searched.)
    const read = event?.isAllDay ? (await list(window)).shown : shown;
    const events = read.filter((e) => e.id !== event?.id && !e.isAllDay && (around.edge === 'after' ? Date.parse(e.start) >= Date.parse(window.start) && Date.parse(e.start) < Date.parse(window.end) : Date.parse(e.start) < Date.parse(window.end) && Date.parse(e.end) > Date.parse(window.start)));
    const subject = event?.subject ?? title.toLowerCase();
    return done({ kind: 'events', scope: 'window', label: '', events, around: { edge: around.edge, subject, start: anchor.start } }, events, undefined, { ...explanation, window });
  }

  /**
   * "when is the budget review": the events of that name (or with those people) from yesterday on, the
   * first three not over yet; when all are over, the latest, said as past.
   */
  async #findNamed(input: TurnInput, s: DialogSlots, list: (w: { start: string; end: string }) => Promise<{ shown: CalendarEvent[]; explanation: Explanation }>): Promise<{ act: Act; explanation: Explanation }> {
    const window = s.window ?? { start: localDaysFrom(input.now, -1, input.timeZone), end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) };
    const { shown, explanation } = await list(window);
    const named = shown.filter((e) => eventMatches(e, s, input.user));
    const found = named.filter((e) => Date.parse(e.end) >= input.now.getTime());
    const query = [s.title, ...(s.people ?? [])].filter(Boolean).join(' ');
    // Over already ("when is the budget review" at 12:30, after it ran 11 to 12): the latest one, said as past.
    const over = named.filter((e) => Date.parse(e.end) < input.now.getTime()).slice(-1);
    if (found.length === 0 && over.length) return { act: { kind: 'events', scope: 'find', label: '', events: over, query, past: true }, explanation };
    if (found.length === 0) return { act: { kind: 'not_found', query }, explanation };
    return { act: { kind: 'events', scope: 'find', label: '', events: found.slice(0, 3), query }, explanation };
  }

  /**
   * "decline the product review", "accept my 3pm", "decline it": the meeting named (or the one just talked
   * about), answered as an attendee once "yes" is said. One's own meeting has nothing to answer.
   */
  async #respond(input: TurnInput, s: DialogSlots, stateOf: () => Promise<DialogState>, done: Done, list: (w: { start: string; end: string }) => Promise<{ shown: CalendarEvent[]; explanation: Explanation }>): Promise<TurnResult> {
    const reply = s.reply ?? 'decline';
    let target: CalendarEvent | undefined;
    let explanation: Explanation | undefined;
    if (!namesAnEvent(s) && !s.start && IT.test(input.text)) target = (await stateOf()).about;
    if (!target) {
      if (!namesAnEvent(s) && !s.start) return done({ kind: 'which_event', change: 'find' });
      const at = s.start ? Date.parse(s.start) : undefined;
      const window = searchWindow(s, at, input);
      const found = await list(window);
      explanation = found.explanation;
      const fits = found.shown.filter((e) => !e.isCancelled && eventMatches(e, s, input.user) && (at === undefined || Math.abs(Date.parse(e.start) - at) < MINUTE));
      const distinct = firstOfEachSeries(fits);
      if (distinct.length === 0) return done({ kind: 'not_found', query: s.title ?? 'that meeting', ...(at !== undefined ? { at: iso(at) } : {}) }, [], undefined, explanation);
      if (distinct.length > 1) return done({ kind: 'which_event', change: 'find' }, [], undefined, explanation);
      target = distinct[0]!;
    }
    const own = target.myResponse === 'organizer' || !target.organizer?.email || target.organizer.email.toLowerCase() === input.user.toLowerCase();
    if (own) return done({ kind: 'respond_own', event: target, reply }, [target], undefined, explanation);
    return done({ kind: 'confirm_respond', event: target, reply }, [target], { kind: 'respond', event: target, reply, proposedAt: input.now.toISOString() }, explanation);
  }

  /** Proposes cancelling or moving `target` (to where `s` says), once it is known which event is meant. */
  async #change(input: TurnInput, target: CalendarEvent, change: 'cancel' | 'move', s: Pick<DialogSlots, 'newStart' | 'newDay' | 'newPart' | 'newWeek' | 'shiftMinutes' | 'newTimeOnly' | 'saidZone' | 'shiftedBy'>, done: Done, explanation?: Explanation): Promise<TurnResult> {
    // Only the organizer can cancel or move a meeting for everyone; deleting an attendee's copy would
    // tell nobody, and moving it would move it for this calendar alone.
    if (target.myResponse !== 'organizer' && target.organizer?.email && target.organizer.email.toLowerCase() !== input.user.toLowerCase()) {
      return done({ kind: 'not_organizer', event: target, change }, [target], undefined, explanation);
    }
    if (change === 'cancel') return done({ kind: 'confirm_cancel', event: target }, [target], { kind: 'cancel', event: target, proposedAt: input.now.toISOString() }, explanation);
    // "move the offsite to 2pm": an all-day event moves by days; a time alone would change nothing.
    if (target.isAllDay && s.newStart && s.newTimeOnly) return done({ kind: 'all_day_needs_day', event: target }, [target], { kind: 'time', move: target }, explanation);
    const to = moveTarget(target, relativeToEvent(s, target, input.text, input.timeZone, input.now), input.timeZone);
    if (!to) return done({ kind: 'need_time', title: target.subject }, [target], { kind: 'time', move: target }, explanation);
    // "to thursday afternoon" for an 11 AM meeting: its own hour is not in that part of the day, so ask which hour.
    if (s.newPart && !target.isAllDay && !within(to, s.newPart)) return done({ kind: 'need_time', title: target.subject, within: s.newPart }, [target], { kind: 'time', move: target, proposed: s.newPart.start }, explanation);
    // ("to march 14 at 2:30am": the clocks skip that time; said before "yes", as for a new event.)
    const skipped: Done = (act, ...rest) => done(act.kind === 'confirm_move' && s.shiftedBy && s.newStart && to === s.newStart ? { ...act, skipped: s.shiftedBy } : act, ...rest);
    return this.#confirmMove(input, target, to, skipped, explanation);
  }

  /** The answer when `event` is no longer where it was proposed from (moved or deleted since); else undefined. */
  async #changedSince(input: TurnInput, event: CalendarEvent, change: 'cancel' | 'move', done: Done): Promise<TurnResult | undefined> {
    // Still on the calendar where it was proposed from: the listing of its own slot shows it (a deleted item
    // may still be readable by id, from Deleted Items).
    // (At least a minute: a window from an event's start to its own end is empty when it has no length.)
    const there = await this.deps.provider.listEvents(input.user, { start: event.start, end: iso(Math.max(Date.parse(event.end), Date.parse(event.start) + MINUTE)) }, input.timeZone);
    const same = (e: CalendarEvent) => (e.id === event.id || (event.uid !== undefined && e.uid === event.uid)) && Date.parse(e.start) === Date.parse(event.start) && Date.parse(e.end) === Date.parse(event.end);
    // (A meeting its organizer cancelled, offered for removal, is still there while it stays cancelled.)
    if (there.some((e) => same(e) && e.isCancelled === event.isCancelled)) return undefined;
    const now = await this.deps.provider.getEvent(input.user, event.id);
    const moved = now && !now.isCancelled && !same(now) ? now : undefined;
    return done({ kind: 'changed_since', event, change, ...(moved ? { now: moved } : {}) }, moved ? [moved] : []);
  }

  async #confirmMove(input: TurnInput, target: CalendarEvent, wanted: string, done: Done, explanation?: Explanation): Promise<TurnResult> {
    // Already there ("move my 10am to 10"): nothing to propose; say where it is.
    if (Date.parse(wanted) === Date.parse(target.start)) return done({ kind: 'events', scope: 'find', label: '', events: [target] }, [target], undefined, explanation);
    // An all-day event moves by whole local days (23 or 25 hours across a clock change) and stays all day.
    const { start: to, end } = target.isAllDay ? wholeDaysFrom(wanted, target, input.timeZone) : { start: wanted, end: iso(Date.parse(wanted) + Date.parse(target.end) - Date.parse(target.start)) };
    // (An all-day event asked to its own day at another hour is where it was: no update, nobody told.)
    if (target.isAllDay && Date.parse(to) === Date.parse(target.start)) return done({ kind: 'events', scope: 'find', label: '', events: [target] }, [target], undefined, explanation);
    // One occurrence of a series stays strictly between its neighbours (Exchange refuses the move with
    // ErrorOccurrenceCrossingBoundary): read from where it is to where it would go, and say so before "yes".
    const occurrence = (target.kind === 'occurrence' || target.kind === 'exception') && target.uid !== undefined;
    const from = occurrence ? iso(Math.min(Date.parse(to), Date.parse(target.start))) : to;
    const until = occurrence ? iso(Math.max(Date.parse(end), Date.parse(target.end), Date.parse(to) + MINUTE)) : end;
    const [around, busyRooms] = await Promise.all([this.deps.provider.listEvents(input.user, { start: from, end: until }, input.timeZone), this.#roomsTakenFor(target, to, end)]);
    if (occurrence) {
      const [a, b] = [Date.parse(target.start), Date.parse(to)].sort((x, y) => x - y) as [number, number];
      const neighbour = around.find((e) => e.uid === target.uid && e.id !== target.id && Date.parse(e.start) !== Date.parse(target.start) && Date.parse(e.start) >= a && Date.parse(e.start) <= b);
      if (neighbour) return done({ kind: 'cannot_pass_occurrence', event: target, start: to, neighbour }, [target, neighbour], undefined, explanation);
    }
    const conflicts = timedFirst(around.filter((e) => overlaps(e, Date.parse(to), Date.parse(end)) && e.id !== target.id && !e.isCancelled && e.freeBusy !== 'free'));
    const inThePast = !target.isAllDay && Date.parse(to) < input.now.getTime() - MINUTE;
    return done({ kind: 'confirm_move', event: target, start: to, end, conflicts, ...(busyRooms.length ? { busyRooms } : {}), ...(inThePast ? { inThePast } : {}) }, [target], { kind: 'move', event: target, start: to, end, proposedAt: input.now.toISOString() }, explanation);
  }

  /**
   * A room request away from the room's own device: a room named is looked up in the directory; "is the
   * boardroom free at 3" reads its free/busy, "book the boardroom tomorrow at 3" proposes a meeting with
   * the room invited (its calendar accepts or declines). Without a name, or on a device not yet placed in
   * a room, the answer says how to ask.
   */
  async #namedRoom(input: TurnInput, intent: DialogIntent, s: DialogSlots, done: Done, said?: string): Promise<TurnResult> {
    const name = said ?? s.room ?? (intent === 'room_is_free' || intent === 'room_book' || intent === 'room_when_free' ? roomNamed(input.text) : undefined);
    // "is there a room free at 2", "book a room": any room, found rather than named.
    if (!name && (intent === 'room_is_free' || intent === 'room_book') && /\b(?:a|any|an?y? free|some) (?:free |empty |open )?(?:room|space)s?\b/i.test(input.text)) return this.#findRoom(input, s, done);
    if (!name) return done({ kind: 'rooms_not_set_up' });
    if (intent === 'room_book') {
      // "book the boardroom for the budget review", "for lunch friday at 1": a meeting already made, at the
      // time said, gets the room; with none there ("for my interview tomorrow at 10"), a new one is proposed.
      const forMeeting = FOR_A_MEETING.exec(input.text);
      const named = forMeeting ? this.#meetingSaid(input, forMeeting[1]!) : s.title && !GENERIC_MEETING.test(s.title) ? { title: s.title, ...(s.window ? { window: s.window } : {}), ...(s.start && Math.abs(Date.parse(s.start) - input.now.getTime()) > MINUTE ? { start: s.start } : {}) } : undefined;
      const there = named && namesAnEvent(named) ? await this.#meetingsNamed(input, named) : [];
      if (there.length > 0) return this.#addRoom(input, name, there, done);
      // Booking: the proposal finds the room (and asks which of several) as for "add ... in the boardroom".
      return this.#create(input, { ...s, title: s.title ?? 'Meeting', location: name }, done);
    }
    const found = await roomFor(this.deps.provider, name);
    if (found.kind === 'none') return done({ kind: 'unknown_room', name, ...(await this.#noRoomLists()) });
    if (found.kind === 'several') return done({ kind: 'which_room', name, candidates: found.candidates.map((c) => c.name) });
    const room = found.room;
    // "when is the boardroom free (on wednesday)": when it is booked that day, the rest being free.
    const start = s.window?.start ?? s.start ?? (intent === 'room_when_free' ? dayWindow(input.now, input.timeZone).start : iso(input.now.getTime()));
    const window = s.window ?? (intent === 'room_when_free' && !s.start ? dayWindow(input.now, input.timeZone) : { start, end: iso(Date.parse(start) + (s.durationMinutes ?? 30) * MINUTE) });
    const busy = await this.deps.provider.busyTimes(room.email, window);
    return done({ kind: 'named_room_free', room: room.name, window, ...(busy === undefined ? {} : { free: busy.length === 0, busy }) });
  }


  /**
   * The rooms of `event` that are booked by something else at the new time (they would decline the move).
   * The time the event already holds is its own booking, so only the part of the new time outside it is checked.
   */
  /**
   * "book the boardroom for the budget review", "find me a room for my 2pm": the room becomes an attendee of
   * that meeting, as Exchange books rooms (its calendar then accepts or declines). `roomName` undefined: the
   * first room free for the whole meeting. Only the organizer changes a meeting for everyone.
   */
  /**
   * "remind me 30 minutes before the budget review": a reminder event (15 minutes, shown as free, its alert at
   * its start) that long before the next event so named, or before `about`, the event just talked about.
   */
  async #remindBefore(input: TurnInput, named: DialogSlots | undefined, said: string, minutes: number, done: Done, about?: CalendarEvent): Promise<TurnResult> {
    const ahead = named ? (await this.#meetingsNamed(input, named)).filter((e) => Date.parse(e.start) > input.now.getTime()) : [];
    // (A reminder made before, "Team standup in 5 minutes", is shown as free: the standup itself is meant.)
    const event = about ?? ahead.find((e) => e.freeBusy !== 'free') ?? ahead[0];
    if (!event) return done({ kind: 'not_found', query: said.replace(/^(my|our)\b/i, 'your') });
    const draft = reminderBefore(event, minutes, input.now, input.timeZone);
    if (!draft) return done({ kind: 'reminder_too_late', event, minutes });
    return this.#propose(input, draft, (act, events, pending) => done(act.kind === 'confirm_create' ? { ...act, reminderOf: { event, minutes } } : act, events, pending));
  }

  /** The meeting a room is asked for, read as a change would name it ("my 2pm", "the budget review on friday"). */
  #meetingSaid(input: TurnInput, said: string): DialogSlots {
    return this.deps.understand(`cancel ${said}`, { now: input.now, timeZone: input.timeZone }).slots;
  }

  /** The timed meetings (one per series) that the slots name, as a cancel finds them. */
  async #meetingsNamed(input: TurnInput, named: DialogSlots): Promise<CalendarEvent[]> {
    const at = named.start ? Date.parse(named.start) : undefined;
    const all = await this.deps.provider.listEvents(input.user, searchWindow(named, at, input), input.timeZone);
    return firstOfEachSeries(visible(all).shown.filter((e) => !e.isAllDay && namedAt(named, at, input.user)(e)));
  }

  async #addRoom(input: TurnInput, roomName: string | undefined, fits: readonly CalendarEvent[], done: Done): Promise<TurnResult> {
    const event = fits[0]!;
    const which = roomName ?? 'a room';
    if (fits.length > 1) return done({ kind: 'add_room_which', room: which, candidates: fits.slice(0, WHICH_AT_MOST) }, fits);
    if (event.myResponse !== 'organizer' && event.organizer?.email && event.organizer.email.toLowerCase() !== input.user.toLowerCase()) return done({ kind: 'not_organizer', event, change: 'add a room to' }, [event]);
    const window = { start: event.start, end: event.end };
    let room: DirectoryEntry | undefined;
    if (roomName) {
      const found = await roomFor(this.deps.provider, roomName);
      if (found.kind === 'none') return done({ kind: 'unknown_room', name: roomName, ...(await this.#noRoomLists()) });
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
  async #noRoomLists(): Promise<{ noRoomLists?: true }> {
    const rooms = await this.deps.provider.rooms().catch(() => undefined);
    return rooms && rooms.length === 0 ? { noRoomLists: true } : {};
  }

  async #roomsTakenFor(event: CalendarEvent, start: string, end: string): Promise<string[]> {
    const rooms = event.attendees.filter((a) => a.kind === 'resource' && a.email);
    if (!rooms.length || event.isAllDay) return [];
    const [s, e, os, oe] = [Date.parse(start), Date.parse(end), Date.parse(event.start), Date.parse(event.end)];
    const parts = [[s, Math.min(e, os)], [Math.max(s, oe), e]].filter(([a, b]) => a! < b!).map(([a, b]) => ({ start: iso(a!), end: iso(b!) }));
    const taken = await Promise.all(rooms.map(async (r) => ((await Promise.all(parts.map((w) => this.deps.provider.busyTimes(r.email!, w)))).some((b) => Boolean(b?.length)) ? [r.name || r.email!] : [])));
    return taken.flat();
  }

  async #confirm(input: TurnInput, pending: Pending | undefined, done: Done, explanation?: Explanation): Promise<TurnResult> {
    if (!pending) return done({ kind: 'nothing_pending' });
    // Either way: a "yes" whose clock is before the proposal (a replayed or mistyped `now`) is no answer to it.
    if ((pending.kind === 'create' || pending.kind === 'cancel' || pending.kind === 'move' || pending.kind === 'respond' || pending.kind === 'add_room') && pending.proposedAt && Math.abs(input.now.getTime() - Date.parse(pending.proposedAt)) > DIALOG_TTL_MS) {
      return done({ kind: 'proposal_expired', minutes: DIALOG_TTL_MS / MINUTE });
    }
    switch (pending.kind) {
      case 'respond': {
        await this.deps.provider.respondToEvent(input.user, pending.event, pending.reply);
        return done({ kind: 'responded', event: pending.event, reply: pending.reply }, [pending.event]);
      }
      case 'create': {
        // Proposed in the words said ("add lunch with bob"); created with a subject fit for Outlook ("Lunch").
        // An all-day event's reminder, unless one was asked for, comes the day before (as Outlook sets it), not at 11:45 PM.
        const allDayReminder = pending.draft.isAllDay && pending.draft.reminderMinutes === undefined ? { reminderMinutes: ALL_DAY_REMINDER_MINUTES } : {};
        const event = await this.deps.provider.createEvent(input.user, { ...pending.draft, ...allDayReminder, subject: eventSubject(pending.draft.subject, pending.draft.attendees) });
        return done({ kind: 'created', event, ...(pending.draft.repeat ? { repeat: pending.draft.repeat, repeatZone: pending.draft.timeZone } : {}), ...(pending.draft.reminderMinutes ? { remindBefore: pending.draft.reminderMinutes } : {}) }, [event]);
      }
      case 'cancel': {
        // Proposed a while ago: if the event was moved or deleted meanwhile (another session, Outlook), say so.
        const stale = await this.#changedSince(input, pending.event, 'cancel', done);
        if (stale) return stale;
        await this.deps.provider.cancelEvent(input.user, pending.event);
        if (pending.event.isCancelled) return done({ kind: 'removed_cancelled', event: pending.event }, [pending.event]);
        return done({ kind: 'cancelled', event: pending.event }, [pending.event]);
      }
      case 'add_room': {
        // Its guests as they are now (someone may have been added in Outlook since), and the room with them.
        const now = await this.deps.provider.getEvent(input.user, pending.event.id);
        if (!now || now.isCancelled) return done({ kind: 'changed_since', event: pending.event, change: 'add a room to' });
        const guests = now.attendees.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}), kind: a.kind }));
        // (The place it had, a link or another room, stays beside the room.)
        const location = now.location && !now.location.toLowerCase().includes(pending.room.name.toLowerCase()) ? `${now.location}; ${pending.room.name}` : pending.room.name;
        await this.deps.provider.updateEvent(input.user, now, { attendees: [...guests, { email: pending.room.email, name: pending.room.name, kind: 'resource' }], location });
        const after = await this.deps.provider.getEvent(input.user, now.id).catch(() => undefined);
        const response = after?.attendees.find((a) => a.email?.toLowerCase() === pending.room.email.toLowerCase())?.response ?? 'none';
        return done({ kind: 'room_added', event: after ?? now, room: pending.room.name, response }, [after ?? now]);
      }
      case 'more':
        // The rest of the read that offered it: "why?" and the day words are that read's.
        return done({ kind: 'events', scope: 'rest', label: '', events: pending.events }, pending.events, undefined, explanation);
      case 'move': {
        const stale = await this.#changedSince(input, pending.event, 'move', done);
        if (stale) return stale;
        // Proposed on the asker's dates; an all-day event made in another zone keeps its dates in that zone.
        const own = pending.event.timeZone;
        const to = pending.event.isAllDay && own && own !== input.timeZone ? sameDatesIn(pending, input.timeZone, own) : pending;
        await this.deps.provider.updateEvent(input.user, pending.event, { start: to.start, end: to.end });
        // A room answers the new time as it answered the first: read back, so a decline is said, not hidden behind "Done".
        const booked = pending.event.attendees.some((a) => a.kind === 'resource');
        const after = booked ? await this.deps.provider.getEvent(input.user, pending.event.id).catch(() => undefined) : undefined;
        const rooms = after?.attendees.filter((a) => a.kind === 'resource');
        return done({ kind: 'moved', event: pending.event, start: pending.start, end: pending.end, ...(rooms?.length ? { rooms } : {}) }, [pending.event]);
      }
      case 'person':
        // "yes" is not a name: ask again, keeping the question.
        return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
      case 'time':
        // "yes" is not a time: ask again, keeping what waits for one.
        return done({ kind: 'need_time', title: 'create' in pending ? pending.create.title ?? 'it' : pending.move.subject }, [], pending);
      case 'which':
        // "yes" picks none of them: ask again.
        return done({ kind: 'which_event', change: pending.change, candidates: pending.candidates }, pending.candidates, pending);
    }
  }
}

export type { Attendee };

/** Titles that name no meeting in particular: "book the boardroom for a meeting at 3" is a new one. */
const GENERIC_MEETING = /^(?:a |an |the )?(?:meeting|call|sync|session|chat|event|room)s?$/i;

/** "book the boardroom for the budget review", "a room for my 2pm": the meeting a room is asked for, as said. */
const FOR_A_MEETING = /\b(?:for|to)\s+((?:my|the|our|this|tomorrow's|today's|friday's|monday's|tuesday's|wednesday's|thursday's)\s+(?!(?:team|group|people|whole|rest|day|afternoon|morning|evening)\b)\S.*?)[.?!]*$/i;

/** An email address as typed (the directory decides first; an outside address is invited as written). */
const EMAIL = /^[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

/** The events a change names: by its words, and starting at the minute said when one was ("cancel my 2:30"). */
function namedAt(s: DialogSlots, at: number | undefined, user: string): (e: CalendarEvent) => boolean {
  return (e) => eventMatches(e, s, user) && (at === undefined || Math.abs(Date.parse(e.start) - at) < MINUTE);
}

/** Where an event named by a change is looked for: at the minute said ("my 2:30"), the window said, or the days ahead. */
function searchWindow(s: DialogSlots, at: number | undefined, input: TurnInput): { start: string; end: string } {
  if (at !== undefined) return { start: iso(at - MINUTE), end: iso(at + MINUTE) };
  return s.window ?? { start: input.now.toISOString(), end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) };
}

/**
 * A bare hour said to change a proposal ("make it 10" to 9 AM) is the one of its two readings nearest the
 * proposal (10 AM, not 10 PM), unless "am" or "pm" was said.
 */
function nearestHalfDay(start: string, proposed: string | undefined, text: string): string {
  if (!proposed || /(?:\b|\d)(?:am|pm|a\.m\.?|p\.m\.?)(?!\w)|\b(?:noon|midnight|morning|afternoon|evening|tonight)\b|\d[ap]\b/i.test(text)) return start;
  const away = (t: number) => Math.abs(t - Date.parse(proposed));
  const options = [0, 12, -12].map((h) => Date.parse(start) + h * 3_600_000);
  return iso(options.reduce((a, b) => (away(b) < away(a) ? b : a)));
}

/** Occurrences of one series are one event (the first, the next one being meant), in the order given. */
function firstOfEachSeries(events: readonly CalendarEvent[]): CalendarEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.uid ?? e.id) && Boolean(seen.add(e.uid ?? e.id)));
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
