/**
 * A repeat said for a new event: "every monday", "on tuesdays and thursdays", "every other week",
 * "every weekday", "daily", "on the 1st of every month", "every year", with how long it goes on ("for 6
 * weeks", "10 times", "until june"). Read from the normalised text (digits, lower case); the words are
 * cut out, so the date reader sees only the first event's day and time ("every monday at 10" -> "at 10",
 * and the series starts on the first Monday from then: see domain/repeat.ts firstOccurrence).
 */
import { DateTime } from 'luxon';
import { anchored, firstOccurrence, WEEKDAYS, type Repeat, type Weekday } from '../../domain/repeat.js';
import { atWallClock } from '../../domain/wall-clock.js';
import type { When } from './when.js';

export interface SaidRepeat {
  readonly repeat: Repeat;
  /** The text without the repeat's words (a part of day said with it stays: "every morning at 7" -> "morning at 7"). */
  readonly text: string;
  /** "until june", "through may 30": the words naming the series' last day, for the date reader. */
  readonly untilText?: string;
  /** Said with "through"/"thru": the day or month named is in the series. */
  readonly through?: boolean;
  /** "starting next month": where the series may start at the earliest, for the date reader. */
  readonly startText?: string;
}

const DAY_FORMS: Readonly<Record<string, Weekday>> = Object.fromEntries(
  WEEKDAYS.flatMap((d) => {
    const short = d.slice(0, 3);
    const extra = d === 'tuesday' ? ['tue', 'tues'] : d === 'wednesday' ? ['wed', 'weds'] : d === 'thursday' ? ['thu', 'thur', 'thurs'] : [short];
    return [d, `${d}s`, ...extra].map((w) => [w, d] as const);
  }),
);
const DAY = `(?:${Object.keys(DAY_FORMS).sort((a, b) => b.length - a.length).join('|')})`;
/** "monday", "mon wed & fri", "tuesdays and thursdays". */
const DAY_LIST = `${DAY}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*|\\s+)${DAY})*`;
const EVERY = '(?:every|each)';
const OTHER = '(?:other\\s+)?';
const PLURAL = '(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)';
const PLURAL_DAYS = new RegExp(`\\b(?:on\\s+)?(${PLURAL}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*&\\s*|\\s+)${PLURAL})*)\\b`);
const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

const WEEKDAY_SET: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const WEEKEND_SET: readonly Weekday[] = ['saturday', 'sunday'];

function daysIn(list: string): Weekday[] {
  const days = list.split(/[^a-z]+/).map((w) => DAY_FORMS[w]).filter((d): d is Weekday => d !== undefined);
  return WEEKDAYS.filter((d) => days.includes(d));
}

const count = (n: string): number => NUMBER_WORDS[n] ?? Number(n);

interface Rule {
  readonly re: RegExp;
  /** The repeat, from the match; and what the match leaves in the text. */
  readonly read: (m: RegExpExecArray) => { repeat: Repeat; keep?: string };
}

