/**
 * Typed twins of spoken training lines. SLURP writes what was said ("march twenty fifth", "five thirty
 * pm"); people also type "3/25" and "5:30pm". Without examples of the typed forms the models meet them
 * as unknown words: "what's on 3/25" lost its date and read as small talk, and "lunch with bob 3/25"
 * took the date into bob's name. Each line with a spoken month-and-day or hour-and-minutes gets one twin
 * with those written as digits, slot values rewritten alike, so the date or time keeps its label.
 * Built from the training lines only, inside training: a held-out or cross-validation line never has a
 * twin among the lines trained on.
 */
import { MONTHS } from '../lexicon.js';
import { readNumber } from '../numbers.js';
import type { LabelledLine } from './split.js';

const MONTH_NUMBER: Readonly<Record<string, number>> = Object.fromEntries(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map((m, i) => [m, i + 1]),
);

/** A run of words [from, to) and what to type in its place. */
interface Rewrite {
  readonly from: number;
  readonly to: number;
  readonly typed: string;
}

function day(words: readonly string[], i: number): { value: number; length: number } | undefined {
  const n = readNumber(words, i);
  return n && n.value >= 1 && n.value <= 31 ? { value: n.value, length: n.length } : undefined;
}

/** "twenty seventeen", "two thousand and seventeen" -> 2017: a year said after a date. */
function year(words: readonly string[], i: number): { value: number; length: number } | undefined {
  const whole = readNumber(words, i);
  if (whole && !whole.ordinal && whole.value >= 1990 && whole.value <= 2099) return { value: whole.value, length: whole.length };
  const rest = words[i] === 'twenty' ? readNumber(words, i + 1) : undefined;
  if (rest && !rest.ordinal && rest.value >= 10 && rest.value <= 99) return { value: 2000 + rest.value, length: 1 + rest.length };
  return undefined;
}

/** The date as typed: "3/25", or "3/25/2017" when a year follows at `at`. */
function typedDate(words: readonly string[], from: number, at: number, month: number, dayOfMonth: number): Rewrite {
  const y = year(words, at);
  return y ? { from, to: at + y.length, typed: `${month}/${dayOfMonth}/${y.value}` } : { from, to: at, typed: `${month}/${dayOfMonth}` };
}

/** "march twenty fifth" -> 3/25; "the fifth of april" -> 4/5 ("may" only before a day: it is also a verb). */
function monthDay(words: readonly string[], i: number): Rewrite | undefined {
  const w = words[i]!;
  if (MONTHS.has(w) && MONTH_NUMBER[w]) {
    const d = day(words, i + 1);
    if (d) return typedDate(words, i, i + 1 + d.length, MONTH_NUMBER[w], d.value);
  }
  const start = words[i] === 'the' ? i + 1 : i;
  const d = day(words, start);
  if (!d) return undefined;
  let m = start + d.length;
  if (words[m] === 'of') m++;
  const month = words[m];
  if (month === undefined || month === 'may' || !MONTH_NUMBER[month]) return undefined;
  return typedDate(words, i, m + 1, MONTH_NUMBER[month], d.value);
}

/** "five thirty pm" -> 5:30pm, "ten o five am" -> 10:05am: an hour, its minutes, and the half of the day. */
function clock(words: readonly string[], i: number): Rewrite | undefined {
  const hour = readNumber(words, i);
  if (!hour || hour.ordinal || hour.value < 1 || hour.value > 12) return undefined;
  let j = i + hour.length;
  const oh = words[j] === 'o' || words[j] === 'oh';
  if (oh) j++;
  const minutes = readNumber(words, j);
  if (!minutes || minutes.ordinal || minutes.value < 1 || minutes.value > 59 || (oh && minutes.value > 9) || (!oh && minutes.value < 10)) return undefined;
  j += minutes.length;
  const half = words[j];
  if (half !== 'am' && half !== 'pm') return undefined;
  return { from: i, to: j + 1, typed: `${hour.value}:${String(minutes.value).padStart(2, '0')}${half}` };
}

/** Where each slot value sits in the words (first match after the previous one, as the BIO labels read it). */
function slotSpans(words: readonly string[], slots: LabelledLine['slots']): ({ from: number; to: number } | undefined)[] {
  let after = 0;
  return slots.map((s) => {
    const v = s.value.toLowerCase().split(' ').filter(Boolean);
    for (let i = after; i + v.length <= words.length; i++) {
      if (v.every((x, k) => words[i + k] === x)) {
        after = i + v.length;
        return { from: i, to: i + v.length };
      }
    }
    return undefined;
  });
}

/** The line with its spoken dates and times typed, or undefined when it has none (or a slot would split one). */
export function typedVariant(line: LabelledLine): LabelledLine | undefined {
  const words = line.text.split(' ');
  const rewrites: Rewrite[] = [];
  for (let i = 0; i < words.length; ) {
    const r = monthDay(words, i) ?? clock(words, i);
    if (r) rewrites.push(r);
    i = r ? r.to : i + 1;
  }
  if (rewrites.length === 0) return undefined;
  const spans = slotSpans(words, line.slots);
  // A slot that holds part of a rewritten run cannot keep its label on the typed form: no twin.
  if (spans.some((sp) => sp && rewrites.some((r) => r.from < sp.to && sp.from < r.to && !(sp.from <= r.from && r.to <= sp.to)))) return undefined;
  const typedWords = (from: number, to: number): string => {
    const out: string[] = [];
    for (let i = from; i < to; ) {
      const r = rewrites.find((x) => x.from === i);
      out.push(r ? r.typed : words[i]!);
      i = r ? r.to : i + 1;
    }
    return out.join(' ');
  };
  const slots = line.slots.map((s, k) => {
    const sp = spans[k];
    return sp ? { type: s.type, value: typedWords(sp.from, sp.to) } : s;
  });
  return { ...line, id: `${line.id}~typed`, text: typedWords(0, words.length), slots };
}

/** The lines and, after them, the typed twin of each line that has one. */
export function withTypedVariants(lines: readonly LabelledLine[]): LabelledLine[] {
  return [...lines, ...lines.flatMap((l) => typedVariant(l) ?? [])];
}
