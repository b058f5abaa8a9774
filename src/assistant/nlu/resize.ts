/**
 * How a length change of an existing event is said: "extend the budget review by 15 minutes" (+15),
 * "shorten my 11am by half an hour" (-30), "make the standup 30 minutes long" (to 30), "make it 10 minutes
 * shorter" (-10), "add an hour to the offsite planning" (+60). The dialog makes the change; this reads it.
 */
import { findDurations } from './durations.js';

export interface Resize {
  /** Minutes: added (negative: taken off) when `how` is 'by'; the whole new length when 'to'. */
  readonly minutes: number;
  readonly how: 'by' | 'to';
}

const SHORTER = /\b(shorten|cut|trim|shorter|take|knock)\b/;
const LONGER = /\b(extend|lengthen|longer|add|extra|more)\b/;

/** The length change said in normalised text, or undefined when no amount is said ("make it longer"). */
export function resizeSaid(text: string): Resize | undefined {
  const [d] = findDurations(text);
  if (!d) return undefined;
  const before = text.slice(0, d.start);
  // ("shorten my 11am to 30 minutes", "change the length of the review to 45 minutes": the length it should have.)
  if (/\bto\s*$/.test(before) || (d.kind === 'length' && !/\b(by|for)\s*$/.test(before) && /\b(long|make|change)\b/.test(text) && !LONGER.test(text.slice(d.end)) && !SHORTER.test(text.slice(d.end)))) {
    return { minutes: d.minutes, how: 'to' };
  }
  if (SHORTER.test(text)) return { minutes: -d.minutes, how: 'by' };
  if (LONGER.test(text)) return { minutes: d.minutes, how: 'by' };
  return undefined;
}
