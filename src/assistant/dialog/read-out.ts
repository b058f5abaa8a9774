/**
 * The events an answer read out, in the order it said them (read again from the calendar), and the one a
 * place names among them ("the second one", "the last meeting"): what "cancel the first one" after a read means.
 */
import { READ_AT_MOST } from './acts.js';
import { lastSlots, theOneFound } from './last-turn.js';
import { eventMatches, namesAnEvent } from './match-event.js';
import type { Turn } from './turn-types.js';
import type { CalendarEvent } from '../../domain/calendar.js';

/** "the second one", "cancel the first meeting", "move the last one to 3": a place in a list, said for an event. */
export const ORDINAL_PICK = /\bthe (?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)(?: (?:one|event|meeting|item|thing))?(?=\s*$|[\s.!?,]+(?:$|to|please|an?|back|forward|up|by|later|earlier|\d+|half|one|two|three|for|instead|then)\b)/;

const PLACES: Readonly<Record<string, number>> = { first: 0, '1st': 0, second: 1, '2nd': 1, third: 2, '3rd': 2, fourth: 3, '4th': 3, fifth: 4, '5th': 4 };
/** The events the last answer listed, and how many of them were read out in that order (places count among those only). */
export interface Listed {
  readonly events: readonly CalendarEvent[];
  readonly spoken: number;
}

/** The event at the place said ("the second one", "the last meeting") among those read out in order; none when not said so. */
export function pickByPlace(text: string, listed: Listed): CalendarEvent | undefined {
  const place = /\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\b/.exec(text.toLowerCase())?.[1];
  if (!place) return undefined;
  // ("the last one" when only some were read out: which is last is not what was heard.)
  if (place === 'last') return listed.spoken === listed.events.length ? listed.events[listed.spoken - 1] : undefined;
  const at = PLACES[place]!;
  return at < listed.spoken ? listed.events[at] : undefined;
}

/**
 * The events the last answer listed, in the order said: a read's (all of its window), a find's (those of its
 * name still to come), the next meeting; undefined when the last answer listed none.
 */
export async function lastListed(t: Turn): Promise<Listed | undefined> {
  const { input, stateOf, list } = t;
  const last = (await stateOf()).explanation;
  if (!last?.window || !/^(read_events|find_meeting|next_meeting|am_i_free)\b/.test(last.understood)) return undefined;
  const { shown } = await list(last.window);
  if (/^(read_events|am_i_free)\b/.test(last.understood)) {
    // What the read was narrowed to ("with bob", "how many standups"), in the order read out: one day's events
    // are said in start order (the first READ_AT_MOST); days with a series said once are not, so no place counts.
    const { people, title, count } = lastSlots(last.understood);
    const named = { ...(people?.length ? { people } : {}), ...(count && title ? { title } : {}) };
    const events = shown.filter((e) => !e.isCancelled && (!namesAnEvent(named) || eventMatches(e, named, input.user)));
    const oneDay = Date.parse(last.window.end) - Date.parse(last.window.start) <= 25 * 3_600_000;
    return { events, spoken: oneDay ? Math.min(events.length, READ_AT_MOST) : 0 };
  }
  // A find said its first three of that name still to come; the next meeting, one.
  const found = theOneFound(last.understood);
  const events = shown.filter((e) => !e.isCancelled && Date.parse(e.end) >= input.now.getTime() && (!namesAnEvent(found) || eventMatches(e, found, input.user)) && (namesAnEvent(found) || !e.isAllDay));
  return { events, spoken: Math.min(events.length, /^next_meeting\b/.test(last.understood) ? 1 : 3) };
}

/**
 * The events the last read read out that are still to come ("what did i have last friday", then "cancel it",
 * cancels nothing over).
 */
export async function readAhead(t: Turn): Promise<readonly CalendarEvent[]> {
  return (await lastListed(t))?.events.filter((e) => Date.parse(e.end) > t.input.now.getTime()) ?? [];
}

/** The one event still to come that the last read read out, when it read out exactly one. */
export async function theOneRead(t: Turn): Promise<CalendarEvent | undefined> {
  const ahead = await readAhead(t);
  return ahead.length === 1 ? ahead[0] : undefined;
}
