import type { AskedOfEvent } from '../../domain/request.js';
import { withoutCancelledMark, type CalendarEvent } from '../../domain/calendar.js';
import type { Repeat } from '../../domain/repeat.js';
import { READ_AT_MOST, type Act } from '../dialog/acts.js';
import { explainSentences } from './explain.js';
import { zoneLabel } from './zone-label.js';
import { daysBetween, localTime, millisecondBefore, mondayOf, monthDayName, monthName, previousDay, sameLocalDay, startsLocalDay, weekdayName, type LocalDate, type LocalTime } from './local-time.js';
import { repeatWords } from './repeat-words.js';
import { roomSentences } from './rooms.js';
import { editSentences } from './edits.js';
import { cap, clockOf, onlyThisOne, putBack, roomsWillDecline, shownDay, subject, untilDay, when, whenEvent, type Clock } from './event-words.js';
import { andList, bareDayLabel, dayLabel, escapeSsml, howLong, peopleList, reminderWords, spokenDuration, spokenTime, withWhom } from './phrases.js';

export interface Rendered {
  readonly text: string;
  readonly ssml: string;
}

export interface RenderContext {
  readonly now: Date;
  readonly timeZone: string;
  readonly user: string;
  /** The window a read covered, for "tomorrow" / "this afternoon" labels. */
  readonly window?: { readonly start: string; readonly end: string };
}

const sentences = (parts: readonly string[]): Rendered => ({
  text: parts.join(' '),
  ssml: `<speak>${parts.map((p) => escapeSsml(p)).join('<break time="300ms"/>')}</speak>`,
});

/** "today", "tomorrow between noon and 5 PM", "next week", "between Friday and December 11"… for the window a read covered. */
function windowLabel(window: RenderContext['window'], clock: Clock, now?: Date): string {
  if (!window) return 'today';
  const { today } = clock;
  const s = localTime(window.start, clock.zone);
  const e = localTime(window.end, clock.zone);
  const wholeDays = startsLocalDay(s) && startsLocalDay(e);
  const days = daysBetween(s, e);
  // "the next 3 days", "until the end of the week": from now to a day's end.
  if (now !== undefined && Math.abs(s.instant - now.getTime()) < 60_000 && startsLocalDay(e) && days >= 1) {
    const last = previousDay(e);
    return sameLocalDay(last, today) ? 'for the rest of today' : `between now and the end of ${bareDayLabel(last, today)}`;
  }
  if (wholeDays && days === 1) return dayLabel(s, today);
  if (wholeDays && days === 7 && s.weekday === 1) return weekLabel(s, today);
  const weekend = wholeDays && days === 2 && s.weekday === 6 ? weekendLabel(s, today) : undefined;
  if (weekend) return weekend;
  // "this week" read on a Sunday: today and the coming week (dialog/timing.ts weekStillAhead).
  if (wholeDays && days === 8 && today.weekday === 7 && sameLocalDay(s, today)) return 'between today and the end of next week';
  // A calendar month: "in March" (with its year when it is not this one).
  if (wholeDays && s.day === 1 && e.day === 1 && (e.month === s.month % 12 + 1) && days >= 28) return `in ${monthName(s, s.year !== today.year)}`;
  // The end is the start of the day after the last one read.
  if (wholeDays) return `between ${bareDayLabel(s, today)} and ${bareDayLabel(previousDay(e), today)}`;
  // Within one day (a window ending at midnight ends on the day before it).
  if (sameLocalDay(s, millisecondBefore(e))) return `${dayLabel(s, today)} between ${spokenTime(s)} and ${spokenTime(e)}`;
  return `between ${bareDayLabel(s, today)} at ${spokenTime(s)} and ${bareDayLabel(e, today)} at ${spokenTime(e)}`;
}

/** The parts of a day as the understanding reads them (nlu/README.md): start and end hours. */
const PARTS: readonly (readonly [string, number, number])[] = [['morning', 6, 12], ['afternoon', 12, 17], ['evening', 17, 21], ['night', 18, 24]];

/** "this evening", "tomorrow morning", "on Thursday afternoon", "tonight" for a window that is a part of a day; else windowLabel's words. */
function partOfDayLabel(window: NonNullable<RenderContext['window']>, clock: Clock, now: Date): string {
  const s = localTime(window.start, clock.zone);
  const e = localTime(window.end, clock.zone);
  const endHour = startsLocalDay(e) ? 24 : e.hour;
  const part = PARTS.find(([, from, to]) => s.hour === from && s.minute === 0 && endHour === to && (to === 24 || e.minute === 0) && sameLocalDay(s, millisecondBefore(e)))?.[0];
  if (!part) return windowLabel(window, clock, now);
  const day = dayLabel(s, clock.today);
  if (day === 'today') return part === 'night' ? 'tonight' : `this ${part}`;
  return `${day} ${part}`;
}

/** "this week", "next week", else "the week of March 23", for a window from a Monday to the next. */
function weekLabel(monday: LocalDate, today: LocalDate): string {
  const daysAfterThisMonday = daysBetween(mondayOf(today), monday);
  if (daysAfterThisMonday === 7) return 'next week';
  if (daysAfterThisMonday === 0) return 'this week';
  if (daysAfterThisMonday === -7) return 'last week';
  return `the week of ${monthDayName(monday, false)}`;
}

/** "this weekend", "next weekend", "last weekend" for a window from a Saturday to the Monday after (others are said by their days). */
function weekendLabel(saturday: LocalDate, today: LocalDate): string | undefined {
  const daysAfterThisMonday = daysBetween(mondayOf(today), saturday);
  if (daysAfterThisMonday === 5) return 'this weekend';
  if (daysAfterThisMonday === 12) return 'next weekend';
  if (daysAfterThisMonday === -2) return 'last weekend';
  return undefined;
}

/** Reads events out, at most `limit` of them; a longer list ends by offering the rest (the dialog keeps them for "yes"). */
interface ReadOptions {
  /** How many are read out; the rest are offered. */
  readonly limit?: number;
  /** The rest of an earlier read: its days are said unless all of it is today. */
  readonly rest?: boolean;
  /** The read covers several days: each day is said. */
  readonly severalDays?: boolean;
  /** The words for a day ("tomorrow", "on Friday"); by default relative to today alone. */
  readonly dayOf?: (d: LocalDate) => string;
}

