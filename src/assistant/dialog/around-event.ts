/**
 * Reads bounded by an event of one's own: "what do I have before my 1:1", "anything after the budget
 * review on wednesday", "what's after lunch". The event is found first; the read runs from the start of
 * its day (or now, on today) up to its start, or from its end to the end of its day.
 */
import { DateTime } from 'luxon';
import type { CalendarEvent } from '../../domain/calendar.js';
import { iso } from './timing.js';

export interface AroundEvent {
  readonly edge: 'before' | 'after';
  /** The event's name as said ("1:1", "budget review", "lunch"). */
  readonly name: string;
}

/**
 * A read bounded by an event: an opening that reads the calendar, then at once "before"/"after" and the
 * event: "what do i have after the budget review", "what's before my 1:1", "anything after lunch", "what's
 * on my calendar before the standup tomorrow". ("What's the weather after lunch" has words between.)
 */
const AROUND = new RegExp(
  String.raw`^\s*(?:and |so |ok |okay |hey )?` +
    String.raw`(?:what(?:'s| is| do i have| have i got| else do i have| comes| happens| is happening|'s happening| is going on|'s going on)|whats|anything(?: else)?|is there anything|do i have (?:anything|something|any \w+)|have i got anything|am i (?:busy|free))` +
    String.raw`(?: (?:on|in) (?:my )?(?:calendar|schedule|agenda))?(?: (?:on|scheduled|planned|booked|left))?` +
    String.raw` (before|after) (?:(?:(?:my|the|our) )?(?:next )?(.+?)|(breakfast|brunch|lunch|dinner))(?: (?:on|today|tomorrow|tonight|this|next|in)\b.*)?\s*\??$`,
  'i',
);
/** What follows "before"/"after" that is a time, not an event ("after 3", "before noon", "after that"). */
const NOT_A_NAME = /^(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a|p|o'?clock)?$|noon\b|midnight\b|midday\b|eod\b|end of\b|work\b|school\b|that\b|this\b|it\b|then\b|now\b|morning\b|afternoon\b|evening\b|tonight\b|today\b|tomorrow\b|yesterday\b|day\b|week\b|weekend\b|month\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d+(?:st|nd|rd|th)\b)/i;

/** The event a read is bounded by, if the words say one. */
export function aroundEvent(text: string): AroundEvent | undefined {
  const m = AROUND.exec(text);
  if (!m) return undefined;
  const name = (m[2] ?? m[3]!).trim();
  if (!name || NOT_A_NAME.test(name)) return undefined;
  return { edge: m[1]!.toLowerCase() as 'before' | 'after', name };
}

/** "my next meeting", "my last meeting today": an event picked by its place in the day, not by its name. */
export const PICKED = /^(next|first|last) (?:meeting|event|call|appointment|one)$/i;

/** Whether the name is a meal ("lunch"): said without a day, it is today's. */
export const isMeal = (name: string): boolean => name.toLowerCase() in MEAL_HOURS;

/** Meals when no event of that name is on the calendar: "after lunch" is after 1 PM. */
const MEAL_HOURS: Readonly<Record<string, readonly [number, number]>> = { breakfast: [7, 8], brunch: [10, 12], lunch: [12, 13], dinner: [18, 19] };

/** The usual hours of a meal said by name, on `day` (an instant in it) in `zone`; undefined for anything else. */
export function mealHours(name: string, day: string, zone: string): { readonly start: string; readonly end: string } | undefined {
  const hours = MEAL_HOURS[name.toLowerCase()];
  if (!hours) return undefined;
  const d = DateTime.fromISO(day, { zone }).startOf('day');
  return { start: iso(d.set({ hour: hours[0] }).toMillis()), end: iso(d.set({ hour: hours[1] }).toMillis()) };
}

/**
 * The window before or after `event` (or the meal's hours) on its own day in `zone`: before starts at
 * the day's start, or at `now` when that is later; after ends at the day's end.
 */
export function windowAround(edge: 'before' | 'after', event: Pick<CalendarEvent, 'start' | 'end'> & { readonly isAllDay?: boolean }, now: Date, zone: string): { readonly start: string; readonly end: string } {
  // An all-day event ("after the offsite") has no hours around it on its days: the day after or before it.
  if (event.isAllDay) {
    const end = DateTime.fromISO(event.end, { zone });
    const start = DateTime.fromISO(event.start, { zone });
    return edge === 'after' ? { start: event.end, end: iso(end.plus({ days: 1 }).toMillis()) } : { start: iso(Math.max(start.minus({ days: 1 }).toMillis(), Math.min(now.getTime(), start.toMillis()))), end: event.start };
  }
  const day = DateTime.fromISO(event.start, { zone }).startOf('day');
  if (edge === 'after') return { start: event.end, end: iso(day.plus({ days: 1 }).toMillis()) };
  return { start: iso(Math.max(day.toMillis(), Math.min(now.getTime(), Date.parse(event.start)))), end: event.start };
}
