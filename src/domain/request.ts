import type { TimeWindow } from './calendar.js';
import type { Repeat } from './repeat.js';

/** A span of the request as said, typed the SLURP way (date, time, person, event_name, ...). */
/** What is asked about one event rather than when it is. */
export type AskedOfEvent = 'where' | 'who' | 'length' | 'end' | 'until' | 'organizer';

export interface SaidSpan {
  readonly type: string;
  readonly value: string;
}

/**
 * What a calendar request says, whichever channel understood it (the NLU from words, Alexa from its
 * slots): the one shape the dialog decides from. Instants are ISO 8601 (UTC), resolved in the user's zone.
 */
export interface RequestSlots {
  /** The event's title (an event name, a meal, or what a reminder is for). */
  readonly title?: string;
  /** People by name, as said. */
  readonly people?: readonly string[];
  /** Words that may be people ("with ann" that no model tagged): invited only if the directory knows them. */
  readonly maybePeople?: readonly string[];
  /** Of `people` and `maybePeople`, those said to be optional ("dave as optional"), as said. */
  readonly optionalPeople?: readonly string[];
  readonly location?: string;
  readonly start?: string;
  readonly end?: string;
  /** The day, part of day or range asked about. */
  readonly window?: TimeWindow;
  readonly durationMinutes?: number;
  readonly isAllDay?: boolean;
  /** "remind me to ..." asks for a reminder event. */
  readonly reminder?: boolean;
  /** "..., remind me 30 minutes before": the new event's own reminder, minutes before it starts. */
  readonly remindBefore?: number;
  /** "..., with no reminder": the new event alerts nobody. */
  readonly noReminder?: boolean;
  /**
   * "remind me 30 minutes before the budget review", "set a reminder for the standup": the event whose own
   * reminder is asked for, as said (how long before in `remindBefore`, when said).
   */
  readonly beforeEvent?: string;
  /**
   * A reminder said as "remind me about the standup", "remind me about taxes": with `beforeEvent`, an event on
   * the calendar when one is named so, else the thing to be reminded of (a reminder event, its time asked).
   */
  readonly remindAbout?: boolean;
  /** "cancel the reminder for the budget review", "turn it off": the event's own reminder turned off (`beforeEvent` names it, when said). */
  readonly reminderOff?: boolean;
  /** move_event: the target start the event should move to, when said ("move it to 4pm"). */
  readonly newStart?: string;
  /** move_event: the day to move to when no time was said ("push the standup to friday"), keeping the event's time of day. */
  readonly newDay?: string;
  /** move_event: the part of `newDay` said ("to thursday afternoon"): the new time must fall in it. */
  readonly newPart?: TimeWindow;
  /** `newDay` is the Monday of a week said ("to next week"): the event keeps its weekday in that week. */
  readonly newWeek?: boolean;
  /** move_event: minutes to move the event by ("push it back 30 minutes" = 30, "move it up an hour" = -60). */
  readonly shiftMinutes?: number;
  /** move_event: the target had a time but no day ("to 4pm"): on the event's own day, wherever it is. */
  readonly newTimeOnly?: boolean;
  /** A day was said ("friday", "3/25", "tomorrow"), not only a time. */
  readonly saidDay?: boolean;
  /** A length or an end was said ("for 2 hours", "10-11am"), not the default hour. */
  readonly lengthSaid?: boolean;
  /** am_i_free asked the other way round ("am i busy", "do i have anything at 3"): "yes" means something is there. */
  readonly askedBusy?: boolean;
  /** Nothing but a day or a time was said ("noon", "friday at 2"): an answer to "When should it be?". */
  readonly whenOnly?: boolean;
  /** "after 5": only events that start then or later ('from'); "after my 2pm": only later ones ('later'). */
  readonly after?: 'from' | 'later';
  /** "my first meeting tomorrow", "my last meeting today": which of the day's events is asked about. */
  readonly pick?: 'first' | 'last' | 'next';
  /** Asked about the past with no day said ("when was the budget review", "when did i last meet bob"): the latest one before now. */
  readonly past?: boolean;
  /** A change of an existing event's length, guests, name or place ("shorten the review", "add bob to the review", "rename it"): not a new event. */
  readonly unsupported?: 'length' | 'guests' | 'rename' | 'location';
  /** With `unsupported: 'length'`: minutes added or taken off ('by', negative for shorter), or the new length ('to'). */
  readonly resize?: { readonly minutes: number; readonly how: 'by' | 'to' };
  /** A zone said with the time ("at 3 eastern", "9 berlin time"), IANA: the instants are its wall clock, and a new event keeps it. */
  readonly saidZone?: string;
  /** "until noon", "make it end at 5": an end said without a start; `start` then is now (a new event), and an edit keeps the proposal's start. */
  readonly endOnly?: boolean;
  /** "decline the product review", "accept ann's invite": the answer to a meeting someone else organizes. */
  readonly reply?: 'accept' | 'tentative' | 'decline';
  /** "When am I free tomorrow?": the free stretches are asked for, not a yes or no. */
  readonly findFree?: boolean;
  /** "How many meetings do I have today": the events read are asked for as a number. */
  readonly count?: boolean;
  /**
   * What is asked about an event rather than when it is: "where is", "who is in", "how long is", "when does it
   * end", "how long until" (`until`), "who organized" (`organizer`).
   */
  readonly asked?: AskedOfEvent;
  /** A new event said to repeat ("every monday", "daily for two weeks"): `start` is then the first one's time. */
  readonly repeat?: Repeat;
  /**
   * The start said does not exist that day (2:30 AM on the day clocks spring forward in Los Angeles): `start`
   * is the instant the gap later (3:30 AM daylight time, as Exchange reads a skipped time), and this says so:
   * `said` is the time as said ("2:30 AM"), `minutes` the gap (60). A series is moved instead to the first day
   * that has the time, so this is not set for one.
   */
  readonly shiftedBy?: { readonly said: string; readonly minutes: number };
  /** A room named by a channel that has a slot for it (Alexa's {room}); words name it in the text instead. */
  readonly room?: string;
  /** "a room for 6 people": the seats asked for. */
  readonly seats?: number;
  /** The spans as said. */
  readonly raw?: readonly SaidSpan[];
}
