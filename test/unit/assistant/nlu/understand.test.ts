import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';

// Wednesday 4 March 2026, 12:00 in New York.
const NY = { now: new Date('2026-03-04T17:00:00Z'), timeZone: 'America/New_York' };
const u = (text: string, ctx = NY) => understand(text, ctx);

describe('reads', () => {
  it.each(["what's on my calendar tomorrow", "What's on my calendar tomorrow?", 'what do i have tomorrow', 'show me my schedule for tomorrow'])('%s', (text) => {
    const r = u(text);
    expect(r.intent).toBe('read_events');
    expect(r.coarse).toBe('calendar_query');
    expect(r.slots.window).toEqual({ start: '2026-03-05T05:00:00Z', end: '2026-03-06T05:00:00Z' });
  });

  it('a part of day is a window', () => {
    expect(u('what does my afternoon look like tomorrow').slots.window).toEqual({ start: '2026-03-05T17:00:00Z', end: '2026-03-05T22:00:00Z' });
    expect(u('what do i have this evening').slots.window).toEqual({ start: '2026-03-04T22:00:00Z', end: '2026-03-05T02:00:00Z' });
  });

  it('next week runs Monday to Monday', () => {
    const r = u('what do i have next week');
    expect(r.intent).toBe('read_events');
    expect(r.slots.window).toEqual({ start: '2026-03-09T04:00:00Z', end: '2026-03-16T04:00:00Z' });
  });

  it('"tomorrow" across the spring-forward change in Los Angeles is 23 hours', () => {
    const r = u("what's on my calendar tomorrow", { now: new Date('2026-03-07T18:00:00Z'), timeZone: 'America/Los_Angeles' });
    expect(r.slots.window).toEqual({ start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z' });
  });

  it('spoken dates (SLURP style) resolve too, and keep their words as slots', () => {
    const r = u("what's on my calendar on march twenty fifth");
    expect(r.slots.window).toEqual({ start: '2026-03-25T04:00:00Z', end: '2026-03-26T04:00:00Z' });
    expect(r.slots.raw).toContainEqual({ type: 'date', value: 'march twenty fifth' });
  });
});

describe('next, find, free', () => {
  it.each(["what's my next meeting", 'when is my next meeting', 'what is next on my calendar'])('%s -> next_meeting', (text) => {
    expect(u(text).intent).toBe('next_meeting');
  });

  it('when is my meeting with Bob -> find_meeting with the person', () => {
    const r = u('when is my meeting with Bob');
    expect(r.intent).toBe('find_meeting');
    expect(r.coarse).toBe('calendar_query');
    expect(r.slots.people).toEqual(['bob']);
  });

  it('when is the budget review -> find_meeting with the title', () => {
    const r = u('when is the budget review');
    expect([r.intent, r.slots.title]).toEqual(['find_meeting', 'budget review']);
  });

  it('do I have anything at 3 -> am_i_free at 15:00 today', () => {
    const r = u('do I have anything at 3');
    expect(r.intent).toBe('am_i_free');
    expect(r.slots.start).toBe('2026-03-04T20:00:00Z');
    expect(r.slots.window).toEqual({ start: '2026-03-04T20:00:00Z', end: '2026-03-04T21:00:00Z' });
  });

  it('am i free tomorrow afternoon', () => {
    const r = u('am i free tomorrow afternoon');
    expect(r.intent).toBe('am_i_free');
    expect(r.slots.window).toEqual({ start: '2026-03-05T17:00:00Z', end: '2026-03-05T22:00:00Z' });
  });
});

describe('writes', () => {
  it.each([
    ['add lunch with Bob Friday at noon'],
    ['add lunch with bob friday at noon'],
    ['add lunch with bob friday at twelve pm'],
  ])('%s -> create_event, lunch with bob, Friday 12:00 in the zone for 60 minutes', (text) => {
    const r = u(text);
    expect(r.intent).toBe('create_event');
    expect(r.coarse).toBe('calendar_set');
    expect(r.slots).toMatchObject({ title: 'lunch', people: ['bob'], start: '2026-03-06T17:00:00Z', end: '2026-03-06T18:00:00Z', durationMinutes: 60 });
  });

  it('typed and spoken forms of the same request agree', () => {
    const typed = u('schedule a meeting with Ann on 3/25 at 3:30pm for 45 minutes');
    const spoken = u('schedule a meeting with ann on march twenty fifth at three thirty pm for forty five minutes');
    for (const r of [typed, spoken]) {
      expect(r.intent).toBe('create_event');
      expect(r.slots).toMatchObject({ title: 'meeting', people: ['ann'], start: '2026-03-25T19:30:00Z', end: '2026-03-25T20:15:00Z', durationMinutes: 45 });
    }
  });

  it('remind me to call mom at 5 -> a reminder event at 17:00', () => {
    const r = u('remind me to call mom at 5');
    expect(r.intent).toBe('create_event');
    expect(r.slots).toMatchObject({ reminder: true, title: 'call mom', start: '2026-03-04T22:00:00Z' });
  });

  it('an hour and a half, half an hour', () => {
    expect(u('set up a call with dave tomorrow at 10am for an hour and a half').slots).toMatchObject({ start: '2026-03-05T15:00:00Z', durationMinutes: 90, end: '2026-03-05T16:30:00Z' });
    expect(u('book a meeting with the team tomorrow at 9 for half an hour').slots.durationMinutes).toBe(30);
  });

  it('cancel and move', () => {
    expect(u('cancel the budget review')).toMatchObject({ intent: 'cancel_event', coarse: 'calendar_remove', slots: { title: 'budget review' } });
    const m = u('move my 3pm meeting to 4pm');
    expect(m).toMatchObject({ intent: 'move_event', slots: { start: '2026-03-04T20:00:00Z', newStart: '2026-03-04T21:00:00Z' } });
  });
});

describe('dialog answers', () => {
  it.each([['yes', 'confirm'], ['ok', 'confirm'], ['sure', 'confirm'], ['do it', 'confirm'], ['please do', 'confirm'], ['yes book it', 'confirm'], ['ok, add it', 'confirm'], ['schedule it', 'confirm'], ['no', 'deny'], ['cancel that', 'deny'], ['never mind', 'deny'], ['why?', 'why'], ['Why', 'why']])('%s -> %s', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });
});

describe('rooms', () => {
  it.each([
    ['is this room free', 'room_is_free'],
    ['when will this room be free', 'room_when_free'],
    ['who booked this room', 'room_who_booked'],
    ['book this room for 30 minutes', 'room_book'],
    ['end the meeting', 'room_end'],
    ['extend the meeting by 15 minutes', 'room_extend'],
    ['find me a room for an hour', 'room_find'],
  ])('%s -> %s', (text, intent) => expect(u(text).intent).toBe(intent));

  it('book this room for 30 minutes starts now', () => {
    expect(u('book this room for 30 minutes').slots).toMatchObject({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T17:30:00Z', durationMinutes: 30 });
    expect(u('extend the meeting by 15 minutes').slots.durationMinutes).toBe(15);
    expect(u('find me a room for an hour').slots.durationMinutes).toBe(60);
  });

  it('"book this room" with no length leaves the length to whoever books it (a room\'s desk: 30 minutes)', () => {
    const r = u('book this room');
    expect(r.slots.start).toBe('2026-03-04T17:00:00Z');
    expect(r.slots.durationMinutes).toBeUndefined();
    expect(r.slots.end).toBeUndefined();
    expect(u('book this room for an hour').slots).toMatchObject({ durationMinutes: 60, lengthSaid: true });
  });

  it('"book this room tomorrow" is not from now; "for the next 2 hours" is, for two hours', () => {
    const day = u('book this room tomorrow').slots;
    expect(day.start).toBeUndefined();
    expect(day.window).toEqual({ start: '2026-03-05T05:00:00Z', end: '2026-03-06T05:00:00Z' });
    expect(u('book this room for the next 2 hours').slots).toMatchObject({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T19:00:00Z', durationMinutes: 120 });
  });

  it('"book this room until 1" is from now until then, not a later start', () => {
    expect(u('book this room until 1').slots).toMatchObject({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T18:00:00Z', durationMinutes: 60 });
    expect(u('book the boardroom until 3pm')).toMatchObject({ intent: 'room_book', slots: { start: '2026-03-04T17:00:00Z', end: '2026-03-04T20:00:00Z' } });
  });
});

describe('out of scope', () => {
  it.each(["what's the weather like in seattle", 'set an alarm for seven am', 'play some jazz', 'what is the date today'])('%s', (text) => {
    expect(u(text)).toMatchObject({ intent: 'out_of_scope', coarse: 'other' });
  });

  it('is deterministic: same text, same instant, same answer', () => {
    expect(u('add lunch with Bob Friday at noon')).toEqual(u('add lunch with Bob Friday at noon'));
  });
});

describe('one event asked for by name or status', () => {
  it.each([
    ['find the budget review', 'budget review'], ['look up the budget review', 'budget review'], ['show me the offsite', 'offsite'],
    ['was the design sync cancelled', 'design sync'], ['is the design sync still on', 'design sync'], ['do i still have design sync', 'design sync'],
    ["why isn't the design sync on my calendar", 'design sync'], ['why did the design sync get cancelled', 'design sync'],
    ['how long until the budget review', 'budget review'], ['who organized the berlin sync', 'berlin sync'], ['what day is the offsite', 'offsite'],
  ])('%s', (text, title) => {
    expect(u(text)).toMatchObject({ intent: 'find_meeting', slots: { title } });
  });
  it('not the calendar itself, nor something else found', () => {
    expect(u('show me my calendar').intent).toBe('read_events');
    expect(u('find my keys').intent).toBe('out_of_scope');
    expect(u('show me the lunch menu').intent).not.toBe('find_meeting');
    expect(u('what date is the third friday of this month').intent).toBe('out_of_scope');
    expect(u('how long until the budget review').slots.asked).toBe('until');
    expect(u('who organized the berlin sync').slots.asked).toBe('organizer');
    // (A status question about the day, not one event, is a read.)
    expect(u('do i still have meetings today').intent).toBe('read_events');
    expect(u('do i still have anything after 3').intent).toBe('read_events');
  });
  it('"cancel next monday\'s standup" names the standup, on that Monday', () => {
    expect(u("cancel next monday's standup").slots).toMatchObject({ title: 'standup', window: { start: '2026-03-09T04:00:00Z' } });
    expect(u('pull the budget review forward by 30 minutes')).toMatchObject({ intent: 'move_event', slots: { title: 'budget review', shiftMinutes: -30 } });
    expect(u('bring it forward 30 minutes').slots.title).toBeUndefined();
  });
});

describe('"my 9": a bare hour said for an event', () => {
  it('is when it starts, in working hours, on the day said', () => {
    // (Now: Wednesday 4 March 2026, noon in New York.)
    expect(u('cancel my 9 tomorrow').slots).toMatchObject({ start: '2026-03-05T14:00:00Z' });
    expect(u('cancel my 2 on friday').slots).toMatchObject({ start: '2026-03-06T19:00:00Z' });
    // (9 AM today is past: the next 9 AM.)
    expect(u('cancel my 9').slots.start).toBe('2026-03-05T14:00:00Z');
    expect(u('cancel my 3 kids party').slots.start).toBeUndefined();
  });
});

describe('a wrong when, then the right one', () => {
  it('"not wednesday, thursday" is thursday, never an event called "not"', () => {
    expect(u('not wednesday, thursday').slots).toMatchObject({ whenOnly: true, window: { start: '2026-03-05T05:00:00Z' } });
    expect(u('not wednesday, thursday').slots.title).toBeUndefined();
    expect(u('no, not at 2 but 3').slots).toMatchObject({ whenOnly: true, start: '2026-03-04T20:00:00Z' });
    // (An amount is no when: "not 10 minutes, 15" is left for the reminder edit.)
    expect(u('not 10 minutes, 15').slots.window).toBeUndefined();
    // (Guests are the proposal edit's: "not bob, ann".)
    expect(u('not bob, ann').slots.people).toEqual(['bob']);
  });
});

describe('names the tagger misses', () => {
  it('untagged words after the opening name the event', () => {
    expect(u('when is the project kickoff').slots.title).toBe('project kickoff');
    expect(u('add project kickoff monday at 10').slots).toMatchObject({ title: 'project kickoff', start: '2026-03-09T14:00:00Z' });
    expect(u('actually make it 2pm').slots.title).toBeUndefined();
    expect(u('cancel everything on friday').slots.title).toBeUndefined();
  });

  it('a generic noun keeps the words around it that qualify it, not a verb\'s particle', () => {
    expect(u('when is my wrap up meeting').slots.title).toBe('wrap up meeting');
    expect(u('cancel the offsite prep').slots.title).toBe('offsite prep');
    expect(u('set up meeting with bob at 3').slots.title).toBe('meeting');
  });

  it('a new event is named with every word said for its name, not the part the tagger caught', () => {
    // (The tagger caught "standup", "plan review", "planning session", "lunch": Exchange got a shorter title than asked for.)
    expect(u('add standup notes review at 10').slots.title).toBe('standup notes review');
    expect(u('add project plan review tomorrow at 3').slots.title).toBe('project plan review');
    expect(u('schedule quarterly budget planning session friday at 2').slots.title).toBe('quarterly budget planning session');
    expect(u('put team lunch on friday at noon').slots.title).toBe('team lunch');
    expect(u('add lunch with my team at noon').slots).toMatchObject({ title: 'lunch', people: ['team'] });
    expect(u('add code review with bob at 4').slots).toMatchObject({ title: 'code review', people: ['bob'] });
    // (Untagged, or cut at a word that is also a command or a particle: "plan", "block", "up".)
    expect(u('add budget plan tomorrow at 10').slots.title).toBe('budget plan');
    expect(u('add focus block tomorrow at 9').slots.title).toBe('focus block');
    expect(u('add catch up with ann tomorrow at 3').slots).toMatchObject({ title: 'catch up', people: ['ann'] });
    expect(u('add lunch and learn thursday at noon').slots.title).toBe('lunch and learn');
    expect(u('add call the bank at 2').slots.title).toBe('call the bank');
    // A group said before the meal is in the name, not a guest; a repeat said first is the series', not the name's.
    expect(u('add team lunch at noon on thursday').slots.people).toBeUndefined();
    expect(u('add monthly budget check tomorrow at 2').slots).toMatchObject({ title: 'budget check', repeat: { every: 'month' } });
    expect(u('add lunch and invite bob').slots).toMatchObject({ title: 'lunch', people: ['bob'] });
    // What an appointment is for names it; nobody called "haircut" is invited. "call bob": Bob, if the directory knows him.
    expect(u('create an appointment for a haircut tomorrow at 4').slots).toMatchObject({ title: 'haircut appointment' });
    expect(u('create an appointment for a haircut tomorrow at 4').slots.people).toBeUndefined();
    expect(u('call bob').slots).toMatchObject({ title: 'call', maybePeople: ['bob'] });
    // The name said first wins over words after the when; a length or "please" before it is no part of it.
    expect(u('add budget plan tomorrow at 10 k thanks bye').slots.title).toBe('budget plan');
    expect(u('add budget plan tomorrow at 10 for bob smith').slots.title).toBe('budget plan');
    expect(u('add a 30 minute budget plan tomorrow at 10').slots).toMatchObject({ title: 'budget plan', durationMinutes: 30 });
    expect(u('add please budget plan tomorrow at 10').slots.title).toBe('budget plan');
    expect(u('stick budget plan on my calendar tomorrow at 10').slots.title).toBe('budget plan');
    expect(u('add an event tomorrow at 3').slots.title).toBeUndefined();
    // "invite" after the when opens the guest list too.
    expect(u('add budget plan tomorrow at 10 invite ann and dave').slots.people).toEqual(['ann', 'dave']);
  });

  it('a place said where the name goes is the name ("add gym at 6pm")', () => {
    expect(u('add gym at 6pm tomorrow').slots).toMatchObject({ title: 'gym' });
    expect(u('add gym at 6pm tomorrow').slots.location).toBeUndefined();
  });

  it('every guest of a list after "with" is a guest', () => {
    expect(u('schedule a call with dana and bob tomorrow at 3').slots.people).toEqual(['dana', 'bob']);
    expect(u('lunch with bob, carol and dana friday at noon').slots.people).toEqual(['bob', 'carol', 'dana']);
  });
});

describe('meals place a bare hour', () => {
  it('dinner at 7 is 7 PM; breakfast at 6 is 6 AM', () => {
    expect(u('dinner with bob at 7').slots.start).toBe('2026-03-05T00:00:00Z');
    expect(u('breakfast at 6 tomorrow').slots.start).toBe('2026-03-05T11:00:00Z');
  });
});

describe('"am i busy" is asked the other way round', () => {
  it.each(['am i busy at 3 tomorrow', 'do i have anything at 3', 'do i have any meetings at 3 tomorrow', 'am i booked at 3'])('%s -> askedBusy', (text) => {
    const r = u(text);
    expect(r.intent).toBe('am_i_free');
    expect(r.slots.askedBusy).toBe(true);
  });
  it.each(['am i free at 3', 'am i available tomorrow at 3', 'do i have time at 3'])('%s -> asked free', (text) => {
    const r = u(text);
    expect(r.intent).toBe('am_i_free');
    expect(r.slots.askedBusy).toBeUndefined();
  });
});

describe('guests and places the tagger half-finds', () => {
  it('a surname stays with its first name', () => {
    expect(u('when is my meeting with bob jones').slots.people).toEqual(['bob jones']);
    expect(u('set up a meeting with bob smith and carol tomorrow at 10').slots.people).toEqual(['bob smith', 'carol']);
    expect(u('meeting with bob regarding budget').slots.people).toEqual(['bob']);
  });

  it('one untagged word after "with" may be a guest; the dialog asks the directory', () => {
    expect(u('add planning session with ann friday at 2').slots).toMatchObject({ title: 'planning session', maybePeople: ['ann'] });
    expect(u('add planning session with bob friday at 2').slots.maybePeople).toBeUndefined();
  });

  it('a place said last, after the time, is the location', () => {
    expect(u('schedule a meeting with carol at 10 tomorrow in the boardroom').slots.location).toBe('boardroom');
    expect(u('add lunch at noon at cafe rio').slots.location).toBe('cafe rio');
    expect(u('add lunch at noon in my calendar').slots.location).toBeUndefined();
  });
});

describe('changes the assistant does not make are named, never taken for a new event', () => {
  it.each([
    ['shorten the vendor call to 15 minutes', 'length'], ['add an hour to the meeting', 'length'], ['make the review longer', 'length'],
    ['add bob jones to the budget review', 'guests'], ["invite carol to tomorrow's standup", 'guests'], ['remove bob from the budget review', 'guests'],
    ['rename the vendor call to supplier call', 'rename'],
  ] as const)('%s -> %s', (text, kind) => {
    const r = u(text);
    expect(r.intent).toBe('out_of_scope');
    expect(r.slots.unsupported).toBe(kind);
  });
  it.each(['add lunch to my calendar', 'add dentist appointment to my schedule tomorrow at 3', 'remove the meeting from my calendar'])('%s is still a change to the calendar', (text) => {
    expect(u(text).slots.unsupported).toBeUndefined();
    expect(u(text).intent).not.toBe('out_of_scope');
  });
  it('"resched" is "reschedule"', () => {
    expect(u('resched vendor call to thu 2pm').intent).toBe('move_event');
  });
});

describe('short typed questions about the schedule', () => {
  it.each([
    ['free at 2:30?', 'am_i_free'], ['is 3pm free', 'am_i_free'], ['busy at 4?', 'am_i_free'], ['free tomorrow afternoon?', 'am_i_free'],
    // (A when, then "free?": a question, never a new event called "Meeting".)
    ['next mtg?', 'next_meeting'], ['nxt mtg', 'next_meeting'],
    ['3/10 2pm free?', 'am_i_free'], ['wed 2pm free?', 'am_i_free'], ['friday afternoon busy?', 'am_i_free'], ['tomorrow free', 'am_i_free'],
    ["what's at 2pm", 'read_events'], ["what's next", 'next_meeting'], ['anything else today', 'read_events'], ['anything with dave on wednesday', 'read_events'],
  ] as const)('%s -> %s', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });
  it('"is john available" is not about the calendar, and "available" is not his surname', () => {
    expect(u('is john available').intent).toBe('out_of_scope');
    expect(u('is john available').slots.people).toEqual(['john']);
  });
});

describe('spans from now, days after tomorrow, and moves by days', () => {
  it('"the next hour" and "the next 2 hours" start now', () => {
    expect(u('am i free for the next hour').slots.window).toEqual({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T18:00:00Z' });
    expect(u('what do i have in the next 2 hours').slots.window).toEqual({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T19:00:00Z' });
    expect(u('what do i have in the next 2 hours').intent).toBe('read_events');
  });
  it('"day after tomorrow", with or without "the"', () => {
    expect(u('add lunch day after tomorrow at noon').slots.start).toBe('2026-03-06T17:00:00Z');
    expect(u('add lunch the day after tomorrow at noon').slots.start).toBe('2026-03-06T17:00:00Z');
  });
  it('"back a day", "a week later", "2 days earlier" shift by whole days; the shift is not the event\'s day', () => {
    expect(u('push the vendor call back a day').slots).toMatchObject({ shiftMinutes: 1440 });
    expect(u('push the vendor call back a day').slots.window).toBeUndefined();
    expect(u('move the standup a week later').slots.shiftMinutes).toBe(10080);
    expect(u('move the standup 2 days earlier').slots.shiftMinutes).toBe(-2880);
    expect(u('push the offsite back a day').intent).toBe('move_event');
  });
});

describe('the first or last event of a day', () => {
  it('"what time is my first meeting tomorrow" picks, "my last meeting last week" does not', () => {
    expect(u('what time is my first meeting tomorrow').slots).toMatchObject({ pick: 'first' });
    expect(u('when is my last meeting today').slots).toMatchObject({ pick: 'last' });
    expect(u("what's my first meeting on friday").intent).toBe('find_meeting');
    expect(u('when was my last meeting with bob').slots.pick).toBeUndefined();
  });
});

describe("what's left", () => {
  it('"what\'s left today" reads from now to the end of the day', () => {
    const r = u("what's left today");
    expect(r.intent).toBe('read_events');
    expect(r.slots.window).toEqual({ start: '2026-03-04T17:00:00Z', end: '2026-03-05T05:00:00Z' });
  });
});

describe('second review: names, short questions, moves and refusals', () => {
  it('a part of day inside a name is the name ("movie night", "the morning standup"), not a time', () => {
    expect(u('when is my movie night').slots).toMatchObject({ title: 'movie night' });
    expect(u('when is my movie night').slots.window).toBeUndefined();
    expect(u('when is the morning standup').slots.title).toBe('morning standup');
    expect(u("what's on friday night").slots.window).toEqual({ start: '2026-03-06T23:00:00Z', end: '2026-03-07T05:00:00Z' });
  });
  it.each([['is 2 free', 'am_i_free', '2026-03-04T19:00:00Z'], ['is 3 ok', 'am_i_free', '2026-03-04T20:00:00Z'], ['anything at 3', 'read_events', '2026-03-04T20:00:00Z'], ['is there anything at 2', 'read_events', '2026-03-04T19:00:00Z']] as const)('%s', (text, intent, start) => {
    expect(u(text)).toMatchObject({ intent, slots: { start } });
  });
  it('"what\'s tomorrow", "what\'s in the next 3 hours" are reads; "what\'s 5 and 7" is not', () => {
    expect(u("what's tomorrow").intent).toBe('read_events');
    expect(u("what's in the next 3 hours").intent).toBe('read_events');
    expect(u("what's 5 and 7").intent).toBe('out_of_scope');
  });
  it('moves said with a change verb first', () => {
    expect(u('push yoga back a day').slots).toMatchObject({ title: 'yoga', shiftMinutes: 1440 });
    expect(u('move my 3 to 4').slots).toMatchObject({ start: '2026-03-04T20:00:00Z', newStart: '2026-03-04T21:00:00Z' });
    expect(u('delay the vendor call by 30 minutes').slots).toMatchObject({ title: 'vendor call', shiftMinutes: 30 });
    expect(u('move my vacation to next week').intent).toBe('move_event');
  });
  it('length and place changes are refused by name', () => {
    expect(u('make the vendor call 45 minutes').slots.unsupported).toBe('length');
    expect(u('move the budget review to the boardroom').slots.unsupported).toBe('location');
  });
  it('"out of office" is a title; a room said before the day is the place', () => {
    expect(u('add out of office from the 15th to the 19th').slots).toMatchObject({ title: 'Out of office', isAllDay: true, start: '2026-03-15T04:00:00Z', end: '2026-03-20T04:00:00Z' });
    expect(u('add planning in the boardroom thursday at 2').slots).toMatchObject({ title: 'planning', location: 'boardroom' });
  });
});

describe('numbers that are names, ends said alone, zones said short', () => {
  it('an ordinal a name word follows is part of the name, not a day ("2nd interview tomorrow")', () => {
    expect(u('add 2nd interview tomorrow at 1').slots).toMatchObject({ title: '2nd interview', start: '2026-03-05T18:00:00Z' });
    expect(u('add 10th anniversary dinner friday at 7').slots).toMatchObject({ title: '10th anniversary dinner', start: '2026-03-07T00:00:00Z' });
    // A day of the month is still one: "the 15th", "the 15th at noon", "the 12th with bob".
    expect(u('what do i have on the 15th').slots.window).toEqual({ start: '2026-03-15T04:00:00Z', end: '2026-03-16T04:00:00Z' });
    expect(u('add lunch the 15th at noon').slots.start).toBe('2026-03-15T16:00:00Z');
  });

  it.each([
    ['add sprint 2 planning tomorrow at 10', 'sprint 2 planning'],
    ['add top 10 review tomorrow at 4', 'top 10 review'],
    ['add release 3.1 planning friday at 2', 'release 3.1 planning'],
    ['add v2 launch party friday at 6pm', 'v2 launch party'],
    ['add book club thursday at 7pm', 'book club'],
    ['add happy hour friday at 5', 'happy hour'],
    ['book a 30m call with bob at 2', 'call'],
  ])('%s -> %s', (text, title) => {
    expect(u(text).slots.title).toBe(title);
  });

  it('"until noon" starts now; "make it end at 5" is an end said alone', () => {
    // Now is noon in New York: "until 3" runs from now until 3 PM.
    expect(u('add focus time until 3').slots).toMatchObject({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T20:00:00Z', endOnly: true });
    expect(u('block my calendar until 5').slots).toMatchObject({ start: '2026-03-04T17:00:00Z', end: '2026-03-04T22:00:00Z', durationMinutes: 300 });
    expect(u('make it end at 5').slots).toMatchObject({ endOnly: true, start: '2026-03-04T22:00:00Z' });
  });

  it('"3pm ET", "10 am CT": the two-letter zones right after am/pm', () => {
    expect(u('add call tomorrow at 3pm CT').slots).toMatchObject({ start: '2026-03-05T21:00:00Z', saidZone: 'America/Chicago' });
    expect(u('add 2 ct scans at 3').slots.saidZone).toBeUndefined();
  });

  it('a move "to next week" is that week\'s Monday, marked as a week (the event keeps its weekday)', () => {
    expect(u('push my 1:1 with bob to next week').slots).toMatchObject({ newDay: '2026-03-09T04:00:00Z', newWeek: true });
  });

  it('guests of a list: two full names, and a comma-typed list', () => {
    expect(u('add meeting with Bob Smith and Ann Lee tomorrow at 4').slots.people).toEqual(['bob smith', 'ann lee']);
    expect(u('add lunch with Bob, Ann and Dave friday at noon').slots.people).toEqual(['bob', 'ann', 'dave']);
  });
});
