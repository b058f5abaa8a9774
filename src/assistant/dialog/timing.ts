/**
 * The dialog's arithmetic of time: where a move lands, a proposal seen again as a request, a when said
 * without a day moved onto the day being talked about. Instants are ISO 8601 strings, days read in `zone`.
 */
import { DateTime } from 'luxon';
import { atWallClock } from '../../domain/wall-clock.js';
import type { CalendarEvent, EventDraft } from '../../domain/calendar.js';
import type { DialogSlots } from './understanding.js';

export const MINUTE = 60_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `days` calendar days after (or, negative, before) `now` in `zone`: 23 or 25 hours across a clock change. */
export function localDaysFrom(now: Date, days: number, zone: string): string {
  return iso(DateTime.fromJSDate(now, { zone }).plus({ days }).toMillis());
}

/** A proposed event as the request that made it, on its day, to propose again at another time. */
export function slotsOf(draft: EventDraft, zone: string): DialogSlots {
  const day = DateTime.fromISO(draft.start, { zone }).startOf('day');
  const people = (draft.attendees ?? []).map((a) => a.email).filter((e): e is string => Boolean(e));
  const optionalPeople = (draft.attendees ?? []).filter((a) => a.kind === 'optional').map((a) => a.email).filter((e): e is string => Boolean(e));
  return {
    title: draft.subject,
    ...(people.length ? { people } : {}),
    ...(optionalPeople.length ? { optionalPeople } : {}),
    ...(draft.location ? { location: draft.location } : {}),
    // The day it is on; an all-day proposal keeps all its days ("vacation, Wednesday to Friday").
    window: draft.isAllDay ? { start: draft.start, end: draft.end } : { start: iso(day.toMillis()), end: iso(day.plus({ days: 1 }).toMillis()) },
    // An all-day proposal given a time ("make it 3pm") takes the usual hour, not 24.
    ...(draft.isAllDay ? { isAllDay: true } : { durationMinutes: Math.round((Date.parse(draft.end) - Date.parse(draft.start)) / MINUTE) }),
    ...(draft.reminderMinutes === 0 ? { reminder: true } : draft.reminderMinutes ? { remindBefore: draft.reminderMinutes } : {}),
    ...(draft.noReminder ? { noReminder: true } : {}),
    // Said in another zone ("at 3 eastern"): an edit ("call it sprint review") keeps the event there.
    ...(draft.timeZone && draft.timeZone !== zone ? { saidZone: draft.timeZone } : {}),
    ...(draft.repeat ? { repeat: draft.repeat } : {}),
  };
}

export const within = (instant: string, w: { readonly start: string; readonly end: string }) => Date.parse(instant) >= Date.parse(w.start) && Date.parse(instant) < Date.parse(w.end);

/**
 * Where a move sends the event: the time said (on the event's own day when no day was said), the day said
 * (keeping its time of day), or the event's start shifted by the minutes said.
 */
