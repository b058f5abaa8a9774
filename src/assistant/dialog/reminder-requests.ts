/**
 * Requests about reminders: one set before an event already on the calendar ("remind me 30 minutes before the
 * budget review", "remind me about it"), one turned off ("cancel the reminder for the budget review": never the
 * event), and a reminder said to the proposal waiting ("yes, and remind me 10 minutes before", "no reminder").
 */
import type { CalendarEvent, EventDraft } from '../../domain/calendar.js';
import type { Pending } from './acts.js';
import type { EventChanges } from './event-changes.js';
import { meetingSaid } from './meetings-named.js';
import type { NewEvents } from './new-events.js';
import { ORDINAL_PICK, pickByPlace, type Listed } from './read-out.js';
import { DEFAULT_REMINDER_MINUTES } from './reminder-before.js';
import type { DialogState } from './state.js';
import { wholeSeriesNamed } from './turn-words.js';
import type { Done, TurnDeps, TurnInput, TurnResult } from './turn-types.js';
import type { DialogIntent, DialogSlots } from './understanding.js';

/** "actually, turn it off", "no reminder at all": said to a reminder proposed. */
const TURN_IT_OFF = /^(?:actually,? |no,? |then |just )*(?:turn|switch) (?:it|that) off(?: instead| then)?[.!]?$|^(?:actually,? |no,? )*no reminder(?: at all)?[.!]?$/i;
/** The event a reminder of a whole series names, as one ("all my yoga classes" -> "yoga class"); else as said. */
const eventSaid = (text: string, said: string): string => wholeSeriesNamed(said, text) ?? said;

/** A proposal made by "remind me to ...": a moment shown as free, alerting at its start. */
export const isReminderDraft = (d: EventDraft): boolean => d.reminderMinutes === 0 && d.freeBusy === 'free';

/** A draft without its reminder's lead: "no reminder" replaces it. */
function withoutReminderMinutes(draft: EventDraft): EventDraft {
  const { reminderMinutes: _, ...rest } = draft;
  return rest;
}

/** A draft without its "no reminder". */
function withoutNoReminder(draft: EventDraft): EventDraft {
  const { noReminder: _, ...rest } = draft;
  return rest;
}

/** What a reminder request needs of the turn it is part of. */
export interface ReminderTurn {
  readonly input: TurnInput;
  readonly stateOf: () => Promise<DialogState>;
  readonly done: Done;
  /** The events the last answer read out, in order ("the first one"). */
  readonly lastListed: () => Promise<Listed | undefined>;
  /** The one event still to come that the last read read out, when it read out exactly one. */
  readonly theOneRead: () => Promise<CalendarEvent | undefined>;
  /** The intent the turn acted on, when a reminder request decides it. */
  readonly answered: (intent: DialogIntent) => void;
}

export class ReminderRequests {
  constructor(
    private readonly deps: Pick<TurnDeps, 'understand'>,
    private readonly changes: EventChanges,
    private readonly events: NewEvents,
  ) {}