function readEvents(events: readonly CalendarEvent[], ctx: RenderContext, clock: Clock, { limit = READ_AT_MOST, rest = false, severalDays = false, dayOf = (d) => dayLabel(d, clock.today) }: ReadOptions = {}): string[] {
  const read = events.slice(0, limit);
  // An all-day event under way since before the window ("Conference", Monday to Wednesday, read on Tuesday)
  // is said on the first day read, not on the day it began.
  const from = localTime(ctx.window?.start ?? ctx.now, clock.zone);
  // So is a timed event that began before the window and runs into it ("Late call", 11:30 PM Tuesday to
  // 12:30 AM, read for Wednesday): "Until 12:30 AM, Late call, from Tuesday at 11:30 PM".
  const under = (e: CalendarEvent) => !e.isAllDay && ctx.window !== undefined && Date.parse(e.start) < Date.parse(ctx.window.start);
  const starts = read.map((e) => ((e.isAllDay && shownDay(e, clock, from) === from) || under(e) ? from : localTime(e.start, clock.zone)));
  const last = events[events.length - 1];
  const lastStart = events.length > limit ? localTime(last!.start, clock.zone) : starts[starts.length - 1];
  // The rest of a long read says its days unless all of it is today: it may start days after the part read.
  // So does a read of several days, even when what is read falls on one of them.
  const multiDay = starts.length > 0 && (severalDays || !sameLocalDay(starts[0]!, lastStart!) || (rest && !sameLocalDay(starts[0]!, clock.today)));
  const out: string[] = [];
  let prev: LocalTime | undefined;
  let prevDay = '';
  read.forEach((e, i) => {
    const start = starts[i]!;
    const day = dayOf(start);
    const dayPart = multiDay && day !== prevDay ? `${cap(day.replace(/^on /, ''))}, ` : '';
    if (under(e)) {
      const began = localTime(e.start, clock.zone);
      const since = sameLocalDay(began, from) ? `since ${spokenTime(began)}` : `from ${dayLabel(began, clock.today).replace(/^on /, '')} at ${spokenTime(began)}`;
      // Ending on a later day than the one read: that day is said ("until Tuesday at 5 PM").
      const ends = localTime(e.end, clock.zone);
      const until = sameLocalDay(millisecondBefore(ends), from) ? spokenTime(ends) : `${dayLabel(ends, clock.today).replace(/^on /, '')} at ${spokenTime(ends)}`;
      out.push(`${dayPart}${dayPart ? 'until' : 'Until'} ${until}, ${subject(e)}${withWhom(e, ctx.user)}, ${since}.`);
    } else if (e.isAllDay) out.push(`${dayPart}${dayPart ? 'all day' : 'All day'}, ${subject(e)}${withWhom(e, ctx.user)}${untilDay(e, start, clock)}.`);
    else out.push(`${dayPart}${dayPart ? 'at' : 'At'} ${spokenTime(start, day === prevDay ? prev : undefined)}, ${subject(e)}${withWhom(e, ctx.user)}.`);
    prev = e.isAllDay || under(e) ? prev : start;
    prevDay = day;
  });
  if (events.length > limit) {
    const more = events.length - limit;
    // Its day is said when it differs from the day of the last event read ("the last on Friday at 4 PM").
    const lastWhen = last!.isAllDay || !sameLocalDay(lastStart!, starts[starts.length - 1]!) ? whenEvent(last!, clock, from) : `at ${spokenTime(lastStart!)}`;
    out.push(`And ${more} more, the last ${lastWhen}. Want to hear ${more === 1 ? 'it' : 'them'}?`);
  }
  return out;
}

/** "Every day from Monday to Friday, at 9 AM, Team standup.": the occurrences of one series, said once. */
function repeatSentence(series: readonly CalendarEvent[], ctx: RenderContext, clock: Clock, dayOf: (d: LocalDate) => string): string {
  const first = series[0]!;
  const starts = series.map((e) => localTime(e.start, clock.zone));
  return `${cap(daysPhrase(starts, (d) => dayOf(d).replace(/^on /, '')))}, at ${spokenTime(starts[0]!)}, ${subject(first)}${withWhom(first, ctx.user)}.`;
}

/**
 * How the days of a read are said. A read of several days says each day; in a read of a calendar week, a
 * day is named by its weekday ("next week ... Tuesday, at 8 AM"): the window already said which week.
 */
function readDays(window: RenderContext['window'], clock: Clock): Required<Pick<ReadOptions, 'severalDays' | 'dayOf'>> {
  const relative = (d: LocalDate) => dayLabel(d, clock.today);
  if (!window) return { severalDays: false, dayOf: relative };
  const first = localTime(window.start, clock.zone);
  const last = millisecondBefore(localTime(window.end, clock.zone));
  const severalDays = !sameLocalDay(first, last);
  const calendarWeek = first.weekday === 1 && startsLocalDay(first) && daysBetween(first, last) === 6 && startsLocalDay(localTime(window.end, clock.zone));
  if (!calendarWeek) return { severalDays, dayOf: relative };
  return {
    severalDays,
    dayOf: (d) => (Math.abs(daysBetween(clock.today, d)) > 1 && d.dayNumber >= first.dayNumber && d.dayNumber <= last.dayNumber ? `on ${weekdayName(d)}` : relative(d)),
  };
}

/** "every day from Monday to Friday", "every weekday from Monday to Friday, March 19", "Monday, Wednesday and Friday". */
function daysPhrase(days: readonly LocalDate[], label: (d: LocalDate) => string): string {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const span = daysBetween(first, last) + 1;
  if (days.length >= 3 && span === days.length) return `every day from ${label(first)} to ${label(last)}`;
  const weekdaysBetween = Array.from({ length: span }, (_, i) => (first.weekday - 1 + i) % 7).filter((w) => w < 5).length;
  if (days.length >= 3 && days.every((d) => d.weekday <= 5) && days.length === weekdaysBetween) return `every weekday from ${label(first)} to ${label(last)}`;
  if (days.length <= 4) return days.length === 1 ? label(first) : `${days.slice(0, -1).map(label).join(', ')} and ${label(last)}`;
  // "every Monday, Wednesday and Friday from today to March 19": the weekdays it keeps, when it keeps them.
  const weekdays = [...new Set(days.map((d) => d.weekday))].sort((a, b) => a - b);
  if (weekdays.length <= 3) {
    const names = weekdays.map((w) => weekdayName(days.find((d) => d.weekday === w)!));
    return `every ${andList(names)} from ${label(first)} to ${label(last)}`;
  }
  return `${days.length} days from ${label(first)} to ${label(last)}`;
}

/** Rooms are known by Exchange's room lists; without any, no room can be told from a person. */
const NO_ROOM_LISTS = "Exchange lists no rooms. An administrator adds rooms to a room list (New-DistributionGroup -RoomList, then Add-DistributionGroupMember), as Outlook's room finder needs too.";

/** What a room's calendar said to the booking. */
function roomAnswer(room: string, response: string): string {
  if (response === 'accepted') return `${room} accepted the booking.`;
  if (response === 'tentative') return `${room} tentatively accepted the booking.`;
  if (response === 'declined') return `${room} declined: it is booked then, so this meeting has no room. Ask me for another time, or book another room.`;
  return `${room} hasn't answered the booking yet.`;
}

/** What a room's calendar said to a booking moved to a new time. */
function roomAnswerToMove(room: string, response: string): string {
  if (response === 'accepted') return `${room} accepted the new time.`;
  if (response === 'tentative') return `${room} tentatively accepted the new time.`;
  if (response === 'declined') return `${room} declined the new time: it is booked then, so this meeting has no room now. Ask me for another time, or book another room.`;
  return `${room} hasn't answered the new time yet.`;
}

