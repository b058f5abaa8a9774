/**
 * Questions about the calendar: what is on it in a window, the next meeting, an event found by name, and
 * whether one is free. They read; nothing waits for "yes" but the rest of a long day.
 */
import { askedSpans, freeGaps } from './free-gaps.js';
import { isMeal, mealHours, PICKED, windowAround, type AroundEvent } from './around-event.js';
import { READ_AT_MOST, type Act, type Explanation, type Pending } from './acts.js';
import { eventMatches, namesAnEvent } from './match-event.js';
import { coversDays, splitRepeats } from './repeats.js';
import type { DialogState } from './state.js';
import { allDayFirst, dayWindow, iso, localDaysFrom, MINUTE, NEXT_WITHIN_DAYS, SEARCH_AHEAD_DAYS, SEARCH_BACK_DAYS, timedFirst, weekStillAhead } from './timing.js';
import type { Turn, TurnDeps, TurnResult } from './turn-types.js';
import type { DialogSlots } from './understanding.js';
import { withoutCancelledMark, type TimeWindow } from '../../domain/calendar.js';

/** "am i free then?": the time of the proposal waiting, not a time said. */
const THEN = /\b(then|that time|at that time)\b/i;

/** The read questions of a turn, once its words and what the last turn left have been taken into account. */
export class Reads {
  constructor(private readonly deps: TurnDeps) {}

  /** "what's on my calendar tomorrow", "anything with carol this week": the events of a window, read out. */
  async readEvents(t: Turn, s: DialogSlots): Promise<TurnResult> {
    const { input, done, list } = t;
    // ("what do i have this week" on Wednesday: from today on, not Monday and Tuesday as if still to come.)
    const window = s.window ? weekStillAhead(s.window, input.text, input.now, input.timeZone) : s.start ? { start: s.start, end: s.end ?? iso(Date.parse(s.start) + 3_600_000) } : dayWindow(input.now, input.timeZone);
    const { shown: all, explanation: read } = await list(window);
    // "anything with carol this week": only the events with the people named ("why?" says which were not).
    // "after 5": what starts then or later, not a meeting already under way; "after my 2pm": not that one either.
    const from = s.after && s.window ? Date.parse(s.window.start) : undefined;
    const sinceBound = from === undefined ? all : all.filter((e) => (s.after === 'later' ? Date.parse(e.start) > from : Date.parse(e.start) >= from));
    // ("how many standups this week": counted by name too.)
    const named = { ...(s.people?.length ? { people: s.people } : {}), ...(s.count && s.title ? { title: s.title } : {}) };
    const shown = namesAnEvent(named) ? sinceBound.filter((e) => eventMatches(e, named, input.user)) : sinceBound;
    const why = named.people ? `it is not with ${named.people.map((p) => p.replace(/\b\w/g, (c) => c.toUpperCase())).join(' and ')}` : `it is not called ${named.title}`;
    const notWith = sinceBound.filter((e) => !shown.includes(e)).map((e) => ({ subject: e.subject, start: e.start, reason: why }));
    const explanation = notWith.length ? { ...read, leftOut: [...read.leftOut, ...notWith] } : read;
    // "nothing with my boss": only true if the directory knows who that is; else say it does not.
    if (s.people?.length && shown.length === 0) {
      for (const name of s.people) if ((await this.deps.provider.findPeople(name)).kind === 'none') return done({ kind: 'unknown_person', name }, [], undefined, explanation);
    }
    // Over several days, a series is said once; a long read is read in part, the rest waits for "yes"
    // (stored like any pending turn).
    const { repeats, singles } = coversDays(window, input.timeZone) ? splitRepeats(shown, input.timeZone) : { repeats: [], singles: shown };
    const rest = singles.length > READ_AT_MOST ? singles.slice(READ_AT_MOST) : [];
    return done({ kind: 'events', scope: 'window', label: '', events: shown, ...(repeats.length ? { repeats } : {}), ...(s.people?.length ? { with: s.people } : {}), ...(s.count ? { count: true } : {}), ...(s.count && s.title ? { counted: s.title.toLowerCase() } : {}) }, shown, rest.length ? { kind: 'more', events: rest } : undefined, explanation);
  }