  /** The answer when the words ask about a reminder; undefined when they do not. */
  async take(t: ReminderTurn, s: DialogSlots): Promise<TurnResult | undefined> {
    // "cancel the reminder for the budget review", "turn it off": that event's own reminder off, never the event.
    if (s.reminderOff) {
      t.answered('create_event');
      if (s.beforeEvent !== undefined && ORDINAL_PICK.test(s.beforeEvent)) {
        const listed = await t.lastListed();
        const chosen = listed && pickByPlace(s.beforeEvent, listed);
        return chosen ? this.changes.remind(t.input, undefined, chosen.subject, 'off', t.done, chosen) : t.done({ kind: 'which_event', change: 'remind_off' });
      }
      if (s.beforeEvent !== undefined) return this.changes.remind(t.input, meetingSaid(this.deps, t.input, eventSaid(t.input.text, s.beforeEvent)), s.beforeEvent, 'off', t.done);
      const { pending, about } = await t.stateOf();
      // ("no reminder" to a new event proposed: that event, proposed again with no reminder.)
      if (pending?.kind === 'create' && !isReminderDraft(pending.draft)) return this.events.propose(t.input, { ...withoutReminderMinutes(pending.draft), noReminder: true }, t.done);
      // ("remind me to call mom at 5", yes, then "remove the reminder": that reminder is an event of its own, shown
      // as free: it is cancelled, not silenced.)
      if (pending?.kind !== 'remind' && about?.freeBusy === 'free') {
        t.answered('cancel_event');
        return this.changes.change(t.input, about, 'cancel', {}, t.done);
      }
      const event = pending?.kind === 'remind' ? pending.event : about ?? (await t.theOneRead());
      return event ? this.changes.remind(t.input, undefined, event.subject, 'off', t.done, event) : t.done({ kind: 'which_event', change: 'remind_off' });
    }
    // "actually, turn it off" to a reminder proposed: that reminder off instead ("turn it off" alone is a device's).
    if (TURN_IT_OFF.test(t.input.text.trim())) {
      const { pending } = await t.stateOf();
      if (pending?.kind === 'remind') {
        t.answered('create_event');
        return this.changes.remind(t.input, undefined, pending.event.subject, 'off', t.done, pending.event);
      }
    }
    // "remind me 30 minutes before the budget review": that event's own reminder, set that long before it.
    if (s.beforeEvent !== undefined) {
      t.answered('create_event');
      // ("remind me 5 minutes before the first one" after a read: that one, as said; with nothing read, ask which.)
      if (ORDINAL_PICK.test(s.beforeEvent)) {
        const listed = await t.lastListed();
        const chosen = listed && pickByPlace(s.beforeEvent, listed);
        return chosen ? this.changes.remind(t.input, undefined, chosen.subject, s.remindBefore ?? DEFAULT_REMINDER_MINUTES, t.done, chosen) : t.done({ kind: 'which_event', change: 'remind' });
      }
      // ("remind me about it": the event talked about, or the one just read out; else asked which.)
      if (s.beforeEvent === 'it') {
        const it = (await t.stateOf()).about ?? (await t.theOneRead());
        return it ? this.changes.remind(t.input, undefined, it.subject, s.remindBefore ?? DEFAULT_REMINDER_MINUTES, t.done, it) : t.done({ kind: 'which_event', change: 'remind' });
      }
      // A bare name not found ("before lunch") is a reminder to place; one named with "the" or "my" is said missing.
      // ("remind me about the dentist" with no dentist on the calendar: a reminder of it, its time asked.)
      const { beforeEvent: said, remindBefore: _, ...plain } = s;
      const otherwise = /^(?:the|my|our|this|that)\b/i.test(said) && !s.remindAbout ? undefined : () => this.events.create(t.input, plain, t.done);
      return this.changes.remind(t.input, meetingSaid(this.deps, t.input, eventSaid(t.input.text, said)), said, s.remindBefore ?? DEFAULT_REMINDER_MINUTES, t.done, undefined, otherwise);
    }
    // "yes, and remind me 10 minutes before": the proposal waiting for "yes", with that reminder, proposed again.
    if (s.remindBefore !== undefined && !s.title && !s.start && !s.window && !s.people?.length) {
      const { pending, about } = await t.stateOf();
      t.answered('create_event');
      // (A reminder said now replaces a "no reminder" said before: one or the other, never both.)
      if (pending?.kind === 'create') return this.events.propose(t.input, { ...withoutNoReminder(pending.draft), reminderMinutes: s.remindBefore }, t.done);
      if (pending?.kind === 'remind') return this.again(pending, s.remindBefore, t.input, t.done, t.answered);
      // Nothing proposed: before the event just talked about ("what's my next meeting", then this), else asked which.
      if (about) return this.changes.remind(t.input, undefined, about.subject, s.remindBefore, t.done, about);
      return t.done({ kind: 'which_event', change: 'remind' });
    }
    return undefined;
  }

  /** The reminder waiting for "yes", proposed again that many minutes before its event. */
  again(pending: Extract<Pending, { kind: 'remind' }>, minutes: number, input: TurnInput, done: Done, answered: (intent: DialogIntent) => void): Promise<TurnResult> {
    answered('create_event');
    return this.changes.remind(input, undefined, pending.event.subject, minutes, done, pending.event);
  }
}
