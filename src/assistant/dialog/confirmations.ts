/**
 * "yes": what waited for it is carried out (created, cancelled, moved, answered, reminded, a room added, the
 * rest of a long day read), checked first against the calendar as it is now.
 */
import { ALL_DAY_REMINDER_MINUTES } from '../../domain/all-day.js';
import { AppError } from '../../shared/errors.js';
import type { Explanation, Pending } from './acts.js';
import { ChangeNotMade } from './change-not-made.js';
import type { EventChanges } from './event-changes.js';
import type { EventEdits } from './event-edits.js';
import { DIALOG_TTL_MS } from './state.js';
import { eventSubject } from './subject.js';
import { MINUTE, sameDatesIn } from './timing.js';
import type { Done, Turn, TurnDeps, TurnInput, TurnResult } from './turn-types.js';

/** What waited for "yes", carried out once it is said. */
export class Confirmations {
  constructor(
    private readonly deps: TurnDeps,
    private readonly changes: EventChanges,
    private readonly edits: EventEdits,
  ) {}

  /**
   * Taken, not read: a second "yes" racing this one finds nothing waiting. If the write then fails where
   * Exchange may have acted, the proposal is gone: asking again beats booking twice. A failure that certainly
   * changed nothing (refused, busy, unreachable) puts it back for another "yes".
   */
  async yes(t: Turn): Promise<TurnResult> {
    const { input, done } = t;
    const taken = await this.deps.store.take(input.sessionId, input.user);
    try {
      return await this.#carryOut(input, taken?.pending, done, taken?.explanation);
    } catch (err) {
      if (!taken?.pending || !(err instanceof AppError) || !err.nothingChanged || err instanceof ChangeNotMade) throw err;
      // (Not over a newer proposal another turn made meanwhile: that one is what waits now.)
      if ((await this.deps.store.get(input.sessionId, input.user))?.pending) throw err;
      await this.deps.store.put(input.sessionId, input.user, taken);
      throw new ChangeNotMade(err);
    }
  }

