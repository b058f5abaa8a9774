/**
 * The renderer's words, pinned. GOLDEN holds what the luxon renderer said for several hundred acts (read
 * from it before the renderer moved onto render/local-time.ts); the rewrite must say exactly the same.
 * The randomized part compares it with a copy of the old luxon code on seeded random days, windows and
 * events, across zones with DST (including 30-minute and midnight transitions) and year ends.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Act } from '../../../src/assistant/dialog/acts.js';
import type { RoomStatus } from '../../../src/assistant/dialog/rooms.js';
import { render, type RenderContext } from '../../../src/assistant/render/render.js';
import type { Attendee, CalendarEvent } from '../../../src/domain/calendar.js';

const USER = 'alice@contoso.com';
const LA = 'America/Los_Angeles';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';

const BOB: Attendee = { email: 'bob@contoso.com', name: 'Bob Smith', kind: 'required', response: 'accepted' };
const CAROL: Attendee = { email: 'carol@contoso.com', name: 'Carol Diaz', kind: 'optional', response: 'tentative' };
const DANA: Attendee = { email: 'dana@contoso.com', name: 'Dana Lee', kind: 'required', response: 'none' };
const ALICE: Attendee = { email: 'Alice@Contoso.com', name: 'Alice', kind: 'required', response: 'organizer' };
const ROOM: Attendee = { email: 'room101@contoso.com', name: 'Room 101', kind: 'resource', response: 'accepted' };

/** An instant as Exchange sends it (UTC, no milliseconds). */
const utc = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;

function event(subject: string, start: DateTime, minutes: number, more: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: `id-${subject}-${start.toMillis()}`, subject, start: utc(start), end: utc(start.plus({ minutes })), isAllDay: false, attendees: [],
    kind: 'single', isRecurring: false, isCancelled: false, isMeeting: false, freeBusy: 'busy', sensitivity: 'normal', myResponse: 'organizer', ...more,
  };
}
const allDay = (subject: string, day: DateTime, days = 1, more: Partial<CalendarEvent> = {}) =>
  ({ ...event(subject, day.startOf('day'), 0, more), end: utc(day.startOf('day').plus({ days })), isAllDay: true });

interface Case { readonly name: string; readonly act: Act; readonly ctx: RenderContext }

/**
 * The acts whose words depend on the clock, said at `nowLocal` (a wall-clock time) in `zone`. `every`
 * adds the acts whose clock words repeat those of the others (rooms, moves, escaping, untitled events):
 * said at the ordinary moments only, to keep GOLDEN readable.
 */
function casesAt(zone: string, nowLocal: string, every: boolean): Case[] {
  const now = DateTime.fromISO(nowLocal, { zone });
  const today = now.startOf('day');
  const day = (n: number) => today.plus({ days: n });
  const monday = now.startOf('week');
  const base = { now: now.toJSDate(), timeZone: zone, user: USER };
  const over = (start: DateTime, end: DateTime) => ({ ...base, window: { start: utc(start), end: utc(end) } });
  const name = (what: string) => `${zone} ${nowLocal} ${what}`;
  const cases: Case[] = [];
  const events = (what: string, ctx: RenderContext, list: readonly CalendarEvent[], scope: 'window' | 'rest' = 'window') =>
    cases.push({ name: name(what), act: { kind: 'events', scope, label: what, events: list }, ctx });

  const fullDay = [
    allDay('Offsite', today),
    event('Deploy watch', today, 30, { organizer: BOB }),
    event('Standup', day(0).set({ hour: 9 }), 15, { organizer: { email: USER }, attendees: [BOB, CAROL, ALICE, ROOM] }),
    event('Budget review', day(0).set({ hour: 11 }), 60, { attendees: [BOB] }),
    event('Lunch', day(0).set({ hour: 12 }), 30),
    event('1:1', day(0).set({ hour: 12, minute: 30 }), 30, { attendees: [DANA, BOB, CAROL] }),
    event('Design', day(0).set({ hour: 13, minute: 5 }), 30),
    event('Drinks', day(0).set({ hour: 18, minute: 45 }), 90),
  ];
  events('today, eight events', over(today, day(1)), fullDay);
  if (every) {
    events('today, one untitled event', over(today, day(1)), [event('  ', day(0).set({ hour: 14 }), 60)]);
    events('today, nothing', over(today, day(1)), []);
    events('no window', base, fullDay.slice(2, 5));
    events('tomorrow, escaped subject', over(day(1), day(2)), [event('R&D <sync> "weekly"', day(1).set({ hour: 8, minute: 15 }), 30), event('Review', day(1).set({ hour: 8, minute: 45 }), 30)]);
  }
  events('yesterday', over(day(-1), today), [event('Retro', day(-1).set({ hour: 16 }), 60)]);
  const threeDays = [
    event('Early', day(0).set({ hour: 10 }), 30), event('Late', day(0).set({ hour: 15 }), 30), allDay('Holiday', day(1)),
    event('Breakfast', day(1).set({ hour: 9 }), 30), event('Call', day(2).set({ hour: 9, minute: 30 }), 30), event('Wrap', day(2).set({ hour: 16 }), 30),
  ];
  events('three days', over(today, day(3)), threeDays);
  if (every) events('three days, the rest', over(today, day(3)), threeDays, 'rest');
  events('this week', over(monday, monday.plus({ days: 7 })), [0, 2, 3, 4, 6].map((d) => event(`Day ${d}`, monday.plus({ days: d }).set({ hour: 10 }), 30)));
  events('next week', over(monday.plus({ days: 7 }), monday.plus({ days: 14 })), [0, 2, 4].map((d) => event(`Next ${d}`, monday.plus({ days: 7 + d }).set({ hour: 14, minute: 20 }), 30)));
  events('the week of', over(monday.plus({ days: 21 }), monday.plus({ days: 28 })), [event('Trip', monday.plus({ days: 22 }).set({ hour: 7 }), 30)]);
  events('seven days from the day after tomorrow', over(day(2), day(9)), [event('Far', day(8).set({ hour: 17 }), 30)]);
  events('two days ten days ahead', over(day(10), day(12)), [event('Conference', day(10).set({ hour: 8 }), 480), event('Conference 2', day(11).set({ hour: 8 }), 480)]);
  events('this afternoon', over(day(0).set({ hour: 12 }), day(0).set({ hour: 17 })), [event('A', day(0).set({ hour: 12 }), 30), event('B', day(0).set({ hour: 12, minute: 30 }), 30), event('C', day(0).set({ hour: 16 }), 30)]);
  events('tomorrow morning', over(day(1).set({ hour: 6 }), day(1).set({ hour: 12 })), [event('Gym', day(1).set({ hour: 6, minute: 30 }), 60)]);
  events('tonight to midnight', over(day(0).set({ hour: 20 }), day(1)), []);
  events('evening to morning', over(day(0).set({ hour: 18 }), day(1).set({ hour: 9 })), [event('Dinner', day(0).set({ hour: 19 }), 60), event('Flight', day(1).set({ hour: 7, minute: 30 }), 60)]);
  events('forty days ahead, across days', over(day(40).set({ hour: 9, minute: 30 }), day(41).set({ hour: 17, minute: 15 })), [event('Summit', day(40).set({ hour: 10 }), 60)]);
  events('around the clock change', over(today, day(1)), [event('Night 1', day(0).set({ hour: 1, minute: 30 }), 30), event('Night 2', day(0).set({ hour: 2, minute: 30 }), 30), event('Night 3', day(0).set({ hour: 3 }), 30)]);
  if (every) cases.push({ name: name('rest, eight events'), act: { kind: 'events', scope: 'rest', label: '', events: fullDay }, ctx: base });

  const next = event('Planning', day(3).set({ hour: 15 }), 60, { location: 'Room 101', attendees: [BOB, ROOM] });
  cases.push({ name: name('next'), act: { kind: 'events', scope: 'next', label: '', events: [next] }, ctx: base });
  cases.push({ name: name('next, tomorrow'), act: { kind: 'events', scope: 'next', label: '', events: [event('Sync', day(1).set({ hour: 0, minute: 15 }), 30)] }, ctx: base });
  cases.push({ name: name('find'), act: { kind: 'events', scope: 'find', label: '', query: 'the offsite', events: [allDay('Offsite', day(6), 2, { attendees: [CAROL] }), event('Offsite prep', day(-2).set({ hour: 9 }), 30), event('Offsite 2', day(400).set({ hour: 12 }), 30)] }, ctx: base });
  if (every) cases.push({ name: name('find, one'), act: { kind: 'events', scope: 'find', label: '', query: 'x', events: [event('Dentist', day(7).set({ hour: 8 }), 30)] }, ctx: base });
  cases.push({ name: name('free, yes'), act: { kind: 'free', label: '', busy: [] }, ctx: over(day(1).set({ hour: 12 }), day(1).set({ hour: 17 })) });
  cases.push({ name: name('free, no'), act: { kind: 'free', label: '', busy: [event('Busy', day(1).set({ hour: 13, minute: 10 }), 30), event('Busy 2', day(1).set({ hour: 15 }), 30)] }, ctx: over(day(1), day(2)) });
  cases.push({ name: name('free, all day'), act: { kind: 'free', label: '', busy: [allDay('Vacation', day(5))] }, ctx: over(day(5), day(6)) });

  const draftStart = day(1).set({ hour: 10 });
  cases.push({ name: name('confirm_create'), ctx: base, act: { kind: 'confirm_create', conflicts: [event('Standup', day(1).set({ hour: 10 }), 15)], draft: { subject: 'Design review', start: draftStart.toISO()!, end: draftStart.plus({ minutes: 30 }).toISO()!, timeZone: zone, location: 'Room 101', attendees: [BOB, { email: USER, kind: 'required' }, ROOM] } } });
  if (!every) return cases;
  cases.push({ name: name('confirm_create, 90 minutes'), ctx: base, act: { kind: 'confirm_create', conflicts: [], draft: { subject: 'Workshop', start: utc(day(4).set({ hour: 13 })), end: utc(day(4).set({ hour: 14, minute: 30 })), timeZone: zone, attendees: [BOB, CAROL, DANA] } } });
  cases.push({ name: name('confirm_create, all day'), ctx: base, act: { kind: 'confirm_create', conflicts: [], draft: { subject: 'Holiday', start: utc(day(20)), end: utc(day(21)), timeZone: zone, isAllDay: true } } });
  cases.push({ name: name('created'), ctx: base, act: { kind: 'created', event: event('lunch with Bob', day(2).set({ hour: 12 }), 60, { attendees: [BOB] }) } });
  cases.push({ name: name('confirm_cancel'), ctx: base, act: { kind: 'confirm_cancel', event: event('Team sync', day(0).set({ hour: 23, minute: 59 }), 30, { isMeeting: true }) } });
  cases.push({ name: name('confirm_move'), ctx: base, act: { kind: 'confirm_move', event: event('Standup', day(1).set({ hour: 9 }), 15), start: utc(day(8).set({ hour: 10, minute: 30 })), end: utc(day(8).set({ hour: 10, minute: 45 })), conflicts: [event('Other', day(8).set({ hour: 10 }), 60)] } });
  cases.push({ name: name('moved'), ctx: base, act: { kind: 'moved', event: event('standup', day(1).set({ hour: 9 }), 15), start: day(-3).set({ hour: 0 }).toISO()! } });
  cases.push({ name: name('explain'), ctx: base, act: { kind: 'explain', explanation: { mailbox: USER, calendar: 'Calendar', timeZone: zone, access: { server: 'mail.contoso.com', account: 'svc@contoso.com', method: 'impersonation' }, window: { start: utc(today), end: utc(day(1).set({ hour: 13, minute: 7 })) }, leftOut: [{ subject: 'Private', start: utc(today), reason: 'it is private' }], understood: 'x' } } });

  const status = (more: Partial<RoomStatus>): RoomStatus => ({
    room: { id: 'r1', name: 'Room 101', email: ROOM.email!, timeZone: zone }, now: now.toUTC().toISO()!, state: 'free', endingSoon: false,
    checkIn: { mode: 'off', minutes: 10, required: false }, day: [], ...more,
  });
  const booking = (start: DateTime, end: DateTime) => ({ id: 'b1', subject: 'Booked', organizer: { name: 'Bob Smith' }, start: utc(start), end: utc(end), checkedIn: false, released: false });
  cases.push({ name: name('room free until'), ctx: base, act: { kind: 'room_status', question: 'is_free', status: status({ freeUntil: utc(now.plus({ minutes: 45 })) }) } });
  cases.push({ name: name('room busy until tomorrow'), ctx: base, act: { kind: 'room_status', question: 'when_free', status: status({ state: 'busy', busyUntil: utc(day(1).set({ hour: 9, minute: 30 })), current: booking(now.minus({ hours: 1 }), day(1).set({ hour: 9, minute: 30 })) }) } });
  cases.push({ name: name('room who booked next'), ctx: base, act: { kind: 'room_status', question: 'who_booked', status: status({ next: booking(day(3).set({ hour: 12 }), day(3).set({ hour: 13 })) }) } });
  cases.push({ name: name('room booked'), ctx: base, act: { kind: 'room_outcome', outcome: { kind: 'booked', answer: 'tentative', start: utc(now), end: utc(now.plus({ minutes: 30 })) }, status: status({}) } });
  cases.push({ name: name('room declined'), ctx: base, act: { kind: 'room_outcome', outcome: { kind: 'book_declined', start: utc(now), end: utc(now.plus({ minutes: 30 })), freeAt: utc(day(1)) }, status: status({}) } });
  cases.push({ name: name('room in UTC'), ctx: base, act: { kind: 'room_outcome', outcome: { kind: 'extended', booking: booking(now, now.plus({ hours: 1 })), end: utc(now.plus({ hours: 2 })) }, status: { ...status({}), room: { id: 'r2', name: 'Room 2', email: 'r2@contoso.com' } } } });
  return cases;
}

