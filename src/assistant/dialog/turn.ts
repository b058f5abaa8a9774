import { DateTime } from 'luxon';
import { chooseEvent, nameWords, namesAnEvent, namesPerson } from './match-event.js';
import { asksForMore } from './more-words.js';
import { aRoomName, roomNamed } from './named-room.js';
import { roomFor, roomSaid, ROOM_WORDS } from './room-lookup.js';
import { NOT_SOMEONE, roomBookers, someoneFree, WHO_BOOKED } from './room-answers.js';
import { proposalEdit } from './proposal-edit.js';
import { chooseCandidate } from './choose-candidate.js';
import { lastSlots, theOneFound } from './last-turn.js';
import { iso, localDaysFrom, MINUTE, NEXT_WITHIN_DAYS, onDayOf, onTheDayOf, pickTarget, shiftedBy, slotsOf } from './timing.js';
import { visible } from './visible.js';
import type { Attendee, CalendarEvent } from '../../domain/calendar.js';
import type { Act, Explanation, Pending } from './acts.js';
import { spelledOut } from './subject.js';
import { deedOf, windowOf } from './explain-act.js';
import { roomTurn } from './rooms.js';
import type { DialogState } from './state.js';
import { firstTimes } from '../../domain/repeat.js';
import { AppError } from '../../shared/errors.js';
import { ChangeNotMade } from './change-not-made.js';
import { lastListed, ORDINAL_PICK, pickByPlace, theOneRead } from './read-out.js';
import { isReminderDraft, ReminderRequests } from './reminder-requests.js';
import { aroundEvent } from './around-event.js';
import { FROM_NOW_ON, HOLD_ON, IT, SEVERAL_EVENTS, WHEN_IS } from './turn-words.js';
import type { DialogIntent, DialogSlots } from './understanding.js';
import { ChangeRequests } from './change-requests.js';
import { Confirmations } from './confirmations.js';
import { Corrections } from './corrections.js';
import { replyToInvitation } from './invitation-replies.js';
import { EventChanges } from './event-changes.js';
import { ENDS_AT, EventEdits } from './event-edits.js';
import { NewEvents } from './new-events.js';
import { replyWithMessage } from './reply-message.js';
import { Reads } from './reads.js';
import { RoomRequests, saysWhen } from './room-requests.js';
import { TimeAnswers } from './time-answers.js';
import { WHICH_AT_MOST, type Turn, type TurnDeps, type TurnInput, type TurnResult } from './turn-types.js';

export type { TurnDeps, TurnInput, TurnResult } from './turn-types.js';

