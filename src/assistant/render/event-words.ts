/**
 * The words every answer uses for an event: its name, when it is on the asker's clock, that one occurrence
 * of a series changes alone, and rooms that will decline.
 */
import type { CalendarEvent } from '../../domain/calendar.js';
import { localTime, previousDay, type LocalDate } from './local-time.js';
import { bareDayLabel, dayLabel, spokenTime } from './phrases.js';

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const subject = (e: CalendarEvent) => e.subject.trim() || 'an untitled event';

/** What the clock words of one answer need, read once per render: the user's zone and the date there now. */
export interface Clock {
  readonly zone: string;
  readonly today: LocalDate;
}

export const clockOf = (ctx: { readonly now: Date; readonly timeZone: string }): Clock => ({ zone: ctx.timeZone, today: localTime(ctx.now, ctx.timeZone) });

/** "tomorrow at 10 AM", "on Friday, all day". */
export function when(isoStart: string, clock: Clock, allDay = false): string {
  const s = localTime(isoStart, clock.zone);
  return allDay ? `${dayLabel(s, clock.today)}, all day` : `${dayLabel(s, clock.today)} at ${spokenTime(s)}`;
}

/** The last day an all-day event covers (its end is the midnight after it). */
const lastDayOf = (e: { readonly end: string }, clock: Clock): LocalDate => previousDay(localTime(e.end, clock.zone));

/** The day an all-day event is said on: the day it starts, or `from` (itself) when it is already under way then. */
export function shownDay(e: { readonly start: string; readonly end: string }, clock: Clock, from: LocalDate): LocalDate {
  const start = localTime(e.start, clock.zone);
  const last = lastDayOf(e, clock);
  return from.dayNumber > start.dayNumber && from.dayNumber <= last.dayNumber ? from : start;
}

/** ", until Wednesday" for an all-day event that goes on after the day it is said on. */
export function untilDay(e: { readonly end: string }, shown: LocalDate, clock: Clock): string {
  const last = lastDayOf(e, clock);
  return last.dayNumber > shown.dayNumber ? `, until ${bareDayLabel(last, clock.today)}` : '';
}

/** When an event is, for one sentence: "tomorrow at 10 AM", "on Friday, all day", "today, all day, until Wednesday". */
export function whenEvent(e: { readonly start: string; readonly end: string; readonly isAllDay?: boolean }, clock: Clock, from: LocalDate = clock.today): string {
  if (!e.isAllDay) return when(e.start, clock);
  const day = shownDay(e, clock, from);
  return `${dayLabel(day, clock.today)}, all day${untilDay(e, day, clock)}`;
}

/** An occurrence of a series is changed alone, and the proposal says so. */
export const onlyThisOne = (e: CalendarEvent): string => (e.isRecurring ? ' Only this one; the rest of the series stays.' : '');

/** Said before "yes": rooms booked by something else at the proposed time decline ("Boardroom is booked then and will decline."). */
export function roomsWillDecline(rooms: readonly string[] | undefined): string[] {
  return rooms?.length ? [`${rooms.join(' and ')} ${rooms.length === 1 ? 'is' : 'are'} booked then and will decline.`] : [];
}

/**
 * Occurrences changed or cancelled on their own, which a change of the series' dates or time puts back as the
 * series has it (Exchange drops a series' exceptions then): said before "yes" when there are any.
 */
export function putBack(n: number | undefined, doing: 'Ending' | 'Moving' | 'Changing'): string {
  if (!n) return '';
  return ` ${n === 1 ? 'One of them was' : `${n} of them were`} changed or cancelled on ${n === 1 ? 'its' : 'their'} own: ${doing.toLowerCase()} the series puts ${n === 1 ? 'it' : 'them'} back as the series has it, held ones too.`;
}
