import type { AskedOfEvent } from '../../domain/request.js';
import type { Attendee, CalendarEvent, EventDraft, Person, TimeWindow } from '../../domain/calendar.js';
import type { Repeat } from '../../domain/repeat.js';
import type { AccessPath, DirectoryEntry, MeetingReply, SeriesCallOff } from '../../providers/calendar-provider.js';
import type { Booking, DeskOutcome, FoundRoom, RoomQuestion, RoomStatus } from './rooms.js';
import type { DialogSlots } from './understanding.js';

/** Why the answer is what it is: the "why?" answer and the API's `explain` field. */
export interface Explanation {
  readonly mailbox: string;
  readonly calendar: string;
  readonly timeZone: string;
  readonly access: AccessPath;
  readonly window?: { readonly start: string; readonly end: string };
  readonly leftOut: readonly { readonly subject: string; readonly start: string; readonly reason: string }[];
  readonly understood: string;
  /** What the turn did besides reading, when it did something else: "why?" says it. */
  readonly did?: TurnDeed;
}

/** What a turn did that "why?" explains: refused, checked a time for clashes, wrote, declined to change someone else's event, or failed. */
export type TurnDeed =
  | { readonly kind: 'refused' }
  | { readonly kind: 'checked_clashes' }
  | { readonly kind: 'wrote'; readonly change: 'create' | 'cancel' | 'move' | 'respond' | 'room' | 'remind' | 'edit'; readonly subject: string }
  /** (`start`: the event's, so "no, the standup" next is the standup of that day.) */
  | { readonly kind: 'not_organizer'; readonly change: OrganizerChange; readonly subject: string; readonly organizer: string; readonly start?: string; readonly target?: Partial<DialogSlots> }
  /** The turn failed (Exchange refused, was busy or unreachable): what went wrong and how it is fixed. */
  | { readonly kind: 'failed'; readonly message: string; readonly hint: string; readonly nothingChanged: boolean };

/** Changes only an event's organizer makes for everyone. */
export type OrganizerChange = 'cancel' | 'move' | 'add a room to' | 'change';

/** An edit of an existing event, made definite: the guests found, the new end, name or place. */
export type EditAsked =
  /** (`already`: people named who are invited already, said so rather than left out unsaid.) */
  /** (`optional`: "invite dave to the retro as optional", invited as an optional attendee.) */
  | { readonly kind: 'invite' | 'uninvite'; readonly people: readonly Person[]; readonly already?: readonly string[]; readonly optional?: true }
  | { readonly kind: 'length'; readonly end: string }
  | { readonly kind: 'rename'; readonly subject: string }
  /** `room`: a room booked as the new place, in place of the rooms in `releases`; a place that is no room releases them too. */
  | { readonly kind: 'place'; readonly location: string; readonly room?: { readonly email: string; readonly name: string }; readonly releases?: readonly string[] };

/** Long days are summarised: this many events are read out, and the rest offered ("Want to hear the rest?"). */
export const READ_AT_MOST = 5;