  /** "what's my next meeting": the next timed event, and what is under way or all day before it. */
  async nextMeeting(t: Turn, s: DialogSlots): Promise<TurnResult> {
    const { input, done, list } = t;
    const window = { start: input.now.toISOString(), end: localDaysFrom(input.now, NEXT_WITHIN_DAYS, input.timeZone) };
    const { shown, explanation } = await list(window);
    const next = shown.filter((e) => !e.isAllDay && Date.parse(e.start) >= input.now.getTime() - MINUTE && eventMatches(e, s, input.user));
    // Said with it, when nothing was named: the meeting under way ("You're in the demo until 3"), and a
    // day-long event that begins before the next meeting ("Tomorrow is the offsite, all day").
    const plain = !namesAnEvent(s);
    const underWay = plain ? shown.find((e) => !e.isAllDay && Date.parse(e.start) < input.now.getTime() - MINUTE && Date.parse(e.end) > input.now.getTime()) : undefined;
    const allDayFirst = plain ? shown.find((e) => e.isAllDay && Date.parse(e.start) > input.now.getTime() && (!next[0] || Date.parse(e.start) <= Date.parse(next[0].start))) : undefined;
    // ("my next 1:1 with ann" and none: that is what is said to be missing, not every meeting.)
    const query = !plain && next.length === 0 ? `${s.title ?? 'meeting'}${s.people?.length ? ` with ${s.people.map((p) => p.replace(/\b[a-z]/g, (c) => c.toUpperCase())).join(' and ')}` : ''}` : undefined;
    return done({ kind: 'events', scope: 'next', label: '', events: next.slice(0, 1), ...(underWay ? { underWay } : {}), ...(allDayFirst ? { allDayFirst } : {}), ...(query ? { query } : {}) }, next.slice(0, 1), undefined, explanation);
  }

  /** "when is the budget review", "when was my last meeting", "my first meeting tomorrow": one event found. */
  async findMeeting(t: Turn, s: DialogSlots): Promise<TurnResult> {
    const { input, done, list } = t;
    // "when was the budget review", "what was my last meeting": the latest that started before now.
    // Nothing of that name before now ("when was the budget review" that is on Wednesday): the usual find.
    if (s.past) {
      const { shown, explanation } = await list({ start: localDaysFrom(input.now, -SEARCH_BACK_DAYS, input.timeZone), end: input.now.toISOString() });
      const before = shown.filter((e) => !e.isAllDay && Date.parse(e.start) < input.now.getTime() && (!namesAnEvent(s) || eventMatches(e, s, input.user)));
      const latest = before.slice(-1);
      const query = [s.title, ...(s.people ?? [])].filter(Boolean).join(' ') || 'a meeting';
      if (latest.length) return done({ kind: 'events', scope: 'find', label: '', events: latest, query, past: true }, latest, undefined, explanation);
      if (!namesAnEvent(s)) return done({ kind: 'not_found', query, pastDays: SEARCH_BACK_DAYS }, [], undefined, explanation);
    }
    // "what time is my first meeting tomorrow": the day's first (or last) timed event, whatever its name.
    if (s.pick && !namesAnEvent(s)) {
      const { shown, explanation } = await list(s.window ?? dayWindow(input.now, input.timeZone));
      const timed = shown.filter((e) => !e.isAllDay);
      const chosen = (s.pick === 'first' ? timed[0] : timed[timed.length - 1]);
      if (!chosen) return done({ kind: 'events', scope: 'window', label: '', events: [] }, [], undefined, explanation);
      // Over already ("what was my first meeting today" at noon): said as past.
      return done({ kind: 'events', scope: 'find', label: '', events: [chosen], ...(Date.parse(chosen.end) <= input.now.getTime() ? { past: true } : {}) }, [chosen], undefined, explanation);
    }
    // "when is the project kickoff" with no name understood: say so, never answer with another event.
    if (!namesAnEvent(s)) return done({ kind: 'which_event', change: 'find' });
    const { act, explanation } = await this.findNamed(t, s);
    return done(act, act.kind === 'events' ? act.events : [], undefined, explanation);
  }