/** Acts whose words do not depend on the clock: said once. */
function clockFreeCases(): Case[] {
  const ctx: RenderContext = { now: new Date('2026-06-10T15:30:00Z'), timeZone: LA, user: USER };
  const acts: Act[] = [
    { kind: 'cancelled', event: event('  ', DateTime.fromISO('2026-06-10T10:00:00Z'), 30) },
    { kind: 'ask_person', name: 'Bob', candidates: [{ email: 'bob@contoso.com', name: 'Bob Smith' }, { email: 'bob.jones@contoso.com', name: 'Bob Jones' }] },
    { kind: 'unknown_person', name: 'Zed' },
    { kind: 'need_time', title: 'lunch' },
    { kind: 'not_found', query: '' },
    { kind: 'not_found', query: 'the offsite' },
    { kind: 'nothing_pending' },
    { kind: 'dropped' },
    { kind: 'explain', explanation: undefined },
    { kind: 'rooms_not_set_up' },
    { kind: 'refuse' },
    { kind: 'events', scope: 'find', label: '', events: [] },
    { kind: 'events', scope: 'next', label: '', events: [] },
  ];
  return acts.map((act, i) => ({ name: `clock-free ${i} ${act.kind}`, act, ctx }));
}

/** Ordinary moments (a Wednesday in June; the days before a year ends), said with every act. */
const ORDINARY: readonly (readonly [string, string])[] = [LA, LONDON, KOLKATA, LORD_HOWE].flatMap((z) => [[z, '2026-06-10T08:30'], [z, '2026-12-30T16:00']] as const);
/** Clock changes (the day itself, often inside the jump, and the evening before), and a Monday after New Year. */
const CLOCK_CHANGES: readonly (readonly [string, string])[] = [
  [LA, '2026-03-08T00:30'], [LA, '2026-03-07T21:00'], [LA, '2026-11-01T01:30'], [LA, '2026-10-31T22:00'],
  [LONDON, '2026-03-29T00:30'], [LONDON, '2026-03-28T23:30'], [LONDON, '2026-10-25T12:00'], [LONDON, '2027-01-04T07:00'],
  [LORD_HOWE, '2026-04-05T01:45'], [LORD_HOWE, '2026-10-04T09:00'], [KOLKATA, '2026-03-29T05:00'],
];

const ALL_CASES: readonly Case[] = [
  ...ORDINARY.flatMap(([zone, at]) => casesAt(zone, at, true)),
  ...CLOCK_CHANGES.flatMap(([zone, at]) => casesAt(zone, at, false)),
  ...clockFreeCases(),
];

const ssmlOf = (sentences: readonly string[]) =>
  `<speak>${sentences.map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')).join('<break time="300ms"/>')}</speak>`;

