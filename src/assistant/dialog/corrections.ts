/**
 * "no, the standup", "not that one, the budget review", "the one on friday": the change just proposed (or just
 * refused as someone else's meeting) asked again, of the event now named. Never read from the words alone,
 * which sound like a cancel of the standup.
 */
import { DateTime } from 'luxon';
import type { Pending } from './acts.js';
import type { EventChanges } from './event-changes.js';
import { namesAnEvent } from './match-event.js';
import { firstOfEachSeries, meetingSaid, meetingsNamed } from './meetings-named.js';
import { saidToOther } from './invitation-replies.js';
import { organizes } from './organizer.js';
import type { Done, Turn, TurnDeps, TurnInput, TurnResult } from './turn-types.js';
import type { DialogIntent, DialogSlots } from './understanding.js';
import type { CalendarEvent } from '../../domain/calendar.js';

/** "no, the standup", "not that one, the budget review", "i meant the one on friday": another event meant. */
const OTHER_EVENT = /^(?:no|nope|not that one|wrong one|(?:no,? )?i meant|actually)[,.!]?\s+(?:i meant\s+)?(?:the|my)\s+(.+?)[.!?]?$/;
/** What such a correction names: a few words of a name, no sentence ("no, the standup is fine" is a no). */
const OTHER_EVENT_NAME = /^(?!.*\b(?:is|are|was|were|isn't|it's|fine|ok|okay|good|more|mistake|bad|urgent|wrong)\b)\S+(?: \S+){0,4}$/;

/** Corrections of the event a change is about. */
export class Corrections {
  constructor(
    private readonly deps: TurnDeps,
    private readonly changes: EventChanges,
  ) {}

  /**
   * "move the budget review to 2", then "no, the standup": the same change, of the event now named (never a
   * cancel of it, as the words alone read); "no, the one on friday": the same event's other occurrence.
   * ("cancel the berlin sync", refused as Dave's meeting, then "no, the standup": the change refused, of the standup.)
   * Undefined when the words are no such correction, or name no event: they go on as said.
   */
  async anotherEvent(t: Turn, answered: (intent: DialogIntent) => void): Promise<TurnResult | undefined> {
    const otherEvent = OTHER_EVENT.exec(t.input.text.toLowerCase().trim());
    if (!otherEvent || !OTHER_EVENT_NAME.test(otherEvent[1]!)) return undefined;
    const { pending, explanation: last } = await t.stateOf();
    const refused = !pending && last?.did?.kind === 'not_organizer' ? last.did : undefined;
    const change = refused?.change === 'cancel' || refused?.change === 'move' ? refused.change : undefined;
    if (pending && (pending.kind === 'move' || pending.kind === 'cancel' || pending.kind === 'remind' || pending.kind === 'respond')) return this.#otherEvent(t.input, pending, otherEvent[1]!, t.done, answered);
    if (!refused?.start || !change) return undefined;
    return this.#otherThanRefused(t.input, { change, subject: refused.subject, start: refused.start, target: refused.target ?? {} }, otherEvent[1]!, t.done, answered);
  }

  /** The change waiting for "yes" proposed again of another event, the one `said` names (or its occurrence said). */
  async #otherEvent(input: TurnInput, pending: Extract<Pending, { kind: 'move' | 'cancel' | 'remind' | 'respond' }>, said: string, done: Done, answered: (intent: DialogIntent) => void): Promise<TurnResult | undefined> {
    const event = await this.#eventMeant(input, said, pending.event);
    // Nothing of that name: no correction after all ("no, my mistake"); the words go on as said.
    if (!event) return undefined;
    answered(pending.kind === 'move' ? 'move_event' : pending.kind === 'cancel' ? 'cancel_event' : pending.kind === 'respond' ? 'respond_event' : 'create_event');
    if (pending.kind === 'remind') return this.changes.remind(input, undefined, event.subject, pending.minutes, done, event);
    if (pending.kind === 'respond') {
      if (organizes(input.user, event)) return done({ kind: 'respond_own', event, reply: pending.reply }, [event]);
      // (The message said with the answer goes with it still, to this meeting's organizer: said so when that is
      // not whom it was said for.)
      const message = pending.message !== undefined ? { message: pending.message } : {};
      const to = pending.messageTo !== undefined ? { messageTo: pending.messageTo } : {};
      return done({ kind: 'confirm_respond', event, reply: pending.reply, ...message, ...saidToOther(pending.messageTo, event) }, [event], { kind: 'respond', event, reply: pending.reply, ...message, ...to, proposedAt: input.now.toISOString() });
    }
    // ("cancel the standup series", "no, the ops check-in": that series, from its next one on.)
    // (Another occurrence of the same series, "no, the one on friday", is that one alone.)
    const sameSeries = event.uid !== undefined && event.uid === pending.event.uid;
    if (pending.kind === 'cancel' && pending.series && event.isRecurring && !sameSeries) return this.changes.cancelSeries(input, event, done);
    if (pending.kind === 'cancel') return this.changes.change(input, event, 'cancel', {}, done);
    // A move to a time on its own day ("to 2") stays a time: on the newly named event's day.
    const timeOnly = DateTime.fromISO(pending.start, { zone: input.timeZone }).hasSame(DateTime.fromISO(pending.event.start, { zone: input.timeZone }), 'day');
    return this.changes.change(input, event, 'move', { newStart: pending.start, ...(timeOnly ? { newTimeOnly: true } : {}) }, done);
  }

  /** A change refused as someone else's meeting ("cancel the berlin sync"), asked again of the event `said` names. */
  async #otherThanRefused(input: TurnInput, refused: { readonly change: 'cancel' | 'move'; readonly subject: string; readonly start: string; readonly target: Partial<DialogSlots> }, said: string, done: Done, answered: (intent: DialogIntent) => void): Promise<TurnResult | undefined> {
    const event = await this.#eventMeant(input, said, refused);
    if (!event) return undefined;
    answered(refused.change === 'move' ? 'move_event' : 'cancel_event');
    // (A move keeps where it was asked to go: "move tomorrow's berlin sync to 10", "no, the standup" moves tomorrow's standup to 10.)
    return this.changes.change(input, event, refused.change, refused.change === 'move' ? refused.target : {}, done);
  }

  /**
   * The event a correction names ("no, the standup", "the one on friday"), other than the one talked about: with
   * no day said, on that one's day ("cancel the budget review" is Wednesday's, so "no, the standup" is Wednesday's
   * standup, not today's); else the next of each series. All-day events too: "no, the offsite".
   */
  async #eventMeant(input: TurnInput, said: string, about: { readonly subject: string; readonly start: string; readonly id?: string }): Promise<CalendarEvent | undefined> {
    const read = meetingSaid(this.deps, input, said);
    // ("the one on friday", "the one next week": the event talked about, on the day said.)
    const named = /^one\b/.test(said) ? { ...read, title: about.subject } : read;
    const same = (e: CalendarEvent) => e.start === about.start && (about.id === undefined ? e.subject === about.subject : e.id === about.id);
    const found = namesAnEvent(named) ? (await meetingsNamed(this.deps, input, named, { allDay: true, everyOccurrence: true })).filter((e) => Date.parse(e.start) > input.now.getTime() && !same(e)) : [];
    const day = (start: string) => DateTime.fromISO(start, { zone: input.timeZone }).toISODate();
    return (named.start || named.window ? undefined : found.find((e) => day(e.start) === day(about.start))) ?? firstOfEachSeries(found)[0];
  }
}