  /** "am i free at 3", "when am i free tomorrow": busy or free then, or the free stretches of a window. */
  async amIFree(t: Turn, s: DialogSlots): Promise<TurnResult> {
    const { input, done, list, stateOf } = t;
    // "when am i free tomorrow", "do i have time for a 30 minute call this afternoon": the free stretches.
    if (s.window && (s.findFree || (s.lengthSaid && s.durationMinutes !== undefined && !s.start))) {
      const spans = askedSpans(s.window, input.now, input.timeZone);
      const { shown, explanation } = await list(s.window);
      const minutes = s.lengthSaid ? s.durationMinutes : undefined;
      const days = spans.map((span) => ({ span, gaps: freeGaps(span, shown, minutes ?? 15) }));
      return done({ kind: 'free_gaps', days, ...(minutes !== undefined ? { minutes } : {}) }, [], undefined, explanation);
    }
    // "move the budget review to 3", then "am i free then?": the time proposed, and the proposal still waits.
    const proposed = !s.start && !s.window && THEN.test(input.text) ? await proposedTime(stateOf) : undefined;
    if (proposed) {
      const { shown, explanation } = await list(proposed.window);
      const busy = timedFirst(shown.filter((e) => e.freeBusy !== 'free' && !e.isCancelled && e.id !== proposed.moving));
      return done({ kind: 'free', label: '', busy, ...(s.askedBusy ? { askedBusy: true } : {}) }, busy, proposed.pending, { ...explanation, window: proposed.window });
    }
    const window = s.window ?? (s.start ? { start: s.start, end: s.end ?? iso(Date.parse(s.start) + (s.durationMinutes ?? 30) * MINUTE) } : { start: input.now.toISOString(), end: iso(input.now.getTime() + 30 * MINUTE) });
    const { shown, explanation } = await list(window);
    // ("do i have any meetings today" at 2 PM: what is still to come is named first, not the standup that is over.)
    // ("am i free friday" with the offsite all day: the offsite is the answer, named before the standup.)
    const wholeDays = Date.parse(window.end) - Date.parse(window.start) >= 20 * 3_600_000;
    const holding = (wholeDays ? allDayFirst : timedFirst)(shown.filter((e) => e.freeBusy !== 'free'));
    const busy = [...holding.filter((e) => Date.parse(e.end) > input.now.getTime()), ...holding.filter((e) => Date.parse(e.end) <= input.now.getTime())];
    // "am i free tomorrow afternoon" with one meeting in it: not a flat "no"; the free time in it too.
    const stretch = !s.start && Date.parse(window.end) - Date.parse(window.start) >= 2 * 3_600_000 && Date.parse(window.end) - Date.parse(window.start) <= 25 * 3_600_000;
    const gaps = stretch && busy.length ? askedSpans(window, input.now, input.timeZone).flatMap((span) => freeGaps(span, shown, 15)) : [];
    return done({ kind: 'free', label: '', busy, ...(s.askedBusy ? { askedBusy: true } : {}), ...(gaps.length ? { gaps } : {}) }, busy, undefined, explanation);
  }

