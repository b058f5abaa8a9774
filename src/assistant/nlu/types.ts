/**
 * What Concierge understood from one utterance: a fine-grained intent, resolved slots, and the
 * SLURP-style spans they came from. Plain data; the dialog layer decides what to do with it.
 */
import type { TimeWindow } from '../../domain/calendar.js';

export const INTENTS = [
  'read_events',
  'next_meeting',
  'find_meeting',
  'am_i_free',
  'create_event',
  'cancel_event',
  'move_event',
  'confirm',
  'deny',
  'why',
  'room_is_free',
  'room_when_free',
  'room_who_booked',
  'room_book',
  'room_end',
  'room_extend',
  'room_find',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** SLURP's calendar intents, plus `other` for everything a calendar assistant should refuse. */
export const COARSE_INTENTS = ['calendar_query', 'calendar_set', 'calendar_remove', 'other'] as const;
export type CoarseIntent = (typeof COARSE_INTENTS)[number];

/** A slot span as SLURP annotates it: the type and the words as said (lower case). */
export interface RawSlot {
  readonly type: string;
  readonly value: string;
}

export interface Slots {
  /** The event's title (an event name, a meal, or what a reminder is for). */
  readonly title?: string;
  /** People by name, as said. */
  readonly people?: readonly string[];
  readonly location?: string;
  /** ISO 8601 instants (UTC). */
  readonly start?: string;
  readonly end?: string;
  /** For reads and free/busy questions: the day, part of day or range asked about, resolved in the user's zone. */
  readonly window?: TimeWindow;
  readonly durationMinutes?: number;
  readonly isAllDay?: boolean;
  /** "remind me to ..." asks for a reminder event. */
  readonly reminder?: boolean;
  /** For move_event: the target start the event should move to, when said ("move it to 4pm"). */
  readonly newStart?: string;
  /** For move_event: the day to move to when no time was said ("push the standup to friday"): its start, 00:00 in the zone. */
  readonly newDay?: string;
  /** move_event: minutes to move the event by ("push it back 30 minutes" = 30, "move it up an hour" = -60). */
  readonly shiftMinutes?: number;
  /** A day was said ("friday", "3/25", "tomorrow"), not only a time. */
  readonly saidDay?: boolean;
  /** A length or an end was said ("for 2 hours", "10-11am"), not the default hour. */
  readonly lengthSaid?: boolean;
  /** Nothing but a day or a time was said ("noon", "friday at 2"): an answer to "When should it be?". */
  readonly whenOnly?: boolean;
  /** move_event: the target had a time but no day ("to 4pm"): on the event's own day, wherever it is. */
  readonly newTimeOnly?: boolean;
  readonly raw: readonly RawSlot[];
}

export interface Understanding {
  readonly intent: Intent;
  /** The SLURP-level intent behind it (what `concierge nlu` prints). */
  readonly coarse: CoarseIntent;
  readonly slots: Slots;
  /** 0..1: the classifier's probability for the coarse intent, or a rule's fixed confidence. */
  readonly confidence: number;
}

export interface UnderstandContext {
  /** The reference instant: "tomorrow" and "in two hours" are relative to it. */
  readonly now: Date;
  /** The user's IANA time zone: days, parts of day and wall-clock times are resolved in it. */
  readonly timeZone: string;
}
