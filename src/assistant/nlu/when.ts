/**
 * Dates and times in an utterance, resolved in the user's zone relative to a reference instant.
 *
 * chrono reads the normalised text (digits, see text.ts); Concierge decides the rest:
 * - Parts of day are windows: morning 06-12, afternoon 12-17, evening 17-21, night/tonight 18-24.
 * - Weeks run Monday to Monday in the zone ("next week" is next Monday 00:00 to the Monday after);
 *   "this weekend" is Saturday 00:00 to Monday 00:00; months are calendar months.
 * - A bare hour 1-6 without am/pm is afternoon ("at 3" is 15:00), and any hour in the afternoon,
 *   evening or tonight is pm; 7-11 stays morning. A meal moves a bare hour to its half of the day:
 *   dinner, supper and drinks are pm ("dinner at 7"), breakfast am ("breakfast at 6").
 * - A time with no date is today, or tomorrow once that time has passed (when creating).
 * Every instant is built from wall-clock parts with luxon in the zone, so days across a DST change are
 * 23 or 25 hours long, as they are on the wall.
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { atWallClock, skippedMinutes, type WallParts } from '../../domain/wall-clock.js';
import { blank, findAdjectiveDuration, findDurations, type DurationMatch, type Match } from './durations.js';
import { readNumber } from './numbers.js';
import { normalise, tokenRange, tokenize, type Normalised } from './text.js';

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';
export const PARTS_OF_DAY: Readonly<Record<PartOfDay, readonly [number, number]>> = {
  morning: [6, 12], afternoon: [12, 17], evening: [17, 21], night: [18, 24],
};

export interface When {
  readonly start?: DateTime;
  readonly end?: DateTime;
  readonly window?: { readonly start: DateTime; readonly end: DateTime };
  readonly durationMinutes?: number;
  /** Minutes to add, for "extend the meeting by 15 minutes". */
  readonly extensionMinutes?: number;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
  readonly partOfDay?: PartOfDay;
  readonly isAllDay?: boolean;
  /** "after 5": only what starts then or later; "after my 2pm" (an event named by its time): only what starts later. */
  readonly after?: 'from' | 'later';
  /** "until friday", "through wednesday": the end of that day, for a read from now (a new event keeps its days). */
  readonly untilEnd?: DateTime;
  /** "all afternoon": the part of the day said whole (a new event takes all of it). */
  readonly allPart?: boolean;
  /** "until noon", "make it end at 5": an end said without a start (a new event runs from now, an edit keeps its start). */
  readonly endOnly?: DateTime;
  /** The start said does not exist that day (2:30 AM as clocks spring forward): `start` is the gap later (3:30 AM). */
  readonly shiftedBy?: ShiftedBy;
}

/** A wall time the clock skips that day, and how far on the instant read for it is. */
export interface ShiftedBy {
  /** The time as said, on a 12-hour clock: "2:30 AM". */
  readonly said: string;
  /** How far on the start is: the length of the gap, 60 for most zones. */
  readonly minutes: number;
  /** The time as said, in minutes after midnight (150 for 2:30 AM). */
  readonly wallMinutes: number;
}

