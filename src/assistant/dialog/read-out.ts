/**
 * The events an answer read out, in the order it said them, and the one a place names among them ("the
 * second one", "the last meeting"): what "cancel the first one" after a read means.
 */
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