export function moveTarget(event: CalendarEvent, s: DialogSlots, zone: string): string | undefined {
  // The event keeps its time of day on its own clock ("move the vendor call to monday" said from Kolkata
  // keeps 9 AM Pacific, across a clock change there); the days are the asker's.
  // (An all-day event keeps its dates another way: see sameDatesIn.)
  const own = event.isAllDay ? zone : eventZone(event, zone);
  if (s.newStart) {
    if (!s.newTimeOnly) return s.newStart;
    // "to 10 eastern": 10 on the Eastern clock, on the event's day (that day's offset, not today's).
    return s.saidZone ? wallTimeOnDate({ at: s.newStart, zone: s.saidZone }, { at: event.start, zone }, s.saidZone) : onDayOf(s.newStart, event.start, zone);
  }
  if (s.newDay && s.newWeek) {
    const monday = DateTime.fromISO(s.newDay, { zone });
    return ownClockOnAskedDay(event.start, own, iso(monday.plus({ days: DateTime.fromISO(event.start, { zone }).weekday - 1 }).toMillis()), zone);
  }
  if (s.newDay) return ownClockOnAskedDay(event.start, own, s.newDay, zone);
  // An all-day event shifts by whole local days ("push the retreat back a day"), not 24 clock hours.
  if (s.shiftMinutes && event.isAllDay) return iso(DateTime.fromISO(event.start, { zone }).plus({ days: Math.round(s.shiftMinutes / 1440) }).toMillis());
  if (s.shiftMinutes) return shiftedBy(event.start, s.shiftMinutes, own);
  return s.start;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** "to the next day", "to the day after": the day after the event's, not tomorrow. */
const DAY_AFTER = /\b(?:to|on|for) the (?:next|following) day\b|\bto the day after\b(?! tomorrow)/i;
/** "to the day before": the day before the event's. */
const DAY_BEFORE = /\b(?:to|on|for) the (?:day before|previous day|prior day)\b/i;
/** "to saturday" without "next" or "this": a day of the event's week. */
const BARE_WEEKDAY = new RegExp(String.raw`\bto (?:on )?(${WEEKDAYS.join('|')})\b(?!,? (?:the )?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|first|second|third|\w+teenth|twent|thirt)|,? (?:of |in )?(?:(?:the )?next|the following|this|that|the week after) week|,? week\b)`, 'i');

/**
 * A move's day said relative to the event, not to today: "to the next day" is the day after the event's;
 * "to saturday" is the Saturday nearest the event (the late deploy on Friday the 19th goes to Saturday
 * the 20th, not back to the 13th; the offsite on Monday the 15th "to friday" is Friday the 12th), never
 * a day already past.
 */
export function relativeToEvent(s: DialogSlots, event: Pick<CalendarEvent, 'start'>, text: string, zone: string, now: Date): DialogSlots {
  const eventDay = DateTime.fromISO(event.start, { zone }).startOf('day');
  const onDay = (day: DateTime): DialogSlots => {
    if (s.newStart && !s.newTimeOnly) return { ...s, newStart: wallTimeOnDate({ at: s.newStart, zone }, { at: iso(day.toMillis()), zone }, zone) };
    return { ...s, newDay: iso(day.toMillis()) };
  };
  if (DAY_AFTER.test(text)) return onDay(eventDay.plus({ days: 1 }));
  if (DAY_BEFORE.test(text)) return onDay(eventDay.minus({ days: 1 }));
  const weekday = BARE_WEEKDAY.exec(text)?.[1];
  if (!weekday || (!s.newDay && !(s.newStart && !s.newTimeOnly))) return s;
  // The one nearest the event, before or after it (after on a tie), never a day already past.
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const wanted = WEEKDAYS.indexOf(weekday.toLowerCase()) + 1;
  // Its own day ("the budget review on wednesday to wednesday at 11:30"): the same day, at another time.
  if (wanted === eventDay.weekday) return onDay(eventDay);
  const after = (wanted - eventDay.weekday + 7) % 7 || 7;
  const options = [eventDay.plus({ days: after }), eventDay.minus({ days: 7 - after })].filter((d) => d >= today && d.toMillis() !== eventDay.toMillis());
  const nearest = options.sort((a, b) => Math.abs(a.diff(eventDay, 'days').days) - Math.abs(b.diff(eventDay, 'days').days) || b.toMillis() - a.toMillis())[0];
  return nearest ? onDay(nearest) : s;
}

/**
 * The event's time on its own clock (`own`), on the day the asker said (`day`'s date in `zone`): of the
 * instants showing that time on the asked date or the dates either side in `own`, the one that falls on
 * the asked date for the asker ("to friday" from Kolkata about a 11 AM Pacific meeting: 11 AM Pacific
 * Thursday, which is Friday 00:30 in Kolkata). When none does, the asker's own clock time on that date.
 */
function ownClockOnAskedDay(start: string, own: string, day: string, zone: string): string {
  const asked = DateTime.fromISO(day, { zone }).toISODate();
  if (own !== zone) {
    for (const shift of [0, -1, 1]) {
      const candidate = wallTimeOnDate({ at: start, zone: own }, { at: iso(DateTime.fromISO(day, { zone }).plus({ days: shift }).toMillis()), zone: own }, own);
      if (DateTime.fromISO(candidate, { zone }).toISODate() === asked) return candidate;
    }
  }
  return wallTimeOnDate({ at: start, zone: own === zone ? own : zone }, { at: day, zone }, own === zone ? own : zone);
}

/** The zone whose clock an event keeps: the one it was scheduled in, when known and valid; else the asker's. */
function eventZone(event: Pick<CalendarEvent, 'timeZone'>, fallback: string): string {
  return event.timeZone && DateTime.now().setZone(event.timeZone).isValid ? event.timeZone : fallback;
}

/**
 * The clock time `time` shows in its zone, on the date `day` shows in its zone, on the wall in `clockZone`:
 * "to monday" keeps the event's 9 AM Pacific on the Monday the asker means, whatever the offsets that day.
 */
export function wallTimeOnDate(time: { readonly at: string; readonly zone: string }, day: { readonly at: string; readonly zone: string }, clockZone: string): string {
  const t = DateTime.fromISO(time.at, { zone: time.zone });
  const d = DateTime.fromISO(day.at, { zone: day.zone });
  return iso(atWallClock({ year: d.year, month: d.month, day: d.day, hour: t.hour, minute: t.minute }, clockZone).toMillis());
}

/** `instant` moved by `minutes`; whole days or weeks ("back a day") are local days, so across a clock change the time of day stays. */
export function shiftedBy(instant: string, minutes: number, zone: string): string {
  if (minutes % 1440 === 0) return iso(DateTime.fromISO(instant, { zone }).plus({ days: minutes / 1440 }).toMillis());
  return iso(Date.parse(instant) + minutes * MINUTE);
}

/** The all-day `event` placed on `wanted`'s local day: midnight to midnight, as many days as it had. */
export function wholeDaysFrom(wanted: string, event: CalendarEvent, zone: string): { start: string; end: string } {
  const days = Math.max(1, Math.round(DateTime.fromISO(event.end, { zone }).startOf('day').diff(DateTime.fromISO(event.start, { zone }).startOf('day'), 'days').days));
  const start = DateTime.fromISO(wanted, { zone }).startOf('day');
  return { start: iso(start.toMillis()), end: iso(start.plus({ days }).toMillis()) };
}

/**
 * An all-day span's dates as read in `from`, on the midnights of `to`: an all-day event keeps its dates in
 * the zone it was made in, so one moved by someone elsewhere is written there, not re-anchored to them.
 */
export function sameDatesIn(span: { readonly start: string; readonly end: string }, from: string, to: string): { start: string; end: string } {
  const place = (instant: string) => {
    const d = DateTime.fromISO(instant, { zone: from });
    return iso(DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: to }).toMillis());
  };
  return { start: place(span.start), end: place(span.end) };
}

