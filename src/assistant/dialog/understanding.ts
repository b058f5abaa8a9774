import type { RequestSlots } from '../../domain/request.js';
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
  | 'respond_event'
  /** A change of an event's guests, length, name or place (the NLU's out_of_scope with `unsupported` set). */
  | 'edit_event'
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

/** What the request says (the shape is the domain's, so every channel fills the same one). */
export type DialogSlots = RequestSlots;

export interface DialogUnderstanding {
  readonly intent: DialogIntent;
  readonly slots: DialogSlots;
}

export type Understand = (text: string, ctx: { readonly now: Date; readonly timeZone: string }) => DialogUnderstanding;