  /**
   * "what do i have after the budget review (on wednesday)": the event is found (on the day said, else
   * from today on), then what is on its day before it starts or after it ends. A meal that is not on the
   * calendar ("after lunch") stands for its usual hours, on the day said or today.
   */
  async around(t: Turn, around: AroundEvent, s: DialogSlots): Promise<TurnResult> {
    const { input, done, list } = t;
    const [title, person] = around.name.split(/\s+with\s+/i) as [string, string | undefined];
    const named = { title, ...(person ? { people: [person] } : {}) };
    const day = s.window ?? dayWindow(input.now, input.timeZone);
    // A meal said without a day is today's ("what's after lunch"); another event, the next one of that name.
    const searched = s.window ?? (isMeal(title) ? day : { start: day.start, end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) });
    const { shown, explanation } = await list(searched);
    // "after my last meeting today": picked by its place among the day's timed events; else by its name.
    const picked = PICKED.exec(title)?.[1]?.toLowerCase();
    const timed = shown.filter((e) => !e.isAllDay && !e.isCancelled);
    const ofDay = timed.filter((e) => Date.parse(e.start) < Date.parse(day.end));
    const event = picked === 'first' ? ofDay[0] : picked === 'last' ? ofDay[ofDay.length - 1] : picked === 'next' ? timed.find((e) => Date.parse(e.start) >= input.now.getTime()) : shown.find((e) => !e.isCancelled && Date.parse(e.end) > input.now.getTime() && eventMatches(e, named, input.user));
    const anchor = event ?? mealHours(title, day.start, input.timeZone);
    if (!anchor) return done({ kind: 'not_found', query: around.name }, [], undefined, explanation);
    const window = windowAround(around.edge, anchor, input.now, input.timeZone);
    // (Around an all-day event its neighbouring days are read, which may lie outside what was searched.)
    const read = event?.isAllDay ? (await list(window)).shown : shown;
    const events = read.filter((e) => e.id !== event?.id && !e.isAllDay && (around.edge === 'after' ? Date.parse(e.start) >= Date.parse(window.start) && Date.parse(e.start) < Date.parse(window.end) : Date.parse(e.start) < Date.parse(window.end) && Date.parse(e.end) > Date.parse(window.start)));
    const subject = event?.subject ?? title.toLowerCase();
    return done({ kind: 'events', scope: 'window', label: '', events, around: { edge: around.edge, subject, start: anchor.start } }, events, undefined, { ...explanation, window });
  }

  /**
   * "when is the budget review": the events of that name (or with those people) from yesterday on, the
   * first three not over yet; when all are over, the latest, said as past.
   */
  async findNamed(t: Turn, s: DialogSlots): Promise<{ act: Act; explanation: Explanation }> {
    const { input, list } = t;
    const window = s.window ?? { start: localDaysFrom(input.now, -1, input.timeZone), end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) };
    const { shown, all, explanation } = await list(window);
    const named = shown.filter((e) => eventMatches(e, s, input.user));
    const found = named.filter((e) => Date.parse(e.end) >= input.now.getTime());
    const query = [s.title, ...(s.people ?? [])].filter(Boolean).join(' ');
    // Over already ("when is the budget review" at 12:30, after it ran 11 to 12): the latest one, said as past.
    const over = named.filter((e) => Date.parse(e.end) < input.now.getTime()).slice(-1);
    if (found.length === 0 && over.length) return { act: { kind: 'events', scope: 'find', label: '', events: over, query, past: true }, explanation };
    // ("when is the design sync" that its organizer cancelled: said so, not "couldn't find".)
    const gone = found.length === 0 ? all.find((e) => e.isCancelled && Date.parse(e.end) >= input.now.getTime() && eventMatches({ ...e, subject: withoutCancelledMark(e.subject) }, s, input.user)) : undefined;
    if (gone) return { act: { kind: 'was_cancelled', event: gone }, explanation };
    if (found.length === 0) return { act: { kind: 'not_found', query }, explanation };
    return { act: { kind: 'events', scope: 'find', label: '', events: found.slice(0, 3), query, ...(found.length > 3 ? { more: found.length - 3 } : {}) }, explanation };
  }
}

/** The time a proposal waiting for "yes" would take (a new event's, or a move's new time), and the proposal. */
async function proposedTime(stateOf: () => Promise<DialogState>): Promise<{ window: TimeWindow; pending?: Pending; moving?: string } | undefined> {
  const { pending, about } = await stateOf();
  if (pending?.kind === 'create') return { window: { start: pending.draft.start, end: pending.draft.end }, pending };
  if (pending?.kind === 'move') return { window: { start: pending.start, end: pending.end }, pending, moving: pending.event.id };
  // ("add lunch with bob wednesday at 11", "Which Bob?", then "am i free then?": that time; the question still waits.)
  const asked = (pending?.kind === 'person' || pending?.kind === 'time') && 'create' in pending ? pending.create : undefined;
  if (asked?.start) return { window: { start: asked.start, end: asked.end ?? iso(Date.parse(asked.start) + (asked.durationMinutes ?? 60) * MINUTE) }, pending: pending! };
  // (After "what's my next meeting": its time; with nothing talked about, not "now".)
  if (about && !pending) return { window: { start: about.start, end: about.end } };
  return undefined;
}
