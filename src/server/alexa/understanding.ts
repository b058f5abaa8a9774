import { DateTime, Duration } from 'luxon';
import type { DialogIntent, DialogSlots, DialogUnderstanding } from '../../assistant/dialog/understanding.js';
import { lastsAllDay } from '../../domain/all-day.js';
import type { AssistantTurn } from './turn.js';

const INTENTS: Readonly<Record<string, DialogIntent>> = {
  ReadCalendarIntent: 'read_events',
  NextMeetingIntent: 'next_meeting',
  FindMeetingIntent: 'find_meeting',
  AmIFreeIntent: 'am_i_free',
  // "am I busy at 3", "do I have anything at 3": the same question, asked so that "yes" means busy.
  AmIBusyIntent: 'am_i_free',
  CreateEventIntent: 'create_event',
  CancelEventIntent: 'cancel_event',
  MoveEventIntent: 'move_event',
  // "when am I free tomorrow", "do I have time for a 30 minute call today": the free stretches.
  WhenAmIFreeIntent: 'am_i_free',
  // "decline the vendor pitch", "accept the design review": an answer to a meeting someone else organizes.
  DeclineMeetingIntent: 'respond_event',
  AcceptMeetingIntent: 'respond_event',
  RoomIsFreeIntent: 'room_is_free',
  RoomBookIntent: 'room_book',
  RoomEndMeetingIntent: 'room_end',
  RoomExtendIntent: 'room_extend',
  RoomFindIntent: 'room_find',
  RoomWhoBookedIntent: 'room_who_booked',
  // "noon", "at 3", "friday at 10": the answer to "When should it be?" (a time alone, no title).
  TimeAnswerIntent: 'create_event',
  // "Bob Smith", "the second one": the answer to "Which Bob do you mean?" (its words go to the dialog as the text).
  PersonAnswerIntent: 'out_of_scope',
  // "why?", "how do you know": which mailbox, zone and access the last answer used, or why it failed.
  WhyIntent: 'why',
  'AMAZON.YesIntent': 'confirm',
  'AMAZON.NoIntent': 'deny',
};

/** Alexa's parts of day (AMAZON.TIME): morning 06-12, afternoon 12-17, evening 17-21, night 21-24. */
const PARTS: Readonly<Record<string, readonly [number, number]>> = { MO: [6, 12], AF: [12, 17], EV: [17, 21], NI: [21, 24] };

/**
 * An AMAZON.DATE value as a window in the user's zone: a day, a week (or its weekend), a month ("2026-12", or
 * "2026-12-XX" for "in December"). Broader values (a year, a season, a decade) have none: the skill refuses
 * them before understanding (slot-checks.ts).
 */
export function dateWindow(value: string, now: DateTime): { start: DateTime; end: DateTime } | undefined {
  const zone = now.zone;
  if (value === 'PRESENT_REF') return { start: now.startOf('day'), end: now.startOf('day').plus({ days: 1 }) };
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    const d = DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { zone });
    return { start: d, end: d.plus({ days: 1 }) };
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const monday = DateTime.fromObject({ weekYear: +m[1]!, weekNumber: +m[2]!, weekday: 1 }, { zone });
    return m[3] ? { start: monday.plus({ days: 5 }), end: monday.plus({ days: 7 }) } : { start: monday, end: monday.plus({ days: 7 }) };
  }
  m = /^(\d{4})-(\d{2})(?:-XX)?$/.exec(value);
  if (m) {
    const first = DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: 1 }, { zone });
    return { start: first, end: first.plus({ months: 1 }) };
  }
  return undefined;
}

/** Words after "with" that are not names: "with the team", "with my manager", "with marketing" are kept as said. */
const NOT_A_NAME = /^(the|my|our|your|his|her|their|a|an|some|everyone|everybody|all|team|marketing|sales|finance|engineering|hr|legal|support|clients?|customers?|vendors?|partners?)\b/;

/** "lunch with bob smith and carol" -> title "lunch", people ["bob smith", "carol"]; undefined when no one is named. */
export function titleAndGuests(title: string): { title: string; people: string[] } | undefined {
  const m = /^(.+?)\s+with\s+(.+)$/i.exec(title.trim());
  if (!m || NOT_A_NAME.test(m[2]!.toLowerCase())) return undefined;
  const people = m[2]!.split(/\s*,\s*|\s+and\s+/i).map((p) => p.trim()).filter(Boolean);
  // A name is a word or three ("bob", "bob smith", "mary ann lee"); more is a phrase, not a guest list.
  if (people.length === 0 || people.some((p) => p.split(/\s+/).length > 3)) return undefined;
  return { title: m[1]!, people };
}

const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;

