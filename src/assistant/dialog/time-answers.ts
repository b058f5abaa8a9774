/**
 * The answer to "When should it be?" ("2pm", "friday", "no, thursday", "make it next week"): the new event
 * or the move that asked completed at that time, or the question asked again.
 */
import { DateTime } from 'luxon';
import type { Pending } from './acts.js';
import type { EventChanges } from './event-changes.js';
import type { NewEvents } from './new-events.js';
import { iso, moveTarget, nearestHalfDay, onDayOf, relativeToEvent, wallTimeOnDate, within } from './timing.js';
import { EVENING_THING } from './turn-words.js';
import type { Done, TurnInput, TurnResult } from './turn-types.js';
import type { DialogIntent, DialogSlots } from './understanding.js';
import { lastsAllDay } from '../../domain/all-day.js';
import { startingOn } from '../../domain/repeat.js';

/** Times given in answer to a question, for the proposal that asked it. */
export class TimeAnswers {
  constructor(
    private readonly events: NewEvents,
    private readonly changes: EventChanges,
  ) {}

  /** The answer to "When should it be?": completes the new event or the move that asked, or asks again. */
  async given(input: TurnInput, pending: Extract<Pending, { kind: 'time' }>, s: DialogSlots, asMove: boolean, done: Done, answered: (intent: DialogIntent) => void): Promise<TurnResult> {
    const zone = input.timeZone;
    // "move it to 3pm" answers like "3pm": its target is the time said.
    if (asMove && !('move' in pending)) s = { ...s, ...(s.newStart ? { start: s.newStart, saidDay: !s.newTimeOnly } : {}), ...(s.newDay ? { window: { start: s.newDay, end: iso(DateTime.fromISO(s.newDay, { zone }).plus({ days: 1 }).toMillis()) }, saidDay: true } : {}) };
    // "tonight", "friday afternoon": a part of a day is not yet a time; ask within it.
    const partOfDay = !s.start && s.window && Date.parse(s.window.end) - Date.parse(s.window.start) < 20 * 3_600_000;
    if ('move' in pending) {
      answered('move_event');
      // A time or a day alone is read as a move's target: "3pm" on the event's day, "friday" at its time.
      const target = asMove ? s : { ...(s.start ? { newStart: s.start, newTimeOnly: !s.saidDay } : {}), ...(s.window ? { newDay: s.window.start } : {}) };
      // Correcting a proposed move ("to friday", then "make it 4pm"): on the proposed day, at the proposed time.
      const from = pending.proposed ? { ...pending.move, start: pending.proposed } : pending.move;
      // "to 3 eastern", then "make it 4": 4 on the Eastern clock, the reading nearest the time proposed.
      const zoneKept = pending.saidZone && !s.saidZone && s.start && !s.saidDay && pending.proposed ? pending.saidZone : undefined;
      if (zoneKept) return this.changes.confirmMove(input, pending.move, nearestHalfDay(wallTimeOnDate({ at: s.start!, zone }, { at: pending.proposed!, zone: zoneKept }, zoneKept), pending.proposed, input.text), done, undefined, zoneKept);
      // ("move the offsite", then "monday": the Monday nearest the event, as "move the offsite to monday" says.)
      const to = partOfDay ? undefined : moveTarget(from, relativeToEvent(target, from, asMove ? input.text : `to ${input.text.trim()}`, zone, input.now), zone);
      if (!to) return done({ kind: 'need_time', title: pending.move.subject }, [pending.move], pending);
      return this.changes.confirmMove(input, pending.move, to, done);
    }
    answered('create_event');
    const asked = pending.create;
    const { window: _, isAllDay: __, end: ___, start: ____, ...rest } = asked;
    if (!s.start && !s.window) return done({ kind: 'need_time', title: asked.title ?? 'it' }, [], pending);
    // "no, friday" to a proposal: the same time of day on the day said (an all-day one stays all day).
    if (!s.start && s.window && !partOfDay && pending.proposed) {
      if (asked.isAllDay && asked.window) {
        // "until monday": the same start, to the day said; "no, thursday": from the day said, as many days as before.
        const days = Math.max(1, Math.round(DateTime.fromISO(asked.window.end, { zone }).diff(DateTime.fromISO(asked.window.start, { zone }), 'days').days));
        const until = /\b(until|till|til|through|thru|to)\b/.test(input.text.toLowerCase());
        const start = until ? asked.window.start : s.window.start;
        let end = until ? DateTime.fromISO(s.window.end, { zone }) : DateTime.fromISO(s.window.start, { zone }).plus({ days });
        // "until monday" said on a Monday about a Wednesday-to-Friday event: the Monday after it starts.
        while (until && end.toMillis() <= Date.parse(start)) end = end.plus({ weeks: 1 });
        const endIso = iso(end.toMillis());
        // ("no, friday" to "vacation every monday": every Friday.)
        const repeat = rest.repeat && !until ? { repeat: startingOn(rest.repeat, start, asked.saidZone ?? zone) } : {};
        return this.events.create(input, { ...rest, ...repeat, isAllDay: true, start, end: endIso }, done);
      }
      // ("make it next week": the same weekday that week, not its Monday.)
      const from = DateTime.fromISO(s.window.start, { zone });
      const week = from.weekday === 1 && DateTime.fromISO(s.window.end, { zone }).equals(from.plus({ weeks: 1 }));
      const day = week ? iso(from.plus({ days: DateTime.fromISO(pending.proposed, { zone }).weekday - 1 }).toMillis()) : s.window.start;
      s = { ...s, start: onDayOf(pending.proposed, day, zone), saidDay: true };
    }
    if (!s.start && s.window) {
      // A day only ("friday"): all day for what lasts the day; otherwise keep the day and ask for the time.
      if (lastsAllDay(asked.title) && !partOfDay) return this.events.create(input, { ...rest, isAllDay: true, start: s.window.start, end: s.window.end }, done);
      const withDay = { ...asked, window: s.window };
      return done({ kind: 'need_time', title: asked.title ?? 'it' }, [], { kind: 'time', create: withDay });
    }
    const day = asked.window?.start ?? asked.start;
    // "actually make it 10" to a call at 9 AM Pacific: 10 on the Pacific clock, on the proposal's day.
    const clock = !s.saidZone && asked.saidZone && !s.saidDay && pending.proposed ? asked.saidZone : undefined;
    let start = clock ? nearestHalfDay(wallTimeOnDate({ at: s.start!, zone }, { at: pending.proposed!, zone: clock }, clock), pending.proposed, input.text) : s.saidDay || !day ? s.start! : onDayOf(s.start!, day, zone);
    // "make it 7" to a call proposed at 6 PM: 7 PM, the reading of a bare hour nearest the proposal.
    // (A proposal's own day is no part of a day asked about: "make it 7" to 6 PM is 7 PM, not this morning.)
    const partAsked = asked.window !== undefined && Date.parse(asked.window.end) - Date.parse(asked.window.start) < 20 * 3_600_000;
    if (!clock && pending.proposed && !s.saidDay && !partAsked) start = nearestHalfDay(start, pending.proposed, input.text);
    // "dinner tonight" then "at 8": 8 PM, the hour that falls in the part of the day asked about.
    // "a run tomorrow morning" then "at 6": 6 AM, though a bare 6 alone is read as 6 PM.
    if (asked.window && !s.saidDay && !clock && !within(start, asked.window)) {
      const other = [12, -12].map((h) => iso(Date.parse(start) + h * 3_600_000)).find((t) => within(t, asked.window!));
      if (other) start = other;
    }
    // "add dinner with ann", then "tomorrow at 7": 7 PM, as "dinner at 7" would be (unless "am" is said).
    const hour = DateTime.fromISO(start, { zone }).hour;
    if (EVENING_THING.test(asked.title ?? '') && !/\b(am|a\.m\.?|morning|midnight)\b/i.test(input.text) && hour >= 1 && hour < 12) start = iso(Date.parse(start) + 12 * 3_600_000);
    // A length in the answer ("10-11am") wins; else the one said first ("block 2 hours"); else the default.
    // (A reminder asked "when?" is a moment, as one said with its time: the answer's default hour is no length.)
    const minutes = s.lengthSaid ? s.durationMinutes : asked.durationMinutes ?? (asked.reminder ? undefined : s.durationMinutes);
    // "no, friday" to "every Monday at 10": every Friday (a series on several days keeps them).
    const repeat = rest.repeat && pending.proposed && s.saidDay ? { repeat: startingOn(rest.repeat, start, asked.saidZone ?? zone) } : {};
    // "focus time tomorrow until noon", then "9": 9 until noon.
    const until = asked.endOnly && asked.end && Date.parse(asked.end) > Date.parse(start) ? { end: asked.end } : {};
    return this.events.create(input, { ...rest, ...repeat, start, ...until, ...(minutes !== undefined && !('end' in until) ? { durationMinutes: minutes } : {}) }, done);
  }
}
