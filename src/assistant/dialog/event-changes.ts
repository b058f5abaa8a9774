import { DateTime } from 'luxon';
import { firstOfEachSeries, namedAt, searchWindow } from './meetings-named.js';
import { organizes } from './organizer.js';
import { reminderIsPast } from './reminder-before.js';
import { iso, MINUTE, moveTarget, nearestHalfDay, pickTarget, relativeToEvent, timedFirst, wholeDaysFrom, within } from './timing.js';
import { atSeriesTime, changedOnes, seriesBefore } from './series.js';
import { wholeSeriesNamed } from './turn-words.js';
import { visible } from './visible.js';
import { overlaps, withoutCancelledMark, type CalendarEvent } from '../../domain/calendar.js';
import type { Explanation } from './acts.js';
import type { RoomRequests } from './room-requests.js';
import type { Done, TurnDeps, TurnInput, TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';

/** A request that names a reminder or an alert: whatever else it says, no meeting is cancelled for it. */
const SAYS_REMINDER = /\b(?:reminders?|notifications?|alerts?)\b/i;

/** Cancelling and moving an event once it is known which one is meant: proposed for "yes", or why not. */
export class EventChanges {
  constructor(
    private readonly deps: TurnDeps,
    private readonly rooms: RoomRequests,
  ) {}

  /** Proposes cancelling or moving `target` (to where `s` says), once it is known which event is meant. */
  async change(input: TurnInput, target: CalendarEvent, change: 'cancel' | 'move', s: Pick<DialogSlots, 'newStart' | 'newDay' | 'newPart' | 'newWeek' | 'shiftMinutes' | 'newTimeOnly' | 'saidZone' | 'shiftedBy'>, done: Done, explanation?: Explanation): Promise<TurnResult> {
    // "cancel the budget review reminder", "delete the standup notification": the words name a reminder, so
    // never the meeting: its own reminder is turned off instead. (A reminder made as an event of its own, shown
    // as free, is still cancelled as one: "cancel the reminder to call mom".)
    if (change === 'cancel' && SAYS_REMINDER.test(input.text) && target.freeBusy !== 'free') return this.remind(input, undefined, target.subject, 'off', done, target);
    // Only the organizer can cancel or move a meeting for everyone; deleting an attendee's copy would
    // tell nobody, and moving it would move it for this calendar alone.
    if (!organizes(input.user, target)) {
      return done({ kind: 'not_organizer', event: target, change, ...(change === 'move' ? { target: pickTarget(s) } : {}) }, [target], undefined, explanation);
    }
    if (change === 'cancel') return done({ kind: 'confirm_cancel', event: target }, [target], { kind: 'cancel', event: target, proposedAt: input.now.toISOString() }, explanation);
    // "move the offsite to 2pm": an all-day event moves by days; a time alone would change nothing.
    if (target.isAllDay && s.newStart && s.newTimeOnly) return done({ kind: 'all_day_needs_day', event: target }, [target], { kind: 'time', move: target }, explanation);
    const moved = moveTarget(target, relativeToEvent(s, target, input.text, input.timeZone, input.now), input.timeZone);
    // ("move it to 7" for a call at 6 PM: 7 PM, the reading of a bare hour on its day nearest the event.)
    const to = moved && s.newTimeOnly && !target.isAllDay ? nearestHalfDay(moved, target.start, input.text) : moved;
    if (!to) return done({ kind: 'need_time', title: target.subject }, [target], { kind: 'time', move: target }, explanation);
    // "to thursday afternoon" for an 11 AM meeting: its own hour is not in that part of the day, so ask which hour.
    if (s.newPart && !target.isAllDay && !within(to, s.newPart)) return done({ kind: 'need_time', title: target.subject, within: s.newPart }, [target], { kind: 'time', move: target, proposed: s.newPart.start }, explanation);
    // ("to march 14 at 2:30am": the clocks skip that time; said before "yes", as for a new event.)
    const skipped: Done = (act, ...rest) => done(act.kind === 'confirm_move' && s.shiftedBy && s.newStart && to === s.newStart ? { ...act, skipped: s.shiftedBy } : act, ...rest);
    return this.confirmMove(input, target, to, skipped, explanation, s.saidZone);
  }

  /**
   * "cancel the standup series": the series `next` (its next occurrence) belongs to, called off from then on,
   * proposed for "yes"; only its organizer can.
   */
  async cancelSeries(input: TurnInput, next: CalendarEvent, done: Done, explanation?: Explanation): Promise<TurnResult> {
    if (!organizes(input.user, next)) return done({ kind: 'not_organizer', event: next, change: 'cancel' }, [next], undefined, explanation);
    return done({ kind: 'confirm_cancel', event: next, series: true, ...(await seriesBefore(this.deps.provider, input.user, next, input.now)) }, [next], { kind: 'cancel', event: next, series: true, proposedAt: input.now.toISOString() }, explanation);
  }

  /**
   * "move all my standups to 10": every occurrence of the series `next` (its next occurrence) belongs to, to
   * the time of day the words give `next`, proposed for "yes"; only its organizer can, and only to another
   * time of its own days.
   */
  async moveSeries(input: TurnInput, next: CalendarEvent, s: Pick<DialogSlots, 'newStart' | 'newDay' | 'newPart' | 'newWeek' | 'shiftMinutes' | 'newTimeOnly' | 'saidZone' | 'shiftedBy'>, done: Done, explanation?: Explanation): Promise<TurnResult> {
    if (!organizes(input.user, next)) return done({ kind: 'not_organizer', event: next, change: 'move', target: pickTarget(s) }, [next], undefined, explanation);
    // (From the series' own time: "push them back 30 minutes" when the next was moved on its own.)
    const base = atSeriesTime(next);
    const moved = moveTarget(base, relativeToEvent(s, base, input.text, input.timeZone, input.now), input.timeZone);
    const to = moved && s.newTimeOnly && !next.isAllDay ? nearestHalfDay(moved, base.start, input.text) : moved;
    if (!to || next.isAllDay) return done({ kind: 'series_move_refused', event: next, reason: 'time' }, [next], undefined, explanation);
    // Another time of its own days: on the clock of the zone it was made in, the same day as `next`.
    const zone = next.timeZone ?? input.timeZone;
    if (!DateTime.fromISO(to, { zone }).hasSame(DateTime.fromISO(base.start, { zone }), 'day')) return done({ kind: 'series_move_refused', event: next, reason: 'day' }, [next], undefined, explanation);
    if (Date.parse(to) === Date.parse(base.start)) return done({ kind: 'series_move_refused', event: base, reason: 'same' }, [next], undefined, explanation);
    const end = iso(Date.parse(to) + Date.parse(base.end) - Date.parse(base.start));
    // What its next one would run into at the new time, and its rooms booked then: said before "yes", as for one.
    const [around, busyRooms, changed] = await Promise.all([this.deps.provider.listEvents(input.user, { start: to, end }, input.timeZone), this.rooms.roomsTakenFor(next, to, end), changedOnes(this.deps.provider, input.user, next)]);
    const conflicts = timedFirst(around.filter((e) => overlaps(e, Date.parse(to), Date.parse(end)) && e.id !== next.id && (next.uid === undefined || e.uid !== next.uid) && !e.isCancelled && e.freeBusy !== 'free'));
    return done({ kind: 'confirm_move', event: next, start: to, end, conflicts, ...(busyRooms.length ? { busyRooms } : {}), series: true, ...changed }, [next], { kind: 'move', event: next, start: to, end, series: true, proposedAt: input.now.toISOString() }, explanation);
  }

  /** The answer when `event` is no longer where it was proposed from (moved or deleted since); else undefined. */
  async changedSince(input: TurnInput, event: CalendarEvent, change: 'cancel' | 'move' | 'change', done: Done): Promise<TurnResult | undefined> {
    // Still on the calendar where it was proposed from: the listing of its own slot shows it (a deleted item
    // may still be readable by id, from Deleted Items).
    // (At least a minute: a window from an event's start to its own end is empty when it has no length.)
    const there = await this.deps.provider.listEvents(input.user, { start: event.start, end: iso(Math.max(Date.parse(event.end), Date.parse(event.start) + MINUTE)) }, input.timeZone);
    const same = (e: CalendarEvent) => (e.id === event.id || (event.uid !== undefined && e.uid === event.uid)) && Date.parse(e.start) === Date.parse(event.start) && Date.parse(e.end) === Date.parse(event.end);
    // (A meeting its organizer cancelled, offered for removal, is still there while it stays cancelled.)
    if (there.some((e) => same(e) && e.isCancelled === event.isCancelled)) return undefined;
    const now = await this.deps.provider.getEvent(input.user, event.id);
    const moved = now && !now.isCancelled && !same(now) ? now : undefined;
    return done({ kind: 'changed_since', event, change, ...(moved ? { now: moved } : {}) }, moved ? [moved] : []);
  }

  /**
   * "remind me 30 minutes before the budget review": the next event so named (or `about`, the one just talked
   * about), all-day ones too, whose own reminder is proposed to be set so; a series' next occurrence, not one
   * under way. Only this calendar's reminder changes: nobody else is told.
   */
  async remind(input: TurnInput, named: DialogSlots | undefined, said: string, minutes: number | 'off', done: Done, about?: CalendarEvent, otherwise?: () => Promise<TurnResult>): Promise<TurnResult> {
    const at = named?.start ? Date.parse(named.start) : undefined;
    const all = about || !named ? [] : await this.deps.provider.listEvents(input.user, searchWindow(named, at, input), input.timeZone);
    const listed = visible(all).shown;
    const ahead = firstOfEachSeries(listed.filter((e) => Date.parse(e.start) > input.now.getTime() && namedAt(named!, at, input.user)(e)));
    // (A reminder event made for it, "Budget review in 30 minutes", is shown as free: the meeting itself is meant.)
    const event = about ?? ahead.find((e) => e.freeBusy !== 'free') ?? ahead[0];
    // ("remind me before the design sync" its organizer cancelled: said so, not "couldn't find".)
    const gone = event ? undefined : all.find((e) => e.isCancelled && Date.parse(e.start) > input.now.getTime() && namedAt(named!, at, input.user)({ ...e, subject: withoutCancelledMark(e.subject) }));
    if (gone) return done({ kind: 'was_cancelled', event: gone }, [gone]);
    // ("remind me before lunch" with no lunch on the calendar: what it would have meant before, a reminder to ask the time of.)
    if (!event && otherwise) return otherwise();
    if (!event) return done({ kind: 'not_found', query: said.replace(/^(my|our)\b/i, 'your') });
    // "remind me before every standup", "... all my standups": the series' own reminder, for every occurrence
    // (one already too close for it still has it for the later ones).
    if (!about && event.isRecurring && wholeSeriesNamed(said, input.text) !== undefined) {
      return done({ kind: 'confirm_remind', event, minutes, series: true }, [event], { kind: 'remind', event, minutes, series: true, proposedAt: input.now.toISOString() });
    }
    if (minutes !== 'off' && reminderIsPast(event, minutes, input.now)) return done({ kind: 'reminder_too_late', event, minutes }, [event]);
    return done({ kind: 'confirm_remind', event, minutes }, [event], { kind: 'remind', event, minutes, proposedAt: input.now.toISOString() });
  }

  /** `saidZone`: the zone the new time was said in ("to 3 eastern"): the proposal says that clock too, and an edit keeps it. */
  async confirmMove(input: TurnInput, target: CalendarEvent, wanted: string, done: Done, explanation?: Explanation, saidZone?: string): Promise<TurnResult> {
    // Already there ("move my 10am to 10"): nothing to propose; say where it is.
    if (Date.parse(wanted) === Date.parse(target.start)) return done({ kind: 'events', scope: 'find', label: '', events: [target] }, [target], undefined, explanation);
    // An all-day event moves by whole local days (23 or 25 hours across a clock change) and stays all day.
    const { start: to, end } = target.isAllDay ? wholeDaysFrom(wanted, target, input.timeZone) : { start: wanted, end: iso(Date.parse(wanted) + Date.parse(target.end) - Date.parse(target.start)) };
    // (An all-day event asked to its own day at another hour is where it was: no update, nobody told.)
    if (target.isAllDay && Date.parse(to) === Date.parse(target.start)) return done({ kind: 'events', scope: 'find', label: '', events: [target] }, [target], undefined, explanation);
    // One occurrence of a series stays strictly between its neighbours (Exchange refuses the move with
    // ErrorOccurrenceCrossingBoundary): read from where it is to where it would go, and say so before "yes".
    const occurrence = (target.kind === 'occurrence' || target.kind === 'exception') && target.uid !== undefined;
    const from = occurrence ? iso(Math.min(Date.parse(to), Date.parse(target.start))) : to;
    const until = occurrence ? iso(Math.max(Date.parse(end), Date.parse(target.end), Date.parse(to) + MINUTE)) : end;
    const [around, busyRooms] = await Promise.all([this.deps.provider.listEvents(input.user, { start: from, end: until }, input.timeZone), this.rooms.roomsTakenFor(target, to, end)]);
    if (occurrence) {
      const [a, b] = [Date.parse(target.start), Date.parse(to)].sort((x, y) => x - y) as [number, number];
      const neighbour = around.find((e) => e.uid === target.uid && e.id !== target.id && Date.parse(e.start) !== Date.parse(target.start) && Date.parse(e.start) >= a && Date.parse(e.start) <= b);
      if (neighbour) return done({ kind: 'cannot_pass_occurrence', event: target, start: to, neighbour }, [target, neighbour], undefined, explanation);
    }
    const conflicts = timedFirst(around.filter((e) => overlaps(e, Date.parse(to), Date.parse(end)) && e.id !== target.id && !e.isCancelled && e.freeBusy !== 'free'));
    const inThePast = !target.isAllDay && Date.parse(to) < input.now.getTime() - MINUTE;
    const zoned = saidZone && !target.isAllDay ? { saidZone } : {};
    return done({ kind: 'confirm_move', event: target, start: to, end, conflicts, ...(busyRooms.length ? { busyRooms } : {}), ...(inThePast ? { inThePast } : {}), ...zoned }, [target], { kind: 'move', event: target, start: to, end, proposedAt: input.now.toISOString(), ...zoned }, explanation);
  }
}
