/**
 * What Concierge understood from one utterance: a fine-grained intent, resolved slots, and the
 * SLURP-style spans they came from. Plain data; the dialog layer decides what to do with it.
 */
import type { RequestSlots } from '../../domain/request.js';

export const INTENTS = [
  'read_events',
  'next_meeting',
  'find_meeting',
  'am_i_free',
  'create_event',
  'cancel_event',
  'move_event',
  'respond_event',
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

/** What the request says, with every span as said (SLURP's view, for `concierge nlu`). */
export interface Slots extends RequestSlots {
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