/** "make it 15", "15", "how about 20": a number of minutes alone, as a change of a reminder waiting for "yes". */
const MINUTES_ALONE = /^(?:(?:no|actually|ok|make it|change it to|how about|let's say|say|instead)[,\s]+)*(\d{1,3})(?:\s+(?:instead|then|please))?[.!?]?$/i;
/** Questions about "it", the event just talked about ("where is it", "who's in it", "how long is that meeting"). */
const IT_WORD = String.raw`(?:it|that|that one|this one|that meeting|the meeting)`;
const ASKED_OF_IT: readonly (readonly ['where' | 'who' | 'length' | 'end', RegExp])[] = [
  ['where', new RegExp(String.raw`^(?:and )?(?:where(?: is|'s| will)?|what room is|which room is) ${IT_WORD}(?: be| held| at)?\??$`)],
  ['who', new RegExp(String.raw`^(?:and )?(?:who(?: is|'s| else is)? (?:in|invited to|coming to|going to|attending) ${IT_WORD}|who(?:'s| is) (?:coming|attending|invited|going)|who organi[sz]ed ${IT_WORD}|who (?:else )?will be there)\??$`)],
  ['length', new RegExp(String.raw`^(?:and )?how long(?: is|'s| will)? ${IT_WORD}(?: be| last| take)?\??$`)],
  ['end', new RegExp(String.raw`^(?:and )?(?:when|what time) (?:does|will) ${IT_WORD} (?:end|finish|be over|wrap up)\??$`)],
];
/** "and after that?", "what's after that", "the one after that", "and then?": the next one after the one just said. */
const AFTER_THAT = /^(?:and )?(?:(?:what's|whats|what is|what comes|what do i have|anything) )?(?:after (?:that|it|this|that one)|the one after(?: that| it)?|then)\??$|^what(?:'s| is) next after (?:that|it)\??$/;
/** "what's before that", "and before it": the meeting before the one talked about. */
const BEFORE_THAT = /^(?:and )?(?:(?:what's|whats|what is|what comes|what do i have|anything) )?(?:before (?:that|it|this|that one)|the one before(?: that| it)?)\??$/;
/** An edit's words about what waits for "yes" ("rename it to team lunch", "change the location to the boardroom"), not another event. */
const ABOUT_WHAT_WAITS = /\b(?:it|that)\b|\bthe (?:location|place|room|venue|name|title|subject|length|duration) to\b/i;
/** "now" alone, to "When should it be?" for a new event: from this minute. */
const NOW_ALONE = /^(?:right |just |from |starting )?now(?: please| then)?[.!]?$/i;

/** A guest's first name as said ("bob" of Bob Jones, or of bob.jones@ when no name is known). */
const firstNameOf = (a: Pick<Attendee, 'name' | 'email'>): string | undefined => nameWords(a.name ?? a.email?.split('@')[0] ?? '')[0];

/** Slots without a when: a room asked for "now" by default said no time of its own. */
function withoutWhen(s: DialogSlots): DialogSlots {
  const { start: _s, end: _e, window: _w, ...rest } = s;
  return rest;
}

/** Intents whose turn always ends with a new explanation, so the stored state is not needed to answer them. */
const REPLACES_STATE: ReadonlySet<DialogIntent> = new Set<DialogIntent>(['read_events', 'next_meeting', 'find_meeting', 'am_i_free', 'cancel_event', 'move_event']);

export class Dialog {
  readonly #rooms: RoomRequests;
  readonly #events: NewEvents;
  readonly #changes: EventChanges;
  readonly #reminders: ReminderRequests;
  readonly #reads: Reads;
  readonly #changeRequests: ChangeRequests;
  readonly #confirmations: Confirmations;
  readonly #corrections: Corrections;
  readonly #timeAnswers: TimeAnswers;
  readonly #edits: EventEdits;

  constructor(private readonly deps: TurnDeps) {
    this.#rooms = new RoomRequests(deps, (input, slots, done) => this.#events.create(input, slots, done));
    this.#events = new NewEvents(deps, this.#rooms);
    this.#changes = new EventChanges(deps, this.#rooms);
    this.#reminders = new ReminderRequests(deps, this.#changes, this.#events);
    this.#reads = new Reads(deps);
    this.#changeRequests = new ChangeRequests(this.#changes);
    this.#edits = new EventEdits(deps, this.#rooms);
    this.#confirmations = new Confirmations(deps, this.#changes, this.#edits);
    this.#corrections = new Corrections(deps, this.#changes);
    this.#timeAnswers = new TimeAnswers(this.#events, this.#changes);
  }

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
    // "decline the berlin sync and tell dave I'm off tomorrow": the request is understood without the words
    // for the organizer ("tomorrow" there is not the meeting's day), and they go with the answer.
    const withMessage = replyWithMessage(input.text);
    const request = withMessage && this.deps.understand(withMessage.request, { now: input.now, timeZone: input.timeZone });
    // ("move the standup to 10 from now on": the words for the whole series are no time; the dialog still sees them.)
    const asked = input.text.replace(FROM_NOW_ON, '');
    const said = request?.intent === 'respond_event' ? request : this.deps.understand(asked.trim() ? asked : input.text, { now: input.now, timeZone: input.timeZone });
    const message = said === request ? withMessage : undefined;
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
      // (An event just changed is "it" next: "move it 30 minutes earlier" after a move, at its new time.)
      const changed = act.kind === 'moved' ? { ...act.event, start: act.start, end: act.end ?? act.event.end } : act.kind === 'reminder_set' || act.kind === 'confirm_remind' || act.kind === 'room_added' || act.kind === 'responded' || act.kind === 'edited' || act.kind === 'confirm_edit' ? act.event : undefined;
      const aboutNow = act.kind === 'events' && oneSeries ? act.events[0] : act.kind === 'confirm_cancel' || act.kind === 'confirm_move' || act.kind === 'confirm_respond' || act.kind === 'created' ? act.event : changed;
      // (A search that found nothing forgets it too: "move it" then must not move the event talked about before.)
      const about = aboutNow ?? (act.kind === 'events' || act.kind === 'free' || act.kind === 'free_gaps' || act.kind === 'cancelled' || act.kind === 'moved' || act.kind === 'not_found' ? undefined : (await stateOf()).about);
      await this.deps.store.put(input.sessionId, input.user, { ...(pending ? { pending } : {}), ...(kept ? { explanation: kept } : {}), ...(about ? { about } : {}) });
      return { intent, act, events, ...(pending ? { pending } : {}), ...(made ? { explanation: made } : {}) };
    };
    const list = async (window: { start: string; end: string }) => {
      const all = await this.deps.provider.listEvents(input.user, window, input.timeZone);
      const { shown, leftOut } = visible(all);
      return { shown, all, explanation: { ...explanationBase, understood: understood(), window, leftOut } };
    };
    const t: Turn = { input, done, list, stateOf };
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
      if (u.intent === 'room_is_free') return this.#rooms.namedRoom(input, u.intent, s, done, otherRoom);
    }
    // "Bob Smith", "the second one": the answer to "Which Bob do you mean?" from the last turn. (An edit of an
    // event, "add ann to the retro", is a request of its own, not an answer.)
    // ("add ann to the retro" while a question waits is its own request; "rename it to X" is about what waits.)
    const editsAnother = s.unsupported !== undefined && !ABOUT_WHAT_WAITS.test(input.text);
    if ((u.intent === 'out_of_scope' && !editsAnother) || s.whenOnly || (u.intent === 'create_event' && !s.title && !s.start)) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'person') {
        const chosen = chooseCandidate(input.text, pending.candidates);
        intent = 'create_event';
        if (!chosen) return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
        const chosenFor = (names: readonly string[] | undefined) => names?.map((p) => (p === pending.name ? chosen.email : p));
        const optionalPeople = chosenFor(pending.create.optionalPeople);
        return this.#events.create(input, { ...pending.create, people: chosenFor(pending.create.people) ?? [], ...(optionalPeople ? { optionalPeople } : {}) }, done);
      }
    }
    // "the second one", "the lunch", "the 9am one": the answer to "Which one should I cancel?" from the last turn.
    if ((u.intent === 'out_of_scope' && !editsAnother) || u.intent === 'cancel_event' || u.intent === 'move_event' || u.intent === 'find_meeting' || s.whenOnly || (u.intent === 'create_event' && !s.start && !s.window)) {
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
        if (chosen) return this.#changes.change(input, chosen, change, target, done);
        // Not an answer that picks one: ask again, keeping the choices (a new request with a name is its own).
        if (!namesAnEvent(s) || u.intent === 'out_of_scope') return done({ kind: 'which_event', change: pending.change, candidates: pending.candidates }, pending.candidates, pending);
        intent = u.intent;
      }
      // "cancel the second one" after a read, with no "Which one?" asked: that one of the events just read, in the
      // order they were said (the proposal names it before "yes"); never "the 2nd" of a month.
      if (pending?.kind !== 'which' && (u.intent === 'cancel_event' || u.intent === 'move_event') && ORDINAL_PICK.test(input.text.toLowerCase())) {
        const change = u.intent === 'cancel_event' ? 'cancel' : 'move';
        const listed = await lastListed(t);
        const chosen = listed && pickByPlace(input.text, listed);
        if (chosen) return this.#changes.change(input, chosen, change, s, done);
        const candidates = listed?.events.slice(0, WHICH_AT_MOST) ?? [];
        const more = (listed?.events.length ?? 0) - candidates.length;
        if (candidates.length === 0) return done({ kind: 'which_event', change });
        return done({ kind: 'which_event', change, candidates, ...(more ? { more } : {}) }, candidates, { kind: 'which', change, candidates, ...(change === 'move' ? { target: pickTarget(s) } : {}) });
      }
      // "the second one" alone after a read: that event, said on its own (then "cancel it", "where is it" follow it).
      if (!pending && u.intent === 'out_of_scope' && ORDINAL_PICK.test(input.text.toLowerCase())) {
        const listed = await lastListed(t);
        const chosen = listed && pickByPlace(input.text, listed);
        if (chosen) {
          intent = 'find_meeting';
          return done({ kind: 'events', scope: 'find', label: '', events: [chosen] }, [chosen]);
        }
      }
    }
    // "move the budget review to 2", then "no, the standup": the same change, of the event now named.
    const corrected = await this.#corrections.anotherEvent(t, (i) => (intent = i));
    if (corrected) return corrected;
    // "add bob smith too", "with ann instead", "in the boardroom", "call it sprint review": the proposal
    // waiting for "yes", changed so.
    // ("sure, call it team lunch" reads to the classifier like a cancel of lunch: the words decide.)
    // ("remove dave", "drop the room" read as a cancel: to a waiting proposal they are edits.)
    const dropsFromProposal = u.intent === 'cancel_event' && /^\s*(?:but |and |actually,? )?(?:remove|drop|uninvite|take (?:out|off)|leave out|without|no)\s/i.test(input.text);
    // ("book the boardroom too": a room asked for with no time of its own is for the proposal, not for now.)
    const roomForIt = u.intent === 'room_book' && !saysWhen(u.slots);
    // "book the boardroom at 3 instead" to a proposal: that proposal, at that time, in that room (never a new
    // "Meeting" from the room's words alone).
    if (u.intent === 'room_book' && !roomForIt && !input.desk) {
      const { pending } = await stateOf();
      const room = roomNamed(input.text);
      if (pending?.kind === 'create' && room && !isReminderDraft(pending.draft)) {
        intent = 'create_event';
        return this.#timeAnswers.given(input, { kind: 'time', create: { ...slotsOf(pending.draft, input.timeZone), location: room }, proposed: pending.draft.start }, s, false, done, (i) => (intent = i));
      }
    }
    // ("add ann to the retro" while lunch waits: an edit of the retro, never a guest called "ann to the retro".)
    if (!editsAnother && (u.intent === 'out_of_scope' || dropsFromProposal || roomForIt || (u.intent === 'create_event' && !s.start && !s.window) || /\b(call|name|title|rename) it\b|\bthe (title|name|subject) to\b/i.test(input.text))) {
      const pending = (await stateOf()).pending;
      const said = pending?.kind === 'create' ? proposalEdit(input.text, roomForIt ? withoutWhen(s) : s) : undefined;
      // ("no, sorry", "no, ann" with Bob proposed: a guest meant only in place of one of that first name;
      // "book the flight too": a room only if the directory knows one so named.)
      const firstNames = new Set((pending?.kind === 'create' ? pending.draft.attendees ?? [] : []).filter((a) => a.kind !== 'resource').map(firstNameOf));
      const meantOk = !said?.meantPerson || firstNames.has(nameWords(said.meantPerson)[0]);
      const roomOk = !said?.room || ROOM_WORDS.test(said.location ?? '') || (await roomFor(this.deps.provider, said.location!)).kind !== 'none';
      // ("book the boardroom too" to a reminder: a reminder books no room.)
      const forReminder = pending?.kind === 'create' && isReminderDraft(pending.draft) && (said?.location !== undefined || said?.room);
      // (Said so, and the reminder still waits: the words are not a new meeting that drops it.)
      if (forReminder && roomOk) {
        intent = 'create_event';
        return done({ kind: 'confirm_create', draft: pending.draft, conflicts: [], reminderTakesNoRoom: true }, [], pending);
      }
      const change = meantOk && roomOk && !forReminder ? said : undefined;
      if (pending?.kind === 'create' && change) {
        intent = 'create_event';
        const { window: _, people: invited = [], ...asked } = slotsOf(pending.draft, input.timeZone);
        // "without ann": each guest whose name has the words said is left out.
        const removed = new Set((pending.draft.attendees ?? []).filter((a) => change.removePeople?.some((n) => namesPerson(n, a))).map((a) => a.email));
        // "no, bob smith" (Bob Jones proposed): the guest of that first name gives way to the one meant.
        const meantFirst = change.meantPerson ? nameWords(change.meantPerson)[0] : undefined;
        if (meantFirst) for (const a of pending.draft.attendees ?? []) if (a.kind !== 'resource' && firstNameOf(a) === meantFirst) removed.add(a.email);
        const added = [...(change.addPeople ?? []), ...(change.meantPerson ? [change.meantPerson] : [])];
        // "in the huddle room instead", "without the room": the room booked before is no longer asked for.
        if (change.location || change.removeRoom) for (const r of pending.draft.attendees ?? []) if (r.kind === 'resource') removed.add(r.email);
        if (change.removeRoom) delete asked.location;
        const people = change.replacePeople ?? [...invited.filter((e) => !removed.has(e)), ...added];
        const optionalPeople = [...(asked.optionalPeople ?? []), ...(change.optional ? (change.addPeople ?? []) : [])];
        return this.#events.create(input, { ...asked, start: pending.draft.start, end: pending.draft.end, ...(people.length ? { people } : {}), ...(optionalPeople.length ? { optionalPeople } : {}), ...(change.location ? { location: change.location } : {}), ...(change.title ? { title: change.title } : {}) }, done);
      }
    }
    // Reminders: set before an event, turned off, or changed on the proposal waiting.
    const reminded = await this.#reminders.take({ input, stateOf, done, lastListed: () => lastListed(t), theOneRead: () => theOneRead(t), answered: (i) => (intent = i) }, s);
    if (reminded) return reminded;
    // "push it back 30 minutes", "make it a day later": the proposal waiting for "yes" shifted, its length kept.
    if (s.shiftMinutes && !s.title && !s.people?.length) {
      const pending = (await stateOf()).pending;
      const by = (t: string) => shiftedBy(t, s.shiftMinutes!, input.timeZone);
      if (pending?.kind === 'create') {
        intent = 'create_event';
        const length = Date.parse(pending.draft.end) - Date.parse(pending.draft.start);
        return this.#events.propose(input, { ...pending.draft, start: by(pending.draft.start), end: iso(Date.parse(by(pending.draft.start)) + length) }, done);
      }
      if (pending?.kind === 'move') {
        intent = 'move_event';
        return this.#changes.confirmMove(input, pending.event, by(pending.start), done);
      }
    }
    // "make it every week", "weekly": the proposal waiting for "yes", made a series.
    if (s.repeat && !s.title && !s.people?.length && !s.start && !s.window) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create') {
        intent = 'create_event';
        // On the first day the series falls on ("every monday" to a Tuesday proposal: next Monday).
        const d = pending.draft;
        return this.#events.propose(input, { ...d, repeat: s.repeat, ...firstTimes(s.repeat, d.start, d.end, d.timeZone, Boolean(d.isAllDay)) }, done);
      }
    }
    // "until 11:30", "make it end at 5": the proposal waiting for "yes" ends then (on its own day), same start.
    if (s.endOnly && s.start && !s.title && !s.people?.length && u.intent !== 'create_event') {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'create' && !pending.draft.isAllDay) {
        const end = onDayOf(s.start, pending.draft.start, input.timeZone);
        if (Date.parse(end) > Date.parse(pending.draft.start)) {
          intent = 'create_event';
          return this.#events.propose(input, { ...pending.draft, end }, done);
        }
      }
    }
    // "make it 45 minutes": a new length for the event waiting for "yes" (or for its time).
    if (s.lengthSaid && s.durationMinutes !== undefined && !s.start && !s.window && !s.title && !s.people?.length && u.intent !== 'move_event') {
      const pending = (await stateOf()).pending;
      // ("make it an hour" to "Set a reminder 30 minutes before ...?": that long before instead.)
      if (pending?.kind === 'remind') return this.#reminders.again(pending, s.durationMinutes, input, done, (i) => (intent = i));
      if (pending?.kind === 'create' && !pending.draft.isAllDay) {
        intent = 'create_event';
        const { durationMinutes: _, ...asked } = slotsOf(pending.draft, input.timeZone);
        return this.#events.create(input, { ...asked, start: pending.draft.start, durationMinutes: s.durationMinutes, lengthSaid: true }, done);
      }
      if (pending?.kind === 'time' && 'create' in pending) {
        intent = 'create_event';
        const create = { ...pending.create, durationMinutes: s.durationMinutes, lengthSaid: true };
        return done({ kind: 'need_time', title: create.title ?? 'it' }, [], { kind: 'time', create });
      }
    }
    // "what about the week after", "and the day after that": the last read's window, a week or a day on.
    // ("the week after next" is a week of its own, two on from this one.)
    const onward = /\b(?:the )?(week|day) after\b(?! next\b)|\bthe following (week|day)\b/.exec(input.text.toLowerCase());
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
    // ("make it 15", "no, make it 25" to "Set a reminder 30 minutes before ...?": a number alone is minutes before, not 3 PM.)
    const minutesAlone = MINUTES_ALONE.exec(input.text.trim());
    if (minutesAlone) {
      const { pending } = await stateOf();
      if (pending?.kind === 'remind' && Number(minutesAlone[1]) > 0) return this.#reminders.again(pending, Number(minutesAlone[1]), input, done, (i) => (intent = i));
    }
    const bareWhen = (s.start || s.window) && s.whenOnly && !s.title && !s.people?.length;
    const unnamedMove = u.intent === 'move_event' && !s.title && !s.people?.length && !s.start && !s.window;
    if (bareWhen || unnamedMove) {
      const pending = (await stateOf()).pending;
      if (pending?.kind === 'time') return this.#timeAnswers.given(input, pending, s, unnamedMove, done, (i) => (intent = i));
      // "actually, make it 2pm" to a proposal waiting for "yes": the same proposal at the new time.
      if (pending?.kind === 'create') return this.#timeAnswers.given(input, { kind: 'time', create: slotsOf(pending.draft, input.timeZone), proposed: pending.draft.start }, s, unnamedMove, done, (i) => (intent = i));
      if (pending?.kind === 'move') return this.#timeAnswers.given(input, { kind: 'time', move: pending.event, proposed: pending.start, ...(pending.saidZone ? { saidZone: pending.saidZone } : {}) }, s, unnamedMove, done, (i) => (intent = i));
      // "cancel lunch tomorrow", then "friday": the same cancel, on the day said.
      if (pending?.kind === 'cancel' && bareWhen) {
        intent = 'cancel_event';
        s = { ...s, title: pending.event.subject };
      }
      // "when is the design review", then "move it to thursday": "it" is the event just found.
      // (The one event the last answers were about, when there is one, is "it" as said: that occurrence.)
      if (unnamedMove && !pending && !(await stateOf()).about) s = { ...s, ...theOneFound((await stateOf()).explanation?.understood) };
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
    // "what's on wednesday", then "add a call with ann at 3" or "cancel the 11am": that day too, when one day
    // still to come was read (the proposal says the day before "yes").
    if ((intent === 'create_event' || intent === 'cancel_event' || intent === 'move_event') && !bareWhen && !s.saidDay && s.start && !fromNow && !s.reminder) {
      const lastTurn = (await stateOf()).explanation;
      const read = lastTurn?.window && /^(read_events|am_i_free)\b/.test(lastTurn.understood) ? lastTurn.window : undefined;
      const oneDay = read && Date.parse(read.end) - Date.parse(read.start) <= 25 * 3_600_000 && Date.parse(read.end) > input.now.getTime();
      // ("move the 11am to 2": a new time said without a day is on the event's day, as the event is now on the read's.)
      const sameDay = (a: string, b: string) => DateTime.fromISO(a, { zone: input.timeZone }).hasSame(DateTime.fromISO(b, { zone: input.timeZone }), 'day');
      if (read && oneDay && intent === 'move_event' && s.newStart && !s.newTimeOnly && sameDay(s.newStart, s.start)) s = { ...s, newTimeOnly: true };
      if (read && oneDay) s = onTheDayOf(s, read.start, input.timeZone);
    }
    // "where is it", "who is in it", "how long is it", "when does it end": about the event just talked about.
    const askedOfIt = ASKED_OF_IT.find(([, re]) => re.test(input.text.toLowerCase().trim()))?.[0];
    if (askedOfIt && (intent === 'out_of_scope' || intent === 'find_meeting' || intent === 'read_events') && !namesAnEvent(s)) {
      const { about } = await stateOf();
      if (about) {
        intent = 'find_meeting';
        return done({ kind: 'events', scope: 'find', label: '', events: [about], asked: askedOfIt }, [about]);
      }
    }
    // "what's my next meeting", then "and after that?": the meeting after the one just said.
    const saidAfter = AFTER_THAT.test(input.text.toLowerCase().trim());
    const saidBefore = !saidAfter && BEFORE_THAT.test(input.text.toLowerCase().trim());
    if ((saidAfter || saidBefore) && (intent === 'out_of_scope' || intent === 'next_meeting' || intent === 'read_events')) {
      const { about, explanation: lastTurn, pending } = await stateOf();
      // The event talked about; after a read of a day, its last event read out ("what's after that") or its first ("before that").
      const read = !about && !pending ? await lastListed(t) : undefined;
      const timed = read?.events.filter((e) => !e.isAllDay) ?? [];
      const anchor = about && !pending && /^(next_meeting|find_meeting)\b/.test(lastTurn?.understood ?? '') ? about : saidAfter ? timed[timed.length - 1] : timed[0];
      if (anchor) {
        intent = 'next_meeting';
        const found = (e: CalendarEvent) => !e.isAllDay && !e.isCancelled && e.id !== anchor.id;
        const window = saidAfter ? { start: anchor.start, end: localDaysFrom(input.now, NEXT_WITHIN_DAYS, input.timeZone) } : { start: localDaysFrom(new Date(Date.parse(anchor.start)), -1, input.timeZone), end: anchor.start };
        const { shown, explanation } = await list(window);
        const other = saidAfter ? shown.find((e) => found(e) && Date.parse(e.start) >= Date.parse(anchor.start)) : shown.filter((e) => found(e) && Date.parse(e.end) <= Date.parse(anchor.start)).at(-1);
        if (!other) return done({ kind: 'events', scope: 'next', label: '', events: [], query: `meeting ${saidAfter ? 'after' : 'before'} ${anchor.subject}` }, [], undefined, explanation);
        return done({ kind: 'events', scope: 'find', label: '', events: [other] }, [other], undefined, { ...explanation, understood: `next_meeting ${JSON.stringify({ title: other.subject })}` });
      }
    }
    // "cancel it" with nothing waiting for "yes" (otherwise a "no"): the event a find just named, if any.
    if (intent === 'deny' && /^(cancel|delete|remove) (it|that)\b/.test(input.text.toLowerCase().trim())) {
      const state = await stateOf();
      // (The one event the last answers were about, when there is one: that occurrence, not the first of its name.)
      const found = state.pending ? {} : state.about ? {} : theOneFound(state.explanation?.understood);
      if (!state.pending && state.about) intent = 'cancel_event';
      else if (found.title || found.people) {
        intent = 'cancel_event';
        s = { ...s, ...found };
      } else if (!state.pending) {
        // "what's on thursday" (one event), then "cancel it": that one; after several, which of them.
        intent = 'cancel_event';
        const offered = await this.#changeRequests.itAfterARead(t, 'cancel', s);
        if (offered) return offered;
        intent = 'deny';
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
        return this.#rooms.namedRoom(input, intent, booking ? rest : s, done, name);
      }
      // "is ann free tomorrow at 2", "is dave busy friday": someone else's free/busy, never the asker's.
      if (asking) {
        const who = await this.#events.guest(name!, input.user);
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
      return this.#reads.around(t, around, s);
    }
    switch (intent) {
      case 'read_events':
        return this.#reads.readEvents(t, s);
      case 'next_meeting':
        return this.#reads.nextMeeting(t, s);
      case 'find_meeting':
        return this.#reads.findMeeting(t, s);
      case 'am_i_free':
        return this.#reads.amIFree(t, s);
      case 'create_event': {
        // ("make the design review end at 11am" can read as a new event that ends then: an event's new end.)
        if (ENDS_AT.test(input.text)) {
          intent = 'edit_event';
          const edited = await this.#edits.ask(t, s);
          if (edited) return edited;
          intent = 'create_event';
        }
        return this.#events.create(input, s, done);
      }
      case 'respond_event':
        return replyToInvitation(message ? { ...t, input: { ...input, text: message.request } } : t, s, message);
      case 'cancel_event':
      case 'move_event':
        return this.#changeRequests.ask(t, intent === 'cancel_event' ? 'cancel' : 'move', s);
      case 'confirm':
        return this.#confirmations.yes(t);
      case 'deny':
        return done((await stateOf()).pending ? { kind: 'dropped', ...((await stateOf()).pending?.kind === 'more' ? { read: true } : {}) } : { kind: 'nothing_pending' });
      case 'why':
        return done({ kind: 'explain', explanation: (await stateOf()).explanation }, [], (await stateOf()).pending);
      case 'out_of_scope': {
        // A change waiting for "yes" does not survive words that were not understood ("wait no"): a later
        // "yes" must not carry it out. Questions ("When should it be?", "Which Bob?", "Want to hear them?") stay.
        const pending = (await stateOf()).pending;
        // "add bob to the budget review", "extend it by 15 minutes", "rename the standup to daily sync".
        // (The intent is set first: the answer is made inside, and says what was acted on.) ("rename it to team
        // lunch" to a new event waiting is about that event, which the edits cannot change: refused below.)
        const ofTheNewOne = ABOUT_WHAT_WAITS.test(input.text) && (pending?.kind === 'create' || pending?.kind === 'time' || pending?.kind === 'person');
        if ((s.unsupported || (s.endOnly && ENDS_AT.test(input.text))) && !ofTheNewOne) {
          intent = 'edit_event';
          const edited = await this.#edits.ask(t, s);
          if (edited) return edited;
          intent = 'out_of_scope';
        }
        // "more", "go on" after "Want to hear them?": a yes to that question.
        if (pending?.kind === 'more' && asksForMore(input.text)) {
          intent = 'confirm';
          return this.#confirmations.yes(t);
        }
        // "now" to "When should it be?" for a new event (a room booked on the spot): from this minute.
        if (pending?.kind === 'time' && 'create' in pending && NOW_ALONE.test(input.text.trim())) return this.#timeAnswers.given(input, pending, { raw: [], start: iso(input.now.getTime()) }, false, done, (i) => (intent = i));
        // A question waiting for its answer is asked again ("When should it be?"), not dropped into silence.
        if (pending?.kind === 'time') return done({ kind: 'need_time', title: 'create' in pending ? pending.create.title ?? 'it' : pending.move.subject }, [], pending);
        if (pending?.kind === 'person') return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
        if (pending?.kind === 'which') return done({ kind: 'which_event', change: pending.change, ...(pending.candidates.length ? { candidates: pending.candidates } : {}) }, pending.candidates, pending);
        // "wait", "hold on", "let me think": nothing decided yet; the proposal keeps waiting, and says so.
        if (HOLD_ON.test(input.text.trim()) && (pending?.kind === 'create' || pending?.kind === 'cancel' || pending?.kind === 'move' || pending?.kind === 'respond' || pending?.kind === 'remind' || pending?.kind === 'edit' || pending?.kind === 'add_room')) {
          return done({ kind: 'holding', change: pending.kind, subject: pending.kind === 'create' ? spelledOut(pending.draft.subject) : 'series' in pending && pending.series ? `every ${pending.event.subject}` : pending.event.subject }, [], pending);
        }
        // "when is book club": words read as another assistant's question ("when is the next lakers game")
        // are a calendar question when the calendar has an event of that name; otherwise still refused.
        if (!pending && s.title && WHEN_IS.test(input.text)) {
          const { act, explanation } = await this.#reads.findNamed(t, s);
          if (act.kind === 'events') {
            intent = 'find_meeting';
            return done(act, act.events, undefined, explanation);
          }
        }
        // What was dropped is named: the person must not think it still waits for "yes".
        const dropped = pending?.kind === 'create' ? { change: 'create' as const, subject: spelledOut(pending.draft.subject) } : pending?.kind === 'cancel' || pending?.kind === 'move' || pending?.kind === 'respond' || pending?.kind === 'remind' || pending?.kind === 'edit' || pending?.kind === 'add_room' ? { change: pending.kind, subject: pending.event.subject } : undefined;
        return done({ kind: 'refuse', ...(dropped ? { dropped } : {}), ...(s.unsupported ? { unsupported: s.unsupported } : {}) }, [], dropped ? undefined : pending);
      }
      case 'room_find':
        return this.#rooms.findRoom(input, s, done);
      case 'room_extend':
        // ("extend it by 30 minutes" off a room's device: the meeting talked about, or the one under way, longer.)
        if (!input.desk && s.durationMinutes) {
          // ("extend it by 15 minutes" to a new event waiting for "yes": that proposal, longer.)
          const { pending } = await stateOf();
          if (pending?.kind === 'create' && !pending.draft.isAllDay && IT.test(input.text)) {
            intent = 'create_event';
            return this.#events.propose(input, { ...pending.draft, end: iso(Date.parse(pending.draft.end) + s.durationMinutes * MINUTE) }, done);
          }
          intent = 'edit_event';
          return this.#edits.extend(t, s.durationMinutes);
        }
        return this.#rooms.namedRoom(input, u.intent, s, done);
      default:
        return this.#rooms.namedRoom(input, u.intent, s, done);
    }
  }

}

export type { Attendee };