/** Plain text and SSML for what the dialog decided: brief, as a good assistant speaks. */
export function render(act: Act, ctx: RenderContext): Rendered {
  const clock = clockOf(ctx);
  switch (act.kind) {
    case 'events': {
      // "what do i have after the budget review": said by that event, not by the hours it leaves.
      const label = act.around ? `${act.around.edge} ${act.around.subject} ${dayLabel(localTime(act.around.start, clock.zone), clock.today)}` : windowLabel(ctx.window, clock, ctx.now);
      // (Several events found: the question is answered by listing them, not about the first alone.)
      // ("how long is the berlin sync": a series found is asked about by its next occurrence, not listed.)
      const oneSeries = act.events.length > 0 && act.events.every((e) => (e.uid ?? e.id) === (act.events[0]!.uid ?? act.events[0]!.id));
      if ((act.scope === 'next' || act.scope === 'find') && act.asked && oneSeries) return sentences([aboutEvent(act.events[0]!, act.asked, act.scope === 'next', ctx, clock)]);
      if (act.scope === 'next') {
        const e = act.events[0];
        const now = act.underWay ? [`You're in ${subject(act.underWay)} until ${spokenTime(localTime(act.underWay.end, clock.zone))}.`] : [];
        const day = act.allDayFirst ? [`${cap(subject(act.allDayFirst))} is ${dayLabel(localTime(act.allDayFirst.start, clock.zone), clock.today)}, all day.`] : [];
        // ("what's before that": nothing earlier that day or the day before; no "next two weeks" about the past.)
        if (!e && act.query?.startsWith('meeting before ')) return sentences([`You have no ${act.query} in the day before it.`]);
        if (!e) return sentences([...now, ...day, act.query ? `You have no ${act.query} in the next two weeks.` : 'You have no more meetings in the next two weeks.']);
        return sentences([...now, ...day, `Your next meeting is ${subject(e)}, ${when(e.start, clock)}${withWhom(e, ctx.user)}${e.location ? `, in ${e.location}` : ''}.`]);
      }
      if (act.scope === 'find') {
        const [first, ...more] = act.events;
        if (!first) return sentences([`I couldn't find ${act.query ?? 'that'} on your calendar.`]);
        // Another event that matched is named too when its name differs ("Budget review prep"), else only its time.
        const also = more.map((e) => `${subject(e).toLowerCase() === subject(first).toLowerCase() ? '' : `${subject(e)} `}${whenEvent(e, clock)}`);
        const firstWhen = whenEvent(first, clock);
        const who = withWhom(first, ctx.user);
        if (act.past) return sentences([`${cap(subject(first))} was ${firstWhen}${who}.`]);
        // ("when is the berlin team sync": four found, three said, and the rest counted, never dropped unsaid.)
        const later = act.more ? [`${act.more === 1 ? 'One more is' : `${act.more} more are`} on your calendar after that.`] : [];
        return sentences([`${cap(subject(first))} is ${firstWhen}${who && firstWhen.includes(', until ') ? ',' : ''}${who}.`, ...(also.length ? [`Also ${also.join(', and ')}.`] : []), ...later]);
      }
      if (act.scope === 'rest') return sentences(readEvents(act.events, ctx, clock, { ...readDays(ctx.window, clock), limit: act.events.length, rest: true }));
      // "with carol": the count and the "nothing" are about the people asked about, not the whole day.
      const withWhomAsked = act.with?.length ? ` with ${act.with.map((p) => p.replace(/\b\w/g, (c) => c.toUpperCase())).join(' and ')}` : '';
      // A window that is over ("what did i have this morning") is told in the past.
      const have = ctx.window && Date.parse(ctx.window.end) <= ctx.now.getTime() ? 'had' : 'have';
      // ("how many standups": counted as said; "how many meetings": every timed event.)
      const [one, many] = act.counted ? [act.counted.replace(/s$/, ''), /s$/.test(act.counted) ? act.counted : `${act.counted}s`] : ['meeting', 'meetings'];
      if (act.events.length === 0 && act.count) return sentences([`You ${have} no ${many}${withWhomAsked} ${label}.`]);
      if (act.events.length === 0) return sentences([withWhomAsked ? `You ${have} nothing${withWhomAsked} ${label}.` : `You ${have} nothing on your calendar ${label}.`]);
      const n = act.events.length;
      // "how many meetings": the meetings counted apart from what lasts all day (a holiday is no meeting).
      const timed = act.events.filter((e) => !e.isAllDay).length;
      const allDay = n - timed;
      const counted = `${timed === 0 ? `no ${many}` : timed === 1 ? `one ${one}` : `${timed} ${many}`}${withWhomAsked} ${label}${allDay ? `, and ${allDay === 1 ? 'one all-day event' : `${allDay} all-day events`}` : ''}.`;
      const count = act.count ? `You ${have} ${counted}` : `You ${have} ${n === 1 ? 'one event' : `${n} events`}${withWhomAsked} ${label}.`;
      const days = readDays(ctx.window, clock);
      if (!act.repeats?.length) return sentences([count, ...readEvents(act.events, ctx, clock, days)]);
      const inSeries = new Set(act.repeats.flat().map((e) => `${e.id}|${e.start}`));
      const singles = act.events.filter((e) => !inSeries.has(`${e.id}|${e.start}`));
      return sentences([count, ...act.repeats.map((series) => repeatSentence(series, ctx, clock, days.dayOf)), ...readEvents(singles, ctx, clock, days)]);
    }
    case 'free': {
      const label = windowLabel(ctx.window, clock, ctx.now);
      // Yes or no answers the question as asked: "am i free?" "No, ..."; "am i busy?" "Yes, ...".
      if (act.busy.length === 0) return sentences([act.askedBusy ? `No, you have nothing ${label}.` : `Yes, you're free ${label}.`]);
      const e = act.busy[0]!;
      const asked = ctx.window ? localTime(ctx.window.start, clock.zone) : clock.today;
      const free = act.gaps?.length ? [`You're free ${gapList(act.gaps, clock, 3)}.`] : [];
      // (Every one of them over, "do i have any meetings today" late in the day: told in the past.)
      const have = Date.parse(e.end) <= ctx.now.getTime() ? 'had' : 'have';
      return sentences([`${act.askedBusy ? 'Yes' : 'No'}, you ${have} ${subject(e)} ${whenEvent(e, clock, asked)}${act.busy.length > 1 ? ` and ${act.busy.length - 1} more` : ''}.`, ...free]);
    }
    case 'confirm_create': {
      const d = act.draft;
      const minutes = Math.round((Date.parse(d.end) - Date.parse(d.start)) / 60_000);
      // "lunch with Bob Smith" already says who: his name is not said twice.
      const named = d.subject.toLowerCase();
      const guests = d.attendees?.filter((a) => a.kind !== 'resource' && !(a.name && named.includes(a.name.toLowerCase()))) ?? [];
      // (Everyone who would be invited is named before "yes": "and 1 other" could be the wrong Bob.)
      const [required, optional] = [peopleList(guests.filter((a) => a.kind !== 'optional'), ctx.user, ALL_NAMED), peopleList(guests.filter((a) => a.kind === 'optional'), ctx.user, ALL_NAMED)];
      const whoText = optional ? `${required ? `${required}, and ` : ''}${optional} as optional` : required;
      const what = `${d.subject}${whoText ? ` ${/\bwith\b/i.test(d.subject) ? 'and' : 'with'} ${whoText}` : ''}`;
      // "with my manager": who that is is not in the directory's names, so it is said as a relation.
      const [relations, names] = [act.notInvited?.filter((n) => RELATION.test(n)) ?? [], act.notInvited?.filter((n) => !RELATION.test(n)) ?? []];
      const unknown = [
        ...(names.length ? [`I couldn't find anyone called ${names.join(' or ')} in the directory, so I won't invite anyone for ${names.length === 1 ? 'that name' : 'those names'}.`] : []),
        ...(relations.length ? [`I don't know who your ${andList(relations.map((r) => r.replace(/^(my|your|the) /, '')))} ${relations.length === 1 ? 'is' : 'are'}, so I won't invite anyone for that; say ${relations.length === 1 ? 'their name' : 'their names'} to invite them.`] : []),
      ];
      const skipped = skippedTime(act.skipped, d.start, clock);
      const noRoom = act.roomNotFound ? [`I couldn't find a room called ${act.roomNotFound} in the directory, so no room will be booked.`, ...(act.roomListsEmpty ? [NO_ROOM_LISTS] : [])] : [];
      // ("lunch downtown", "a call online", "dinner at home": places said without "in".)
      const where = d.location ? (/^(downtown|uptown|midtown|outside|outdoors|online|remotely|offsite|onsite)$/i.test(d.location) ? ` ${d.location}` : /^home$/i.test(d.location) ? ' at home' : ` in ${d.location}`) : '';
      // An all-day event has no hour to name ("That overlaps Offsite, all day", not "at midnight").
      const first = act.conflicts[0];
      // Over several days the first clash says its day, and how many more there are.
      const days = d.isAllDay && !sameLocalDay(localTime(d.start, clock.zone), millisecondBefore(localTime(d.end, clock.zone)));
      const more = act.conflicts.length - 1;
      const firstWhen = first && (first.isAllDay ? ', all day' : days ? ` ${whenEvent(first, clock)}` : ` at ${spokenTime(localTime(first.start, clock.zone))}`);
      const conflict = first ? [`That overlaps ${subject(first)}${firstWhen}${more > 0 && days ? `, and ${more === 1 ? 'one more event' : `${more} more events`}` : ''}.`] : [];
      const roomsTaken = roomsWillDecline(act.busyRooms);
      const once = act.onceOnly ? ["I can't make repeating events yet, so this adds the first one only."] : [];
      // Said in another zone: its clock too ("tomorrow at noon (3 PM Eastern)"), so a wrong zone is heard before "yes".
      const theirs = d.timeZone && d.timeZone !== clock.zone && !d.isAllDay ? ` (${spokenTime(localTime(d.start, d.timeZone))} ${zoneLabel(d.timeZone)})` : '';
      const at = d.repeat ? seriesWords(d.repeat, d.start, d.timeZone, ctx, clock, Boolean(d.isAllDay)) : `${whenEvent(d, clock)}${theirs}`;
      const free = act.freeRooms?.length ? [`Free then: ${act.freeRooms.length <= 3 ? andList(act.freeRooms) : `${act.freeRooms.slice(0, 3).join(', ')} and ${act.freeRooms.length - 3} more`}.`] : [];
      // "remind me to call mom at 6": said as the reminder it is, not as a 15-minute event.
      // ("book the boardroom too" to one: a reminder is nobody's meeting, so no room is booked for it.)
      const noRoomForIt = act.reminderTakesNoRoom ? ['A reminder is just for you, so it books no room.'] : [];
      if (d.reminderMinutes === 0 && d.freeBusy === 'free') return sentences([...noRoomForIt, ...once, ...passed(act.inThePast), ...skipped, `Set a reminder ${at}: ${d.subject}?`]);
      // Seats unknown (none entered under Rooms): said, so nobody trusts a fit that was never checked.
      if (act.seatsAsked) free.push(`I don't know how many seats ${d.location ?? 'it'} has, so check that it fits ${act.seatsAsked}.`);
      for (const r of act.smallRooms ?? []) free.push(`${r.name} seats ${r.seats}, fewer than the ${r.asked} asked for.`);
      return sentences([...once, ...free, ...passed(act.inThePast), ...skipped, ...unknown, ...noRoom, ...conflict, ...roomsTaken, `Add ${what} ${at}${d.isAllDay ? '' : `${d.repeat ? ',' : ''} for ${spokenDuration(minutes)}`}${where}${d.noReminder ? ', with no reminder' : d.reminderMinutes ? `, ${reminderWords(d.reminderMinutes)}` : ''}?`]);
    }
    case 'created': {
      const invited = act.event.attendees.some((a) => a.kind !== 'resource');
      // A room is booked the way Exchange books it: its calendar answers. A declined room is said, never
      // hidden behind "Done".
      const rooms = act.event.attendees.filter((a) => a.kind === 'resource').map((r) => roomAnswer(r.name || r.email || 'The room', r.response));
      const at = act.repeat ? seriesWords(act.repeat, act.event.start, act.repeatZone, ctx, clock, act.event.isAllDay) : whenEvent(act.event, clock);
      const reminder = act.remindBefore ? `, ${reminderWords(act.remindBefore)}` : '';
      if (act.reminder) return sentences([`Done. You'll be reminded ${at}: ${subject(act.event)}.`]);
      return sentences([`Done. ${cap(subject(act.event))} is on your calendar ${at}${reminder}${invited ? ', and the invitations are sent' : ''}.`, ...rooms]);
    }
    case 'confirm_cancel':
      if (act.series && act.notBegun) return sentences([`Cancel every ${subject(act.event)}, the whole series from its first one ${whenEvent(act.event, clock)}?${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
      if (act.series) return sentences([`Cancel every ${subject(act.event)} from ${whenEvent(act.event, clock).replace(/^on /, '')} on? The ones already held stay on your calendar.${putBack(act.changedOnes, 'Ending')}${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
      return sentences([...oneAtATime(act.firstOfSeveral), `Cancel ${subject(act.event)} ${whenEvent(act.event, clock)}?${onlyThisOne(act.event)}${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
    case 'cancelled': {
      if (act.series) {
        const told = act.event.isMeeting ? ', and the attendees are told' : '';
        if (act.series.kind === 'deleted') return sentences([`Done. Every ${subject(act.event)} is cancelled${told}.`]);
        // (Its new last day need not have an occurrence, a weekday series ended on a Sunday: it is not said.)
        if (act.begun) return sentences([`Done. ${cap(subject(act.event))} is cancelled from now on${told}. The one that began ${whenEvent(act.event, clock).replace(/^on /, '')} stays, as do the ones before it.`]);
        return sentences([`Done. ${cap(subject(act.event))} is cancelled from ${whenEvent(act.event, clock).replace(/^on /, '')} on${told}. The ones already held stay.`]);
      }
      // Which one, and who was told: "cancelled" alone could read as the whole series, or as a quiet delete.
      const one = act.event.kind === 'occurrence' || act.event.kind === 'exception' ? ' The rest of the series stays.' : '';
      return sentences([`Done. ${cap(subject(act.event))} ${whenEvent(act.event, clock)} is cancelled${act.event.isMeeting ? ', and the attendees are told' : ''}.${one}`]);
    }
    case 'confirm_move':
      // A whole series: Exchange moves every occurrence with its master, held ones too, and undoes one-off changes.
      if (act.series) return sentences([...seriesClash(act, clock), `Move every ${subject(act.event)} to ${spokenTime(localTime(act.start, clock.zone))}${seriesClock(act.event, act.start, clock)}? The whole series moves, as Outlook moves a series: the ones already held too.${putBack(act.changedOnes, 'Moving')}${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
      return sentences([...oneAtATime(act.firstOfSeveral), ...skippedTime(act.skipped, act.start, clock), ...(act.conflicts.length ? [`That overlaps ${subject(act.conflicts[0]!)}.`] : []), ...passed(act.inThePast), ...roomsWillDecline(act.busyRooms), `Move ${subject(act.event)} to ${whenEvent({ start: act.start, end: act.end, isAllDay: act.event.isAllDay }, clock).replace(/^on /, '')}${act.saidZone && act.saidZone !== clock.zone ? ` (${spokenTime(localTime(act.start, act.saidZone))} ${zoneLabel(act.saidZone)})` : ''}?${onlyThisOne(act.event)}${act.event.isMeeting ? ' The attendees will be told.' : ''}`]);
    case 'moved': {
      if (act.series) return sentences([`Done. Every ${subject(act.event)} is now at ${spokenTime(localTime(act.start, clock.zone))}${seriesClock(act.event, act.start, clock)}${act.event.isMeeting ? ', and the attendees are told' : ''}.`]);
      const rooms = (act.rooms ?? []).map((r) => roomAnswerToMove(r.name || r.email || 'The room', r.response));
      return sentences([`Done. ${cap(subject(act.event))} is now ${whenEvent({ start: act.start, end: act.end ?? act.start, isAllDay: act.event.isAllDay }, clock)}${act.event.isMeeting ? ', and the attendees are told' : ''}.`, ...rooms]);
    }
    case 'ask_person':
      return sentences([`Which ${act.name} do you mean: ${act.candidates.map((c) => c.name).join(', or ')}?`]);
    case 'unknown_person':
      return sentences([`I couldn't find anyone called ${act.name} in the directory.`]);
    case 'need_time':
      if (act.reminder) {
        const of = `${act.remindAbout ? 'about' : 'to'} ${act.title}`;
        return sentences([act.within ? `What time ${partOfDayLabel(act.within, clock, ctx.now)} should I remind you ${of}?` : `When should I remind you ${of}? Say a day and a time.`]);
      }
      if (act.within) return sentences([`What time ${partOfDayLabel(act.within, clock, ctx.now)} should ${act.title} be?`]);
      return sentences([`When should it be? Say a day and a time for ${act.title}.`]);
    case 'was_cancelled': {
      const by = act.event.organizer?.name || act.event.organizer?.email;
      const name = withoutCancelledMark(subject(act.event));
      return sentences([`${by ? `${by} cancelled` : 'Its organizer cancelled'} ${name} ${whenEvent(act.event, clock)}; it is still on your calendar, marked cancelled. Say "cancel ${name.toLowerCase()}" to remove it.`]);
    }
    case 'confirm_remove_cancelled': {
      const name = withoutCancelledMark(subject(act.event));
      const by = act.event.organizer?.name || act.event.organizer?.email;
      return sentences([`${by ? `${by} cancelled` : 'Its organizer cancelled'} ${name} ${whenEvent(act.event, clock)}; it is still on your calendar, marked cancelled. Remove it from your calendar?`]);
    }
    case 'removed_cancelled':
      return sentences([`Done. The cancelled ${withoutCancelledMark(subject(act.event))} ${whenEvent(act.event, clock)} is off your calendar.`]);
    case 'all_day_needs_day':
      return sentences([`${cap(subject(act.event))} lasts all day, so it moves by days, not hours. Which day should it move to?`]);
    case 'which_event':
      if (act.candidates?.length) {
        const list = act.candidates.map((e) => `${subject(e)} ${whenEvent(e, clock)}`);
        const options = list.length > 1 ? `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}` : list[0]!;
        // (An edit waits for no answer to this: the request is said again with its day.)
        if (act.change === 'change') return sentences([`Which one do you mean: ${options}? Say it again with its day.`]);
        const others = act.more ? ` ${act.more === 1 ? 'One more fits' : `${act.more} more fit`}; a day or a name narrows them.` : '';
        return sentences([`Which one should I ${act.change}: ${options}?${others}`, `Say its name or "the first one".`]);
      }
      if (act.change === 'remind_off') return sentences(['Which event\'s reminder should I turn off? Say its name or its time, for example "turn off the reminder for the budget review".']);
      if (act.change === 'remind') return sentences(['Before which event? Say its name or its time, for example "remind me 30 minutes before the budget review" or "remind me 10 minutes before my 3 PM".']);
      if (act.change === 'find') return sentences(['Which meeting do you mean? Say its name or who it is with, for example "when is the budget review" or "when is my meeting with Bob".']);
      return sentences([`Which event should I ${act.change}? Say its name or its time, for example "${act.change} the budget review" or "${act.change} my 3 PM".`]);
    case 'not_organizer': {
      const who = act.event.organizer?.name || act.event.organizer?.email || 'someone else';
      return sentences([`${who} organizes ${subject(act.event)}, so only they can ${act.change} it for everyone. You can decline it (say "decline ${subject(act.event).toLowerCase()}"), or ask them${act.change === 'move' ? ' for another time' : ''}.`]);
    }
    case 'cannot_pass_occurrence':
      return sentences([
        `I can't move this ${subject(act.event)} to ${when(act.start, clock).replace(/^on /, '')}: a series stays in order, so one occurrence can't move to or past another, and there's one ${when(act.neighbour.start, clock)}.`,
        `Pick a time ${Date.parse(act.neighbour.start) > Date.parse(act.event.start) ? 'before' : 'after'} that, or cancel this one and add a new event.`,
      ]);
    case 'confirm_remind':
      if (act.series) return sentences([act.minutes === 'off' ? `Turn off the reminder for every ${subject(act.event)}? The events themselves stay.` : `Set a reminder ${howLong(act.minutes)} before every ${subject(act.event)}, starting ${whenEvent(act.event, clock).replace(/^on /, '')}?`]);
      if (act.minutes === 'off') return sentences([`Turn off the reminder for ${subject(act.event)} ${whenEvent(act.event, clock)}? The event itself stays.${onlyThisOne(act.event)}`]);
      return sentences([`Set a reminder ${howLong(act.minutes)} before ${subject(act.event)} ${whenEvent(act.event, clock)}?${onlyThisOne(act.event)}`]);
    case 'reminder_set':
      if (act.series) return sentences([act.minutes === 'off' ? `Done. ${cap(subject(act.event))} won't remind you any more; every one stays on your calendar.` : `Done. You'll be reminded ${howLong(act.minutes)} before every ${subject(act.event)}.`]);
      if (act.minutes === 'off') return sentences([`Done. ${cap(subject(act.event))} ${whenEvent(act.event, clock)} won't remind you; it stays on your calendar.`]);
      return sentences([`Done. You'll be reminded ${howLong(act.minutes)} before ${subject(act.event)} ${whenEvent(act.event, clock)}.`]);
    case 'reminder_too_late':
      return sentences([`${cap(subject(act.event))} starts ${whenEvent(act.event, clock)}, less than ${howLong(act.minutes)} from now, so that reminder would already be past. Nothing was changed.`]);
    case 'not_found':
      if (act.at) return sentences([`I couldn't find ${act.query || 'an event'} starting ${when(act.at, clock)} on your calendar.`]);
      if (act.pastDays) return sentences([`I couldn't find ${act.query} on your calendar in the last ${act.pastDays} days.`]);
      return sentences([`I couldn't find ${act.query || 'that'} on your calendar.`]);
    case 'nothing_pending':
      return sentences(["There's nothing waiting for a yes right now."]);
    case 'free_gaps': {
      if (act.days.length === 0) return sentences(['That time is over: ask me about a time still to come.']);
      const several = act.days.length > 1;
      const withGaps = act.days.filter((d) => d.gaps.length > 0);
      if (withGaps.length === 0) {
        const d = act.days[0]!;
        const first = localTime(d.span.start, clock.zone);
        const when = several ? `on any day asked about` : `${dayLabel(first, clock.today)} between ${spokenTime(first)} and ${spokenTime(localTime(d.span.end, clock.zone))}`;
        return sentences([act.minutes ? `No, you have no ${spokenDuration(act.minutes)} free ${when}.` : `You're not free ${when}.`]);
      }
      // Several days: each with its free time, the first three said, the rest counted.
      const said = withGaps.slice(0, several ? 3 : 1).map((d, i) => {
        // (Days of one week asked about are named by their weekday: "On Monday", not "On March 15".)
        const date = localTime(d.span.start, clock.zone);
        const day = several && Math.abs(daysBetween(clock.today, date)) > 1 ? `on ${weekdayName(date)}` : dayLabel(date, clock.today);
        const list = gapList(d.gaps, clock, several ? 3 : 5);
        return i === 0 && act.minutes ? `Yes, ${day} you're free ${list}.` : `${cap(day)} you're free ${list}.`;
      });
      const more = withGaps.length - said.length;
      return sentences([...said, ...(more > 0 ? [`And on ${more} more ${more === 1 ? 'day' : 'days'}.`] : [])]);
    }
    case 'confirm_respond': {
      const verb = { accept: 'Accept', tentative: 'Tentatively accept', decline: 'Decline' }[act.reply];
      const told = act.message !== undefined ? `${organizerOf(act.event)} will be told, with your message: "${act.message}"` : `${organizerOf(act.event)} will be told.`;
      const missing = act.noMessage ? ` I didn't catch a message to send with it, so only your answer goes to ${organizerOf(act.event)}.` : '';
      // (An answer goes to the organizer only: a message said for someone else goes there too, and is said to.)
      const whom = act.saidTo !== undefined ? ` It goes to ${organizerOf(act.event)}, who organizes it, not to ${act.saidTo.replace(/\b[a-z]/g, (c) => c.toUpperCase())}.` : '';
      return sentences([`${verb} ${subject(act.event)} ${whenEvent(act.event, clock)}?${onlyThisOne(act.event)} ${told}${missing}${whom}`]);
    }
    case 'responded': {
      const did = { accept: 'accepted', tentative: 'tentatively accepted', decline: 'declined' }[act.reply];
      return sentences([`Done. You ${did} ${subject(act.event)}, and ${organizerOf(act.event)} has been told${act.message !== undefined ? ', with your message' : ''}.`]);
    }
    case 'respond_own':
      return sentences([`You organize ${subject(act.event)}, so there is no invitation to ${act.reply === 'decline' ? 'decline' : 'accept'}. To call it off, say "cancel ${subject(act.event).toLowerCase()}".`]);
    case 'holding':
      return sentences([`OK, take your time. Say yes to ${{ create: 'add', respond: 'answer', remind: 'set the reminder for', edit: 'change', add_room: 'book the room for', cancel: 'cancel', move: 'move' }[act.change]} ${act.subject}, or no to drop it.`]);
    case 'many_at_once': {
      // A whole series is changed when its name finds one: this name found several different events.
      if (act.several?.length && act.sameName) {
        const one = act.title ?? act.several[0]!.toLowerCase();
        return sentences([`More than one series ahead is called ${andList(act.several)}, so saying the name again can't tell them apart, and I haven't changed anything. ${cap(act.change)} one occurrence at a time, for example "${act.change} tomorrow's ${one}${act.change === 'move' ? ' to 10' : ''}", or change the series in Outlook.`]);
      }
      if (act.several?.length) {
        return sentences([`Different events ahead go by ${act.title ? `"${act.title}"` : 'that name'}: ${andList(act.several)}. I ${act.change} one series at a time, so I haven't changed anything. Say which, for example "${act.change} every ${act.several[0]}${act.change === 'move' ? ' to 10' : ''}".`]);
      }
      // "cancel the standups this week": some occurrences, not the whole series.
      if (act.what === 'series') {
        const t = act.title ?? 'meeting';
        const one = act.change === 'cancel' ? `"cancel tomorrow's ${t}"` : `"move tomorrow's ${t} to 10"`;
        const all = act.change === 'cancel' ? `call off the whole series from now on: "cancel the ${t} series"` : `move the whole series: "move every ${t} to 10"`;
        return sentences([`I can't ${act.change} several ${t}s at once, so I haven't changed anything. Say one, for example ${one}, or ${all}.`]);
      }
      const example = act.change === 'cancel' ? '"cancel my 2pm on friday"' : '"move my 2pm to 3"';
      return sentences([`I can't ${act.change} several events at once yet: I ${act.change} one event at a time, so I haven't changed anything. Ask for each one, for example ${example}.`]);
    }
    case 'series_edit_refused':
      return sentences([`I change the place of one occurrence of ${subject(act.event)} at a time, so I haven't changed anything. Say which one, for example "change the location of tomorrow's ${subject(act.event).toLowerCase()} to building 4", or change the series in Outlook.`]);
    case 'series_move_refused':
      if (act.reason === 'same') return sentences([`Every ${subject(act.event)} is already at ${spokenTime(localTime(act.event.start, clock.zone))}, so nothing needs to move.`]);
      return sentences([
        act.reason === 'day'
          ? `I can move every ${subject(act.event)} to another time of its own days, not to other days, so I haven't changed anything. To change its days, change the series in Outlook, or move one, for example "move tomorrow's ${subject(act.event).toLowerCase()} to friday".`
          : `To what time should every ${subject(act.event)} move? Say it with the series, for example "move every ${subject(act.event).toLowerCase()} to 10".`,
      ]);
    case 'dropped':
      return sentences([act.read ? 'OK.' : "OK, I won't."]);
    case 'explain':
      return sentences(explainSentences(act.explanation));
    case 'room_status':
    case 'room_outcome':
    case 'room_found':
    case 'room_free_at':
    case 'room_book_later':
      return sentences(roomSentences(act));
    case 'proposal_expired':
      return sentences([`That was proposed more than ${act.minutes} minutes ago, so I didn't do it. Ask again and I'll check the calendar afresh.`]);
    case 'rooms_not_set_up':
      return sentences(['Which room do you mean? Name it, for example "is the boardroom free at 3" or "book the boardroom tomorrow at 2". (On a device in a room, an administrator places the device under Rooms.)']);
    case 'named_room_free': {
      const label = windowLabel(act.window, clock, ctx.now);
      if (act.free === undefined) return sentences([`Exchange didn't say whether ${act.room} is free ${label}. Try again, or check the room in Outlook.`]);
      // Over more than a couple of hours ("is the boardroom free friday"), when it is taken is the answer.
      const long = Date.parse(act.window.end) - Date.parse(act.window.start) > 2 * 3_600_000;
      // (A person is busy; a room is booked.)
      const taken = act.person ? 'busy' : 'booked';
      if (act.free || !long || !act.busy?.length) return sentences([`${act.room} is ${act.free ? 'free' : taken} ${label}.`]);
      // Over several days each booking says its day ("this week: on Wednesday from 11 AM to noon").
      const days = !sameLocalDay(localTime(act.window.start, clock.zone), millisecondBefore(localTime(act.window.end, clock.zone)));
      const spans = act.busy.slice(0, 3).map((b) => `${days ? `${dayLabel(localTime(b.start, clock.zone), clock.today)} ` : ''}from ${spokenTime(localTime(b.start, clock.zone))} to ${spokenTime(localTime(b.end, clock.zone))}`);
      const more = act.busy.length > 3 ? `, and ${act.busy.length - 3} more ${act.busy.length === 4 ? 'time' : 'times'}` : '';
      return sentences([`${cap(label)}, ${act.room} is ${taken} ${andList(spans)}${more}, and free the rest of the time.`]);
    }
    case 'room_bookers': {
      const label = windowLabel(act.window, clock, ctx.now);
      if (act.bookings.length === 0) return sentences([`Nobody has booked ${act.room} ${label}.`]);
      const said = act.bookings.slice(0, 3).map((b) => `${b.by ? `${b.by} ` : ''}from ${spokenTime(localTime(b.start, clock.zone))} to ${spokenTime(localTime(b.end, clock.zone))}`);
      return sentences([`${cap(label)}, ${act.room} is booked ${act.timesOnly ? '' : 'by '}${andList(said)}.`, ...(act.timesOnly ? ['I can see only its free/busy times, not who booked it.'] : [])]);
    }
    case 'book_elsewhere':
      return sentences([`This display books ${act.here} only. To book the ${act.asked}, ask from your own calendar or from its own display.`]);
    case 'confirm_add_room':
      return sentences([...(act.taken ? [`${act.room} is booked then and will decline.`] : []), `Book ${act.room} for ${subject(act.event)} ${whenEvent(act.event, clock)}?${act.event.attendees.some((a) => a.kind !== 'resource') ? ' The attendees will get the update.' : ''}`]);
    case 'room_added':
      return sentences([`Done. ${act.room} is on ${subject(act.event)}.`, roomAnswer(act.room, act.response)]);
    case 'add_room_which':
      return sentences([`Which one: ${andList(act.candidates.map((e) => `${subject(e)} ${whenEvent(e, clock)}`)).replace(/ and ([^,]*)$/, ', or $1')}? Ask again with its day or time, for example "book ${act.room === 'a room' ? 'a room' : `the ${act.room.toLowerCase()}`} for ${subject(act.candidates[0]!).toLowerCase()} ${whenEvent(act.candidates[0]!, clock)}".`]);
    case 'room_already_booked':
      return sentences([`${act.room} is already on ${subject(act.event)} ${whenEvent(act.event, clock)}.`]);
    case 'room_for_event':
      return sentences([`I can't add a room to ${act.event} yet. Add one in Outlook, or ask for a room at its time, for example "find me a room on wednesday at 11".`]);
    case 'room_needs_time':
      return sentences(['At what time? Ask with a time, for example "find me a room tomorrow at 2".']);
    case 'no_free_room':
      if (act.listed === 0) return sentences([`I can't see any rooms: ${NO_ROOM_LISTS}`]);
      if (act.tooSmall) return sentences([`None of the rooms I can see seats ${act.tooSmall}.`]);
      if (act.unread === act.listed) return sentences(["Exchange didn't give the rooms' free/busy, so I can't tell which are free. Try again in a moment, or use Outlook's room finder."]);
      if (act.unread) return sentences([`${act.listed - act.unread === 1 ? "The one room I could check isn't" : `None of the ${act.listed - act.unread} rooms I could check is`} free ${windowLabel(act.window, clock, ctx.now)}; Exchange didn't give the free/busy of ${act.unread === 1 ? 'one more' : `${act.unread} more`}.`]);
      return sentences([act.listed === 1 ? `The one room I can see isn't free ${windowLabel(act.window, clock, ctx.now)}.` : `None of the ${act.listed} rooms I can see is free ${windowLabel(act.window, clock, ctx.now)}.`]);
    case 'confirm_edit':
    case 'edited':
    case 'edit_unneeded':
      return sentences(editSentences(act, clock, ctx.user));
    case 'which_room':
      return sentences([`Which ${act.name} do you mean: ${act.candidates.join(', or ')}? Ask again with ${act.person ? 'the' : 'its'} full name.`]);
    case 'unknown_room':
      return sentences([`I couldn't find a room called ${act.name} in the directory.`, act.noRoomLists ? NO_ROOM_LISTS : "Rooms are found by the names in Outlook's room finder."]);
    case 'changed_since': {
      const done = { cancel: 'cancelled', move: 'moved', 'add a room to': 'booked a room for', remind: 'set a reminder for', change: 'changed' }[act.change];
      if (!act.now) return sentences([`${cap(subject(act.event))} is no longer on your calendar, so I haven't ${done} anything.`]);
      return sentences([`${cap(subject(act.event))} changed since I asked: it is now ${whenEvent(act.now, clock)}. I haven't ${done} it; ask again if you still want to.`]);
    }
    case 'refuse': {
      // A proposal dropped by words that were not understood is named, so nobody waits to say "yes" to it.
      const d = act.dropped;
      const dropped = typeof d === 'object' ? [`I didn't follow that, so I dropped ${d.change === 'create' ? `adding ${d.subject}` : d.change === 'respond' ? `answering ${d.subject}` : d.change === 'remind' ? `the reminder for ${d.subject}` : d.change === 'edit' ? `the change to ${d.subject}` : d.change === 'add_room' ? `booking a room for ${d.subject}` : `the ${d.change} of ${d.subject}`}: nothing was changed. Ask again with the whole request.`] : d ? ["I haven't changed anything."] : [];
      if (act.unsupported) {
        // Said in a way the edit could not be read from (or with a move at once): how to say it, one change at a time.
        const how = {
          length: ['how long an event lasts', '"extend the budget review by 15 minutes" or "make the standup 30 minutes long"'],
          guests: ['who is invited to an event', '"add Bob to the budget review" or "remove Ann from the standup"'],
          rename: ["an event's name", '"rename the budget review to budget sync"'],
          location: ['where an event is', '"change the location of the budget review to building 4"; a move and a new place are said one at a time'],
        }[act.unsupported];
        return sentences([`I couldn't tell how to change ${how[0]} from that. Say it like ${how[1]}.`, ...dropped]);
      }
      if (typeof d === 'object') return sentences(dropped);
      return sentences(['Sorry, I can only help with your calendar. Ask me what is on it, or to add, move or cancel an event.', ...dropped]);
    }
  }
}

/** "Budget review is in Boardroom, on Wednesday at 11 AM.": what was asked about one event. */
function aboutEvent(e: CalendarEvent, asked: AskedOfEvent, next: boolean, ctx: RenderContext, clock: Clock): string {
  const name = next ? `Your next meeting, ${subject(e)}` : cap(subject(e));
  const at = whenEvent(e, clock);
  if (asked === 'where') return e.location ? `${name} is in ${e.location}, ${at}.` : `${name}, ${at}, has no place set.`;
  if (asked === 'organizer') return e.organizer && e.organizer.email?.toLowerCase() !== ctx.user.toLowerCase() ? `${organizerOf(e)} organizes ${subject(e)}, ${at}.` : `You organize ${subject(e)}, ${at}.`;
  if (asked === 'until') return `${name} ${timeUntil(e, ctx.now, clock)}, ${at}.`;
  if (asked === 'who') {
    const others = [e.organizer, ...e.attendees.filter((a) => a.kind !== 'resource')].filter((p): p is NonNullable<typeof p> => Boolean(p) && p!.email?.toLowerCase() !== ctx.user.toLowerCase());
    const unique = others.filter((p, i) => others.findIndex((q) => (q.email ?? q.name) === (p.email ?? p.name)) === i);
    return unique.length ? `${name}, ${at}, is with ${peopleList(unique, ctx.user, WHO_NAMED)}.` : `${name}, ${at}, has nobody else invited.`;
  }
  if (e.isAllDay) return `${name} is ${at}.`;
  if (asked === 'end') {
    // "Budget review ends at noon, on Wednesday."; past midnight, the day it ends on is said too.
    const [start, end] = [localTime(e.start, clock.zone), localTime(e.end, clock.zone)];
    return sameLocalDay(start, millisecondBefore(end)) ? `${name}${next ? ',' : ''} ends at ${spokenTime(end)}, ${dayLabel(start, clock.today)}.` : `${name}, ${at}, ends ${when(e.end, clock)}.`;
  }
  const minutes = Math.round((Date.parse(e.end) - Date.parse(e.start)) / 60_000);
  return `${name}, ${at}, lasts ${spokenDuration(minutes)}, until ${spokenTime(localTime(e.end, clock.zone))}.`;
}

/** "is in 2 days", "is in 3 hours", "starts in 20 minutes", "is under way": from now to the event, as said. */
function timeUntil(e: CalendarEvent, now: Date, clock: Clock): string {
  const minutes = Math.round((Date.parse(e.start) - now.getTime()) / 60_000);
  if (minutes <= 0) return Date.parse(e.end) > now.getTime() ? 'is under way' : 'is over';
  if (minutes < 60) return `starts in ${spokenDuration(minutes)}`;
  const days = daysBetween(localTime(now, clock.zone), localTime(e.start, clock.zone));
  if (days === 0 || (!e.isAllDay && minutes < 12 * 60)) return `is in ${spokenDuration(Math.round(minutes / 60) * 60)}`;
  return days === 1 ? 'is tomorrow' : `is in ${days} days`;
}

/** A proposal names everyone it would invite; "who is in it" names this many before counting the rest. */
const ALL_NAMED = Number.POSITIVE_INFINITY;
const WHO_NAMED = 6;

const organizerOf = (e: CalendarEvent): string => e.organizer?.name || e.organizer?.email || 'the organizer';

/** Said first when a request named several events: they are taken one at a time. */
const oneAtATime = (first: boolean | undefined): string[] => (first ? ['One at a time: the first one first, then ask me about the next.'] : []);

/** "from 8 to 9 AM, from 11 AM to 2:30 PM, and from 3 to 6 PM": at most `most` stretches, the rest counted. */
function gapList(gaps: readonly { readonly start: string; readonly end: string }[], clock: Clock, most: number): string {
  const said = gaps.slice(0, most).map((g) => {
    const from = localTime(g.start, clock.zone);
    const to = localTime(g.end, clock.zone);
    return `from ${spokenTime(from, to)} to ${spokenTime(to)}`;
  });
  const more = gaps.length - said.length;
  if (more > 0) return `${said.join(', ')}, and ${more} more ${more === 1 ? 'time' : 'times'}`;
  return said.length === 1 ? said[0]! : said.length === 2 ? `${said[0]} and ${said[1]}` : `${said.slice(0, -1).join(', ')}, and ${said[said.length - 1]}`;
}

/** A series in the asker's zone, or in the zone it is kept in with that zone named. */
function seriesWords(repeat: Repeat, start: string, zone: string | undefined, ctx: RenderContext, clock: Clock, allDay: boolean): string {
  if (!zone || zone === clock.zone || allDay) return repeatWords(repeat, start, clock.zone, clock.today, allDay);
  return repeatWords(repeat, start, zone, localTime(ctx.now, zone), allDay, zoneLabel(zone));
}

/** People named by who they are to the asker ("my manager"), not by name. */
const RELATION = /^(?:my |your |the )?(?:manager|boss|supervisor|team ?lead|lead|skip|assistant|wife|husband|partner|mom|mother|dad|father|sister|brother|son|daughter|colleague|coworker|co-worker)s?$/i;

/** 2:30 AM on the day clocks spring forward: there is no such time, so what is proposed is the gap later. */
function skippedTime(skipped: { readonly said: string; readonly minutes: number } | undefined, start: string, clock: Clock): string[] {
  return skipped ? [`There is no ${skipped.said} ${whenEvent({ start, end: start, isAllDay: false }, clock).replace(/ at .*$/, '')}: the clocks go forward ${spokenDuration(skipped.minutes)} then.`] : [];
}

/** Said before "yes" when the time asked for is already over. */
function passed(inThePast: boolean | undefined): string[] {
  return inThePast ? ['That time has already passed.'] : [];
}

/** A series kept on another zone's clock: its own time too, which is what stays fixed across clock changes. */
function seriesClock(event: { readonly timeZone?: string; readonly isAllDay: boolean }, start: string, clock: Clock): string {
  return event.timeZone && event.timeZone !== clock.zone && !event.isAllDay ? ` (${spokenTime(localTime(start, event.timeZone))} ${zoneLabel(event.timeZone)}, the series' own clock)` : '';
}

/** What the next occurrence of a series moved would run into: an event then, its rooms booked then. */
function seriesClash(act: { readonly start: string; readonly end: string; readonly conflicts: readonly CalendarEvent[]; readonly busyRooms?: readonly string[] }, clock: Clock): string[] {
  if (!act.conflicts.length && !act.busyRooms?.length) return [];
  const at = whenEvent({ start: act.start, end: act.end, isAllDay: false }, clock).replace(/^on /, '');
  const clash = act.conflicts.length ? [`The next one, ${at}, would overlap ${subject(act.conflicts[0]!)}.`] : [];
  const rooms = act.busyRooms?.length ? [`${andList([...act.busyRooms])} ${act.busyRooms.length === 1 ? 'is' : 'are'} booked ${act.conflicts.length ? 'then' : `${at}`} and will decline.`] : [];
  return [...clash, ...rooms];
}