/** `time`'s wall-clock time on `day`'s date, both read in `zone`: "2pm" said for an event asked about on Friday. */
export function onDayOf(time: string, day: string, zone: string): string {
  const t = DateTime.fromISO(time, { zone });
  return iso(DateTime.fromISO(day, { zone }).set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 }).toMillis());
}

/** A clash or a busy answer names the meeting at that hour before an all-day event around it. */
export const timedFirst = (events: readonly CalendarEvent[]): CalendarEvent[] => [...events.filter((e) => !e.isAllDay), ...events.filter((e) => e.isAllDay)];
/** All-day events first: asked about whole days, an offsite or a holiday is the answer before any meeting. */
export const allDayFirst = (events: readonly CalendarEvent[]): CalendarEvent[] => [...events.filter((e) => e.isAllDay), ...events.filter((e) => !e.isAllDay)];

/** A when said without a day ("the afternoon", "at 4"), moved from today onto the day of `dayOf`. */
export function onTheDayOf(s: DialogSlots, dayOf: string, zone: string): DialogSlots {
  const from = s.start ?? s.window?.start;
  if (!from) return s;
  // Days from the day the words landed on (today, or tomorrow for an hour already past) to the day asked about.
  const days = Math.round(DateTime.fromISO(dayOf, { zone }).startOf('day').diff(DateTime.fromISO(from, { zone }).startOf('day'), 'days').days);
  if (days === 0) return s;
  const shift = (t: string | undefined) => (t ? iso(DateTime.fromISO(t, { zone }).plus({ days }).toMillis()) : undefined);
  const window = s.window ? { start: shift(s.window.start)!, end: shift(s.window.end)! } : undefined;
  return { ...s, ...(window ? { window } : {}), ...(s.start ? { start: shift(s.start) } : {}), ...(s.end ? { end: shift(s.end) } : {}) };
}