/** Most specific first: the first rule that matches decides. */
const RULES: readonly Rule[] = [
  // "every weekday", "every workday", "weekdays", "every business day", "monday through friday" with every.
  { re: new RegExp(`\\b(?:${EVERY}\\s+(?:week\\s*day|weekday|work\\s*day|workday|business day)|(?:on\\s+)?weekdays|${EVERY}\\s+(?:day\\s+)?monday (?:through|thru|to) friday)\\b`), read: () => ({ repeat: { every: 'week', interval: 1, weekdays: WEEKDAY_SET } }) },
  { re: new RegExp(`\\b(?:${EVERY}\\s+weekend|(?:on\\s+)?weekends)\\b`), read: () => ({ repeat: { every: 'week', interval: 1, weekdays: WEEKEND_SET } }) },
  // "every other tuesday", "each monday and wednesday", "every week on friday".
  { re: new RegExp(`\\b${EVERY}\\s+(other\\s+)?(?:week\\s+on\\s+)?(${DAY_LIST})\\b`), read: (m) => ({ repeat: { every: 'week', interval: m[1] ? 2 : 1, weekdays: daysIn(m[2]!) } }) },
  // "every 2 weeks on monday", "every two weeks".
  { re: new RegExp(`\\b${EVERY}\\s+(\\d+|two|three|four|five|six)\\s+(day|week|month|year)s(?:\\s+on\\s+(${DAY_LIST}))?\\b`), read: (m) => ({ repeat: { every: m[2] as Repeat['every'], interval: count(m[1]!), ...(m[3] && m[2] === 'week' ? { weekdays: daysIn(m[3]) } : {}) } }) },
  // "the first monday of every month", "every second tuesday of the month", "last friday of each month".
  { re: new RegExp(`\\b(?:on\\s+)?(?:every\\s+|each\\s+|the\\s+)?(1st|2nd|3rd|4th|last)\\s+(${DAY})\\s+of\\s+(?:the|every|each)\\s+(other\\s+)?month\\b`), read: (m) => ({ repeat: { every: 'month', interval: m[3] ? 2 : 1, weekdays: daysIn(m[2]!), nth: m[1] === 'last' ? -1 : (Number(m[1]![0]) as 1 | 2 | 3 | 4) } }) },
  // "monthly on the first tuesday", "every month on the last friday": the nth weekday, said after the month.
  { re: new RegExp(`\\b(?:${EVERY}\\s+(other\\s+)?month|monthly)\\s+on\\s+the\\s+(1st|2nd|3rd|4th|last)\\s+(${DAY})\\b`), read: (m) => ({ repeat: { every: 'month', interval: m[1] ? 2 : 1, weekdays: daysIn(m[3]!), nth: m[2] === 'last' ? -1 : (Number(m[2]![0]) as 1 | 2 | 3 | 4) } }) },
  // "on the 1st of every month", "the 15th of each month", "every month on the 3rd", "monthly on the 3rd".
  { re: new RegExp(`\\b(?:on\\s+)?the\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${EVERY}\\s+(other\\s+)?month\\b`), read: (m) => ({ repeat: { every: 'month', interval: m[2] ? 2 : 1, dayOfMonth: Number(m[1]) } }) },
  { re: new RegExp(`\\b(?:${EVERY}\\s+(other\\s+)?month|monthly)(?:\\s+on\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)?)?\\b`), read: (m) => ({ repeat: { every: 'month', interval: m[1] ? 2 : 1, ...(m[2] ? { dayOfMonth: Number(m[2]) } : {}) } }) },
  // "weekly on tuesday", "every other week", "biweekly", "fortnightly".
  { re: new RegExp(`\\b(?:${EVERY}\\s+(other\\s+)?week|(bi-?weekly|fortnightly)|weekly)(?:\\s+on\\s+(${DAY_LIST}))?\\b`), read: (m) => ({ repeat: { every: 'week', interval: m[1] || m[2] ? 2 : 1, ...(m[3] ? { weekdays: daysIn(m[3]) } : {}) } }) },
  // "every morning", "each evening": daily, and the part of the day is still when it is.
  { re: new RegExp(`\\b${EVERY}\\s+(other\\s+)?(morning|afternoon|evening|night)\\b`), read: (m) => ({ repeat: { every: 'day', interval: m[1] ? 2 : 1 }, keep: m[2] }) },
  { re: new RegExp(`\\b(?:${EVERY}\\s+(other\\s+)?day|daily|nightly)\\b`), read: (m) => ({ repeat: { every: 'day', interval: m[1] ? 2 : 1 } }) },
  { re: new RegExp(`\\b(?:${EVERY}\\s+${OTHER}year|yearly|annually)\\b`), read: () => ({ repeat: { every: 'year', interval: 1 } }) },
  // "on mondays", "tuesdays and thursdays at 3": a weekday said in the plural is every one of them.
  { re: PLURAL_DAYS, read: (m) => ({ repeat: { every: 'week', interval: 1, weekdays: daysIn(m[1]!) } }) },
];

const UNITS_IN: Readonly<Record<string, Repeat['every']>> = { day: 'day', week: 'week', month: 'month', year: 'year' };

