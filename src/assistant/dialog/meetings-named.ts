/**
 * Finding the meeting a request names ("the budget review on friday", "my 2pm"), as a cancel finds it: for a
 * room asked for a meeting, and a reminder asked before one.
 */

import { eventMatches } from './match-event.js';
import { iso, localDaysFrom, MINUTE, SEARCH_AHEAD_DAYS } from './timing.js';
import { visible } from './visible.js';
import type { CalendarEvent } from '../../domain/calendar.js';
import type { TurnDeps, TurnInput } from './turn-types.js';
import type { DialogSlots } from './understanding.js';

/** The meeting said, read as a change would name it ("my 2pm", "the budget review on friday"). */
export function meetingSaid(deps: Pick<TurnDeps, 'understand'>, input: TurnInput, said: string): DialogSlots {
  return deps.understand(`cancel ${said}`, { now: input.now, timeZone: input.timeZone }).slots;
}

/**
 * The timed meetings (one per series, unless `everyOccurrence`; with `allDay`, all-day events too) that the
 * slots name, as a cancel finds them.
 */
export async function meetingsNamed(deps: Pick<TurnDeps, 'provider'>, input: TurnInput, named: DialogSlots, opts: { readonly allDay?: boolean; readonly everyOccurrence?: boolean } = {}): Promise<CalendarEvent[]> {
  const at = named.start ? Date.parse(named.start) : undefined;
  const all = await deps.provider.listEvents(input.user, searchWindow(named, at, input), input.timeZone);
  const found = visible(all).shown.filter((e) => (opts.allDay || !e.isAllDay) && namedAt(named, at, input.user)(e));
  return opts.everyOccurrence ? found : firstOfEachSeries(found);
}

/** The events a change names: by its words, and starting at the minute said when one was ("cancel my 2:30"). */
export function namedAt(s: DialogSlots, at: number | undefined, user: string): (e: CalendarEvent) => boolean {
  return (e) => eventMatches(e, s, user) && (at === undefined || Math.abs(Date.parse(e.start) - at) < MINUTE);
}

/** Where an event named by a change is looked for: at the minute said ("my 2:30"), the window said, or the days ahead. */
export function searchWindow(s: DialogSlots, at: number | undefined, input: TurnInput): { start: string; end: string } {
  if (at !== undefined) return { start: iso(at - MINUTE), end: iso(at + MINUTE) };
  return s.window ?? { start: input.now.toISOString(), end: localDaysFrom(input.now, SEARCH_AHEAD_DAYS, input.timeZone) };
}

/** Occurrences of one series are one event (the first, the next one being meant), in the order given. */
export function firstOfEachSeries(events: readonly CalendarEvent[]): CalendarEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.uid ?? e.id) && Boolean(seen.add(e.uid ?? e.id)));
}