/** How far ahead an event named without a day is looked for (to find, cancel or move it). */
export const SEARCH_AHEAD_DAYS = 30;
/** How far back a question about the past ("when was the budget review") looks. */
export const SEARCH_BACK_DAYS = 30;

/** Midnight to midnight of `now`'s day in `zone`. */
export function dayWindow(now: Date, zone: string): { start: string; end: string } {
  const d = DateTime.fromJSDate(now, { zone }).startOf('day');
  return { start: d.toUTC().toISO()!, end: d.plus({ days: 1 }).toUTC().toISO()! };
}

/** Words that ask about what is over ("what did i have this week"): such a read keeps the whole window. */
const SAID_OF_THE_PAST = /\b(did|was|were|had)\b/i;

/**
 * A read of this calendar week ("what do i have this week", or Alexa's 2027-W10), as what is still to come:
 * from the start of today to the week's end, so Monday and Tuesday are not read on Wednesday as if ahead.
 * On a Sunday, the last day of the week, it is today and the coming week (US users start the week on
 * Sunday). Another window, or one asked of the past, is kept.
 */
export function weekStillAhead(window: { readonly start: string; readonly end: string }, text: string, now: Date, zone: string): { start: string; end: string } {
  // (Only a window of a week, 167 to 169 hours across a clock change, can be this week: others cost no zone arithmetic.)
  const hours = (Date.parse(window.end) - Date.parse(window.start)) / 3_600_000;
  if (hours < 167 || hours > 169) return window;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const monday = today.minus({ days: today.weekday - 1 });
  const isThisWeek = Date.parse(window.start) === monday.toMillis() && Date.parse(window.end) === monday.plus({ weeks: 1 }).toMillis();
  if (!isThisWeek || SAID_OF_THE_PAST.test(text)) return window;
  const end = today.weekday === 7 ? monday.plus({ weeks: 2 }) : monday.plus({ weeks: 1 });
  return { start: iso(today.toMillis()), end: iso(end.toMillis()) };
}

/**
 * A bare hour said to change a proposal ("make it 10" to 9 AM) is the one of its two readings nearest the
 * proposal (10 AM, not 10 PM), unless "am" or "pm" was said.
 */
export function nearestHalfDay(start: string, proposed: string | undefined, text: string): string {
  if (!proposed || /(?:\b|\d)(?:am|pm|a\.m\.?|p\.m\.?)(?!\w)|\b(?:noon|midnight|morning|afternoon|evening|tonight)\b|\d[ap]\b/i.test(text)) return start;
  const away = (t: number) => Math.abs(t - Date.parse(proposed));
  const options = [0, 12, -12].map((h) => Date.parse(start) + h * 3_600_000);
  return iso(options.reduce((a, b) => (away(b) < away(a) ? b : a)));
}

/** How far ahead "my next meeting" is looked for (the answer says "in the next two weeks"). */
export const NEXT_WITHIN_DAYS = 14;

/** Where a move was asked to go, without what named the event. */
export function pickTarget(s: DialogSlots): Partial<DialogSlots> {
  return { ...(s.newStart ? { newStart: s.newStart } : {}), ...(s.newDay ? { newDay: s.newDay } : {}), ...(s.newWeek ? { newWeek: true } : {}), ...(s.newPart ? { newPart: s.newPart } : {}), ...(s.shiftMinutes ? { shiftMinutes: s.shiftMinutes } : {}), ...(s.newTimeOnly ? { newTimeOnly: true } : {}), ...(s.saidZone && s.newStart ? { saidZone: s.saidZone } : {}) };
}