/** The repeat said in `text` (normalised), if any, with the text left for the date reader. */
export function saidRepeat(text: string): SaidRepeat | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const { repeat, keep } = rule.read(m);
    if (repeat.every === 'week' && repeat.weekdays?.length === 0) continue;
    let rest = `${text.slice(0, m.index)} ${keep ?? ''} ${text.slice(m.index + m[0].length)}`;
    let rule2: Repeat = repeat;
    // "a weekly sync on tuesdays and thursdays": the days said elsewhere in the plural are its days.
    const plural = repeat.every === 'week' && !repeat.weekdays ? PLURAL_DAYS.exec(rest) : null;
    if (plural) {
      rule2 = { ...rule2, weekdays: daysIn(plural[1]!) };
      rest = rest.slice(0, plural.index) + rest.slice(plural.index + plural[0].length);
    }
    // How long it goes on: "10 times", "for 6 weeks" (a length of minutes or hours is the event's own).
    const times = /\b(\d+|two|three|four|five|six)\s+times\b/.exec(rest);
    const lasting = /\bfor\s+(?:the\s+next\s+)?(\d+|a|one|two|three|four|five|six)\s+(day|week|month|year)s?\b/.exec(rest);
    if (times) {
      rule2 = { ...rule2, count: count(times[1]!) };
      rest = rest.slice(0, times.index) + rest.slice(times.index + times[0].length);
    } else if (lasting) {
      const n = /^(a|one)$/.test(lasting[1]!) ? 1 : count(lasting[1]!);
      const unit = UNITS_IN[lasting[2]!]!;
      // "weekly for 6 weeks" is 6 times; other mixes ("daily for 2 weeks") end after that long.
      if (unit === rule2.every && (rule2.weekdays?.length ?? 1) === 1) rule2 = { ...rule2, count: Math.max(1, Math.floor(n / rule2.interval)) };
      else rule2 = { ...rule2, lasts: { n, unit } };
      rest = rest.slice(0, lasting.index) + rest.slice(lasting.index + lasting[0].length);
    }
    // "until june", "through may 30", "till the end of april": the last day, read by the caller.
    const until = /\b(until|till|til|through|thru)\s+((?:the\s+end\s+of\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|(?:next|this)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:the\s+)?(?:week|month|year)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2}|christmas|new year'?s?))\b/.exec(rest);
    let untilText: string | undefined;
    if (until && rule2.count === undefined) {
      untilText = until[2]!;
      rest = rest.slice(0, until.index) + rest.slice(until.index + until[0].length);
    }
    // "starting next month", "beginning next week": the series starts there (the day and time said stay).
    const starting = /\b(?:starting|beginning|from)\s+((?:next|this)\s+(?:week|month)|the\s+week\s+after\s+next)\b/.exec(rest);
    if (starting) rest = rest.slice(0, starting.index) + rest.slice(starting.index + starting[0].length);
    return { repeat: rule2, text: rest.replace(/\s+/g, ' ').trim(), ...(untilText ? { untilText, ...(/^thr/.test(until![1]!) ? { through: true } : {}) } : {}), ...(starting ? { startText: starting[1]! } : {}) };
  }
  return undefined;
}

/**
 * A series said at a time its first day does not have ("every sunday at 2:30am" said the week clocks spring
 * forward): Exchange keeps a series at its Start's wall time, so a first event moved on to 3:30 would put
 * every later one at 3:30. The series starts instead on the first day after that the rule falls on, at the
 * time said (2:30 AM on 21 March). A yearly series has no such day within the year: it keeps the moved start.
 */
export function pastTheGap(first: When, rule: Repeat, zone: string): When {
  const { start, shiftedBy } = first;
  if (!start || !shiftedBy || rule.every === 'year') return first;
  const hour = Math.floor(shiftedBy.wallMinutes / 60);
  const minute = shiftedBy.wallMinutes % 60;
  const nextDay = start.startOf('day').plus({ days: 1 });
  const from = atWallClock({ year: nextDay.year, month: nextDay.month, day: nextDay.day, hour, minute }, zone);
  // (The rule's day made explicit from the day said: "every week" said for Sunday stays on Sundays.)
  const iso = firstOccurrence(anchored(rule, start.toISO()!, zone), from.toISO()!, zone);
  const moved = DateTime.fromISO(iso, { zone });
  const by = moved.toMillis() - start.toMillis();
  const { shiftedBy: _said, ...rest } = first;
  return {
    ...rest,
    start: moved,
    ...(first.end ? { end: first.end.plus({ milliseconds: by }) } : {}),
    ...(first.window ? { window: { start: first.window.start.plus({ milliseconds: by }), end: first.window.end.plus({ milliseconds: by }) } } : {}),
  };
}