/** The slots of an Alexa turn as the dialog's understanding: same dialog, whichever channel. */
export function understandAlexaTurn(turn: AssistantTurn, timeZone: string, nowDate: Date): DialogUnderstanding {
  const intent = INTENTS[turn.intent] ?? 'out_of_scope';
  const now = DateTime.fromJSDate(nowDate, { zone: timeZone });
  const s = turn.slots;
  const slots: { -readonly [K in keyof DialogSlots]: DialogSlots[K] } = {};
  const day = s.date ? dateWindow(s.date, now) : undefined;
  const part = s.time ? PARTS[s.time] : undefined;
  const clock = s.time && /^\d{2}:\d{2}$/.test(s.time) ? s.time.split(':').map(Number) : undefined;
  const base = day?.start ?? now.startOf('day');
  if (clock) {
    let at = base.set({ hour: clock[0]!, minute: clock[1]! });
    // "at 3" without a date means the next 3 o'clock, not one that has passed today.
    if (!day && at < now) at = at.plus({ days: 1 });
    slots.start = iso(at);
  } else if (part) {
    slots.window = { start: iso(base.set({ hour: part[0] })), end: iso(base.set({ hour: 0 }).plus({ hours: part[1] })) };
    // "move my meeting to friday afternoon": at least the day is the target's.
    if (intent === 'move_event' && day) slots.newDay = iso(day.start);
  } else if (day) {
    slots.window = { start: iso(day.start), end: iso(day.end) };
    // As in words: a new event on a day but at no time is all day only if it lasts the day ("mom's
    // birthday"); otherwise the dialog asks when. A move to a day keeps the event's time of day.
    if (intent === 'create_event' && lastsAllDay(s.title)) Object.assign(slots, { isAllDay: true, start: iso(day.start), end: iso(day.end) });
    if (intent === 'move_event') slots.newDay = iso(day.start);
  }
  if (s.date) slots.saidDay = true;
  if (turn.intent === 'TimeAnswerIntent') slots.whenOnly = true;
  if (turn.intent === 'AmIBusyIntent') slots.askedBusy = true;
  if (turn.intent === 'DeclineMeetingIntent') slots.reply = 'decline';
  if (turn.intent === 'AcceptMeetingIntent') slots.reply = 'accept';
  if (turn.intent === 'WhenAmIFreeIntent') {
    slots.findFree = true;
    // No day said: today.
    slots.window ??= { start: iso(now.startOf('day')), end: iso(now.startOf('day').plus({ days: 1 })) };
    if (s.duration) slots.lengthSaid = true;
  }
  if (s.duration) {
    const d = Duration.fromISO(s.duration);
    if (d.isValid) slots.durationMinutes = Math.round(d.as('minutes'));
    // "vacation friday for 3 days": an all-day event as many days long as said (whole days only: checked before).
    const days = (slots.durationMinutes ?? 0) / (24 * 60);
    if (slots.isAllDay && day && Number.isInteger(days) && days > 0) slots.end = iso(day.start.plus({ days }));
  }
  // Said, for the dialog: a time answering "When should it be?" keeps the day asked about unless a day is said.
  if (s.date) slots.raw = [{ type: 'date', value: s.date }];
  if (slots.start && slots.durationMinutes !== undefined && !slots.isAllDay) slots.end = iso(DateTime.fromISO(slots.start).plus({ minutes: slots.durationMinutes }));
  if (s.title) slots.title = s.title;
  // ("decline the vendor pitch invitation": the meeting, not the invitation.)
  if (s.query) slots.title = intent === 'respond_event' ? s.query.replace(/^(?:the |my )/i, '').replace(/\s+(?:invitation|invite|meeting)$/i, '') : s.query;
  if (s.person) slots.people = [s.person];
  // "is the fishbowl free", "find a room for 6 people": the room and the seats as Alexa heard them.
  if (s.room) slots.room = s.room.replace(/^(?:the|our)\s+/i, '');
  if (s.people && /^\d+$/.test(s.people)) slots.seats = Number(s.people);
  // "add lunch with bob smith": when Alexa hears it all as the title (no sample fits it better), the guests go
  // where the dialog looks them up in the directory (and asks "which Bob?"); in the title they would be nobody's
  // invitation, and the dialog leaves out a guest whose name is all in the title.
  if (intent === 'create_event' && s.title && !s.person) {
    // As guests the directory may know ("with mom" or "with the interns" it does not): the title keeps the
    // words, and only names that resolve are invited.
    // "sync in the boardroom", "lunch with bob at the tavern": where it is, not its name (the dialog books a
    // room of that name). Only "in the"/"at the" or a numbered room: "check in with bob" is a name.
    const placed = /^(.+?)\s+(?:in|at)\s+(?:the\s+(.+)|(room\s+\d+\w?))$/i.exec(s.title);
    const place = placed ? placed[2] ?? placed[3] : undefined;
    if (placed && place && !/\b(?:\d+\s*(?:minutes?|hours?)|morning|afternoon|evening|night)\b/i.test(place)) {
      slots.title = placed[1]!;
      slots.location = place;
    }
    const split = titleAndGuests(slots.title ?? s.title);
    if (split) slots.maybePeople = split.people;
  }
  if (intent === 'move_event') {
    // date and time say where the event goes; fromDate and fromTime where it is now ("move my 2 o'clock on
    // Friday to 4"). The target day is not where to look for the event.
    if (slots.start) {
      slots.newStart = slots.start;
      if (!s.date) slots.newTimeOnly = true;
      delete slots.start;
    }
    delete slots.window;
    const fromDay = s.fromDate ? dateWindow(s.fromDate, now) : undefined;
    const fromClock = s.fromTime && /^\d{2}:\d{2}$/.test(s.fromTime) ? s.fromTime.split(':').map(Number) : undefined;
    if (fromClock) slots.start = iso((fromDay?.start ?? now.startOf('day')).set({ hour: fromClock[0]!, minute: fromClock[1]! }));
    else if (fromDay) slots.window = { start: iso(fromDay.start), end: iso(fromDay.end) };
    // "push my 10 o'clock by 30 minutes": with no target, a length is how far it moves, later.
    if (!slots.newStart && !slots.newDay && slots.durationMinutes !== undefined) {
      slots.shiftMinutes = slots.durationMinutes;
      delete slots.durationMinutes;
      delete slots.end;
    }
  }
  // "what do i have in the next 10 hours": a length alone is a window from now.
  if ((intent === 'read_events' || intent === 'am_i_free') && !s.date && !s.time && slots.durationMinutes !== undefined) {
    slots.window = { start: iso(now), end: iso(now.plus({ minutes: slots.durationMinutes })) };
  }
  return { intent, slots };
}