/** What the dialog decided to say: data, not words. The renderer turns it into text and SSML. */
export type Act =
  /** `with`: a read filtered by the people said ("what do i have with carol tomorrow"), as said. */
  /** `repeats`: over several days, the occurrences of a series that are said once (they are in `events` too). */
  | { readonly kind: 'events'; readonly scope: 'window' | 'next' | 'find' | 'rest'; readonly label: string; readonly events: readonly CalendarEvent[]; readonly repeats?: readonly (readonly CalendarEvent[])[]; readonly query?: string; readonly with?: readonly string[]; readonly past?: boolean; readonly asked?: AskedOfEvent; readonly count?: boolean; readonly around?: { readonly edge: 'before' | 'after'; readonly subject: string; readonly start: string }; readonly underWay?: CalendarEvent; readonly allDayFirst?: CalendarEvent; readonly counted?: string; readonly more?: number }
  /** `askedBusy`: the question was "am i busy", so "yes" means `busy` is not empty. */
  /** `gaps`: asked about a stretch ("am i free tomorrow afternoon"), the free time in it besides what is busy. */
  | { readonly kind: 'free'; readonly label: string; readonly busy: readonly CalendarEvent[]; readonly askedBusy?: boolean; readonly gaps?: readonly TimeWindow[] }
  /** "When am I free tomorrow?": the free stretches of `span`, each at least `minutes` long when a length was said. */
  | { readonly kind: 'free_gaps'; readonly days: readonly { readonly span: TimeWindow; readonly gaps: readonly TimeWindow[] }[]; readonly minutes?: number }
  /**
   * `notInvited`: names said as guests that the directory does not know (kept in the title, not invited).
   * `skipped`: the time said does not exist that day (clocks spring forward): the proposal is the gap later, and says so.
   * `freeRooms`: "find me a room": the rooms free then, the first of them in the proposal; `seatsAsked`:
   * "for 6 people" when the proposed room's seats are unknown (none entered under Rooms).
   * `roomNotFound`: a place said as a room ("in the board room") that no room mailbox is: kept as the
   * location, nothing booked.
   * `onceOnly`: a repeat was asked for ("every monday"), and only the first event is proposed.
   * `busyRooms`: rooms in the draft that free/busy shows taken then (their calendars will decline).
   * `inThePast`: the time has already passed (allowed, and said before "yes").
   */
  | { readonly kind: 'confirm_create'; readonly draft: EventDraft; readonly conflicts: readonly CalendarEvent[]; readonly notInvited?: readonly string[]; readonly roomNotFound?: string; readonly skipped?: { readonly said: string; readonly minutes: number }; readonly freeRooms?: readonly string[]; readonly seatsAsked?: number; readonly smallRooms?: readonly { readonly name: string; readonly seats: number; readonly asked: number }[]; readonly roomListsEmpty?: boolean; readonly busyRooms?: readonly string[]; readonly onceOnly?: boolean; readonly inThePast?: boolean; readonly reminderTakesNoRoom?: true }
  /** `repeat`: the event is the first of a series made so. */
  | { readonly kind: 'created'; readonly event: CalendarEvent; readonly repeat?: Repeat; readonly repeatZone?: string; readonly remindBefore?: number; readonly reminder?: boolean }
  /** `firstOfSeveral`: the request named more events ("my 2pm and my 3pm"); this is the first, the rest wait. */
  /** `series`: the whole series from `event` (its next occurrence) on ("cancel the standup series"). */
  /** (`changedOnes`: occurrences of the series changed or cancelled on their own, which a change of the series puts back; `notBegun`: none of it has begun.) */
  | { readonly kind: 'confirm_cancel'; readonly event: CalendarEvent; readonly firstOfSeveral?: boolean; readonly series?: true; readonly changedOnes?: number; readonly notBegun?: true }
  /** `series`: what calling the series off did (deleted whole, or ended on a day); `begun`: `event` had begun by the "yes", and stays. */
  | { readonly kind: 'cancelled'; readonly event: CalendarEvent; readonly series?: SeriesCallOff; readonly begun?: true }
  /** `busyRooms`: the event's rooms booked by something else at the new time (they will decline the move). */
  | { readonly kind: 'confirm_move'; readonly event: CalendarEvent; readonly start: string; readonly end: string; readonly conflicts: readonly CalendarEvent[]; readonly busyRooms?: readonly string[]; readonly inThePast?: boolean; readonly firstOfSeveral?: boolean; readonly skipped?: { readonly said: string; readonly minutes: number }; readonly saidZone?: string; readonly series?: true; readonly changedOnes?: number }
  /** `rooms`: the rooms' answers to the new time, read back after the move (a room may decline it). */
  | { readonly kind: 'moved'; readonly event: CalendarEvent; readonly start: string; readonly end?: string; readonly rooms?: readonly Attendee[]; readonly series?: true }
  /** "move all my standups": a whole series moves to another time of day only; `day` asked another day, `time` none, `same` its own. */
  | { readonly kind: 'series_move_refused'; readonly event: CalendarEvent; readonly reason: 'day' | 'time' | 'same' }
  | { readonly kind: 'ask_person'; readonly name: string; readonly candidates: readonly DirectoryEntry[] }
  | { readonly kind: 'unknown_person'; readonly name: string }
  /** `within`: the part of a day said for a move ("to thursday afternoon") that the event's own hour is not in. */
  | { readonly kind: 'need_time'; readonly title: string; readonly within?: TimeWindow; readonly reminder?: boolean; readonly remindAbout?: boolean }
  /** "move the offsite to 2pm": an all-day event moves by days; which day? */
  | { readonly kind: 'all_day_needs_day'; readonly event: CalendarEvent }
  /** A meeting its organizer cancelled, still on the calendar: remove it? Then: removed. */
  | { readonly kind: 'confirm_remove_cancelled'; readonly event: CalendarEvent }
  | { readonly kind: 'removed_cancelled'; readonly event: CalendarEvent }
  /** "remind me 30 minutes before the budget review": the event's own reminder, set once "yes" is said. */
  /** `minutes` 'off': the event's reminder turned off ("cancel the reminder for the budget review"). */
  /** `series`: every occurrence of `event`'s series ("remind me before every standup"). */
  | { readonly kind: 'confirm_remind'; readonly event: CalendarEvent; readonly minutes: number | 'off'; readonly series?: true }
  | { readonly kind: 'reminder_set'; readonly event: CalendarEvent; readonly minutes: number | 'off'; readonly series?: true }
  /** ... when it starts sooner than that. */
  | { readonly kind: 'reminder_too_late'; readonly event: CalendarEvent; readonly minutes: number }
  /** The event named was cancelled by its organizer (it still sits on the calendar, marked so). */
  | { readonly kind: 'was_cancelled'; readonly event: CalendarEvent }
  /**
   * `at`: the request named the event by its start ("cancel my 2:30") and nothing starts then.
   * `pastDays`: the question was about the past, and this many days back were read.
   */
  | { readonly kind: 'not_found'; readonly query: string; readonly at?: string; readonly pastDays?: number }
  /** A change was asked for, but nothing said which event ("cancel it"): ask, never pick one. */
  /** `candidates`: the events that fit what was said, when the words single none of them out. */
  | { readonly kind: 'which_event'; readonly change: 'cancel' | 'move' | 'find' | 'remind' | 'remind_off' | 'change'; readonly candidates?: readonly CalendarEvent[]; readonly more?: number }
  /** Someone else organizes it: only they can cancel or move it for everyone. */
  /** (`target`: where a refused move was to go, as the turn read it: "no, the standup" next moves the standup there.) */
  | { readonly kind: 'not_organizer'; readonly event: CalendarEvent; readonly change: OrganizerChange; readonly target?: Partial<DialogSlots> }
  /** "book the boardroom for the budget review": the room added to that meeting? `taken`: the room is booked then and will decline. */
  | { readonly kind: 'confirm_add_room'; readonly event: CalendarEvent; readonly room: string; readonly taken: boolean }
  /** The room is on the meeting now; `response` is what its calendar answered. */
  | { readonly kind: 'room_added'; readonly event: CalendarEvent; readonly room: string; readonly response: string }
  /** Several meetings fit the one a room was asked for: said, for the request to be made again with its day or time. */
  | { readonly kind: 'add_room_which'; readonly room: string; readonly candidates: readonly CalendarEvent[] }
  /** "book the boardroom for the budget review" when the room is already on it. */
  | { readonly kind: 'room_already_booked'; readonly event: CalendarEvent; readonly room: string }
  /** One occurrence of a series asked to move to or past the next (or previous) one: Exchange keeps a series in order. */
  | { readonly kind: 'cannot_pass_occurrence'; readonly event: CalendarEvent; readonly start: string; readonly neighbour: CalendarEvent }
  | { readonly kind: 'nothing_pending' }
  /** "decline the product review": proposed, then sent; `respond_own`: the asker organizes it, so there is nothing to answer. */
  /** `message`: words for the organizer, sent with the answer; `noMessage`: one was asked for ("and tell dave") with no words. */
  /** (`saidTo`: the message was said for someone who does not organize it: "tell dave" of Bob's meeting.) */
  | { readonly kind: 'confirm_respond'; readonly event: CalendarEvent; readonly reply: MeetingReply; readonly message?: string; readonly noMessage?: true; readonly saidTo?: string }
  | { readonly kind: 'responded'; readonly event: CalendarEvent; readonly reply: MeetingReply; readonly message?: string }
  | { readonly kind: 'respond_own'; readonly event: CalendarEvent; readonly reply: MeetingReply }
  /** "wait", "hold on": the proposal still waits for yes or no. */
  | { readonly kind: 'holding'; readonly change: 'create' | 'cancel' | 'move' | 'respond' | 'remind' | 'edit' | 'add_room'; readonly subject: string }
  /**
   * A change of many events at once: a whole series ("cancel all my standups"), everything in a window
   * ("clear my afternoon"). Refused by name: the assistant changes one event (one occurrence) at a time.
   */
  /** (`several`: the names of the different events a series' name found, "cancel every review"; `sameName`: some share one.) */
  | { readonly kind: 'many_at_once'; readonly change: 'cancel' | 'move'; readonly what: 'series' | 'all'; readonly title?: string; readonly several?: readonly string[]; readonly sameName?: true }
  /** `read`: what was dropped was the rest of a read ("Want to hear them?" - "no"), not a change. */
  | { readonly kind: 'dropped'; readonly read?: boolean }
  | { readonly kind: 'explain'; readonly explanation: Explanation | undefined }
  | { readonly kind: 'rooms_not_set_up' }
  /** A "yes" to a write proposed longer ago than the dialog keeps it: not done. */
  | { readonly kind: 'proposal_expired'; readonly minutes: number }
  /** A room named away from its device: `free` from its free/busy (absent when Exchange would not say). */
  /** `busy`: when it is booked within the window (a long window, "friday", is answered with them). */
  | { readonly kind: 'named_room_free'; readonly room: string; readonly window: { readonly start: string; readonly end: string }; readonly free?: boolean; readonly busy?: readonly { readonly start: string; readonly end: string }[]; readonly person?: boolean }
  /** "who booked the fishbowl tomorrow at 2": its bookings then, with who made them unless only free/busy could be read. */
  | { readonly kind: 'room_bookers'; readonly room: string; readonly window: { readonly start: string; readonly end: string }; readonly bookings: readonly { readonly start: string; readonly end: string; readonly by?: string }[]; readonly timesOnly?: boolean }
  /** "book the boardroom" said to another room's device, which books only its own room. */
  | { readonly kind: 'book_elsewhere'; readonly here: string; readonly asked: string }
  /** "find me a room for the budget review": a room added to a meeting already made, which is not done here. */
  | { readonly kind: 'room_for_event'; readonly event: string }
  /** "find me a room tomorrow": a day is not yet a time to book. */
  | { readonly kind: 'room_needs_time' }
  /** "find me a room tomorrow at 2": none of the rooms is free then (`listed`: how many were asked), or none is listed. */
  | { readonly kind: 'no_free_room'; readonly window: { readonly start: string; readonly end: string }; readonly listed: number; readonly unread?: number; readonly tooSmall?: number }
  /** "is the boardroom free" with Boardroom North and Boardroom South: which one, never a guess. */
  | { readonly kind: 'which_room'; readonly name: string; readonly candidates: readonly string[]; readonly person?: boolean }
  /** `noRoomLists`: Exchange lists no rooms at all, so none can be found by name. */
  | { readonly kind: 'unknown_room'; readonly name: string; readonly noRoomLists?: boolean }
  // Requests made in a room (see rooms.ts): a question about the room, an action's outcome, free rooms.
  | { readonly kind: 'room_status'; readonly question: RoomQuestion; readonly status: RoomStatus }
  | { readonly kind: 'room_outcome'; readonly outcome: DeskOutcome; readonly status: RoomStatus }
  | { readonly kind: 'room_found'; readonly minutes: number; readonly rooms: readonly FoundRoom[]; readonly status: RoomStatus; readonly start?: string; readonly seats?: number }
  /** "Is this room free tomorrow at 3?": the bookings of that time (`status` holds that day). `span`: a day or part of one was asked ("tomorrow"), not a time. */
  | { readonly kind: 'room_free_at'; readonly status: RoomStatus; readonly start: string; readonly end: string; readonly clash: readonly Booking[]; readonly span?: true }
  /** "Book this room tomorrow at 3": the room's device books from now only, so nothing was booked. */
  | { readonly kind: 'room_book_later'; readonly status: RoomStatus; readonly start: string; readonly span?: true }
  /** Not a calendar request; `dropped` when a change waiting for "yes" was dropped with it. */
  /** `unsupported`: a change to an event the assistant does not make, named in the answer. */
  /** A change waited for "yes" while the event was moved (or deleted, `now` undefined) elsewhere: not carried out. */
  | { readonly kind: 'changed_since'; readonly event: CalendarEvent; readonly now?: CalendarEvent; readonly change: 'cancel' | 'move' | 'add a room to' | 'remind' | 'change' }
  /** "add bob to the budget review", "extend it by 15 minutes": the edit, waiting for "yes"; then done. */
  /** `series`: of every occurrence of `event`'s series (its guests or its name). */
  | { readonly kind: 'confirm_edit'; readonly event: CalendarEvent; readonly edit: EditAsked; readonly conflicts?: readonly CalendarEvent[]; readonly busyRooms?: readonly string[]; readonly series?: true; readonly changedOnes?: number }
  /** `declinedBy`: rooms that declined the event as changed (booked in the longer time). */
  | { readonly kind: 'edited'; readonly event: CalendarEvent; readonly edit: EditAsked; readonly declinedBy?: readonly string[]; readonly series?: true }
  /** "change the location of every standup to building 4": a series' place, refused by name. */
  | { readonly kind: 'series_edit_refused'; readonly event: CalendarEvent }
  /** An edit with nothing to do, or none that can be made: already invited, not invited, all day, too short, the same length. */
  | { readonly kind: 'edit_unneeded'; readonly event: CalendarEvent; readonly why: 'invited' | 'not_invited' | 'all_day' | 'too_short' | 'too_long' | 'same_length' | 'same_name' | 'ends_before'; readonly name?: string; readonly end?: string }
  | { readonly kind: 'refuse'; readonly dropped?: boolean | { readonly change: 'create' | 'cancel' | 'move' | 'respond' | 'remind' | 'edit' | 'add_room'; readonly subject: string }; readonly unsupported?: 'length' | 'guests' | 'rename' | 'location' };

