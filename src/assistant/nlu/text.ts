/**
 * Tokens with their place in the original text, and the normalised text chrono reads ("march twenty
 * fifth at five thirty pm" -> "march 25th at 5:30 pm"). Each normalised piece remembers which original
 * tokens it came from, so a date found in the normalised text maps back to the words as said
 * (SLURP's slot values are spans of the original text).
 */
import { isNumberWord, ordinalSuffix, readNumber } from './numbers.js';
import { MONTHS } from './lexicon.js';

export interface Token {
  /** The token as written (punctuation around it removed). */
  readonly text: string;
  readonly lower: string;
  /** Lower case as typed, when `lower` is a misspelling's correction ("thrusday" for "thursday"). */
  readonly misspelled?: string;
  /** Character offsets in the original text. */
  readonly start: number;
  readonly end: number;
}

/** Splits on white space and strips surrounding punctuation ("Friday," -> "Friday"); keeps "bob's", "3:30pm", "3/25". */
export function tokenize(input: string): Token[] {
  // Typed text brings curly apostrophes ("what’s"); same length, so offsets still point into the input.
  const text = input.replace(/[’‘]/g, "'");
  const tokens: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /["(\[{“‘¿¡]/.test(text[s]!)) s++;
    while (e > s && /[")\]}”’.,!?;:]/.test(text[e - 1]!)) e--;
    // "a.m." and "p.m." keep their inner dots.
    if (/^[ap]\.m$/i.test(text.slice(s, e))) e = Math.min(e + 1, s + m[0].length);
    if (e <= s) continue;
    // "@ 2", "@noon": typed for "at" (not "@microsoft", a handle).
    if (text[s] === '@' && (e === s + 1 || /^@(\d|noon\b|midnight\b)/i.test(text.slice(s, e)))) {
      tokens.push({ text: '@', lower: 'at', start: s, end: s + 1 });
      if (++s >= e) continue;
    }
    const t = text.slice(s, e);
    // "w/ bob" is "with bob" for every reader of the words, not only the models.
    if (t.toLowerCase() === 'w/' || t.toLowerCase() === 'w/o') {
      tokens.push({ text: t, lower: t.length === 2 ? 'with' : 'without', start: s, end: e });
      continue;
    }
    // "3pm" and "10:30am" become two tokens, as they are said ("three pm"), so the models see spoken form.
    // Typed short forms count: "2p", "10:30a" are "2 pm", "10:30 am".
    const fused = /^(\d{1,2}(?::\d\d)?)(am|pm|a\.m\.?|p\.m\.?|a|p)$/i.exec(t);
    if (fused) {
      const cut = s + fused[1]!.length;
      const meridiem = fused[2]!.toLowerCase();
      tokens.push({ text: fused[1]!, lower: fused[1]!.toLowerCase(), start: s, end: cut });
      tokens.push({ text: fused[2]!, lower: meridiem === 'a' || meridiem === 'p' ? `${meridiem}m` : meridiem, start: cut, end: e });
      continue;
    }
    // "6-7am", "2pm-3:30pm", "9:30-10:15": a typed range is said "six to seven am"; the dash becomes
    // its own token (read as "to"). A bare "3-25" stays whole: that is a date.
    const range = /^(\d{1,2}(?::\d\d)?)(am|pm)?([-–])(\d{1,2}(?::\d\d)?)(am|pm)?$/i.exec(t);
    if (range && (range[2] || range[5] || (range[1]!.includes(':') && range[4]!.includes(':')) || bareHourRange(range[1]!, range[4]!, tokens[tokens.length - 1]?.lower))) {
      let at = s;
      for (const part of range.slice(1)) {
        if (!part) continue;
        tokens.push({ text: part, lower: part.toLowerCase(), start: at, end: at + part.length });
        at += part.length;
      }
      continue;
    }
    // "thrusday", "calender": a common misspelling is the word meant, for every reader (dates too).
    const lower = t.toLowerCase();
    const meant = MISSPELLED[lower];
    tokens.push({ text: t, lower: meant ?? lower, ...(meant ? { misspelled: lower } : {}), start: s, end: e });
  }
  return tokens;
}

/** Misspellings typed often enough to matter, each of one word only ("wendesday" is nothing but Wednesday). */
const MISSPELLED: Readonly<Record<string, string>> = {
  calender: 'calendar', calandar: 'calendar', calander: 'calendar', schedual: 'schedule', shedule: 'schedule',
  mondy: 'monday', monady: 'monday', teusday: 'tuesday', tuseday: 'tuesday', tuesady: 'tuesday', tusday: 'tuesday',
  wendesday: 'wednesday', wensday: 'wednesday', wednsday: 'wednesday', wedensday: 'wednesday', wednesdy: 'wednesday', wedsday: 'wednesday',
  thrusday: 'thursday', thursady: 'thursday', thurday: 'thursday', thurdsay: 'thursday', firday: 'friday', fridy: 'friday', frday: 'friday',
  saturady: 'saturday', satuday: 'saturday', sunady: 'sunday', tommorrow: 'tomorrow', tomorroe: 'tomorrow', tomororw: 'tomorrow',
  meeing: 'meeting', meetng: 'meeting', metting: 'meeting', apointment: 'appointment', appoinment: 'appointment',
  wats: 'whats', nxt: 'next',
};

/**
 * "1-3" after "tomorrow", "9-5": two hours are a range of time, unless the words before make it a date
 * ("on 3-4", "for 1-3"). A part above 12 is never an hour, so "3-25" is always a date.
 */
function bareHourRange(from: string, to: string, before: string | undefined): boolean {
  const [a, b] = [Number(from), Number(to)];
  if (!(a >= 1 && a <= 12 && b >= 1 && b <= 12) || a === b) return false;
  return !(before && /^(on|for|the|of|by|until|till|due)$/.test(before));
}

/**
 * What chat typists abbreviate, as the word said (the models learned from spoken lines): "mtg" is
 * "meeting", "dec" is "december", a range's dash is "to", "1:1" is a meeting. Only words without a
 * second common meaning: not "sat", "sun" or "may".
 */
const TYPED_WORDS: Readonly<Record<string, string>> = {
  mtg: 'meeting', mtgs: 'meetings', appt: 'appointment', appts: 'appointments', 'w/': 'with', '1:1': 'meeting', '1-1': 'meeting',
  '1on1': 'meeting', nxt: 'next', resched: 'reschedule', sched: 'schedule', mtng: 'meeting', tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow', tomorow: 'tomorrow', tommorow: 'tomorrow', tonite: 'tonight',
  '-': 'to', '–': 'to', min: 'minutes', mins: 'minutes', hr: 'hours', hrs: 'hours',
  jan: 'january', feb: 'february', mar: 'march', apr: 'april', jun: 'june', jul: 'july', aug: 'august', sep: 'september',
  sept: 'september', oct: 'october', nov: 'november', dec: 'december',
  mon: 'monday', tue: 'tuesday', tues: 'tuesday', wed: 'wednesday', weds: 'wednesday', thu: 'thursday', thur: 'thursday',
  thurs: 'thursday', fri: 'friday', wknd: 'weekend',
};

/** The word the models see for a lower-case token: typed abbreviations spelled out, everything else as is. */
export function modelToken(lower: string): string {
  return TYPED_WORDS[lower] ?? lower;
}

/** A piece of the normalised text and the original tokens [from, to) it stands for. */
export interface Piece {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** Character offsets of the piece in the normalised text. */
  readonly start: number;
  readonly end: number;
}

export interface Normalised {
  readonly text: string;
  readonly pieces: readonly Piece[];
}

const DATE_CONTEXT_BEFORE = new Set(['the', 'on', 'this', 'next', 'every', 'by', 'until', 'till', 'from', 'since']);
const WORD_FIXES: Readonly<Record<string, string>> = {
  todays: 'today', "today's": 'today', tomorrows: 'tomorrow', "tomorrow's": 'tomorrow', tonights: 'tonight',
  "tonight's": 'tonight', tommorow: 'tomorrow', tomorow: 'tomorrow', tmrw: 'tomorrow', tmr: 'tomorrow',
  'a.m': 'am', 'a.m.': 'am', 'p.m': 'pm', 'p.m.': 'pm', oclock: "o'clock", mins: 'minutes', hrs: 'hours',
  "yesterday's": 'yesterday', "monday's": 'monday', "tuesday's": 'tuesday', "wednesday's": 'wednesday',
  "thursday's": 'thursday', "friday's": 'friday', "saturday's": 'saturday', "sunday's": 'sunday',
  thru: 'through', tues: 'tuesday', weds: 'wednesday', thurs: 'thursday', wknd: 'weekend',
  // Not dates or times for chrono: "1:1 w/ bob tmrw" is a meeting with Bob tomorrow.
  'w/': 'with', '1:1': 'meeting', '1-1': 'meeting', '1on1': 'meeting',
};

function numberAt(words: readonly string[], i: number): { value: number; ordinal: boolean; length: number } | undefined {
  const w = words[i];
  if (w === undefined) return undefined;
  if (/^\d{1,4}$/.test(w)) return { value: Number(w), ordinal: false, length: 1 };
  const ord = /^(\d{1,2})(st|nd|rd|th)$/.exec(w);
  if (ord) return { value: Number(ord[1]), ordinal: true, length: 1 };
  return readNumber(words, i);
}

/**
 * What a typed "12.30" is, from the words around it: a date only where a date is expected ("on 12.24");
 * elsewhere a clock time ("at 12.30", "10.30") when it can be one; a length before a unit ("1.5 hours")
 * and anything else is left as typed. One answer for the intent model (features.ts) and for chrono.
 */
export function dottedReading(w: string, prev: string | undefined, next: string | undefined): 'date' | 'clock' | undefined {
  const dotted = /^(\d{1,2})\.(\d{1,2})(?:\.(?:\d{2}|\d{4}))?$/.exec(w);
  if (!dotted || /^(hours?|hrs?|h|minutes?|mins?|m|days?|weeks?)$/.test(next ?? '')) return undefined;
  // "12.24.2026": a year makes it a date wherever it stands.
  if (/^(on|for|the|of|by|until|till|due)$/.test(prev ?? '') || w.split('.').length === 3) return 'date';
  if (/^\d\d$/.test(dotted[2]!) && Number(dotted[1]) <= 23 && Number(dotted[2]) <= 59) return 'clock';
  return undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * One normalisation step at word i: returns the replacement text and how many words it covers, or
 * undefined to copy the word through.
 */
function rewrite(words: readonly string[], i: number): { text: string; length: number } | undefined {
  const w = words[i]!;
  const next = words[i + 1];
  // "half past three", "quarter past four", "quarter to four"
  if ((w === 'half' || w === 'quarter') && (next === 'past' || next === 'after' || next === 'to' || next === 'till')) {
    const n = numberAt(words, i + 2);
    if (n && !n.ordinal && n.value >= 1 && n.value <= 12) {
      const minutes = w === 'half' ? 30 : 15;
      const text = next === 'to' || next === 'till'
        ? `${n.value === 1 ? 12 : n.value - 1}:${pad2(60 - minutes)}`
        : `${n.value}:${pad2(minutes)}`;
      return { text, length: 2 + n.length };
    }
  }
  if (w in WORD_FIXES) return { text: WORD_FIXES[w]!, length: 1 };
  // "3-25": a date typed with a dash, read as chrono reads "3/25".
  if (/^\d{1,2}-\d{1,2}(?:-(?:\d{2}|\d{4}))?$/.test(w)) return { text: w.replace(/-/g, '/'), length: 1 };
  const dotted = dottedReading(w, words[i - 1], next);
  if (dotted === 'date') return { text: w.replace(/\./g, '/'), length: 1 };
  if (dotted === 'clock') return { text: w.replace('.', ':'), length: 1 };
  if ((w === 'a' || w === 'p') && words[i + 1] === 'm' && i > 0 && numberAt(words, i - 1)) return { text: `${w}m`, length: 2 };
  if (w === 'o' && next === 'clock') return { text: "o'clock", length: 2 };
  if (!isNumberWord(w)) return undefined;
  const first = readNumber(words, i);
  if (!first) return undefined;
  const j = i + first.length;
  const prev = words[i - 1];
  if (!first.ordinal) {
    // "five thirty" -> 5:30, "eleven oh five" -> 11:05
    if (first.value >= 1 && first.value <= 12 && first.length === 1) {
      if ((words[j] === 'oh' || words[j] === 'o') && words[j + 1] && /^(one|two|three|four|five|six|seven|eight|nine)$/.test(words[j + 1]!)) {
        const m = readNumber(words, j + 1);
        if (m) return { text: `${first.value}:${pad2(m.value)}`, length: first.length + 1 + m.length };
      }
      const m = readNumber(words, j);
      if (m && !m.ordinal && m.value >= 10 && m.value <= 59 && !/^(minutes?|hours?|days?|weeks?)$/.test(words[j + m.length] ?? '')) {
        return { text: `${first.value}:${pad2(m.value)}`, length: first.length + m.length };
      }
    }
    // "twenty seventeen" -> 2017, "nineteen ninety nine" -> 1999
    if ((first.value === 19 || first.value === 20) && first.length === 1) {
      const y = readNumber(words, j);
      if (y && !y.ordinal && y.value >= 10 && y.value <= 99) return { text: String(first.value * 100 + y.value), length: 1 + y.length };
    }
    return { text: String(first.value), length: first.length };
  }
  // Ordinals become dates only next to a month or after "the"/"on": "the second event" stays words.
  const dateContext = (prev !== undefined && (DATE_CONTEXT_BEFORE.has(prev) || MONTHS.has(prev))) ||
    (words[j] !== undefined && (words[j] === 'of' || MONTHS.has(words[j]!)));
  if (!dateContext || first.value > 31) return { text: words.slice(i, j).join(' '), length: first.length };
  return { text: ordinalSuffix(first.value), length: first.length };
}

/** Normalises lower-case tokens for chrono: numbers as digits, "a.m." as "am", "todays" as "today". */
export function normalise(tokens: readonly Token[]): Normalised {
  const words = tokens.map((t) => t.lower);
  const pieces: Piece[] = [];
  let offset = 0;
  for (let i = 0; i < words.length;) {
    const r = rewrite(words, i) ?? { text: words[i]!, length: 1 };
    const start = offset === 0 ? 0 : offset + 1;
    pieces.push({ text: r.text, from: i, to: i + r.length, start, end: start + r.text.length });
    offset = start + r.text.length;
    i += r.length;
  }
  return { text: pieces.map((p) => p.text).join(' '), pieces };
}

/** The original token range [from, to) covered by the normalised characters [start, end). */
export function tokenRange(n: Normalised, start: number, end: number): { from: number; to: number } | undefined {
  const hit = n.pieces.filter((p) => p.end > start && p.start < end);
  if (hit.length === 0) return undefined;
  return { from: hit[0]!.from, to: hit[hit.length - 1]!.to };
}