describe('render: the golden words', () => {
  it('has a recorded answer for every case, and no stale ones', () => {
    expect(new Set(ALL_CASES.map((c) => c.name)).size).toBe(ALL_CASES.length);
    expect(Object.keys(GOLDEN).sort()).toEqual(ALL_CASES.map((c) => c.name).sort());
  });

  for (const c of ALL_CASES) {
    it(c.name, () => {
      const expected = GOLDEN[c.name]!;
      expect(render(c.act, c.ctx)).toEqual({ text: expected.join(' '), ssml: ssmlOf(expected) });
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// The oracle: the luxon renderer's clock words, as they were (src/assistant/render/*.ts before local-time.ts).

const legacyZoned = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);

function legacySpokenTime(dt: DateTime, previous?: DateTime): string {
  if (dt.hour === 12 && dt.minute === 0) return 'noon';
  if (dt.hour === 0 && dt.minute === 0) return 'midnight';
  const h = dt.hour % 12 === 0 ? 12 : dt.hour % 12;
  const base = dt.minute === 0 ? `${h}` : `${h}:${String(dt.minute).padStart(2, '0')}`;
  const mer = dt.hour < 12 ? 'AM' : 'PM';
  const prevMer = previous && !(previous.hour === 12 && previous.minute === 0) ? (previous.hour < 12 ? 'AM' : 'PM') : undefined;
  return prevMer === mer ? base : `${base} ${mer}`;
}

function legacyDayLabel(dt: DateTime, now: DateTime): string {
  const days = Math.round(dt.startOf('day').diff(now.startOf('day'), 'days').days);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 1 && days < 7) return `on ${dt.toFormat('cccc')}`;
  return `on ${dt.toFormat(dt.year === now.year ? 'LLLL d' : 'LLLL d, yyyy')}`;
}

function legacyWindowLabel(ctx: RenderContext): string {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  if (!ctx.window) return 'today';
  const s = legacyZoned(ctx.window.start, ctx.timeZone);
  const e = legacyZoned(ctx.window.end, ctx.timeZone);
  const wholeDays = s.equals(s.startOf('day')) && e.equals(e.startOf('day'));
  const days = Math.round(e.diff(s, 'days').days);
  if (wholeDays && days === 1) return legacyDayLabel(s, now);
  // Changed since luxon: the week before this one is "last week".
  const weeksOff = Math.round(s.diff(now.startOf('week'), 'days').days);
  if (wholeDays && days === 7 && s.weekday === 1) return weeksOff === 7 ? 'next week' : weeksOff === 0 ? 'this week' : weeksOff === -7 ? 'last week' : `the week of ${s.toFormat('LLLL d')}`;
  // Changed since luxon: a weekend (Saturday to Monday) is "this weekend", "next weekend" or "last weekend", and
  // "this week" read on a Sunday (today and the coming week) says so.
  if (wholeDays && days === 2 && s.weekday === 6 && [5, 12, -2].includes(weeksOff)) return weeksOff === 5 ? 'this weekend' : weeksOff === 12 ? 'next weekend' : 'last weekend';
  if (wholeDays && days === 8 && now.weekday === 7 && s.hasSame(now, 'day')) return 'between today and the end of next week';
  if (wholeDays) return `between ${legacyDayLabel(s, now).replace(/^on /, '')} and ${legacyDayLabel(e.minus({ days: 1 }), now).replace(/^on /, '')}`;
  if (s.hasSame(e.minus({ milliseconds: 1 }), 'day')) return `${legacyDayLabel(s, now)} between ${legacySpokenTime(s)} and ${legacySpokenTime(e)}`;
  return `between ${legacyDayLabel(s, now).replace(/^on /, '')} at ${legacySpokenTime(s)} and ${legacyDayLabel(e, now).replace(/^on /, '')} at ${legacySpokenTime(e)}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The clock words of a read (no people, untitled-free subjects): label, then each event as readEvents said it. */
function legacyRead(events: readonly CalendarEvent[], ctx: RenderContext, limit: number): string {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  // Changed since luxon: a read over several days says the day even when all it reads falls on one of them,
  // and a read of a calendar week names its days by weekday ("next week ... Wednesday, at 2:20 PM").
  const first = ctx.window && DateTime.fromISO(ctx.window.start, { zone: ctx.timeZone });
  const end = ctx.window && DateTime.fromISO(ctx.window.end, { zone: ctx.timeZone });
  const severalDays = first !== undefined && end !== undefined && !first.hasSame(end.minus({ milliseconds: 1 }), 'day');
  const calendarWeek = first !== undefined && end !== undefined && first.weekday === 1 && +first === +first.startOf('day') && +end === +first.plus({ days: 7 });
  const dayOf = (start: DateTime) => {
    const fromToday = Math.round(start.startOf('day').diff(now.startOf('day'), 'days').days);
    return calendarWeek && Math.abs(fromToday) > 1 && start >= first! && start < end! ? `on ${start.toFormat('cccc')}` : legacyDayLabel(start, now);
  };
  const multiDay = events.length > 0 && (severalDays || !legacyZoned(events[0]!.start, ctx.timeZone).hasSame(legacyZoned(events[events.length - 1]!.start, ctx.timeZone), 'day'));
  const out: string[] = [];
  let prev: DateTime | undefined;
  let prevDay = '';
  for (const e of events.slice(0, limit)) {
    const start = legacyZoned(e.start, ctx.timeZone);
    const day = dayOf(start);
    const dayPart = multiDay && day !== prevDay ? `${cap(day.replace(/^on /, ''))}, ` : '';
    if (e.isAllDay) out.push(`${dayPart}${dayPart ? 'all day' : 'All day'}, ${e.subject}.`);
    else out.push(`${dayPart}${dayPart ? 'at' : 'At'} ${legacySpokenTime(start, day === prevDay ? prev : undefined)}, ${e.subject}.`);
    prev = e.isAllDay ? prev : start;
    prevDay = day;
  }
  if (events.length > limit) {
    const rest = events.length - limit;
    // Changed since luxon: the last one's day is said when it is not the day of the last event read.
    const last = events[events.length - 1]!;
    const lastStart = legacyZoned(last.start, ctx.timeZone);
    const sameDay = lastStart.hasSame(legacyZoned(events[limit - 1]!.start, ctx.timeZone), 'day');
    const lastWhen = last.isAllDay || !sameDay ? legacyWhen(last.start, ctx, last.isAllDay) : `at ${legacySpokenTime(lastStart)}`;
    out.push(`And ${rest} more, the last ${lastWhen}. Want to hear ${rest === 1 ? 'it' : 'them'}?`);
  }
  return out.join(' ');
}

function legacyWhen(iso: string, ctx: RenderContext, isAllDay: boolean): string {
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  const s = legacyZoned(iso, ctx.timeZone);
  return isAllDay ? `${legacyDayLabel(s, now)}, all day` : `${legacyDayLabel(s, now)} at ${legacySpokenTime(s)}`;
}

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The four zones of the golden cases, and zones whose clocks jump at midnight, by 30 or 45 minutes, or never. */
const RANDOM_ZONES = [LA, LONDON, KOLKATA, LORD_HOWE, 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
/** Days the clocks change in those zones (and year ends): random instants cluster around them. */
const HOT_DAYS = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-09-06', '2026-04-04', '2026-03-27', '2026-12-31', '2027-01-01', '2026-12-28', '2027-03-14', '2027-04-04'];

describe('render: the same words as the luxon renderer on random days', () => {
  const random = seeded(20261204);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const minuteOf = () => (random() < 0.6 ? pick([0, 15, 30, 45]) : int(0, 59));

  function randomNow(zone: string): DateTime {
    const day = random() < 0.6 ? DateTime.fromISO(pick(HOT_DAYS), { zone }).plus({ days: int(-3, 3) }) : DateTime.fromISO('2025-06-01', { zone }).plus({ days: int(0, 1100) });
    return day.plus({ minutes: int(0, 24 * 60 - 1), seconds: random() < 0.2 ? int(0, 59) : 0 });
  }

  function randomWindow(now: DateTime): { start: DateTime; end: DateTime } {
    const today = now.startOf('day');
    const kind = int(0, 5);
    if (kind === 0) { const s = today.plus({ days: int(-3, 12) }); return { start: s, end: s.plus({ days: 1 }) }; }
    if (kind === 1) { const s = now.startOf('week').plus({ weeks: int(-2, 5) }); return { start: s, end: s.plus({ days: 7 }) }; }
    if (kind === 2) { const s = today.plus({ days: int(-10, 400) }); return { start: s, end: s.plus({ days: int(1, 15) }) }; }
    if (kind === 3) { const s = today.plus({ days: int(-2, 9) }).set({ hour: pick([0, 6, 12, 17, 18, 21]) }); return { start: s, end: s.plus({ hours: pick([3, 4, 5, 6, 12, 15, 24, 30]) }) }; }
    if (kind === 4) { const s = now.plus({ minutes: int(-600, 6000) }); return { start: s, end: s.plus({ minutes: int(1, 3000), milliseconds: random() < 0.3 ? int(1, 999) : 0 }) }; }
    const s = today.plus({ days: int(-2, 9) }); return { start: s, end: s.plus({ days: int(0, 2), hours: int(0, 3) }) };
  }

  function randomEvents(window: { start: DateTime; end: DateTime }, zone: string, n: number): CalendarEvent[] {
    const span = Math.max(1, window.end.toMillis() - window.start.toMillis());
    // Events in the window, as Exchange returns them: none that ended before it began (one under way when
    // it begins is read "until ..., since ...", told by its own test).
    const starts = Array.from({ length: n }, () => DateTime.fromMillis(window.start.toMillis() + Math.floor(random() * span), { zone }).set({ minute: minuteOf(), second: 0, millisecond: 0 })).map((s) => (s < window.start ? window.start : s));
    starts.sort((a, b) => a.toMillis() - b.toMillis());
    return starts.map((s, i) => (random() < 0.15 ? allDay(`E${i}`, s) : event(`E${i}`, s, 30)));
  }

  it('window labels and read-outs agree on 3000 random reads', () => {
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const zone = pick(RANDOM_ZONES);
      const now = randomNow(zone);
      const w = randomWindow(now);
      const ctx: RenderContext = { now: now.toJSDate(), timeZone: zone, user: USER, window: { start: utc(w.start), end: utc(w.end) } };
      const events = randomEvents(w, zone, int(0, 7));
      const got = render({ kind: 'events', scope: 'window', label: '', events }, ctx).text;
      const label = legacyWindowLabel(ctx);
      const n = events.length;
      // Changed since luxon: a window that is over is told in the past ("You had").
      const have = w.end.toMillis() <= now.toMillis() ? 'had' : 'have';
      const want = n === 0 ? `You ${have} nothing on your calendar ${label}.` : `You ${have} ${n === 1 ? 'one event' : `${n} events`} ${label}. ${legacyRead(events, ctx, 5)}`;
      if (got !== want) mismatches.push(`${zone} now=${now.toISO()} window=${ctx.window!.start}..${ctx.window!.end}\n  got:  ${got}\n  want: ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('"when" words (day, time, all day) agree on 3000 random instants', () => {
    const mismatches: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const zone = pick(RANDOM_ZONES);
      const now = randomNow(zone);
      const ctx: RenderContext = { now: now.toJSDate(), timeZone: zone, user: USER };
      const at = now.plus({ minutes: int(-20 * 1440, 400 * 1440) }).set({ minute: minuteOf(), second: random() < 0.1 ? int(0, 59) : 0 });
      const isAllDay = random() < 0.2;
      const e = isAllDay ? allDay('E', at) : event('E', at, 30);
      const got = render({ kind: 'events', scope: 'find', label: '', events: [e] }, ctx).text;
      const want = `E is ${legacyWhen(e.start, ctx, isAllDay)}.`;
      if (got !== want) mismatches.push(`${zone} now=${now.toISO()} at=${e.start}\n  got:  ${got}\n  want: ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('days whose clocks skip or repeat midnight start where luxon started them', () => {
    // Havana falls back from 01:00 to 00:00 (two midnights); Santiago, Beirut and Havana spring from 00:00 to 01:00.
    const days: readonly (readonly [string, string])[] = [['America/Havana', '2026-11-01'], ['America/Havana', '2026-03-08'], ['America/Santiago', '2026-09-06'], ['America/Santiago', '2026-04-05'], ['Asia/Beirut', '2026-03-29'], ['Asia/Beirut', '2026-10-25']];
    for (const [zone, date] of days) {
      for (const hour of [0, 1, 2, 12, 23]) {
        for (const offsetDays of [-1, 0, 1]) {
          const now = DateTime.fromISO(`${date}T00:00`, { zone }).plus({ days: offsetDays }).set({ hour, minute: 30 });
          const windows = [
            [now.startOf('day'), now.startOf('day').plus({ days: 1 })], [now.startOf('day').plus({ days: 1 }), now.startOf('day').plus({ days: 2 })],
            [now.startOf('week'), now.startOf('week').plus({ weeks: 1 })], [now.startOf('day').minus({ days: 2 }), now.startOf('day').plus({ days: 2 })],
          ] as const;
          for (const [start, end] of windows) {
            const ctx: RenderContext = { now: now.toJSDate(), timeZone: zone, user: USER, window: { start: utc(start), end: utc(end) } };
            const events = [event('A', start, 30), event('B', end.minus({ minutes: 30 }), 30)];
            expect(render({ kind: 'events', scope: 'window', label: '', events }, ctx).text, `${zone} ${now.toISO()} ${ctx.window!.start}`).toBe(`You have 2 events ${legacyWindowLabel(ctx)}. ${legacyRead(events, ctx, 5)}`);
          }
        }
      }
    }
  });

  it('reads instants written with offsets, milliseconds, or none, as luxon did', () => {
    const forms = ['2026-03-08T10:00:00Z', '2026-03-08T10:00:00.250Z', '2026-03-08T02:30:00.000-08:00', '2026-03-08T15:45:00+05:30', '2026-03-08T10:00Z', '2026-03-08T10:00:00', '2026-03-08', '20260308T100000Z', '2026-03-08T10:00:00.1234567Z', '2026-03-08T24:00:00Z'];
    for (const zone of [LA, KOLKATA]) {
      const ctx: RenderContext = { now: new Date('2026-03-07T20:00:00Z'), timeZone: zone, user: USER };
      for (const iso of forms) expect(render({ kind: 'events', scope: 'find', label: '', events: [{ ...event('E', DateTime.now(), 30), start: iso }] }, ctx).text, `${zone} ${iso}`).toBe(`E is ${legacyWhen(iso, ctx, false)}.`);
    }
  });
});

describe('render: bad input reads as luxon\'s invalid DateTime did, and does not throw', () => {
  const now = new Date('2026-06-10T15:30:00Z');
  const cases: readonly (readonly [string, string, { start: string; end: string } | undefined])[] = [
    ['Mars/Olympus_Mons', '2026-06-11T17:00:00Z', { start: '2026-06-11T07:00:00Z', end: '2026-06-12T07:00:00Z' }],
    [LA, 'soon', { start: 'later', end: '2026-06-12T07:00:00Z' }],
    [LA, '2026-02-30T10:00:00Z', undefined],
  ];
  for (const [zone, start, window] of cases) {
    it(`${zone} ${start}`, () => {
      const ctx: RenderContext = { now, timeZone: zone, user: USER, ...(window ? { window } : {}) };
      const e = { ...event('E', DateTime.now(), 30), start };
      expect(render({ kind: 'events', scope: 'window', label: '', events: [e, e] }, ctx).text).toBe(`You have 2 events ${legacyWindowLabel(ctx)}. ${legacyRead([e, e], ctx, 5)}`);
      expect(render({ kind: 'events', scope: 'find', label: '', events: [e] }, ctx).text).toBe(`E is ${legacyWhen(start, ctx, false)}.`);
    });
  }
});

/** Recorded from the luxon renderer (see the top of this file). */
const GOLDEN: Record<string, readonly string[]> = {
  'America/Los_Angeles 2026-06-10T08:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-06-10T08:30 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'America/Los_Angeles 2026-06-10T08:30 today, nothing': ['You have nothing on your calendar today.'],
  'America/Los_Angeles 2026-06-10T08:30 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'America/Los_Angeles 2026-06-10T08:30 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'America/Los_Angeles 2026-06-10T08:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-06-10T08:30 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-06-10T08:30 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'America/Los_Angeles 2026-06-10T08:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-06-10T08:30 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-06-10T08:30 the week of': ['You have one event the week of June 29.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-06-10T08:30 seven days from the day after tomorrow': ['You have one event between Friday and June 18.', 'June 18, at 5 PM, Far.'],
  'America/Los_Angeles 2026-06-10T08:30 two days ten days ahead': ['You have 2 events next weekend.', 'June 20, at 8 AM, Conference.', 'June 21, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-06-10T08:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-06-10T08:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-06-10T08:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-06-10T08:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-06-10T08:30 forty days ahead, across days': ['You have one event between July 20 at 9:30 AM and July 21 at 5:15 PM.', 'July 20, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-06-10T08:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-06-10T08:30 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'America/Los_Angeles 2026-06-10T08:30 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-06-10T08:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-06-10T08:30 find': ['Offsite is on Tuesday, all day, until June 17, with Carol Diaz.', 'Also Offsite prep on June 8 at 9 AM, and Offsite 2 on July 15, 2027 at noon.'],
  'America/Los_Angeles 2026-06-10T08:30 find, one': ['Dentist is on June 17 at 8 AM.'],
  'America/Los_Angeles 2026-06-10T08:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-06-10T08:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-06-10T08:30 free, all day': ['No, you have Vacation on Monday, all day.'],
  'America/Los_Angeles 2026-06-10T08:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'America/Los_Angeles 2026-06-10T08:30 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'America/Los_Angeles 2026-06-10T08:30 confirm_create, all day': ['Add Holiday on June 30, all day?'],
  'America/Los_Angeles 2026-06-10T08:30 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'America/Los_Angeles 2026-06-10T08:30 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'America/Los_Angeles 2026-06-10T08:30 confirm_move': ['That overlaps Other.', 'Move Standup to June 18 at 10:30 AM?'],
  'America/Los_Angeles 2026-06-10T08:30 moved': ['Done. Standup is now on June 7 at midnight.'],
  'America/Los_Angeles 2026-06-10T08:30 explain': ['I read the Calendar of alice@contoso.com from Wed Jun 10, 12:00 AM to Thu Jun 11, 1:07 PM, in America/Los_Angeles time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'America/Los_Angeles 2026-06-10T08:30 room free until': ['Yes. Room 101 is free until 9:15 AM.'],
  'America/Los_Angeles 2026-06-10T08:30 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'America/Los_Angeles 2026-06-10T08:30 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'America/Los_Angeles 2026-06-10T08:30 room booked': ['Done. Room 101 tentatively accepted the booking from 8:30 AM to 9 AM.'],
  'America/Los_Angeles 2026-06-10T08:30 room declined': ['Room 101 declined the booking from 8:30 AM to 9 AM. It is free again at midnight tomorrow.'],
  'America/Los_Angeles 2026-06-10T08:30 room in UTC': ['Done. The meeting now ends at 5:30 PM.'],
  'America/Los_Angeles 2026-12-30T16:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-12-30T16:00 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'America/Los_Angeles 2026-12-30T16:00 today, nothing': ['You have nothing on your calendar today.'],
  'America/Los_Angeles 2026-12-30T16:00 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'America/Los_Angeles 2026-12-30T16:00 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'America/Los_Angeles 2026-12-30T16:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-12-30T16:00 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-12-30T16:00 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'America/Los_Angeles 2026-12-30T16:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-12-30T16:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-12-30T16:00 the week of': ['You have one event the week of January 18.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-12-30T16:00 seven days from the day after tomorrow': ['You have one event between Friday and January 7, 2027.', 'January 7, 2027, at 5 PM, Far.'],
  'America/Los_Angeles 2026-12-30T16:00 two days ten days ahead': ['You have 2 events next weekend.', 'January 9, 2027, at 8 AM, Conference.', 'January 10, 2027, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-12-30T16:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-12-30T16:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-12-30T16:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-12-30T16:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-12-30T16:00 forty days ahead, across days': ['You have one event between February 8, 2027 at 9:30 AM and February 9, 2027 at 5:15 PM.', 'February 8, 2027, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-12-30T16:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-12-30T16:00 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'America/Los_Angeles 2026-12-30T16:00 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-12-30T16:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-12-30T16:00 find': ['Offsite is on Tuesday, all day, until January 6, 2027, with Carol Diaz.', 'Also Offsite prep on December 28 at 9 AM, and Offsite 2 on February 3, 2028 at noon.'],
  'America/Los_Angeles 2026-12-30T16:00 find, one': ['Dentist is on January 6, 2027 at 8 AM.'],
  'America/Los_Angeles 2026-12-30T16:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-12-30T16:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-12-30T16:00 free, all day': ['No, you have Vacation on Monday, all day.'],
  'America/Los_Angeles 2026-12-30T16:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'America/Los_Angeles 2026-12-30T16:00 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'America/Los_Angeles 2026-12-30T16:00 confirm_create, all day': ['Add Holiday on January 19, 2027, all day?'],
  'America/Los_Angeles 2026-12-30T16:00 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'America/Los_Angeles 2026-12-30T16:00 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'America/Los_Angeles 2026-12-30T16:00 confirm_move': ['That overlaps Other.', 'Move Standup to January 7, 2027 at 10:30 AM?'],
  'America/Los_Angeles 2026-12-30T16:00 moved': ['Done. Standup is now on December 27 at midnight.'],
  'America/Los_Angeles 2026-12-30T16:00 explain': ['I read the Calendar of alice@contoso.com from Wed Dec 30, 12:00 AM to Thu Dec 31, 1:07 PM, in America/Los_Angeles time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'America/Los_Angeles 2026-12-30T16:00 room free until': ['Yes. Room 101 is free until 4:45 PM.'],
  'America/Los_Angeles 2026-12-30T16:00 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'America/Los_Angeles 2026-12-30T16:00 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'America/Los_Angeles 2026-12-30T16:00 room booked': ['Done. Room 101 tentatively accepted the booking from 4 PM to 4:30 PM.'],
  'America/Los_Angeles 2026-12-30T16:00 room declined': ['Room 101 declined the booking from 4 PM to 4:30 PM. It is free again at midnight tomorrow.'],
  'America/Los_Angeles 2026-12-30T16:00 room in UTC': ['Done. The meeting now ends at 2 AM.'],
  'Europe/London 2026-06-10T08:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2026-06-10T08:30 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Europe/London 2026-06-10T08:30 today, nothing': ['You have nothing on your calendar today.'],
  'Europe/London 2026-06-10T08:30 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Europe/London 2026-06-10T08:30 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Europe/London 2026-06-10T08:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2026-06-10T08:30 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2026-06-10T08:30 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Europe/London 2026-06-10T08:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Europe/London 2026-06-10T08:30 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2026-06-10T08:30 the week of': ['You have one event the week of June 29.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2026-06-10T08:30 seven days from the day after tomorrow': ['You have one event between Friday and June 18.', 'June 18, at 5 PM, Far.'],
  'Europe/London 2026-06-10T08:30 two days ten days ahead': ['You have 2 events next weekend.', 'June 20, at 8 AM, Conference.', 'June 21, at 8 AM, Conference 2.'],
  'Europe/London 2026-06-10T08:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2026-06-10T08:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2026-06-10T08:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2026-06-10T08:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2026-06-10T08:30 forty days ahead, across days': ['You have one event between July 20 at 9:30 AM and July 21 at 5:15 PM.', 'July 20, at 10 AM, Summit.'],
  'Europe/London 2026-06-10T08:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2026-06-10T08:30 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Europe/London 2026-06-10T08:30 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2026-06-10T08:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2026-06-10T08:30 find': ['Offsite is on Tuesday, all day, until June 17, with Carol Diaz.', 'Also Offsite prep on June 8 at 9 AM, and Offsite 2 on July 15, 2027 at noon.'],
  'Europe/London 2026-06-10T08:30 find, one': ['Dentist is on June 17 at 8 AM.'],
  'Europe/London 2026-06-10T08:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2026-06-10T08:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2026-06-10T08:30 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Europe/London 2026-06-10T08:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2026-06-10T08:30 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Europe/London 2026-06-10T08:30 confirm_create, all day': ['Add Holiday on June 30, all day?'],
  'Europe/London 2026-06-10T08:30 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Europe/London 2026-06-10T08:30 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Europe/London 2026-06-10T08:30 confirm_move': ['That overlaps Other.', 'Move Standup to June 18 at 10:30 AM?'],
  'Europe/London 2026-06-10T08:30 moved': ['Done. Standup is now on June 7 at midnight.'],
  'Europe/London 2026-06-10T08:30 explain': ['I read the Calendar of alice@contoso.com from Wed Jun 10, 12:00 AM to Thu Jun 11, 1:07 PM, in Europe/London time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Europe/London 2026-06-10T08:30 room free until': ['Yes. Room 101 is free until 9:15 AM.'],
  'Europe/London 2026-06-10T08:30 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Europe/London 2026-06-10T08:30 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Europe/London 2026-06-10T08:30 room booked': ['Done. Room 101 tentatively accepted the booking from 8:30 AM to 9 AM.'],
  'Europe/London 2026-06-10T08:30 room declined': ['Room 101 declined the booking from 8:30 AM to 9 AM. It is free again at midnight tomorrow.'],
  'Europe/London 2026-06-10T08:30 room in UTC': ['Done. The meeting now ends at 9:30 AM.'],
  'Europe/London 2026-12-30T16:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2026-12-30T16:00 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Europe/London 2026-12-30T16:00 today, nothing': ['You have nothing on your calendar today.'],
  'Europe/London 2026-12-30T16:00 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Europe/London 2026-12-30T16:00 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Europe/London 2026-12-30T16:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2026-12-30T16:00 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2026-12-30T16:00 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Europe/London 2026-12-30T16:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Europe/London 2026-12-30T16:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2026-12-30T16:00 the week of': ['You have one event the week of January 18.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2026-12-30T16:00 seven days from the day after tomorrow': ['You have one event between Friday and January 7, 2027.', 'January 7, 2027, at 5 PM, Far.'],
  'Europe/London 2026-12-30T16:00 two days ten days ahead': ['You have 2 events next weekend.', 'January 9, 2027, at 8 AM, Conference.', 'January 10, 2027, at 8 AM, Conference 2.'],
  'Europe/London 2026-12-30T16:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2026-12-30T16:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2026-12-30T16:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2026-12-30T16:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2026-12-30T16:00 forty days ahead, across days': ['You have one event between February 8, 2027 at 9:30 AM and February 9, 2027 at 5:15 PM.', 'February 8, 2027, at 10 AM, Summit.'],
  'Europe/London 2026-12-30T16:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2026-12-30T16:00 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Europe/London 2026-12-30T16:00 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2026-12-30T16:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2026-12-30T16:00 find': ['Offsite is on Tuesday, all day, until January 6, 2027, with Carol Diaz.', 'Also Offsite prep on December 28 at 9 AM, and Offsite 2 on February 3, 2028 at noon.'],
  'Europe/London 2026-12-30T16:00 find, one': ['Dentist is on January 6, 2027 at 8 AM.'],
  'Europe/London 2026-12-30T16:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2026-12-30T16:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2026-12-30T16:00 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Europe/London 2026-12-30T16:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2026-12-30T16:00 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Europe/London 2026-12-30T16:00 confirm_create, all day': ['Add Holiday on January 19, 2027, all day?'],
  'Europe/London 2026-12-30T16:00 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Europe/London 2026-12-30T16:00 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Europe/London 2026-12-30T16:00 confirm_move': ['That overlaps Other.', 'Move Standup to January 7, 2027 at 10:30 AM?'],
  'Europe/London 2026-12-30T16:00 moved': ['Done. Standup is now on December 27 at midnight.'],
  'Europe/London 2026-12-30T16:00 explain': ['I read the Calendar of alice@contoso.com from Wed Dec 30, 12:00 AM to Thu Dec 31, 1:07 PM, in Europe/London time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Europe/London 2026-12-30T16:00 room free until': ['Yes. Room 101 is free until 4:45 PM.'],
  'Europe/London 2026-12-30T16:00 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Europe/London 2026-12-30T16:00 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Europe/London 2026-12-30T16:00 room booked': ['Done. Room 101 tentatively accepted the booking from 4 PM to 4:30 PM.'],
  'Europe/London 2026-12-30T16:00 room declined': ['Room 101 declined the booking from 4 PM to 4:30 PM. It is free again at midnight tomorrow.'],
  'Europe/London 2026-12-30T16:00 room in UTC': ['Done. The meeting now ends at 6 PM.'],
  'Asia/Kolkata 2026-06-10T08:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Asia/Kolkata 2026-06-10T08:30 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Asia/Kolkata 2026-06-10T08:30 today, nothing': ['You have nothing on your calendar today.'],
  'Asia/Kolkata 2026-06-10T08:30 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Asia/Kolkata 2026-06-10T08:30 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Asia/Kolkata 2026-06-10T08:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Asia/Kolkata 2026-06-10T08:30 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Asia/Kolkata 2026-06-10T08:30 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Asia/Kolkata 2026-06-10T08:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Asia/Kolkata 2026-06-10T08:30 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Asia/Kolkata 2026-06-10T08:30 the week of': ['You have one event the week of June 29.', 'Tuesday, at 7 AM, Trip.'],
  'Asia/Kolkata 2026-06-10T08:30 seven days from the day after tomorrow': ['You have one event between Friday and June 18.', 'June 18, at 5 PM, Far.'],
  'Asia/Kolkata 2026-06-10T08:30 two days ten days ahead': ['You have 2 events next weekend.', 'June 20, at 8 AM, Conference.', 'June 21, at 8 AM, Conference 2.'],
  'Asia/Kolkata 2026-06-10T08:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Asia/Kolkata 2026-06-10T08:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Asia/Kolkata 2026-06-10T08:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Asia/Kolkata 2026-06-10T08:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Asia/Kolkata 2026-06-10T08:30 forty days ahead, across days': ['You have one event between July 20 at 9:30 AM and July 21 at 5:15 PM.', 'July 20, at 10 AM, Summit.'],
  'Asia/Kolkata 2026-06-10T08:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Asia/Kolkata 2026-06-10T08:30 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Asia/Kolkata 2026-06-10T08:30 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Asia/Kolkata 2026-06-10T08:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Asia/Kolkata 2026-06-10T08:30 find': ['Offsite is on Tuesday, all day, until June 17, with Carol Diaz.', 'Also Offsite prep on June 8 at 9 AM, and Offsite 2 on July 15, 2027 at noon.'],
  'Asia/Kolkata 2026-06-10T08:30 find, one': ['Dentist is on June 17 at 8 AM.'],
  'Asia/Kolkata 2026-06-10T08:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Asia/Kolkata 2026-06-10T08:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Asia/Kolkata 2026-06-10T08:30 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Asia/Kolkata 2026-06-10T08:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Asia/Kolkata 2026-06-10T08:30 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Asia/Kolkata 2026-06-10T08:30 confirm_create, all day': ['Add Holiday on June 30, all day?'],
  'Asia/Kolkata 2026-06-10T08:30 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Asia/Kolkata 2026-06-10T08:30 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Asia/Kolkata 2026-06-10T08:30 confirm_move': ['That overlaps Other.', 'Move Standup to June 18 at 10:30 AM?'],
  'Asia/Kolkata 2026-06-10T08:30 moved': ['Done. Standup is now on June 7 at midnight.'],
  'Asia/Kolkata 2026-06-10T08:30 explain': ['I read the Calendar of alice@contoso.com from Wed Jun 10, 12:00 AM to Thu Jun 11, 1:07 PM, in Asia/Kolkata time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Asia/Kolkata 2026-06-10T08:30 room free until': ['Yes. Room 101 is free until 9:15 AM.'],
  'Asia/Kolkata 2026-06-10T08:30 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Asia/Kolkata 2026-06-10T08:30 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Asia/Kolkata 2026-06-10T08:30 room booked': ['Done. Room 101 tentatively accepted the booking from 8:30 AM to 9 AM.'],
  'Asia/Kolkata 2026-06-10T08:30 room declined': ['Room 101 declined the booking from 8:30 AM to 9 AM. It is free again at midnight tomorrow.'],
  'Asia/Kolkata 2026-06-10T08:30 room in UTC': ['Done. The meeting now ends at 5 AM.'],
  'Asia/Kolkata 2026-12-30T16:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Asia/Kolkata 2026-12-30T16:00 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Asia/Kolkata 2026-12-30T16:00 today, nothing': ['You have nothing on your calendar today.'],
  'Asia/Kolkata 2026-12-30T16:00 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Asia/Kolkata 2026-12-30T16:00 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Asia/Kolkata 2026-12-30T16:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Asia/Kolkata 2026-12-30T16:00 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Asia/Kolkata 2026-12-30T16:00 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Asia/Kolkata 2026-12-30T16:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Asia/Kolkata 2026-12-30T16:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Asia/Kolkata 2026-12-30T16:00 the week of': ['You have one event the week of January 18.', 'Tuesday, at 7 AM, Trip.'],
  'Asia/Kolkata 2026-12-30T16:00 seven days from the day after tomorrow': ['You have one event between Friday and January 7, 2027.', 'January 7, 2027, at 5 PM, Far.'],
  'Asia/Kolkata 2026-12-30T16:00 two days ten days ahead': ['You have 2 events next weekend.', 'January 9, 2027, at 8 AM, Conference.', 'January 10, 2027, at 8 AM, Conference 2.'],
  'Asia/Kolkata 2026-12-30T16:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Asia/Kolkata 2026-12-30T16:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Asia/Kolkata 2026-12-30T16:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Asia/Kolkata 2026-12-30T16:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Asia/Kolkata 2026-12-30T16:00 forty days ahead, across days': ['You have one event between February 8, 2027 at 9:30 AM and February 9, 2027 at 5:15 PM.', 'February 8, 2027, at 10 AM, Summit.'],
  'Asia/Kolkata 2026-12-30T16:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Asia/Kolkata 2026-12-30T16:00 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Asia/Kolkata 2026-12-30T16:00 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Asia/Kolkata 2026-12-30T16:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Asia/Kolkata 2026-12-30T16:00 find': ['Offsite is on Tuesday, all day, until January 6, 2027, with Carol Diaz.', 'Also Offsite prep on December 28 at 9 AM, and Offsite 2 on February 3, 2028 at noon.'],
  'Asia/Kolkata 2026-12-30T16:00 find, one': ['Dentist is on January 6, 2027 at 8 AM.'],
  'Asia/Kolkata 2026-12-30T16:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Asia/Kolkata 2026-12-30T16:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Asia/Kolkata 2026-12-30T16:00 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Asia/Kolkata 2026-12-30T16:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Asia/Kolkata 2026-12-30T16:00 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Asia/Kolkata 2026-12-30T16:00 confirm_create, all day': ['Add Holiday on January 19, 2027, all day?'],
  'Asia/Kolkata 2026-12-30T16:00 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Asia/Kolkata 2026-12-30T16:00 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Asia/Kolkata 2026-12-30T16:00 confirm_move': ['That overlaps Other.', 'Move Standup to January 7, 2027 at 10:30 AM?'],
  'Asia/Kolkata 2026-12-30T16:00 moved': ['Done. Standup is now on December 27 at midnight.'],
  'Asia/Kolkata 2026-12-30T16:00 explain': ['I read the Calendar of alice@contoso.com from Wed Dec 30, 12:00 AM to Thu Dec 31, 1:07 PM, in Asia/Kolkata time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Asia/Kolkata 2026-12-30T16:00 room free until': ['Yes. Room 101 is free until 4:45 PM.'],
  'Asia/Kolkata 2026-12-30T16:00 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Asia/Kolkata 2026-12-30T16:00 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Asia/Kolkata 2026-12-30T16:00 room booked': ['Done. Room 101 tentatively accepted the booking from 4 PM to 4:30 PM.'],
  'Asia/Kolkata 2026-12-30T16:00 room declined': ['Room 101 declined the booking from 4 PM to 4:30 PM. It is free again at midnight tomorrow.'],
  'Asia/Kolkata 2026-12-30T16:00 room in UTC': ['Done. The meeting now ends at 12:30 PM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Australia/Lord_Howe 2026-06-10T08:30 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Australia/Lord_Howe 2026-06-10T08:30 today, nothing': ['You have nothing on your calendar today.'],
  'Australia/Lord_Howe 2026-06-10T08:30 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Australia/Lord_Howe 2026-06-10T08:30 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Australia/Lord_Howe 2026-06-10T08:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Australia/Lord_Howe 2026-06-10T08:30 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Australia/Lord_Howe 2026-06-10T08:30 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Australia/Lord_Howe 2026-06-10T08:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Australia/Lord_Howe 2026-06-10T08:30 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Australia/Lord_Howe 2026-06-10T08:30 the week of': ['You have one event the week of June 29.', 'Tuesday, at 7 AM, Trip.'],
  'Australia/Lord_Howe 2026-06-10T08:30 seven days from the day after tomorrow': ['You have one event between Friday and June 18.', 'June 18, at 5 PM, Far.'],
  'Australia/Lord_Howe 2026-06-10T08:30 two days ten days ahead': ['You have 2 events next weekend.', 'June 20, at 8 AM, Conference.', 'June 21, at 8 AM, Conference 2.'],
  'Australia/Lord_Howe 2026-06-10T08:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Australia/Lord_Howe 2026-06-10T08:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Australia/Lord_Howe 2026-06-10T08:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Australia/Lord_Howe 2026-06-10T08:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Australia/Lord_Howe 2026-06-10T08:30 forty days ahead, across days': ['You have one event between July 20 at 9:30 AM and July 21 at 5:15 PM.', 'July 20, at 10 AM, Summit.'],
  'Australia/Lord_Howe 2026-06-10T08:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Australia/Lord_Howe 2026-06-10T08:30 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Australia/Lord_Howe 2026-06-10T08:30 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Australia/Lord_Howe 2026-06-10T08:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 find': ['Offsite is on Tuesday, all day, until June 17, with Carol Diaz.', 'Also Offsite prep on June 8 at 9 AM, and Offsite 2 on July 15, 2027 at noon.'],
  'Australia/Lord_Howe 2026-06-10T08:30 find, one': ['Dentist is on June 17 at 8 AM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Australia/Lord_Howe 2026-06-10T08:30 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Australia/Lord_Howe 2026-06-10T08:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Australia/Lord_Howe 2026-06-10T08:30 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Australia/Lord_Howe 2026-06-10T08:30 confirm_create, all day': ['Add Holiday on June 30, all day?'],
  'Australia/Lord_Howe 2026-06-10T08:30 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Australia/Lord_Howe 2026-06-10T08:30 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Australia/Lord_Howe 2026-06-10T08:30 confirm_move': ['That overlaps Other.', 'Move Standup to June 18 at 10:30 AM?'],
  'Australia/Lord_Howe 2026-06-10T08:30 moved': ['Done. Standup is now on June 7 at midnight.'],
  'Australia/Lord_Howe 2026-06-10T08:30 explain': ['I read the Calendar of alice@contoso.com from Wed Jun 10, 12:00 AM to Thu Jun 11, 1:07 PM, in Australia/Lord_Howe time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room free until': ['Yes. Room 101 is free until 9:15 AM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room booked': ['Done. Room 101 tentatively accepted the booking from 8:30 AM to 9 AM.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room declined': ['Room 101 declined the booking from 8:30 AM to 9 AM. It is free again at midnight tomorrow.'],
  'Australia/Lord_Howe 2026-06-10T08:30 room in UTC': ['Done. The meeting now ends at midnight tomorrow.'],
  'Australia/Lord_Howe 2026-12-30T16:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Australia/Lord_Howe 2026-12-30T16:00 today, one untitled event': ['You have one event today.', 'At 2 PM, an untitled event.'],
  'Australia/Lord_Howe 2026-12-30T16:00 today, nothing': ['You have nothing on your calendar today.'],
  'Australia/Lord_Howe 2026-12-30T16:00 no window': ['You have 3 events today.', 'At 9 AM, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.'],
  'Australia/Lord_Howe 2026-12-30T16:00 tomorrow, escaped subject': ['You have 2 events tomorrow.', 'At 8:15 AM, R&D <sync> "weekly".', 'At 8:45, Review.'],
  'Australia/Lord_Howe 2026-12-30T16:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Australia/Lord_Howe 2026-12-30T16:00 three days': ['You have 6 events between today and Friday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Australia/Lord_Howe 2026-12-30T16:00 three days, the rest': ['Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Friday, at 9:30 AM, Call.', 'At 4 PM, Wrap.'],
  'Australia/Lord_Howe 2026-12-30T16:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Today, at 10 AM, Day 2.', 'Tomorrow, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Australia/Lord_Howe 2026-12-30T16:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Australia/Lord_Howe 2026-12-30T16:00 the week of': ['You have one event the week of January 18.', 'Tuesday, at 7 AM, Trip.'],
  'Australia/Lord_Howe 2026-12-30T16:00 seven days from the day after tomorrow': ['You have one event between Friday and January 7, 2027.', 'January 7, 2027, at 5 PM, Far.'],
  'Australia/Lord_Howe 2026-12-30T16:00 two days ten days ahead': ['You have 2 events next weekend.', 'January 9, 2027, at 8 AM, Conference.', 'January 10, 2027, at 8 AM, Conference 2.'],
  'Australia/Lord_Howe 2026-12-30T16:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Australia/Lord_Howe 2026-12-30T16:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Australia/Lord_Howe 2026-12-30T16:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Australia/Lord_Howe 2026-12-30T16:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Australia/Lord_Howe 2026-12-30T16:00 forty days ahead, across days': ['You have one event between February 8, 2027 at 9:30 AM and February 9, 2027 at 5:15 PM.', 'February 8, 2027, at 10 AM, Summit.'],
  'Australia/Lord_Howe 2026-12-30T16:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Australia/Lord_Howe 2026-12-30T16:00 rest, eight events': ['All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'At 12:30 PM, 1:1 with Dana Lee, Bob Smith and 1 other.', 'At 1:05, Design.', 'At 6:45, Drinks.'],
  'Australia/Lord_Howe 2026-12-30T16:00 next': ['Your next meeting is Planning, on Saturday at 3 PM with Bob Smith, in Room 101.'],
  'Australia/Lord_Howe 2026-12-30T16:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Australia/Lord_Howe 2026-12-30T16:00 find': ['Offsite is on Tuesday, all day, until January 6, 2027, with Carol Diaz.', 'Also Offsite prep on December 28 at 9 AM, and Offsite 2 on February 3, 2028 at noon.'],
  'Australia/Lord_Howe 2026-12-30T16:00 find, one': ['Dentist is on January 6, 2027 at 8 AM.'],
  'Australia/Lord_Howe 2026-12-30T16:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Australia/Lord_Howe 2026-12-30T16:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Australia/Lord_Howe 2026-12-30T16:00 free, all day': ['No, you have Vacation on Monday, all day.'],
  'Australia/Lord_Howe 2026-12-30T16:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Australia/Lord_Howe 2026-12-30T16:00 confirm_create, 90 minutes': ['Add Workshop with Bob Smith and Dana Lee, and Carol Diaz as optional on Sunday at 1 PM for an hour and a half?'],
  'Australia/Lord_Howe 2026-12-30T16:00 confirm_create, all day': ['Add Holiday on January 19, 2027, all day?'],
  'Australia/Lord_Howe 2026-12-30T16:00 created': ['Done. Lunch with Bob is on your calendar on Friday at noon, and the invitations are sent.'],
  'Australia/Lord_Howe 2026-12-30T16:00 confirm_cancel': ['Cancel Team sync today at 11:59 PM? The attendees will be told.'],
  'Australia/Lord_Howe 2026-12-30T16:00 confirm_move': ['That overlaps Other.', 'Move Standup to January 7, 2027 at 10:30 AM?'],
  'Australia/Lord_Howe 2026-12-30T16:00 moved': ['Done. Standup is now on December 27 at midnight.'],
  'Australia/Lord_Howe 2026-12-30T16:00 explain': ['I read the Calendar of alice@contoso.com from Wed Dec 30, 12:00 AM to Thu Dec 31, 1:07 PM, in Australia/Lord_Howe time, through svc@contoso.com using impersonation on mail.contoso.com. I left out Private because it is private.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room free until': ['Yes. Room 101 is free until 4:45 PM.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room busy until tomorrow': ['It will be free at 9:30 AM tomorrow.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room who booked next': ['Bob Smith booked Room 101 next, from noon on Saturday, until 1 PM on Saturday.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room booked': ['Done. Room 101 tentatively accepted the booking from 4 PM to 4:30 PM.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room declined': ['Room 101 declined the booking from 4 PM to 4:30 PM. It is free again at midnight tomorrow.'],
  'Australia/Lord_Howe 2026-12-30T16:00 room in UTC': ['Done. The meeting now ends at 7 AM.'],
  'America/Los_Angeles 2026-03-08T00:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-03-08T00:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-03-08T00:30 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-03-08T00:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-03-08T00:30 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-03-08T00:30 the week of': ['You have one event the week of March 23.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-03-08T00:30 seven days from the day after tomorrow': ['You have one event between Tuesday and March 16.', 'March 16, at 5 PM, Far.'],
  'America/Los_Angeles 2026-03-08T00:30 two days ten days ahead': ['You have 2 events between March 18 and March 19.', 'March 18, at 8 AM, Conference.', 'March 19, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-03-08T00:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-03-08T00:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-03-08T00:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-03-08T00:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-03-08T00:30 forty days ahead, across days': ['You have one event between April 17 at 9:30 AM and April 18 at 5:15 PM.', 'April 17, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-03-08T00:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 3:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-03-08T00:30 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-03-08T00:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-03-08T00:30 find': ['Offsite is on Saturday, all day, until March 15, with Carol Diaz.', 'Also Offsite prep on March 6 at 9 AM, and Offsite 2 on April 12, 2027 at noon.'],
  'America/Los_Angeles 2026-03-08T00:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-03-08T00:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-03-08T00:30 free, all day': ['No, you have Vacation on Friday, all day.'],
  'America/Los_Angeles 2026-03-08T00:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'America/Los_Angeles 2026-03-07T21:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-03-07T21:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-03-07T21:00 three days': ['You have 6 events between today and Monday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Monday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-03-07T21:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Yesterday, at 10 AM, Day 4.', 'Tomorrow, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-03-07T21:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-03-07T21:00 the week of': ['You have one event the week of March 23.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-03-07T21:00 seven days from the day after tomorrow': ['You have one event next week.', 'Sunday, at 5 PM, Far.'],
  'America/Los_Angeles 2026-03-07T21:00 two days ten days ahead': ['You have 2 events between March 17 and March 18.', 'March 17, at 8 AM, Conference.', 'March 18, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-03-07T21:00 this afternoon': ['You had 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-03-07T21:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-03-07T21:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-03-07T21:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-03-07T21:00 forty days ahead, across days': ['You have one event between April 16 at 9:30 AM and April 17 at 5:15 PM.', 'April 16, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-03-07T21:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-03-07T21:00 next': ['Your next meeting is Planning, on Tuesday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-03-07T21:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-03-07T21:00 find': ['Offsite is on Friday, all day, until March 14, with Carol Diaz.', 'Also Offsite prep on March 5 at 9 AM, and Offsite 2 on April 11, 2027 at noon.'],
  'America/Los_Angeles 2026-03-07T21:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-03-07T21:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-03-07T21:00 free, all day': ['No, you have Vacation on Thursday, all day.'],
  'America/Los_Angeles 2026-03-07T21:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'America/Los_Angeles 2026-11-01T01:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-11-01T01:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-11-01T01:30 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-11-01T01:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-11-01T01:30 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-11-01T01:30 the week of': ['You have one event the week of November 16.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-11-01T01:30 seven days from the day after tomorrow': ['You have one event between Tuesday and November 9.', 'November 9, at 5 PM, Far.'],
  'America/Los_Angeles 2026-11-01T01:30 two days ten days ahead': ['You have 2 events between November 11 and November 12.', 'November 11, at 8 AM, Conference.', 'November 12, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-11-01T01:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-11-01T01:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-11-01T01:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-11-01T01:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-11-01T01:30 forty days ahead, across days': ['You have one event between December 11 at 9:30 AM and December 12 at 5:15 PM.', 'December 11, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-11-01T01:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-11-01T01:30 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-11-01T01:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-11-01T01:30 find': ['Offsite is on Saturday, all day, until November 8, with Carol Diaz.', 'Also Offsite prep on October 30 at 9 AM, and Offsite 2 on December 6, 2027 at noon.'],
  'America/Los_Angeles 2026-11-01T01:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-11-01T01:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-11-01T01:30 free, all day': ['No, you have Vacation on Friday, all day.'],
  'America/Los_Angeles 2026-11-01T01:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'America/Los_Angeles 2026-10-31T22:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'America/Los_Angeles 2026-10-31T22:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'America/Los_Angeles 2026-10-31T22:00 three days': ['You have 6 events between today and Monday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Monday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'America/Los_Angeles 2026-10-31T22:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Yesterday, at 10 AM, Day 4.', 'Tomorrow, at 10 AM, Day 6.'],
  'America/Los_Angeles 2026-10-31T22:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'America/Los_Angeles 2026-10-31T22:00 the week of': ['You have one event the week of November 16.', 'Tuesday, at 7 AM, Trip.'],
  'America/Los_Angeles 2026-10-31T22:00 seven days from the day after tomorrow': ['You have one event next week.', 'Sunday, at 5 PM, Far.'],
  'America/Los_Angeles 2026-10-31T22:00 two days ten days ahead': ['You have 2 events between November 10 and November 11.', 'November 10, at 8 AM, Conference.', 'November 11, at 8 AM, Conference 2.'],
  'America/Los_Angeles 2026-10-31T22:00 this afternoon': ['You had 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'America/Los_Angeles 2026-10-31T22:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'America/Los_Angeles 2026-10-31T22:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'America/Los_Angeles 2026-10-31T22:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'America/Los_Angeles 2026-10-31T22:00 forty days ahead, across days': ['You have one event between December 10 at 9:30 AM and December 11 at 5:15 PM.', 'December 10, at 10 AM, Summit.'],
  'America/Los_Angeles 2026-10-31T22:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'America/Los_Angeles 2026-10-31T22:00 next': ['Your next meeting is Planning, on Tuesday at 3 PM with Bob Smith, in Room 101.'],
  'America/Los_Angeles 2026-10-31T22:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'America/Los_Angeles 2026-10-31T22:00 find': ['Offsite is on Friday, all day, until November 7, with Carol Diaz.', 'Also Offsite prep on October 29 at 9 AM, and Offsite 2 on December 5, 2027 at noon.'],
  'America/Los_Angeles 2026-10-31T22:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'America/Los_Angeles 2026-10-31T22:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'America/Los_Angeles 2026-10-31T22:00 free, all day': ['No, you have Vacation on Thursday, all day.'],
  'America/Los_Angeles 2026-10-31T22:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2026-03-29T00:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2026-03-29T00:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2026-03-29T00:30 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2026-03-29T00:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'Europe/London 2026-03-29T00:30 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2026-03-29T00:30 the week of': ['You have one event the week of April 13.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2026-03-29T00:30 seven days from the day after tomorrow': ['You have one event between Tuesday and April 6.', 'April 6, at 5 PM, Far.'],
  'Europe/London 2026-03-29T00:30 two days ten days ahead': ['You have 2 events between April 8 and April 9.', 'April 8, at 8 AM, Conference.', 'April 9, at 8 AM, Conference 2.'],
  'Europe/London 2026-03-29T00:30 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2026-03-29T00:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2026-03-29T00:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2026-03-29T00:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2026-03-29T00:30 forty days ahead, across days': ['You have one event between May 8 at 9:30 AM and May 9 at 5:15 PM.', 'May 8, at 10 AM, Summit.'],
  'Europe/London 2026-03-29T00:30 around the clock change': ['You have 3 events today.', 'At 2:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2026-03-29T00:30 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2026-03-29T00:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2026-03-29T00:30 find': ['Offsite is on Saturday, all day, until April 5, with Carol Diaz.', 'Also Offsite prep on March 27 at 9 AM, and Offsite 2 on May 3, 2027 at noon.'],
  'Europe/London 2026-03-29T00:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2026-03-29T00:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2026-03-29T00:30 free, all day': ['No, you have Vacation on Friday, all day.'],
  'Europe/London 2026-03-29T00:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2026-03-28T23:30 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2026-03-28T23:30 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2026-03-28T23:30 three days': ['You have 6 events between today and Monday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Monday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2026-03-28T23:30 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Yesterday, at 10 AM, Day 4.', 'Tomorrow, at 10 AM, Day 6.'],
  'Europe/London 2026-03-28T23:30 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2026-03-28T23:30 the week of': ['You have one event the week of April 13.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2026-03-28T23:30 seven days from the day after tomorrow': ['You have one event next week.', 'Sunday, at 5 PM, Far.'],
  'Europe/London 2026-03-28T23:30 two days ten days ahead': ['You have 2 events between April 7 and April 8.', 'April 7, at 8 AM, Conference.', 'April 8, at 8 AM, Conference 2.'],
  'Europe/London 2026-03-28T23:30 this afternoon': ['You had 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2026-03-28T23:30 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2026-03-28T23:30 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2026-03-28T23:30 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2026-03-28T23:30 forty days ahead, across days': ['You have one event between May 7 at 9:30 AM and May 8 at 5:15 PM.', 'May 7, at 10 AM, Summit.'],
  'Europe/London 2026-03-28T23:30 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2026-03-28T23:30 next': ['Your next meeting is Planning, on Tuesday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2026-03-28T23:30 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2026-03-28T23:30 find': ['Offsite is on Friday, all day, until April 4, with Carol Diaz.', 'Also Offsite prep on March 26 at 9 AM, and Offsite 2 on May 2, 2027 at noon.'],
  'Europe/London 2026-03-28T23:30 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2026-03-28T23:30 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2026-03-28T23:30 free, all day': ['No, you have Vacation on Thursday, all day.'],
  'Europe/London 2026-03-28T23:30 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2026-10-25T12:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2026-10-25T12:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2026-10-25T12:00 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2026-10-25T12:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'Europe/London 2026-10-25T12:00 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2026-10-25T12:00 the week of': ['You have one event the week of November 9.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2026-10-25T12:00 seven days from the day after tomorrow': ['You have one event between Tuesday and November 2.', 'November 2, at 5 PM, Far.'],
  'Europe/London 2026-10-25T12:00 two days ten days ahead': ['You have 2 events between November 4 and November 5.', 'November 4, at 8 AM, Conference.', 'November 5, at 8 AM, Conference 2.'],
  'Europe/London 2026-10-25T12:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2026-10-25T12:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2026-10-25T12:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2026-10-25T12:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2026-10-25T12:00 forty days ahead, across days': ['You have one event between December 4 at 9:30 AM and December 5 at 5:15 PM.', 'December 4, at 10 AM, Summit.'],
  'Europe/London 2026-10-25T12:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2026-10-25T12:00 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2026-10-25T12:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2026-10-25T12:00 find': ['Offsite is on Saturday, all day, until November 1, with Carol Diaz.', 'Also Offsite prep on October 23 at 9 AM, and Offsite 2 on November 29, 2027 at noon.'],
  'Europe/London 2026-10-25T12:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2026-10-25T12:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2026-10-25T12:00 free, all day': ['No, you have Vacation on Friday, all day.'],
  'Europe/London 2026-10-25T12:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Europe/London 2027-01-04T07:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Europe/London 2027-01-04T07:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Europe/London 2027-01-04T07:00 three days': ['You have 6 events between today and Wednesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Wednesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Europe/London 2027-01-04T07:00 this week': ['You have 5 events this week.', 'Today, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Sunday, at 10 AM, Day 6.'],
  'Europe/London 2027-01-04T07:00 next week': ['You have 3 events next week.', 'Monday, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Europe/London 2027-01-04T07:00 the week of': ['You have one event the week of January 25.', 'Tuesday, at 7 AM, Trip.'],
  'Europe/London 2027-01-04T07:00 seven days from the day after tomorrow': ['You have one event between Wednesday and January 12.', 'January 12, at 5 PM, Far.'],
  'Europe/London 2027-01-04T07:00 two days ten days ahead': ['You have 2 events between January 14 and January 15.', 'January 14, at 8 AM, Conference.', 'January 15, at 8 AM, Conference 2.'],
  'Europe/London 2027-01-04T07:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Europe/London 2027-01-04T07:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Europe/London 2027-01-04T07:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Europe/London 2027-01-04T07:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Europe/London 2027-01-04T07:00 forty days ahead, across days': ['You have one event between February 13 at 9:30 AM and February 14 at 5:15 PM.', 'February 13, at 10 AM, Summit.'],
  'Europe/London 2027-01-04T07:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Europe/London 2027-01-04T07:00 next': ['Your next meeting is Planning, on Thursday at 3 PM with Bob Smith, in Room 101.'],
  'Europe/London 2027-01-04T07:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Europe/London 2027-01-04T07:00 find': ['Offsite is on Sunday, all day, until January 11, with Carol Diaz.', 'Also Offsite prep on January 2 at 9 AM, and Offsite 2 on February 8, 2028 at noon.'],
  'Europe/London 2027-01-04T07:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Europe/London 2027-01-04T07:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Europe/London 2027-01-04T07:00 free, all day': ['No, you have Vacation on Saturday, all day.'],
  'Europe/London 2027-01-04T07:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Australia/Lord_Howe 2026-04-05T01:45 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Australia/Lord_Howe 2026-04-05T01:45 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Australia/Lord_Howe 2026-04-05T01:45 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Australia/Lord_Howe 2026-04-05T01:45 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'Australia/Lord_Howe 2026-04-05T01:45 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Australia/Lord_Howe 2026-04-05T01:45 the week of': ['You have one event the week of April 20.', 'Tuesday, at 7 AM, Trip.'],
  'Australia/Lord_Howe 2026-04-05T01:45 seven days from the day after tomorrow': ['You have one event between Tuesday and April 13.', 'April 13, at 5 PM, Far.'],
  'Australia/Lord_Howe 2026-04-05T01:45 two days ten days ahead': ['You have 2 events between April 15 and April 16.', 'April 15, at 8 AM, Conference.', 'April 16, at 8 AM, Conference 2.'],
  'Australia/Lord_Howe 2026-04-05T01:45 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Australia/Lord_Howe 2026-04-05T01:45 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Australia/Lord_Howe 2026-04-05T01:45 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Australia/Lord_Howe 2026-04-05T01:45 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Australia/Lord_Howe 2026-04-05T01:45 forty days ahead, across days': ['You have one event between May 15 at 9:30 AM and May 16 at 5:15 PM.', 'May 15, at 10 AM, Summit.'],
  'Australia/Lord_Howe 2026-04-05T01:45 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Australia/Lord_Howe 2026-04-05T01:45 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'Australia/Lord_Howe 2026-04-05T01:45 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Australia/Lord_Howe 2026-04-05T01:45 find': ['Offsite is on Saturday, all day, until April 12, with Carol Diaz.', 'Also Offsite prep on April 3 at 9 AM, and Offsite 2 on May 10, 2027 at noon.'],
  'Australia/Lord_Howe 2026-04-05T01:45 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Australia/Lord_Howe 2026-04-05T01:45 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Australia/Lord_Howe 2026-04-05T01:45 free, all day': ['No, you have Vacation on Friday, all day.'],
  'Australia/Lord_Howe 2026-04-05T01:45 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Australia/Lord_Howe 2026-10-04T09:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Australia/Lord_Howe 2026-10-04T09:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Australia/Lord_Howe 2026-10-04T09:00 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Australia/Lord_Howe 2026-10-04T09:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'Australia/Lord_Howe 2026-10-04T09:00 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Australia/Lord_Howe 2026-10-04T09:00 the week of': ['You have one event the week of October 19.', 'Tuesday, at 7 AM, Trip.'],
  'Australia/Lord_Howe 2026-10-04T09:00 seven days from the day after tomorrow': ['You have one event between Tuesday and October 12.', 'October 12, at 5 PM, Far.'],
  'Australia/Lord_Howe 2026-10-04T09:00 two days ten days ahead': ['You have 2 events between October 14 and October 15.', 'October 14, at 8 AM, Conference.', 'October 15, at 8 AM, Conference 2.'],
  'Australia/Lord_Howe 2026-10-04T09:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Australia/Lord_Howe 2026-10-04T09:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Australia/Lord_Howe 2026-10-04T09:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Australia/Lord_Howe 2026-10-04T09:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Australia/Lord_Howe 2026-10-04T09:00 forty days ahead, across days': ['You have one event between November 13 at 9:30 AM and November 14 at 5:15 PM.', 'November 13, at 10 AM, Summit.'],
  'Australia/Lord_Howe 2026-10-04T09:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Australia/Lord_Howe 2026-10-04T09:00 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'Australia/Lord_Howe 2026-10-04T09:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Australia/Lord_Howe 2026-10-04T09:00 find': ['Offsite is on Saturday, all day, until October 11, with Carol Diaz.', 'Also Offsite prep on October 2 at 9 AM, and Offsite 2 on November 8, 2027 at noon.'],
  'Australia/Lord_Howe 2026-10-04T09:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Australia/Lord_Howe 2026-10-04T09:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Australia/Lord_Howe 2026-10-04T09:00 free, all day': ['No, you have Vacation on Friday, all day.'],
  'Australia/Lord_Howe 2026-10-04T09:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'Asia/Kolkata 2026-03-29T05:00 today, eight events': ['You have 8 events today.', 'All day, Offsite.', 'At midnight, Deploy watch with Bob Smith.', 'At 9, Standup with Bob Smith and Carol Diaz.', 'At 11, Budget review with Bob Smith.', 'At noon, Lunch.', 'And 3 more, the last at 6:45 PM. Want to hear them?'],
  'Asia/Kolkata 2026-03-29T05:00 yesterday': ['You had one event yesterday.', 'At 4 PM, Retro.'],
  'Asia/Kolkata 2026-03-29T05:00 three days': ['You have 6 events between today and Tuesday.', 'Today, at 10 AM, Early.', 'At 3 PM, Late.', 'Tomorrow, all day, Holiday.', 'At 9 AM, Breakfast.', 'Tuesday, at 9:30 AM, Call.', 'And 1 more, the last at 4 PM. Want to hear it?'],
  'Asia/Kolkata 2026-03-29T05:00 this week': ['You have 5 events this week.', 'Monday, at 10 AM, Day 0.', 'Wednesday, at 10 AM, Day 2.', 'Thursday, at 10 AM, Day 3.', 'Friday, at 10 AM, Day 4.', 'Today, at 10 AM, Day 6.'],
  'Asia/Kolkata 2026-03-29T05:00 next week': ['You have 3 events next week.', 'Tomorrow, at 2:20 PM, Next 0.', 'Wednesday, at 2:20 PM, Next 2.', 'Friday, at 2:20 PM, Next 4.'],
  'Asia/Kolkata 2026-03-29T05:00 the week of': ['You have one event the week of April 13.', 'Tuesday, at 7 AM, Trip.'],
  'Asia/Kolkata 2026-03-29T05:00 seven days from the day after tomorrow': ['You have one event between Tuesday and April 6.', 'April 6, at 5 PM, Far.'],
  'Asia/Kolkata 2026-03-29T05:00 two days ten days ahead': ['You have 2 events between April 8 and April 9.', 'April 8, at 8 AM, Conference.', 'April 9, at 8 AM, Conference 2.'],
  'Asia/Kolkata 2026-03-29T05:00 this afternoon': ['You have 3 events today between noon and 5 PM.', 'At noon, A.', 'At 12:30 PM, B.', 'At 4, C.'],
  'Asia/Kolkata 2026-03-29T05:00 tomorrow morning': ['You have one event tomorrow between 6 AM and noon.', 'At 6:30 AM, Gym.'],
  'Asia/Kolkata 2026-03-29T05:00 tonight to midnight': ['You have nothing on your calendar today between 8 PM and midnight.'],
  'Asia/Kolkata 2026-03-29T05:00 evening to morning': ['You have 2 events between today at 6 PM and tomorrow at 9 AM.', 'Today, at 7 PM, Dinner.', 'Tomorrow, at 7:30 AM, Flight.'],
  'Asia/Kolkata 2026-03-29T05:00 forty days ahead, across days': ['You have one event between May 8 at 9:30 AM and May 9 at 5:15 PM.', 'May 8, at 10 AM, Summit.'],
  'Asia/Kolkata 2026-03-29T05:00 around the clock change': ['You have 3 events today.', 'At 1:30 AM, Night 1.', 'At 2:30, Night 2.', 'At 3, Night 3.'],
  'Asia/Kolkata 2026-03-29T05:00 next': ['Your next meeting is Planning, on Wednesday at 3 PM with Bob Smith, in Room 101.'],
  'Asia/Kolkata 2026-03-29T05:00 next, tomorrow': ['Your next meeting is Sync, tomorrow at 12:15 AM.'],
  'Asia/Kolkata 2026-03-29T05:00 find': ['Offsite is on Saturday, all day, until April 5, with Carol Diaz.', 'Also Offsite prep on March 27 at 9 AM, and Offsite 2 on May 3, 2027 at noon.'],
  'Asia/Kolkata 2026-03-29T05:00 free, yes': ['Yes, you\'re free tomorrow between noon and 5 PM.'],
  'Asia/Kolkata 2026-03-29T05:00 free, no': ['No, you have Busy tomorrow at 1:10 PM and 1 more.'],
  'Asia/Kolkata 2026-03-29T05:00 free, all day': ['No, you have Vacation on Friday, all day.'],
  'Asia/Kolkata 2026-03-29T05:00 confirm_create': ['That overlaps Standup at 10 AM.', 'Add Design review with Bob Smith tomorrow at 10 AM for 30 minutes in Room 101?'],
  'clock-free 0 cancelled': ['Done. An untitled event today at 3 AM is cancelled.'],
  'clock-free 1 ask_person': ['Which Bob do you mean: Bob Smith, or Bob Jones?'],
  'clock-free 2 unknown_person': ['I couldn\'t find anyone called Zed in the directory.'],
  'clock-free 3 need_time': ['When should it be? Say a day and a time for lunch.'],
  'clock-free 4 not_found': ['I couldn\'t find that on your calendar.'],
  'clock-free 5 not_found': ['I couldn\'t find the offsite on your calendar.'],
  'clock-free 6 nothing_pending': ['There\'s nothing waiting for a yes right now.'],
  'clock-free 7 dropped': ['OK, I won\'t.'],
  'clock-free 8 explain': ['I haven\'t looked at your calendar yet in this conversation.'],
  'clock-free 9 rooms_not_set_up': ['Which room do you mean? Name it, for example "is the boardroom free at 3" or "book the boardroom tomorrow at 2". (On a device in a room, an administrator places the device under Rooms.)'],
  'clock-free 10 refuse': ['Sorry, I can only help with your calendar. Ask me what is on it, or to add, move or cancel an event.'],
  'clock-free 11 events': ['I couldn\'t find that on your calendar.'],
  'clock-free 12 events': ['You have no more meetings in the next two weeks.'],
};

describe('render: days in long reads', () => {
  const now = DateTime.fromISO('2026-06-10T08:30', { zone: LA }); // a Wednesday
  const ctx = { now: now.toJSDate(), timeZone: LA, user: USER };
  const at = (days: number, hour: number, subject: string) => event(subject, now.startOf('day').plus({ days, hours: hour }), 30);

  it('the rest of a read that starts on a later day says its day', () => {
    const act: Act = { kind: 'events', scope: 'rest', label: '', events: [at(2, 9, 'Call'), at(2, 16, 'Wrap')] };
    expect(render(act, ctx).text).toBe('Friday, at 9 AM, Call. At 4 PM, Wrap.');
  });

  it('the rest of today is read without a day', () => {
    const act: Act = { kind: 'events', scope: 'rest', label: '', events: [at(0, 14, 'A'), at(0, 15, 'B')] };
    expect(render(act, ctx).text).toBe('At 2 PM, A. At 3, B.');
  });

  it('"and N more" says the day of the last one when it is another day', () => {
    const events = [at(0, 9, 'A'), at(0, 10, 'B'), at(0, 11, 'C'), at(0, 12, 'D'), at(0, 13, 'E'), at(2, 9, 'F'), at(3, 15, 'G')];
    const text = render({ kind: 'events', scope: 'window', label: '', events }, { ...ctx, window: { start: utc(now.startOf('week')), end: utc(now.startOf('week').plus({ days: 7 })) } }).text;
    expect(text).toMatch(/And 2 more, the last on Saturday at 3 PM\. Want to hear them\?$/);
  });
});

describe('render: yes and no answer the question as asked', () => {
  const now = DateTime.fromISO('2026-06-10T08:30', { zone: LA });
  const ctx = { now: now.toJSDate(), timeZone: LA, user: USER, window: { start: utc(now.set({ hour: 15, minute: 0 })), end: utc(now.set({ hour: 15, minute: 30 })) } };
  const busy = [event('Review', now.set({ hour: 15, minute: 0 }), 30)];
  it('"am i free at 3?" / "am i busy at 3?"', () => {
    expect(render({ kind: 'free', label: '', busy }, ctx).text).toBe('No, you have Review today at 3 PM.');
    expect(render({ kind: 'free', label: '', busy, askedBusy: true }, ctx).text).toBe('Yes, you have Review today at 3 PM.');
    expect(render({ kind: 'free', label: '', busy: [] }, ctx).text).toBe("Yes, you're free today between 3 PM and 3:30 PM.");
    expect(render({ kind: 'free', label: '', busy: [], askedBusy: true }, ctx).text).toBe('No, you have nothing today between 3 PM and 3:30 PM.');
  });
});

describe('render: a read filtered by people says so', () => {
  const now = DateTime.fromISO('2026-06-10T08:30', { zone: LA });
  const ctx = { now: now.toJSDate(), timeZone: LA, user: USER, window: { start: utc(now.startOf('day').plus({ days: 1 })), end: utc(now.startOf('day').plus({ days: 2 })) } };
  it('"what do i have with carol tomorrow"', () => {
    expect(render({ kind: 'events', scope: 'window', label: '', events: [], with: ['carol'] }, ctx).text).toBe('You have nothing with Carol tomorrow.');
    const one = render({ kind: 'events', scope: 'window', label: '', events: [event('Sync', now.plus({ days: 1 }).set({ hour: 10, minute: 0 }), 30, { attendees: [CAROL] })], with: ['carol'] }, ctx).text;
    expect(one).toBe('You have one event with Carol tomorrow. At 10 AM, Sync with Carol Diaz.');
  });
});

describe('render: all-day events over several days', () => {
  const now = DateTime.fromISO('2026-06-16T09:00', { zone: LA }); // Tuesday
  const conference = allDay('Conference', now.minus({ days: 1 }), 3); // Monday to Wednesday
  const day = (n: number) => now.startOf('day').plus({ days: n });
  it('read on its second day: said today, with its last day', () => {
    const text = render({ kind: 'events', scope: 'window', label: '', events: [conference] }, { now: now.toJSDate(), timeZone: LA, user: USER, window: { start: utc(day(0)), end: utc(day(1)) } }).text;
    expect(text).toBe('You have one event today. All day, Conference, until tomorrow.');
  });
  it('found while under way, and asked about on a day it covers', () => {
    const base = { now: now.toJSDate(), timeZone: LA, user: USER };
    expect(render({ kind: 'events', scope: 'find', label: '', events: [conference] }, base).text).toBe('Conference is today, all day, until tomorrow.');
    expect(render({ kind: 'free', label: '', busy: [conference] }, { ...base, window: { start: utc(day(1)), end: utc(day(2)) } }).text).toBe('No, you have Conference tomorrow, all day.');
  });
  it('proposed over several days', () => {
    const draft = { subject: 'Vacation', start: utc(day(6)), end: utc(day(9)), timeZone: LA, isAllDay: true };
    expect(render({ kind: 'confirm_create', draft, conflicts: [] }, { now: now.toJSDate(), timeZone: LA, user: USER }).text).toBe('Add Vacation on Monday, all day, until June 24?');
  });
});

describe('render: weekends and what is left of a week', () => {
  const now = DateTime.fromISO('2026-06-10T08:30', { zone: LA }); // a Wednesday
  const ctx = (start: DateTime, end: DateTime, at = now) => ({ now: at.toJSDate(), timeZone: LA, user: USER, window: { start: utc(start), end: utc(end) } });
  const saturday = now.startOf('week').plus({ days: 5 });
  const read = (c: RenderContext) => render({ kind: 'events', scope: 'window', label: '', events: [] }, c).text;
  it('a Saturday-to-Monday window is this, next or last weekend, not "between Saturday and Sunday"', () => {
    expect(read(ctx(saturday, saturday.plus({ days: 2 })))).toBe('You have nothing on your calendar this weekend.');
    expect(read(ctx(saturday.plus({ weeks: 1 }), saturday.plus({ weeks: 1, days: 2 })))).toBe('You have nothing on your calendar next weekend.');
    expect(read(ctx(saturday.minus({ weeks: 1 }), saturday.minus({ weeks: 1 }).plus({ days: 2 })))).toBe('You had nothing on your calendar last weekend.');
    // Said on the Sunday itself, the weekend under way is this one.
    const sunday = saturday.plus({ days: 1, hours: 10 });
    expect(read(ctx(saturday, saturday.plus({ days: 2 }), sunday))).toBe('You have nothing on your calendar this weekend.');
  });
  it('"this week" read from today: "between today and Sunday"; on a Sunday, today and the coming week', () => {
    const today = now.startOf('day');
    expect(read(ctx(today, now.startOf('week').plus({ weeks: 1 })))).toBe('You have nothing on your calendar between today and Sunday.');
    const sunday = now.startOf('week').plus({ days: 6, hours: 10 });
    expect(read(ctx(sunday.startOf('day'), now.startOf('week').plus({ weeks: 2 }), sunday))).toBe('You have nothing on your calendar between today and the end of next week.');
  });
});

describe('render: "when does it end"', () => {
  const now = DateTime.fromISO('2026-06-10T08:30', { zone: LA }); // a Wednesday
  const ctx = { now: now.toJSDate(), timeZone: LA, user: USER };
  const review = event('Budget review', now.startOf('day').plus({ days: 2, hours: 11 }), 60);
  const find = (e: CalendarEvent, scope: 'find' | 'next' = 'find') => render({ kind: 'events', scope, label: '', events: [e], asked: 'end' }, ctx).text;
  it('says when it ends, and on which day', () => {
    expect(find(review)).toBe('Budget review ends at noon, on Friday.');
    expect(find(event('Standup', now.set({ hour: 9, minute: 0 }), 15), 'next')).toBe('Your next meeting, Standup, ends at 9:15 AM, today.');
  });
  it('past midnight, the day it ends on too; all day, its days', () => {
    expect(find(event('Late deploy', now.startOf('day').plus({ days: 1, hours: 23 }), 120))).toBe('Late deploy, tomorrow at 11 PM, ends on Friday at 1 AM.');
    expect(find(allDay('Offsite', now.startOf('day').plus({ days: 2 }), 2))).toBe('Offsite is on Friday, all day, until Saturday.');
  });
});
