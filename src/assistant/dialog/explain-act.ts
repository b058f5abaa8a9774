/**
 * What "why?" should explain after a turn that did more than read, or read nothing: a refusal, a proposal
 * (the time checked for clashes), a write, a change refused because someone else organizes the event.
 * Without this, "why?" after "add dentist friday" described whatever was read before it.
 */
import type { Act, Explanation, TurnDeed } from './acts.js';

export function deedOf(act: Act): TurnDeed | undefined {
  switch (act.kind) {
    case 'refuse':
      return { kind: 'refused' };
    case 'confirm_create':
    case 'confirm_move':
    case 'confirm_add_room':
      return { kind: 'checked_clashes' };
    // (A longer event is checked against what follows it; other edits take no time of their own.)
    case 'confirm_edit':
      return act.edit.kind === 'length' ? { kind: 'checked_clashes' } : undefined;
    case 'created':
      return { kind: 'wrote', change: 'create', subject: act.event.subject };
    case 'cancelled':
    case 'removed_cancelled':
      return { kind: 'wrote', change: 'cancel', subject: act.event.subject };
    case 'moved':
      return { kind: 'wrote', change: 'move', subject: act.event.subject };
    case 'responded':
      return { kind: 'wrote', change: 'respond', subject: act.event.subject };
    case 'room_added':
      return { kind: 'wrote', change: 'room', subject: act.event.subject };
    case 'reminder_set':
      return { kind: 'wrote', change: 'remind', subject: act.event.subject };
    case 'edited':
      return { kind: 'wrote', change: 'edit', subject: act.event.subject };
    case 'not_organizer':
      return { kind: 'not_organizer', change: act.change, subject: act.event.subject, organizer: act.event.organizer?.name || act.event.organizer?.email || 'someone else', start: act.event.start, ...(act.target ? { target: act.target } : {}) };
    default:
      return undefined;
  }
}

/** The window a deed concerns: the proposed time (checked for clashes), or the event written. */
export function windowOf(act: Act): Explanation['window'] {
  switch (act.kind) {
    case 'confirm_create':
      return { start: act.draft.start, end: act.draft.end };
    case 'confirm_move':
      return { start: act.start, end: act.end };
    case 'confirm_add_room':
    case 'room_added':
    case 'confirm_remind':
    case 'reminder_set':
    case 'edited':
      return { start: act.event.start, end: act.event.end };
    case 'confirm_edit':
      return { start: act.event.start, end: act.edit.kind === 'length' && act.edit.end > act.event.end ? act.edit.end : act.event.end };
    case 'created':
    case 'cancelled':
    case 'removed_cancelled':
      return { start: act.event.start, end: act.event.end };
    case 'moved':
      return { start: act.start, end: act.end ?? act.start };
    default:
      return undefined;
  }
}
