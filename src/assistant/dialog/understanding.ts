/**
 * What the dialog needs from understanding (the NLU's output, as the NLU issue specifies it). Kept
 * here as the dialog's own contract so the NLU can change inside without the dialog noticing.
 */
export type DialogIntent =
  | 'read_events'
  | 'next_meeting'
  | 'find_meeting'
  | 'am_i_free'
  | 'create_event'
  | 'cancel_event'
  | 'move_event'
  | 'confirm'
  | 'deny'
  | 'why'
  | 'room_is_free'
  | 'room_when_free'
  | 'room_who_booked'
  | 'room_book'
  | 'room_end'
  | 'room_extend'
  | 'room_find'
  | 'out_of_scope';

export interface DialogSlots {
  readonly title?: string;
  readonly people?: readonly string[];
  readonly location?: string;
  /** ISO instants. */
  readonly start?: string;
  readonly end?: string;
  readonly window?: { readonly start: string; readonly end: string };
  readonly durationMinutes?: number;
  readonly isAllDay?: boolean;
  readonly reminder?: boolean;
  /** move_event: where the event should move to ("move it to 4pm"). */
  readonly newStart?: string;
  /** move_event: the day to move to, keeping the event's time of day ("move it to friday"). */
  readonly newDay?: string;
  /** move_event: minutes to move by ("push it back 30 minutes" = 30; earlier is negative). */
  readonly shiftMinutes?: number;
  /** A day was said, not only a time. */
  readonly saidDay?: boolean;
  /** A length or an end was said, not the default hour. */
  readonly lengthSaid?: boolean;
  /** Nothing but a day or a time was said ("noon", "friday at 2"). */
  readonly whenOnly?: boolean;
  /** move_event: the target time had no day ("to 4pm"): it is on the event's own day. */
  readonly newTimeOnly?: boolean;
  /** The spans as said, typed (date, time, person, ...): whether a day was said at all, for instance. */
  readonly raw?: readonly { readonly type: string; readonly value: string }[];
}

export interface DialogUnderstanding {
  readonly intent: DialogIntent;
  readonly slots: DialogSlots;
}

export type Understand = (text: string, ctx: { readonly now: Date; readonly timeZone: string }) => DialogUnderstanding;