  /** Carries out what waited for "yes", or says why not (gone, changed since, too old); a question waiting is asked again. */
  async #carryOut(input: TurnInput, pending: Pending | undefined, done: Done, explanation?: Explanation): Promise<TurnResult> {
    if (!pending) return done({ kind: 'nothing_pending' });
    // Either way: a "yes" whose clock is before the proposal (a replayed or mistyped `now`) is no answer to it.
    // (Any proposal: one kind added later must not slip past this.)
    if ('proposedAt' in pending && pending.proposedAt && Math.abs(input.now.getTime() - Date.parse(pending.proposedAt)) > DIALOG_TTL_MS) {
      return done({ kind: 'proposal_expired', minutes: DIALOG_TTL_MS / MINUTE });
    }
    switch (pending.kind) {
      case 'respond': {
        await this.deps.provider.respondToEvent(input.user, pending.event, pending.reply, pending.message);
        return done({ kind: 'responded', event: pending.event, reply: pending.reply, ...(pending.message !== undefined ? { message: pending.message } : {}) }, [pending.event]);
      }
      case 'create': {
        // Proposed in the words said ("add lunch with bob"); created with a subject fit for Outlook ("Lunch").
        // An all-day event's reminder, unless one was asked for, comes the day before (as Outlook sets it), not at 11:45 PM.
        const allDayReminder = pending.draft.isAllDay && pending.draft.reminderMinutes === undefined && !pending.draft.noReminder ? { reminderMinutes: ALL_DAY_REMINDER_MINUTES } : {};
        const event = await this.deps.provider.createEvent(input.user, { ...pending.draft, ...allDayReminder, subject: eventSubject(pending.draft.subject, pending.draft.attendees) });
        return done({ kind: 'created', event, ...(pending.draft.repeat ? { repeat: pending.draft.repeat, repeatZone: pending.draft.timeZone } : {}), ...(pending.draft.reminderMinutes ? { remindBefore: pending.draft.reminderMinutes } : {}), ...(pending.draft.reminderMinutes === 0 && pending.draft.freeBusy === 'free' ? { reminder: true } : {}) }, [event]);
      }
      case 'cancel': {
        // Proposed a while ago: if the event was moved or deleted meanwhile (another session, Outlook), say so.
        const stale = await this.changes.changedSince(input, pending.event, 'cancel', done);
        if (stale) return stale;
        // A series goes from the occurrence proposed on; one that has begun by the "yes" stays, and that is said.
        if (pending.series) {
          const begun = input.now.getTime() > Date.parse(pending.event.start);
          const from = begun ? input.now.toISOString() : pending.event.start;
          const series = await this.deps.provider.cancelSeries(input.user, pending.event, from, input.timeZone);
          return done({ kind: 'cancelled', event: pending.event, series, ...(begun ? { begun } : {}) }, [pending.event]);
        }
        await this.deps.provider.cancelEvent(input.user, pending.event);
        if (pending.event.isCancelled) return done({ kind: 'removed_cancelled', event: pending.event }, [pending.event]);
        return done({ kind: 'cancelled', event: pending.event }, [pending.event]);
      }
      case 'add_room': {
        // Its guests as they are now (someone may have been added in Outlook since), and the room with them.
        const now = await this.deps.provider.getEvent(input.user, pending.event.id);
        if (!now || now.isCancelled) return done({ kind: 'changed_since', event: pending.event, change: 'add a room to' });
        const guests = now.attendees.map((a) => ({ ...(a.email ? { email: a.email } : {}), ...(a.name ? { name: a.name } : {}), kind: a.kind }));
        // (The place it had, a link or another room, stays beside the room.)
        const location = now.location && !now.location.toLowerCase().includes(pending.room.name.toLowerCase()) ? `${now.location}; ${pending.room.name}` : pending.room.name;
        await this.deps.provider.updateEvent(input.user, now, { attendees: [...guests, { email: pending.room.email, name: pending.room.name, kind: 'resource' }], location });
        const after = await this.deps.provider.getEvent(input.user, now.id).catch(() => undefined);
        const response = after?.attendees.find((a) => a.email?.toLowerCase() === pending.room.email.toLowerCase())?.response ?? 'none';
        return done({ kind: 'room_added', event: after ?? now, room: pending.room.name, response }, [after ?? now]);
      }
      case 'remind': {
        // Still there and not cancelled (moved since is fine: a reminder goes with the event).
        const now = await this.deps.provider.getEvent(input.user, pending.event.id);
        if (!now || now.isCancelled) return done({ kind: 'changed_since', event: pending.event, change: 'remind' });
        if (pending.series) {
          const stale = await this.changes.changedSince(input, pending.event, 'change', done);
          if (stale) return stale;
          await this.deps.provider.updateSeries(input.user, now, pending.minutes === 'off' ? { noReminder: true } : { reminderMinutes: pending.minutes });
          return done({ kind: 'reminder_set', event: now, minutes: pending.minutes, series: true }, [now]);
        }
        await this.deps.provider.updateEvent(input.user, now, pending.minutes === 'off' ? { noReminder: true } : { reminderMinutes: pending.minutes });
        return done({ kind: 'reminder_set', event: now, minutes: pending.minutes }, [now]);
      }
      case 'edit': {
        // A longer or shorter event is measured from where it was: moved since, it is asked again.
        // (A series' length is said of its own time, which an occurrence moved on its own does not show; any
        // other change of a series checks the occurrence it was proposed from is still there: the series may be gone.)
        const check = pending.series ? pending.edit.kind !== 'length' : pending.edit.kind === 'length';
        if (check) {
          const stale = await this.changes.changedSince(input, pending.event, 'change', done);
          if (stale) return stale;
        }
        const made = await this.edits.carryOut(input, pending.event, pending.edit, pending.series);
        if ('gone' in made) return done({ kind: 'changed_since', event: pending.event, change: 'change' });
        // A room answers a longer meeting as it answered the first time: read back, so a decline is said.
        // (So does a room booked in place of another.)
        const declinedBy = pending.edit.kind === 'length' || (pending.edit.kind === 'place' && pending.edit.room) ? made.event.attendees.filter((a) => a.kind === 'resource' && a.response === 'declined').map((a) => a.name || a.email || 'The room') : [];
        return done({ kind: 'edited', event: made.event, edit: pending.edit, ...(declinedBy.length ? { declinedBy } : {}), ...(pending.series ? { series: pending.series } : {}) }, [made.event]);
      }
      case 'more':
        // The rest of the read that offered it: "why?" and the day words are that read's.
        return done({ kind: 'events', scope: 'rest', label: '', events: pending.events }, pending.events, undefined, explanation);
      case 'move': {
        const stale = await this.changes.changedSince(input, pending.event, 'move', done);
        if (stale) return stale;
        if (pending.series) {
          await this.deps.provider.moveSeries(input.user, pending.event, { start: pending.start, end: pending.end }, input.timeZone);
          return done({ kind: 'moved', event: pending.event, start: pending.start, end: pending.end, series: true }, [pending.event]);
        }
        // Proposed on the asker's dates; an all-day event made in another zone keeps its dates in that zone.
        const own = pending.event.timeZone;
        const to = pending.event.isAllDay && own && own !== input.timeZone ? sameDatesIn(pending, input.timeZone, own) : pending;
        await this.deps.provider.updateEvent(input.user, pending.event, { start: to.start, end: to.end });
        // A room answers the new time as it answered the first: read back, so a decline is said, not hidden behind "Done".
        const booked = pending.event.attendees.some((a) => a.kind === 'resource');
        const after = booked ? await this.deps.provider.getEvent(input.user, pending.event.id).catch(() => undefined) : undefined;
        const rooms = after?.attendees.filter((a) => a.kind === 'resource');
        return done({ kind: 'moved', event: pending.event, start: pending.start, end: pending.end, ...(rooms?.length ? { rooms } : {}) }, [pending.event]);
      }
      case 'person':
        // "yes" is not a name: ask again, keeping the question.
        return done({ kind: 'ask_person', name: pending.name, candidates: pending.candidates }, [], pending);
      case 'time':
        // "yes" is not a time: ask again, keeping what waits for one.
        return done({ kind: 'need_time', title: 'create' in pending ? pending.create.title ?? 'it' : pending.move.subject }, [], pending);
      case 'which':
        // "yes" picks none of them: ask again.
        return done({ kind: 'which_event', change: pending.change, candidates: pending.candidates }, pending.candidates, pending);
    }
  }
}