/** What waits for "yes": stored between turns (in the database on the server). */
export type Pending =
  // `proposedAt`: when the write was proposed; a "yes" after DIALOG_TTL_MS does not carry it out, however
  // often the state was stored again meanwhile ("why?" keeps what waits).
  | { readonly kind: 'create'; readonly draft: EventDraft; readonly proposedAt?: string }
  | { readonly kind: 'remind'; readonly event: CalendarEvent; readonly minutes: number | 'off'; readonly proposedAt?: string; readonly series?: true }
  /** "add bob to the budget review": the edit to make. */
  | { readonly kind: 'edit'; readonly event: CalendarEvent; readonly edit: EditAsked; readonly proposedAt?: string; readonly series?: true }
  /** `series`: the series `event` belongs to is called off from the "yes" on, not `event` alone. */
  | { readonly kind: 'cancel'; readonly event: CalendarEvent; readonly proposedAt?: string; readonly series?: true }
  /** `series`: every occurrence of `event`'s series moves to the time of day (and length) given `event`. */
  | { readonly kind: 'move'; readonly event: CalendarEvent; readonly start: string; readonly end: string; readonly proposedAt?: string; readonly saidZone?: string; readonly series?: true }
  /** "book the boardroom for the budget review": the room to add to that meeting. */
  | { readonly kind: 'add_room'; readonly event: CalendarEvent; readonly room: { readonly email: string; readonly name: string }; readonly proposedAt?: string }
  /** "decline the product review": the answer to send to its organizer. */
  /** (`messageTo`: whom the message was said for, "tell dave ...": checked again if another meeting is meant.) */
  | { readonly kind: 'respond'; readonly event: CalendarEvent; readonly reply: MeetingReply; readonly message?: string; readonly messageTo?: string; readonly proposedAt?: string }
  /** A long day was summarised: "yes" reads these, the events not read out yet. */
  | { readonly kind: 'more'; readonly events: readonly CalendarEvent[] }
  /** "When should it be?" was asked: the next time said completes this new event or this move. */
  /** `proposed`: the start of the proposal this answer corrects ("no, friday" keeps its time of day). */
  | { readonly kind: 'time'; readonly create: DialogSlots; readonly proposed?: string }
  /** `proposed`: the target of the move this answer corrects ("make it 4pm" stays on that day). */
  | { readonly kind: 'time'; readonly move: CalendarEvent; readonly proposed?: string; readonly saidZone?: string }
  /** "Which Bob do you mean?" was asked: the next answer picks one of these for `name` in this new event. */
  | { readonly kind: 'person'; readonly create: DialogSlots; readonly name: string; readonly candidates: readonly DirectoryEntry[] }
  /** "Which one should I cancel: ...?": the events offered, and for a move where to (as said). */
  | { readonly kind: 'which'; readonly change: 'cancel' | 'move'; readonly candidates: readonly CalendarEvent[]; readonly target?: Pick<DialogSlots, 'newStart' | 'newDay' | 'newWeek' | 'shiftMinutes' | 'newTimeOnly' | 'saidZone'> };