/** "2:30 AM": the wall time said, in the words the dialog uses for times. */
function clockWords(hour: number, minute: number): string {
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** How near the evening reading of a passed bare morning hour must be to be meant ("at 8" at 7 PM, not at noon). */
const EVENING_WITHIN_HOURS = 6;
/** ... and only said in the evening ("add dentist at 9" said at 3 PM is tomorrow at 9 AM). */
const EVENING_FROM_HOUR = 17;

interface Clock {
  readonly hour: number;
  readonly minute: number;
  readonly certainMeridiem: boolean;
}

interface Parts {
  readonly date?: { year: number; month: number; day: number };
  readonly time?: Clock;
  readonly endTime?: Clock;
  readonly index: number;
}

/**
 * A day of the month said with "the" or "on" ("the 3rd", "on the 15th re budget", "how does the 16th look")
 * is a day unless a word that makes it a name follows ("the 3rd floor", "the 10th anniversary"). Said bare,
 * it is a day only before a word a day is followed by ("15th at noon"): "2nd interview", "3rd round" are names.
 */
// ("the first one", "the second meeting": a place in a list, never a day of the month.)
const NAMED_BY_ORDINAL = 'one|ones|meeting|meetings|event|events|appointment|call|item|thing|option|slot|floor|time|times|round|grade|year|edition|annual|anniversary|birthday|bday|century|street|st|avenue|ave|place|attempt|try|quarter|interview|wedding|reunion|period|inning|chapter|level|version|draft|lesson|class|session|game|match|team|string|party|semester|term|cohort|annual';
const AFTER_A_DAY = 'at|from|to|until|till|til|in|on|for|and|or|through|thru|between|by|before|after|am|pm|of|this|next|morning|afternoon|evening|night|tonight|noon|midnight|with|about|is|was|will|would|please|instead|then|too|all|anything|any|free|ok|okay|works|if|so|but|around|same|late|early|re|monday|tuesday|wednesday|thursday|friday|saturday|sunday|look|looks';
const NOT_A_MONTH = String.raw`(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`;
// "the 3rd", "on the 12th": a day of this month (or next, once passed); chrono has no parser for it.
// The tagger's features mark every ordinal (its models were trained so); the date reader, only days.
const ordinalDay = (strict: boolean): chrono.Parser => ({
  pattern: () => strict
    ? new RegExp(String.raw`\b(?:(?:on\s+)?the\s+|on\s+)(\d{1,2})(?:st|nd|rd|th)\b${NOT_A_MONTH}(?!\s+(?:${NAMED_BY_ORDINAL})\b)(?!\s+1\b(?!\s*(?::|am\b|pm\b|o'?clock\b)))|\b(\d{1,2})(?:st|nd|rd|th)\b${NOT_A_MONTH}(?!\s+(?!(?:${AFTER_A_DAY})\b)[a-z])(?!\s+1\b(?!\s*(?::|am\b|pm\b|o'?clock\b)))`, 'i')
    : new RegExp(String.raw`\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b${NOT_A_MONTH}`, 'i'),
  extract: (_ctx, m) => {
    const day = Number(m[1] ?? m[2]);
    return day >= 1 && day <= 31 ? { day } : null;
  },
});
const parser = chrono.casual.clone();
parser.parsers.push(ordinalDay(true));
const featureParser = chrono.casual.clone();
featureParser.parsers.push(ordinalDay(false));

const PART_RE = /\b(this |tomorrow |tonight|in the |during the )?(morning|afternoon|evening|night|tonight)s?\b/g;

function partsFrom(c: chrono.ParsedComponents, index: number, forDate: boolean): Parts {
  const dayKnown = c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month');
  const out: { date?: Parts['date']; time?: Parts['time']; index: number } = { index };
  if (forDate && dayKnown) out.date = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')! };
  if (c.isCertain('hour')) out.time = { hour: c.get('hour')!, minute: c.get('minute') ?? 0, certainMeridiem: c.isCertain('meridiem') };
  return out;
}

/** The half of the day a meal puts a bare hour in: "dinner at 7" is 7 PM, "breakfast at 6" is 6 AM. */
function mealPart(text: string): PartOfDay | undefined {
  // ("date night at 7", "movie night at 8": a night out, so the evening too.)
  if (/\b(dinner|supper|drinks|cocktails|happy hour|night)\b/.test(text)) return 'evening';
  if (/\bbreakfast\b/.test(text)) return 'morning';
  return undefined;
}

function fixHour(t: Clock, part: PartOfDay | undefined): { hour: number; minute: number } {
  let hour = t.hour;
  // (Midnight is hour 0 and stays so, "night" or not.)
  if (!t.certainMeridiem && hour < 12 && hour !== 0) {
    if (part === 'afternoon' || part === 'evening' || part === 'night') hour += 12;
    else if (part !== 'morning' && hour >= 1 && hour <= 6) hour += 12;
  }
  return { hour, minute: t.minute };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;
/** "in march", "during april": a month as a whole (not "in march 3" or "in march the 3rd"). */
const IN_MONTH = new RegExp(String.raw`\b(?:in|during|for|all of|through|throughout) ${MONTH}\b(?! \d| the \d| (?:first|second|third|fourth|fifth|\w+th|\w+st|\w+nd|\w+rd)\b)`);
/** "in may on the 3rd", "in may the 3rd": a month and a day of it. */
const MONTH_AND_DAY = new RegExp(String.raw`\bin ${MONTH},? (?:on )?(?:the )?(\d{1,2}(?:st|nd|rd|th))\b`);

function ranges(text: string, now: DateTime, reads: boolean): { window: { start: DateTime; end: DateTime }; match: Match } | undefined {
  const today = now.startOf('day');
  const monday = today.minus({ days: today.weekday - 1 });
  // "in march", "during april", "for may": that calendar month; this year's unless it is over (then next
  // year's), or, said of the past ("what did i have in march"), the last one begun.
  const month = reads ? IN_MONTH.exec(text) : null;
  // ("in april at 3", "in may on the 3rd": the month only qualifies another day or time, read by chrono.)
  const rest = month ? text.slice(0, month.index) + text.slice(month.index + month[0].length) : '';
  if (month && !/\d|\b(today|tomorrow|tonight|noon|midnight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend|first|second|third|fourth|fifth|\w+(?:th|st|nd|rd))\b/.test(rest)) {
    const number = MONTHS.indexOf(month[1]!) + 1;
    const past = /\b(did|was|were|had|last)\b/.test(text);
    let start = today.set({ month: number, day: 1 });
    if (past && start > today) start = start.minus({ years: 1 });
    if (!past && start.plus({ months: 1 }) <= today) start = start.plus({ years: 1 });
    return { window: { start, end: start.plus({ months: 1 }) }, match: { start: month.index, end: month.index + month[0].length } };
  }
  // ("the week of march 15" is that date's week: read once the date is known, in resolveWhen.)
  // ("the week after next": two weeks on, not this week.)
  const m = /\b(?:the )?(rest|remainder) of (?:the |this |my )?(day|today|week|month)\b|\b(?:the )?(week|weekend|month) after (next)\b|\b(this|next|coming|last|the) (week|weekend|month)\b(?! of\b)|\b(weekend|week)\b(?! of\b)/.exec(text);
  if (!m) return undefined;
  const match = { start: m.index, end: m.index + m[0].length };
  if (m[1]) {
    const unit = m[2] === 'today' || m[2] === 'day' ? 'day' : (m[2] as 'week' | 'month');
    const end = unit === 'day' ? today.plus({ days: 1 }) : unit === 'week' ? monday.plus({ weeks: 1 }) : today.startOf('month').plus({ months: 1 });
    return { window: { start: now, end }, match };
  }
  const which = m[4] ? 'after next' : m[5] ?? 'this';
  const unit = m[3] ?? m[6] ?? m[7]!;
  const shift = which === 'after next' ? 2 : which === 'next' ? 1 : which === 'last' ? -1 : 0;
  if (unit === 'week') {
    const start = monday.plus({ weeks: shift });
    return { window: { start, end: start.plus({ weeks: 1 }) }, match };
  }
  if (unit === 'month') {
    const start = today.startOf('month').plus({ months: shift });
    return { window: { start, end: start.plus({ months: 1 }) }, match };
  }
  // weekend: the coming (or current) Saturday and Sunday; "next weekend" is a week later.
  const start = monday.plus({ days: 5 }).plus({ weeks: shift });
  return { window: { start, end: start.plus({ days: 2 }) }, match };
}

/** What is cut out of the text before chrono reads it: lengths, offsets, parts of day and ranges. */
interface Prepared {
  readonly text: string;
  readonly length?: DurationMatch;
  readonly offset?: DurationMatch;
  readonly extension?: DurationMatch;
  readonly partOfDay?: PartOfDay;
  /** "tonight", "this evening": today, even without a date. */
  readonly impliesToday: boolean;
  readonly range?: { readonly start: DateTime; readonly end: DateTime };
  /** "after 5", "before noon": the time said bounds the window; it is not when something starts. */
  /** "until 5", "until eod": from now (or the day's start, for another day) to then. */
  readonly bound?: 'after' | 'before' | 'until';
  /** The bound is an event named by its time ("after my 2pm"). */
  readonly boundIsEvent?: boolean;
  /** "the week of march 22": the week of the day said. */
  readonly weekOf?: boolean;
  /** "until friday", "through wednesday": from now to the end of the day said. */
  readonly untilDay?: boolean;
  /** "next week on tuesday", "monday to wednesday next week": the weekdays said are in the week so many weeks on. */
  readonly inWeek?: number;
  /** "all afternoon": the whole part of the day is the time (an event from its start to its end). */
  readonly allPart?: boolean;
}

/**
 * "the next hour", "in the next 30 minutes", "next 2 hours": from now, for that long. "The next 3 days",
 * "the next 2 weeks", "the next few days": from now to the end of that many days counting today
 * ("next week" alone is the calendar week, read elsewhere).
 */
const NEXT_SPAN = /\b(?:in |for |over |during |within )?(?:the )?(?:next|coming) (?:(an?|one|\d+|a couple of|a few|few) )?(hours?|minutes?|mins?)\b|\b(?:in |for |over |during |within )?(?:the )?(?:next|coming) (\d+|a couple of|a few|few) (days|weeks)\b/;

/** Words around a part of day that say when ("friday night", "at night", "my morning", "tonight at 8"). */
const WHEN_CONTEXT = /^(at|in|on|the|this|that|every|each|tomorrow|today|tonight|yesterday|my|of|for|by|until|till|from|to|and|or|late|early|mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|weekday|\d{1,2}(:\d\d)?|am|pm|o'clock|free|busy|look|looks|like|is|are|was|anything|plans?|what|whats|what's|have|do|i|any|schedule|calendar|agenda|next|last|sunday|before|after|during|through|all|whole|entire)$/;
/** Nouns that a part of day names ("the morning standup", "night shift"). */
const NAMED_BY_PART = /^(standup|stand-up|meeting|sync|call|briefing|news|session|class|run|workout|shift|maintenance|deploy|routine|prayer|show|walk|huddle|check-in|review|yoga|jog|swim|market)s?$/;

/** Whether the part of day at [start, end) of `s` is a word of a name rather than a time. */
export function partOfName(s: string, start: number, end: number): boolean {
  const prev = s.slice(0, start).trim().split(/\s+/).pop() ?? '';
  const next = s.slice(end).trim().split(/\s+/)[0] ?? '';
  if (NAMED_BY_PART.test(next)) return true;
  // "a call with ann tonight at 9": "tonight" says when whatever comes before it ("movie night" is a name;
  // "movie tonight" is a movie, tonight).
  if (s.slice(start, end).trim() === 'tonight') return false;
  return prev !== '' && /^[a-z][a-z'-]*$/.test(prev) && !WHEN_CONTEXT.test(prev) && !PARTS_OF_DAY_WORDS.has(prev);
}
const PARTS_OF_DAY_WORDS = new Set(['morning', 'afternoon', 'evening', 'night', 'tonight']);

function prepare(n: Normalised, now: DateTime, reads: boolean): Prepared {
  let s = n.text.replace(/\bbetween (\S+(?: [ap]m)?) and (\S+)/, 'from $1 to $2');
  // "friday pm", "tomorrow am": the afternoon or the morning of that day.
  s = s.replace(/\b((?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|today|tomorrow) pm\b/, '$1 afternoon').replace(/\b((?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|today|tomorrow) am\b/, '$1 morning');
  // "until eod", "from 2 to end of day": the end of the working day, 5 PM.
  s = s.replace(/\b(?:the )?(?:eod|cob|close of business|end of (?:the )?(?:work(?:ing)? ?)?day)\b/, '5 pm');
  // "in may on the 3rd", "in may the 3rd": May 3 (chrono would read "may" as May 1 and the 3rd apart).
  s = s.replace(MONTH_AND_DAY, '$1 $2');
  // "the week of march 22": the date's week. Cut out, as chrono reads "the week" as a week from now.
  const weekOf = /\b(?:the )?week of\b/.exec(s);
  if (weekOf) s = blank(s, [{ start: weekOf.index, end: weekOf.index + weekOf[0].length }]);
  // "from 10 until noon", "10 till 11:30": a start and an end, as "from 10 to noon" (not a bound).
  s = s.replace(/\b(from )?(\d{1,2}(?::\d\d)?(?: ?[ap]m)?|noon) (?:until|till|til|thru|through) (\d{1,2}(?::\d\d)?(?: ?[ap]m)?|noon)\b/, (_m, from: string | undefined, t: string, end: string) => `${from ?? 'from '}${t === 'noon' ? '12 pm' : t} to ${end === 'noon' ? '12 pm' : end}`);
  // "anything after 5 today", "what's before noon": read as the hour, kept as a bound of the window.
  // ("make it end at 11:30", "finishing at 5": an end said alone, as "until".)
  s = s.replace(/\b(?:end|ends|ending|finish|finishes|finishing|done) (?:at|by) (?=(\d{1,2}(:\d\d)?( ?[ap]m)?|noon|midnight)\b)/, 'until ');
  const boundBy = /\b(after|before|until|till) (my )?(?=(\d{1,2}(:\d\d)?( ?[ap]m)?|noon|midnight)\b)/.exec(s);
  if (boundBy) s = `${s.slice(0, boundBy.index)}at ${s.slice(boundBy.index + boundBy[0].length)}`;
  // "anything else today", "what else do i have today": what is still to come today, as "left" (not the whole day).
  s = s.replace(/\b(anything|what) else\b((?: (?!today\b)\S+){0,4}?) (?:for |on )?today\b/, '$1$2 rest of the day');
  // "what's left today": the rest of the day.
  s = s.replace(/\b(what's|whats|what is|anything) (left|remaining)\b(?: (?:for |on )?today)?/, '$1 rest of the day');
  // "what do i have later today", "anything left today": from now to the day's end, not the whole day.
  s = s.replace(/\b(what do i have|what have i got|do i have anything|is there anything|anything|what's on|whats on|what is on)( \S+)? (?:left|remaining|later) (?:for |on )?today\b/, '$1$2 rest of the day');
  // "later this week", "later in the month": the rest of it, from now (not the days already past).
  s = s.replace(/\blater (?:this|in the) (week|month)\b/, 'rest of the $1');
  // "on the last day of the month", "at the end of the month": that day (chrono read "last" as the past, and
  // "the month" is otherwise all of it).
  s = s.replace(/\b(?:the )?(?:last day|end) of (?:the |this )?(next )?month\b/, (_m, next: string | undefined) => now.startOf('month').plus({ months: next ? 1 : 0 }).endOf('month').toFormat('LLLL d yyyy'));
  // "at 0900", "from 1300 to 1430": a 24-hour time typed without its colon, as "09:00".
  s = s.replace(/\b(at|from|to|until|till|by|before|after|@) ([01]\d|2[0-3])([0-5]\d)\b/g, '$1 $2:$3');
  // "in a week", "a week from today", "a week from tomorrow": the date (chrono reads "a week" as this week,
  // and "a week from friday" as Friday).
  const weekOut = (from: DateTime) => from.plus({ weeks: 1 }).toFormat('LLLL d yyyy');
  s = s.replace(/\bin (?:a|one|1) week\b/, weekOut(now)).replace(/\b(?:a|one|1) week from (today|now|tomorrow)\b/, (_m, from: string) => weekOut(from === 'tomorrow' ? now.plus({ days: 1 }) : now));
  // "day after tomorrow" (with or without "the"), "day before yesterday": the date itself, for chrono.
  s = s.replace(/\b(?:the )?day after tomorrow\b/, now.plus({ days: 2 }).toFormat('LLLL d yyyy')).replace(/\b(?:the )?day before yesterday\b/, now.minus({ days: 2 }).toFormat('LLLL d yyyy'));
  const next = NEXT_SPAN.exec(s);
  let span: { start: DateTime; end: DateTime } | undefined;
  if (next) {
    const a = next[1] ?? next[3] ?? 'one';
    const count = /^(a|an|one)$/.test(a) ? 1 : /couple/.test(a) ? 2 : /few/.test(a) ? 3 : Number(a);
    const unit = next[2] ?? next[4]!;
    const today = now.startOf('day');
    span = { start: now, end: unit === 'days' ? today.plus({ days: count }) : unit === 'weeks' ? today.plus({ weeks: count }) : now.plus(/^h/.test(unit) ? { hours: count } : { minutes: count }) };
    s = blank(s, [{ start: next.index, end: next.index + next[0].length }]);
  }
  // "a day off on friday": a day off is what it is, not a length.
  s = s.replace(/\b(?:a |the )?days? off\b/, (m) => ' '.repeat(m.length));
  const durations = findDurations(s);
  const adjective = findAdjectiveDuration(blank(s, durations));
  s = blank(s, [...durations, ...(adjective ? [adjective] : [])]);
  let partOfDay: PartOfDay | undefined;
  let impliesToday = false;
  const parts: Match[] = [];
  for (const m of s.matchAll(PART_RE)) {
    const word = m[2]!;
    // "movie night", "night maintenance", "the morning standup": part of a name, not a part of the day (and
    // not for chrono either, which reads a bare "night" as tonight).
    if (!m[1] && partOfName(s, m.index, m.index + m[0].length)) {
      parts.push({ start: m.index, end: m.index + m[0].length });
      continue;
    }
    partOfDay ??= word === 'tonight' ? 'night' : (word as PartOfDay);
    if (word === 'tonight' || m[1] === 'this ') impliesToday = true;
    // "tomorrow morning": blank only "morning", chrono still reads "tomorrow".
    parts.push(m[1] === 'tomorrow ' ? { start: m.index + m[1].length, end: m.index + m[0].length } : { start: m.index, end: m.index + m[0].length });
  }
  s = blank(s, parts);
  // "next week on tuesday", "tuesday next week", "monday to wednesday next week": days of that week, not
  // the whole week (nor this Tuesday).
  const weekAndDays = /\b(?:on )?(this|next|coming|the following) week\b(?! of\b)/.exec(s);
  const inWeek = weekAndDays && /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/.test(s) ? (weekAndDays[1] === 'this' ? 0 : 1) : undefined;
  if (weekAndDays && inWeek !== undefined) s = blank(s, [{ start: weekAndDays.index, end: weekAndDays.index + weekAndDays[0].length }]);
  const range = span ? { window: span } : ranges(s, now, reads);
  if (range && 'match' in range) s = blank(s, [range.match]);
  return {
    text: s,
    length: durations.find((d) => d.kind === 'length') ?? adjective,
    offset: durations.find((d) => d.kind === 'offset'),
    extension: durations.find((d) => d.kind === 'extension'),
    partOfDay,
    impliesToday,
    range: range?.window,
    ...(weekOf ? { weekOf: true } : {}),
    ...(inWeek !== undefined ? { inWeek } : {}),
    ...(partOfDay && partOfDay !== 'night' && new RegExp(`\\b(all|the whole|the entire) ${partOfDay}\\b`).test(n.text) ? { allPart: true } : {}),
    ...(boundBy ? { bound: (boundBy[1] === 'till' ? 'until' : boundBy[1]) as 'after' | 'before' | 'until', ...(boundBy[2] ? { boundIsEvent: true } : {}) } : {}),
    ...(!boundBy && /\b(until|till|thru|through)\b/.test(s) && !/\bfrom\b|\bbetween\b/.test(s) ? { untilDay: true } : {}),
  };
}

/** The day and the times chrono finds, as wall-clock parts in the zone. */
/** The latest day numbered `dayOfMonth` before today ("the 31st" said on March 1 is January 31, not February 28). */
function lastMonthWith(dayOfMonth: number, now: DateTime, zone: string): DateTime<true> | undefined {
  for (let back = 0; back <= 12; back++) {
    const month = now.startOf('month').minus({ months: back });
    const d = atWallClock({ year: month.year, month: month.month, day: dayOfMonth }, zone);
    if (d.isValid && d.month === month.month && d < now.startOf('day')) return d;
  }
  return undefined;
}

/** The first day numbered `dayOfMonth` from today on ("the 31st" said on April 8 is May 31). */
function nextMonthWith(dayOfMonth: number, now: DateTime, zone: string): DateTime<true> | undefined {
  for (let ahead = 0; ahead <= 12; ahead++) {
    const month = now.startOf('month').plus({ months: ahead });
    const d = atWallClock({ year: month.year, month: month.month, day: dayOfMonth }, zone);
    if (d.isValid && d.month === month.month && d >= now.startOf('day')) return d;
  }
  return undefined;
}

function readDateTime(text: string, nowDate: Date, now: DateTime, zone: string, future: boolean, lookBack = false): { day?: DateTime; lastDay?: DateTime; time?: Clock; endTime?: Clock } {
  const results = parser.parse(text, { instant: nowDate, timezone: now.offset }, { forwardDate: future });
  const found = results.map((r): Parts => {
    const p = partsFrom(r.start, r.index, true);
    if (!r.end?.isCertain('hour')) return p;
    const endTime = partsFrom(r.end, r.index, false).time;
    // "6-7am": the start takes the end's am/pm, as chrono already placed it; the afternoon rule for a
    // bare "6" must not move it to the evening.
    // "11-1pm" is 11 am to 1 pm: a start that would fall after its end goes to the half of the day before.
    let time = p.time;
    if (time && endTime?.certainMeridiem && !time.certainMeridiem) {
      const after = time.hour * 60 + time.minute > endTime.hour * 60 + endTime.minute;
      time = { ...time, hour: after && time.hour >= 12 ? time.hour - 12 : time.hour, certainMeridiem: true };
    }
    return { ...p, ...(time ? { time } : {}), endTime };
  });
  const date = found.find((p) => p.date)?.date;
  let timed = found.find((p) => p.time);
  let day = date ? atWallClock(date, zone) : undefined;
  // A day of the month alone ("the 3rd") that has passed means next month's.
  const dayOnly = !results.some((r) => r.start.isCertain('month')) && results.some((r) => r.start.isCertain('day') && !r.start.isCertain('weekday'));
  if (day && dayOnly && day < now.startOf('day') && !lookBack) day = day.plus({ months: 1 });
  // "the 31st" in a month of 30 days (chrono drops it): the next month that has one, or, said in the past,
  // the last one. Never today.
  const lateDay = !day && !results.some((r) => r.start.isCertain('month')) ? /\b(?:the )?(29|30|31)(?:st|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/.exec(text) : null;
  if (lateDay) {
    day = lookBack ? lastMonthWith(Number(lateDay[1]), now, zone) : nextMonthWith(Number(lateDay[1]), now, zone);
    // The hour said with it went with it: read again without the day ("the 31st at noon").
    timed ??= parser.parse(`${text.slice(0, lateDay.index)} ${text.slice(lateDay.index + lateDay[0].length)}`, { instant: nowDate, timezone: now.offset }).map((r) => partsFrom(r.start, r.index, false)).find((p) => p.time);
  }
  // "what did i have on tuesday", "what was on the 5th": said in the past, the day is the last one before today.
  if (day && lookBack && day > now.startOf('day')) {
    const said = results.find((r) => r.start.isCertain('day') || r.start.isCertain('weekday'))?.start;
    if (said && !said.isCertain('year')) day = said.isCertain('month') ? day.minus({ years: 1 }) : said.isCertain('day') ? lastMonthWith(said.get('day')!, now, zone) ?? day : day.minus({ days: 7 });
  }
  // "from monday to wednesday", "thursday and friday", "march 3 through 5": days, not one day, when no hour is said.
  let lastDay: DateTime | undefined;
  if (day && !timed) {
    const dated = results.filter((r) => r.start.isCertain('day') || r.start.isCertain('weekday'));
    const first = dated[0];
    const ranged = first?.end && (first.end.isCertain('day') || first.end.isCertain('weekday')) ? first.end : undefined;
    const second = !ranged && dated[1] && /^\s*(and|to|through|thru|till|until|-)\s*$/.test(text.slice(first!.index + first!.text.length, dated[1].index)) ? dated[1].start : undefined;
    const endParts = ranged ?? second;
    if (endParts) {
      const end = atWallClock({ year: endParts.get('year')!, month: endParts.get('month')!, day: endParts.get('day')! }, zone);
      if (end > day && end.diff(day, 'days').days <= 31) lastDay = end;
    }
  }
  return { ...(day ? { day } : {}), ...(lastDay ? { lastDay } : {}), ...(timed?.time ? { time: timed.time } : {}), ...(timed?.endTime ? { endTime: timed.endTime } : {}) };
}

/** How far a start said at a time the clock skips that day is moved on (2:30 AM as clocks spring forward), if it is. */
function skippedStart(wall: WallParts, zone: string): ShiftedBy | undefined {
  const minutes = skippedMinutes(wall, zone);
  const hour = wall.hour ?? 0;
  const minute = wall.minute ?? 0;
  return minutes > 0 ? { said: clockWords(hour, minute), minutes, wallMinutes: hour * 60 + minute } : undefined;
}

/**
 * Resolves the dates, times, lengths and windows said in `text`. `future: false` (reads) keeps a time
 * that has passed today on today instead of moving it to tomorrow. `clockZone`: the zone whose wall clock
 * the hours said are ("tomorrow at 9 eastern"); days are still the asker's, counted in `zone`.
 */
export function resolveWhen(text: string, nowDate: Date, zone: string, opts: { readonly future?: boolean; readonly clockZone?: string } = {}, normalised?: Normalised): When {
  const now = DateTime.fromJSDate(nowDate, { zone });
  const n = normalised ?? normalise(tokenize(text));
  // Weekdays and dates look ahead ("friday" on a Saturday is next Friday) unless the words look back.
  const past = /\b(did|was|were|had|last|yesterday|ago|previous|past)\b/.test(n.text);
  const future = !past;
  const p = prepare(n, now, opts.future === false);
  const read = readDateTime(p.text, nowDate, now, zone, future, /\b(did|was|were|had)\b/.test(n.text));
  const { time, endTime } = read;
  let { day, lastDay } = read;
  // "next week on tuesday": that weekday of the week said.
  if (p.inWeek !== undefined && day) {
    const monday = now.startOf('day').minus({ days: now.weekday - 1 }).plus({ weeks: p.inWeek });
    const inThatWeek = (d: DateTime) => monday.plus({ days: d.weekday - 1 });
    const first = inThatWeek(day);
    lastDay = lastDay ? first.plus({ days: Math.max(0, Math.round(lastDay.startOf('day').diff(day.startOf('day'), 'days').days)) }) : undefined;
    day = first;
  }
  const hasDate = Boolean(day) || p.impliesToday || Boolean(p.range);
  const base = day ?? now.startOf('day');
  // (Built from the wall clock, never by luxon's guess from the machine's clock: see domain/wall-clock.ts.)
  // "tomorrow at 9 eastern" said in Kolkata: the asker's tomorrow, 9 AM on New York's clock that day.
  const clockZone = opts.clockZone ?? zone;
  const wallOf = (t: Clock, d: DateTime): WallParts => ({ year: d.year, month: d.month, day: d.day, ...fixHour(t, p.partOfDay ?? mealPart(n.text)) });
  const at = (t: Clock, d: DateTime): DateTime => atWallClock(wallOf(t, d), clockZone);

  let startDay = base;
  let start = time ? at(time, startDay) : undefined;
  // A time that has passed today means tomorrow, when creating (a read of "at 9" stays today); a bare morning
  // hour passed while its evening one is a few hours off ("at 8" said at 7 PM) is that evening ("at 9" said at
  // noon is still tomorrow morning).
  if (time && start && !day && !p.impliesToday && (opts.future ?? true) && !past && start < now) {
    const evening = !time.certainMeridiem && !p.partOfDay && !mealPart(n.text) && time.hour >= 7 && time.hour < 12 ? at({ ...time, hour: time.hour + 12, certainMeridiem: true }, base) : undefined;
    if (evening && evening > now && now.hour >= EVENING_FROM_HOUR && evening.diff(now, 'hours').hours <= EVENING_WITHIN_HOURS) start = evening;
    else start = at(time, (startDay = base.plus({ days: 1 })));
  }
  const shiftedBy = time ? skippedStart(wallOf(time, startDay), clockZone) : undefined;
  let end = endTime ? at(endTime, start ?? base) : undefined;
  if (start && end && end <= start) end = end.plus({ hours: 12 }) > start ? end.plus({ hours: 12 }) : end.plus({ days: 1 });
  if (!start && p.offset) start = now.plus({ minutes: p.offset.minutes });
  const durationMinutes = p.length?.minutes ?? (start && end ? Math.round(end.diff(start, 'minutes').minutes) : undefined);
  if (start && !end && p.length) end = start.plus({ minutes: p.length.minutes });

  let window: When['window'];
  if (p.range) window = p.range;
  else if (day && !start && p.weekOf) {
    const monday = day.startOf('day').minus({ days: day.weekday - 1 });
    window = { start: monday, end: monday.plus({ weeks: 1 }) };
  } else if (start) window = { start, end: end ?? start.plus({ minutes: durationMinutes ?? 60 }) };
  else if (p.partOfDay) {
    const [h0, h1] = PARTS_OF_DAY[p.partOfDay];
    window = { start: base.set({ hour: h0 }), end: h1 === 24 ? base.plus({ days: 1 }) : base.set({ hour: h1 }) };
  } else if (hasDate) window = { start: base, end: (lastDay ?? base).plus({ days: 1 }) };
  // "block all afternoon friday": 12 to 5 that day is the event's time.
  if (p.allPart && !start && window && p.partOfDay) {
    start = window.start;
    end = window.end;
  }
  // "after 5 today": from 5 to the end of that day; "before noon": from the day's start to noon.
  if (start && p.bound === 'after') window = { start, end: start.startOf('day').plus({ days: 1 }) };
  if (start && p.bound === 'before') window = { start: start.startOf('day'), end: start };
  const untilEnd = !start && !lastDay && day && p.untilDay && day.plus({ days: 1 }) > now ? day.plus({ days: 1 }) : undefined;
  if (start && p.bound === 'until') window = { start: now < start && now.hasSame(start, 'day') ? now : start.startOf('day'), end: start };

  // "a 2 day offsite on thursday": whole days from the day said, all day.
  // ("a 2 day workshop tomorrow at 9" is the two days, all day, not 48 hours from 9.)
  const wholeDays = p.length && p.length.minutes % 1440 === 0 && (day || start) && !p.range ? p.length.minutes / 1440 : undefined;
  if (wholeDays) {
    const first = (start ?? base).startOf('day');
    window = { start: first, end: first.plus({ days: wholeDays }) };
    start = undefined;
    end = undefined;
  }
  // "block 2 hours tomorrow" is not all day: a length without a time leaves the time to ask for.
  const isAllDay = /\ball[ -]day\b/.test(n.text) || Boolean(wholeDays) || (!start && (Boolean(day) || Boolean(p.range)) && !p.partOfDay && !p.length);
  return {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(window ? { window } : {}),
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(p.extension ? { extensionMinutes: p.extension.minutes } : {}),
    ...(p.partOfDay ? { partOfDay: p.partOfDay } : {}),
    ...(start && p.bound === 'after' ? { after: p.boundIsEvent ? ('later' as const) : ('from' as const) } : {}),
    ...(isAllDay ? { isAllDay } : {}),
    ...(untilEnd ? { untilEnd } : {}),
    ...(start && p.bound === 'until' && !end ? { endOnly: start } : {}),
    ...(p.allPart ? { allPart: true } : {}),
    ...(start && shiftedBy ? { shiftedBy } : {}),
    hasDate,
    hasTime: Boolean(start),
  };
}

const SPAN_REF = new Date(Date.UTC(2020, 0, 1, 12));

/**
 * Which tokens chrono reads as a date ("D") or a time ("T"), for the tagger's features. The reference
 * instant is fixed: only where the expressions are matters here, not what they resolve to.
 */
export function timeTokenKinds(words: readonly string[]): string[] {
  const tokens = words.map((w, i) => ({ text: w, lower: w, start: i, end: i }));
  const n = normalise(tokens);
  const kinds = words.map(() => '');
  for (const r of featureParser.parse(n.text, SPAN_REF)) {
    const range = tokenRange(n, r.index, r.index + r.text.length);
    if (!range) continue;
    const hasTime = r.start.isCertain('hour');
    const hasDay = r.start.isCertain('day') || r.start.isCertain('weekday') || r.start.isCertain('month');
    for (let i = range.from; i < range.to; i++) kinds[i] = hasTime && hasDay ? 'DT' : hasTime ? 'T' : 'D';
  }
  for (const m of n.text.matchAll(PART_RE)) {
    const range = tokenRange(n, m.index, m.index + m[0].length);
    if (range) for (let i = range.from; i < range.to; i++) kinds[i] ||= 'P';
  }
  return kinds;
}

const DAY_SHIFT = /\b(back|up|forward|ahead|out)(?:\s+by)?\s+(a|an|one|\d+|a couple of|a few)\s+(days?|weeks?)\b|\b(a|an|one|\d+)\s+(days?|weeks?)\s+(later|earlier|sooner)\b|(?<=\b(?:postpone|postponed|delay|delayed|push|pushed|bump|bumped)\b.*)\bby\s+(a|an|one|\d+|a couple of|a few)\s+(days?|weeks?)\b/;

/**
 * Minutes a move shifts by: a length right after "back/up/forward/ahead/out (by)" or right before
 * "later/earlier/sooner"; days and weeks too ("push it back a day": whole days, 1440 minutes each, which
 * the dialog applies as local days so a clock change keeps the time of day).
 */
export function shiftMinutes(normalised: string): number | undefined {
  const days = DAY_SHIFT.exec(normalised);
  if (days) {
    // ("postpone the review by a day": later, as postponing is.)
    const word = days[1] ?? days[6] ?? 'later';
    const n = (() => { const a = days[2] ?? days[4] ?? days[7]!; return /^(a|an|one)$/.test(a) ? 1 : /couple/.test(a) ? 2 : /few/.test(a) ? 3 : Number(a); })();
    const minutes = n * (/^week/.test(days[3] ?? days[5] ?? days[8]!) ? 7 : 1) * 1440;
    return /^(up|forward|ahead|earlier|sooner)$/.test(word) ? -minutes : minutes;
  }
  for (const d of findDurations(normalised)) {
    const before = normalised.slice(0, d.start).trimEnd();
    const after = normalised.slice(d.end).trimStart();
    const lead = /\b(back|up|forward|ahead|out)(?:\s+by)?$/.exec(before)?.[1];
    const tail = /^(later|earlier|sooner|back|forward)\b/.exec(after)?.[1];
    // "push back the review by an hour": "by" next to the length, the direction earlier in the sentence.
    // A direction said wins ("move my 10am up by 30 minutes"); else pushing, delaying or moving "by" is later.
    const byNear = /\bby$/.test(before) || /^by\b/.test(normalised.slice(d.start, d.end));
    const far = byNear ? (/\b(back|later|out|up|earlier|forward|ahead|sooner)\b/.exec(before)?.[1] ?? (/\b(delay|delayed|postpone|postponed|push|pushed|bump|bumped|move|moved|shift|shifted)\b/.test(before) ? 'later' : undefined)) : undefined;
    const word = lead ?? tail ?? far;
    if (!word) continue;
    return /^(up|forward|ahead|earlier|sooner)$/.test(word) ? -d.minutes : d.minutes;
  }
  return undefined;
}

/** Whether the words are only a clock time without am/pm: "4", "10:30", "ten", "ten thirty". */
function isBareClock(text: string): boolean {
  const words = tokenize(text).map((t) => t.lower);
  if (words.length === 0) return false;
  if (words.length === 1 && /^\d{1,2}(:\d\d)?$/.test(words[0]!)) return true;
  const n = readNumber(words, 0);
  if (!n || n.ordinal || n.value < 1 || n.value > 12) return false;
  const rest = words.slice(n.length);
  if (rest.length === 0) return true;
  const minutes = readNumber(rest, 0);
  return rest.length === minutes?.length && !minutes.ordinal && minutes.value >= 10 && minutes.value <= 59;
}

/** `t` or twelve hours away from it, whichever is nearer to `reference` (same wall-clock minutes). */
function nearestHalfOfDay(t: DateTime, reference: DateTime): DateTime {
  const other = t.hour < 12 ? t.plus({ hours: 12 }) : t.minus({ hours: 12 });
  if (!other.hasSame(t, 'day')) return t;
  return Math.abs(other.diff(reference).toMillis()) < Math.abs(t.diff(reference).toMillis()) ? other : t;
}

/**
 * A move has two times: where the event is now and where it goes ("move my 3pm meeting to 4pm",
 * "push the standup to 10 tomorrow"). The words after the last "to"/"until" are the target; a target
 * with a day but no time keeps the event's current time of day, so it is returned as `newDay`.
 */
/** `targetZone`: a zone said with the new time ("move my 3pm to 4 eastern"); the event is found in `zone`. */
export function resolveMove(text: string, nowDate: Date, zone: string, targetZone: string = zone): { current: When; newStart?: DateTime; newDay?: DateTime; newPart?: { start: DateTime; end: DateTime }; newWeek?: boolean; shiftMinutes?: number; newTimeOnly?: boolean; shiftedBy?: ShiftedBy } {
  const tokens = tokenize(text);
  // "push the standup back 30 minutes", "move my 3pm up by an hour", "an hour later": a shift, when a
  // length stands next to a direction and no target is said ("the 2 hour review to friday" is a target).
  const n = normalise(tokens);
  const shift = shiftMinutes(n.text);
  if (shift !== undefined && !/\b(to|until|till)\b/.test(text.toLowerCase())) {
    // "back a day" says how far, not which day the event is on now.
    const days = DAY_SHIFT.exec(n.text);
    const current = days ? resolveWhen(text, nowDate, zone, {}, { ...n, text: blank(n.text, [{ start: days.index, end: days.index + days[0].length }]) }) : resolveWhen(text, nowDate, zone);
    return { current, shiftMinutes: shift };
  }
  let cut = -1;
  tokens.forEach((t, i) => {
    if (/^(to|until|till|for)$/.test(t.lower)) cut = i;
  });
  if (cut < 0) return { current: resolveWhen(text, nowDate, zone) };
  const before = text.slice(0, tokens[cut]!.start);
  // "move my 3 to 4": a bare number after "my" is the event's time.
  const myHour = /\bmy (\d{1,2}(?::\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*$/i.exec(before);
  const current = resolveWhen(myHour ? `${before.slice(0, myHour.index)}at ${myHour[1]}` : before, nowDate, zone);
  // ("to 5 instead", "to friday please": the target is the when, not the words after it.)
  const targetText = text.slice(tokens[cut]!.end).replace(/\s+(?:instead|please|then|rather|thanks|thank you)[.!?]*\s*$/i, '');
  // "to 4", "to ten thirty": a bare number after "to" is a clock time here, not a count.
  const bare = isBareClock(targetText);
  const target = resolveWhen(bare ? `at ${targetText}` : targetText, nowDate, zone, { clockZone: targetZone });
  if (target.start) {
    // "to 4pm" with the event found on another day: same day as the event's current time when said.
    // (Both are the asker's days: the event's in the asker's zone; a target's wall date is the asker's date said.)
    const day = !target.hasDate && current.start ? current.start : target.start;
    let newStart: DateTime = atWallClock({ year: day.year, month: day.month, day: day.day, hour: target.start.hour, minute: target.start.minute }, targetZone);
    // "move my 8pm to 9": without am/pm, the half of the day nearest the event's current time.
    if (bare && current.start) newStart = nearestHalfOfDay(newStart, current.start);
    // "move the budget review to 4pm": no day said, and the event's day is known only once it is found.
    // ("to march 14 at 2:30am": a time that day does not have, said so as for a new event.)
    return { current, newStart, ...(!target.hasDate && !current.start ? { newTimeOnly: true } : {}), ...(target.shiftedBy && target.hasDate ? { shiftedBy: target.shiftedBy } : {}) };
  }
  if (target.window && target.hasDate) {
    // "to next week": the same weekday that week, not its Monday.
    const { start, end } = target.window;
    const week = start.weekday === 1 && start.equals(start.startOf('day')) && end.equals(start.plus({ weeks: 1 }));
    // "to thursday afternoon": that day, and the part of it the new time must fall in.
    const part = end.diff(start, 'hours').hours < 20 ? { newPart: { start, end } } : {};
    return { current, newDay: start, ...(week ? { newWeek: true } : {}), ...part };
  }
  return { current };
}
