/**
 * "cancel my 3pm", "move the budget review to friday", "cancel it": which event is meant (the one named, at
 * the time said, the one just talked about, or a question among several), then the change proposed for "yes".
 */
import type { EventChanges } from './event-changes.js';
import { namesAnEvent } from './match-event.js';
import { firstOfEachSeries, namedAt, searchWindow } from './meetings-named.js';
import { readAhead } from './read-out.js';
import { iso, localDaysFrom, MINUTE, NEXT_WITHIN_DAYS, pickTarget } from './timing.js';
import { cancelled, IT, MANY_EVENTS, moved, oneOf, SERIES_WORDS, wholeSeriesNamed } from './turn-words.js';
import { WHICH_AT_MOST, type Turn, type TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';
import { withoutCancelledMark, type CalendarEvent } from '../../domain/calendar.js';
import type { Explanation } from './acts.js';

/** Cancels and moves asked for: finds the event meant, then hands it to EventChanges to propose. */
export class ChangeRequests {
  constructor(private readonly changes: EventChanges) {}

  /**
   * What goes by `title` in the days searched, still to come: one series (and its next occurrence), one event
   * of its own, several different events or series, or nothing.
   */
  async #seriesNamed(t: Turn, title: string): Promise<
    { kind: 'one'; next: CalendarEvent; explanation: Explanation } | { kind: 'single'; event: CalendarEvent; explanation: Explanation } | { kind: 'several'; events: CalendarEvent[]; explanation: Explanation } | { kind: 'none'; explanation: Explanation }
  > {
    const named: DialogSlots = { title };
    const { shown, explanation } = await t.list(searchWindow(named, undefined, t.input));
    const ahead = firstOfEachSeries(shown.filter((e) => Date.parse(e.start) >= t.input.now.getTime() && namedAt(named, undefined, t.input.user)(e)));
    if (ahead.length === 0) return { kind: 'none', explanation };
    if (ahead.length > 1) return { kind: 'several', events: ahead, explanation };
    return ahead[0]!.isRecurring ? { kind: 'one', next: ahead[0]!, explanation } : { kind: 'single', event: ahead[0]!, explanation };
  }

  /** A cancel or a move asked for in words: the event meant found, then the change proposed, or why not. */
  async ask(t: Turn, change: 'cancel' | 'move', s: DialogSlots): Promise<TurnResult> {
    const { input, done, list, stateOf } = t;
    // "cancel the standup series", "cancel all the platform syncs": the one series of that name is called off
    // from now on; "move all my standups to 10", "move the standup to 10 from now on": it moves to another
    // time of day. (Some of its occurrences, "the standups this week", are not the series: see wholeSeriesNamed.)
    const name = wholeSeriesNamed(change === 'cancel' ? cancelled(input.text) : moved(input.text), input.text);
    if (name !== undefined) {
      const series = await this.#seriesNamed(t, name);
      if (series.kind === 'one') return change === 'cancel' ? this.changes.cancelSeries(input, series.next, done, series.explanation) : this.changes.moveSeries(input, series.next, s, done, series.explanation);
      if (series.kind === 'none') return done({ kind: 'not_found', query: `any ${name} still to come` }, [], undefined, series.explanation);
      // "cancel every budget review", and there is one, of its own: that one is proposed.
      if (series.kind === 'single') return this.changes.change(input, series.event, change, change === 'move' ? s : {}, done, series.explanation);
      const names = [...new Set(series.events.map((e) => e.subject))].slice(0, WHICH_AT_MOST);
      // (Two series of one name cannot be told apart by saying it again.)
      const sameName = names.length < Math.min(series.events.length, WHICH_AT_MOST) ? { sameName: true as const } : {};
      return done({ kind: 'many_at_once', change, what: 'series', title: name, several: names, ...sameName }, series.events.slice(0, WHICH_AT_MOST), undefined, series.explanation);
    }
    // "clear my afternoon", "cancel the standups this week": many events at once are refused by name, never
    // narrowed to one that then stands for all of them.
    // ("cancel the recurring standup tomorrow": a day said picks one occurrence.)
    const many = MANY_EVENTS.exec(input.text);
    if (many) {
      // "all my standups", "the standup series": the series' name, said once ("the whole standup series").
      const title = s.title && oneOf(s.title.replace(/\b(series|recurring|whole|all|every|each|future|upcoming|remaining)\b/g, '').trim());
      return done({ kind: 'many_at_once', change, what: SERIES_WORDS.test(input.text) ? 'series' : 'all', ...(title && !/^(everything|all|meetings?|events?|)$/.test(title) ? { title } : {}) });
    }
    // A time said ("cancel my 2:30", "move my 3pm to 4pm") names the event that starts then, not one under way.
    const at = s.start && (change === 'cancel' || s.newStart || s.newDay || s.shiftMinutes) ? Date.parse(s.start) : undefined;
    const window = searchWindow(s, at, input);
    // Nothing says which event ("cancel it", a title the words did not yield): never pick one at random.
    // ("my meeting" names nothing either: every event is a meeting.)
    if (s.pick === 'next' && !namesAnEvent(s) && at === undefined) {
      const { shown, explanation } = await list({ start: input.now.toISOString(), end: localDaysFrom(input.now, NEXT_WITHIN_DAYS, input.timeZone) });
      const next = shown.find((e) => !e.isAllDay && Date.parse(e.start) >= input.now.getTime() - MINUTE);
      if (!next) return done({ kind: 'events', scope: 'next', label: '', events: [] }, [], undefined, explanation);
      return this.changes.change(input, next, change, s, done, explanation);
    }
    // "what's my next meeting", then "cancel it": the event the last answer was about.
    if (!namesAnEvent(s) && at === undefined && !s.window && IT.test(input.text)) {
      const about = (await stateOf()).about;
      if (about) return this.changes.change(input, about, change, s, done);
      // "what's on thursday" (one event), then "move it to 10": that one; after several, which of them.
      const offered = await this.itAfterARead(t, change, s);
      if (offered) return offered;
    }
    if (!namesAnEvent(s) && at === undefined && !s.window) return done({ kind: 'which_event', change }, [], { kind: 'which', change, candidates: [] });
    const { shown, all, explanation } = await list(window);
    const fits = shown.filter(namedAt(s, at, input.user));
    // "cancel the design sync" that its organizer already cancelled: it still sits on the calendar, marked
    // cancelled; offer to remove it (nobody else is told: it is over for everyone).
    if (fits.length === 0) {
      const gone = firstOfEachSeries(all.filter((e) => e.isCancelled && namedAt(s, at, input.user)({ ...e, subject: withoutCancelledMark(e.subject) })));
      if (gone.length === 1 && change === 'cancel') return done({ kind: 'confirm_remove_cancelled', event: gone[0]! }, [gone[0]!], { kind: 'cancel', event: gone[0]!, proposedAt: input.now.toISOString() }, explanation);
      // ("move the design sync" its organizer cancelled: said so, not "couldn't find".)
      if (gone.length === 1) return done({ kind: 'was_cancelled', event: gone[0]! }, [gone[0]!], undefined, explanation);
    }
    // Several different events fit ("cancel my meeting tomorrow", "my meeting with carol", two at 3pm): list
    // them and ask, whoever organizes them; occurrences of one series are one event, and the next one is meant.
    // ("what's on wednesday", then "cancel the standup": Wednesday's, in the days just read, not the next one.)
    const lastRead = !s.window && at === undefined ? (await stateOf()).explanation : undefined;
    const readSpan = lastRead?.window && /^read_events\b/.test(lastRead.understood) ? lastRead.window : undefined;
    const inRead = readSpan ? fits.filter((e) => Date.parse(e.start) >= Date.parse(readSpan.start) && Date.parse(e.start) < Date.parse(readSpan.end)) : [];
    const distinct = firstOfEachSeries(inRead.length ? inRead : fits);
    // "cancel the standups this week": several asked for by a plural name are refused by name, never
    // narrowed to the next one ("Standups" is no event's own name).
    const plural = s.title !== undefined && /[^s's]s$/.test(s.title) && fits.length > 1 && !fits.some((e) => e.subject.toLowerCase().endsWith(s.title!.toLowerCase()));
    if (plural) return done({ kind: 'many_at_once', change, what: distinct.length === 1 ? 'series' : 'all', title: s.title!.slice(0, -1) }, [], undefined, explanation);
    const target = distinct[0];
    if (!target) return done({ kind: 'not_found', query: s.title ?? (at !== undefined ? '' : 'that event'), ...(at !== undefined ? { at: iso(at) } : {}) }, [], undefined, explanation);
    if (distinct.length > 1) {
      const candidates = distinct.slice(0, WHICH_AT_MOST);
      const target = pickTarget(s);
      const more = distinct.length - candidates.length;
      return done({ kind: 'which_event', change, candidates, ...(more ? { more } : {}) }, candidates, { kind: 'which', change, candidates, ...(change === 'move' ? { target } : {}) }, explanation);
    }
    return this.changes.change(input, target, change, s, done, explanation);
  }

  /**
   * "it" after a read, with nothing else talked about: the one event read out, or a question naming those read
   * out (never "nothing waiting for a yes", never a guess among several).
   */
  async itAfterARead(t: Turn, change: 'cancel' | 'move', s: DialogSlots): Promise<TurnResult | undefined> {
    const { input, done } = t;
    const ahead = await readAhead(t);
    if (ahead.length === 0) return undefined;
    if (ahead.length === 1) return this.changes.change(input, ahead[0]!, change, s, done);
    const candidates = ahead.slice(0, WHICH_AT_MOST);
    const more = ahead.length - candidates.length;
    return done({ kind: 'which_event', change, candidates, ...(more ? { more } : {}) }, candidates, { kind: 'which', change, candidates, ...(change === 'move' ? { target: pickTarget(s) } : {}) });
  }
}
