/**
 * Lengths of time in normalised text ("for 45 minutes", "for an hour and a half", "half an hour",
 * "by 15 minutes") and offsets from now ("in 2 hours"). Matches are cut out of the text before chrono
 * reads it, because chrono would take "for 45 minutes" as a time 45 minutes from now.
 */

export interface Match {
  readonly start: number;
  readonly end: number;
}

export interface DurationMatch extends Match {
  readonly minutes: number;
  /** What introduced it: "for" (a length), "in"/"after" (an offset from now), "by"/"another" (an extension). */
  readonly kind: 'length' | 'offset' | 'extension';
}

const AMOUNT = String.raw`(?:an?|one|\d+(?:\.\d+)?|a couple of|couple of|a few|few)`;
const UNIT = String.raw`(?:hours?|hrs?|h|minutes?|mins?|m)`;
const HALF = String.raw`(?:\s+and\s+a\s+half)?`;
const QUARTERS = String.raw`(?:an?|one|\d)\s+quarters?\s+of\s+an?\s+hour`;
const PLAIN = String.raw`(?:${AMOUNT}\s+${UNIT}${HALF}(?:\s+and\s+\d+\s+${UNIT})?|half\s+(?:an?\s+)?hour|${AMOUNT}\s+and\s+a\s+half\s+hours?|${QUARTERS})`;
/** "1.5h", "45m", and hours with minutes typed together: "1h30", "1h 30m", "2hr15". */
const COMPACT = String.raw`(?:\d+\s?(?:h|hr|hrs)\s?\d{1,2}(?:\s?(?:m|min|mins))?\b|\d+(?:\.\d+)?\s?(?:h|hr|hrs|min|mins|m)\b)`;

function amount(a: string): number {
  if (a === 'a' || a === 'an' || a === 'one') return 1;
  if (/couple/.test(a)) return 2;
  if (/few/.test(a)) return 3;
  return Number(a);
}

/** Minutes in a phrase like "an hour and a half", "45 minutes", "2 hours and 30 minutes", "1.5h". */
export function phraseMinutes(phrase: string): number | undefined {
  const p = phrase.trim();
  if (/^half\s+(an?\s+)?hour$/.test(p)) return 30;
  const quarters = /^(an?|one|\d)\s+quarters?\s+of\s+an?\s+hour$/.exec(p);
  if (quarters) return 15 * amount(quarters[1]!);
  const hoursAndMinutes = /^(\d+)\s?(?:h|hr|hrs)\s?(\d{1,2})(?:\s?(?:m|min|mins))?$/.exec(p);
  if (hoursAndMinutes) return Number(hoursAndMinutes[1]) * 60 + Number(hoursAndMinutes[2]);
  let m = /^(\S+(?:\s+of)?|a couple of|a few)\s+and\s+a\s+half\s+hours?$/.exec(p);
  if (m) return Math.round((amount(m[1]!) + 0.5) * 60);
  let total = 0;
  let found = false;
  const re = new RegExp(String.raw`(${AMOUNT})\s*(${UNIT})\b(\s+and\s+a\s+half)?`, 'g');
  for (m = re.exec(p); m; m = re.exec(p)) {
    const n = amount(m[1]!) + (m[3] ? 0.5 : 0);
    total += /^h/.test(m[2]!) ? n * 60 : n;
    found = true;
  }
  return found ? Math.round(total) : undefined;
}

/** Every length or offset in the normalised text, left to right. */
export function findDurations(text: string): DurationMatch[] {
  const out: DurationMatch[] = [];
  const re = new RegExp(String.raw`\b(for|lasting|in|after|within|by|another|extra|an extra|additional|an additional)?\s*(${PLAIN}|${COMPACT})(\s+(?:long|more|longer|extra))?\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const minutes = phraseMinutes(/^\d+\s?(?:h|hr|hrs)\s?\d/.test(m[2]!) ? m[2]! : m[2]!.replace(/(\d)(h|hr|hrs|min|mins|m)\b/, '$1 $2'));
    if (minutes === undefined || minutes <= 0) continue;
    const lead = m[1] ?? '';
    const tail = (m[3] ?? '').trim();
    const kind = lead === 'in' || lead === 'after' || lead === 'within' ? 'offset'
      : lead === 'by' || /another|extra|additional/.test(lead) || tail === 'more' || tail === 'longer' || tail === 'extra' ? 'extension'
        : 'length';
    out.push({ start: m.index, end: m.index + m[0].length, minutes, kind });
  }
  return out;
}

/** "a 30 minute meeting", "30-minute call", "a 2 day offsite": a length said as an adjective. */
export function findAdjectiveDuration(text: string): DurationMatch | undefined {
  const m = /\b(\d+|two|three|four|five)[\s-](minute|min|hour|day)\b(?!s)/.exec(text);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : ['two', 'three', 'four', 'five'].indexOf(m[1]!) + 2;
  if (m[2] === 'day' && (n < 1 || n > 14)) return undefined;
  return { start: m.index, end: m.index + m[0].length, minutes: m[2] === 'day' ? n * 1440 : m[2] === 'hour' ? n * 60 : n, kind: 'length' };
}

/** Blanks the matched ranges out of the text (same length, so offsets stay valid). */
export function blank(text: string, matches: readonly Match[]): string {
  let out = text;
  for (const m of matches) out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}
