import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';
import { spokenDate } from '../../../../src/assistant/nlu/features.js';
import { typedVariant } from '../../../../src/assistant/nlu/training/typed-variants.js';

// Saturday 5 December 2026, 12:00 in New York. People type "3/25" and "10am" where SLURP says
// "march twenty fifth" and "ten am": both must be understood alike.
const NY = { now: new Date('2026-12-05T17:00:00Z'), timeZone: 'America/New_York' };
const u = (text: string) => understand(text, NY);
const MARCH_25 = { start: '2027-03-25T04:00:00Z', end: '2027-03-26T04:00:00Z' };

describe('typed short forms: "w/", "2p", "10:30a", "@ 2"', () => {
  it('"w/" is "with" for the guests too, not only for the models', () => {
    expect(u('add sync w/ ann and dave thu 2pm').slots.people).toEqual(['ann', 'dave']);
    expect(u('add lunch w/ ann fri 12').slots.maybePeople).toEqual(['ann']);
  });

  it('"w/o carol" and "without carol" leave Carol out; she is never a guest', () => {
    expect(u('add review w/o carol tomorrow 2p').slots.people).toBeUndefined();
    expect(u('add review without carol tomorrow at 2').slots).toMatchObject({ title: 'review' });
    expect(u('add review with bob without carol tomorrow at 2').slots.people).toEqual(['bob']);
  });

  it('"2p" and "10:30a" are times, not places or names', () => {
    const move = u('move the budget review to thu 2p');
    expect(move.intent).toBe('move_event');
    expect(move.slots.newStart).toBe('2026-12-10T19:00:00Z');
    const add = u('add call at 10:30a tomorrow');
    expect(add.slots.start).toBe('2026-12-06T15:30:00Z');
    expect(add.slots.location).toBeUndefined();
  });

  it('"@ 2" and "@noon" are "at", "@microsoft" stays a handle', () => {
    expect(u('move budget review to thurs @ 2').slots.newStart).toBe('2026-12-10T19:00:00Z');
    expect(u('lunch with ann on fri @noon').slots.start).toBe('2026-12-11T17:00:00Z');
    expect(u('send this message to @microsoft on twitter').intent).toBe('out_of_scope');
  });

  it('a title keeps the capitals it was typed with, and what it is about', () => {
    expect(u('add Sprint Review with bob smith friday at 2').slots.title).toBe('Sprint Review');
    expect(u('add call with the vendor at 4').slots.title).toBe('call with the vendor');
    expect(u('schedule a meeting about q3 planning tomorrow at 10').slots.title).toBe('meeting about q3 planning');
    expect(u('add focus time tomorrow at 9').slots.title).toBe('focus time');
    // Guests first, then the topic: the guests stay guests.
    expect(u('schedule 1:1 w/ Bob re: roadmap tomorrow 3p').slots).toMatchObject({ title: '1:1 re roadmap', people: ['bob'] });
  });
});

describe('spans from now, the end of the day, and the past', () => {
  it('"the next 2 weeks", "the next 3 days": from now to the end of that many days, today counted', () => {
    expect(u('what do i have the next 2 weeks').slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-19T05:00:00Z' });
    expect(u("what's on in the next 3 days").slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-08T05:00:00Z' });
    // "next week" alone stays the calendar week.
    expect(u('what do i have next week').slots.window).toEqual({ start: '2026-12-07T05:00:00Z', end: '2026-12-14T05:00:00Z' });
  });

  it('"until eod" is from now to 5 PM; "from 2 to end of day" ends at 5 PM', () => {
    expect(u('am i free until eod').slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-05T22:00:00Z' });
    const block = u('add focus from 2 to end of day');
    expect([block.slots.start, block.slots.end]).toEqual(['2026-12-05T19:00:00Z', '2026-12-05T22:00:00Z']);
  });

  it('"what\'s on until 3", "anything until end of day" are calendar questions from now', () => {
    expect(u("what's on until 3").slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-05T20:00:00Z' });
    expect(u('anything until end of day').intent).toBe('read_events');
    expect(u("what's on 5 and 7").intent).toBe('out_of_scope');
  });

  it('"until friday", "through wednesday": from now to the end of that day; "tuesday through thursday" stays those days', () => {
    // Saturday 5 December, noon in New York.
    expect(u('what do i have until friday').slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-12T05:00:00Z' });
    expect(u('anything through wednesday').slots.window).toEqual({ start: '2026-12-05T17:00:00Z', end: '2026-12-10T05:00:00Z' });
    expect(u("what's on tuesday through thursday").slots.window).toEqual({ start: '2026-12-08T05:00:00Z', end: '2026-12-11T05:00:00Z' });
  });

  it('"wknd" and "2026-12-24" are days', () => {
    expect(u("what's on this wknd").slots.window).toEqual({ start: '2026-12-05T05:00:00Z', end: '2026-12-07T05:00:00Z' });
    const iso = u("what's on 2026-12-24");
    expect(iso.intent).toBe('read_events');
    expect(iso.slots.window).toEqual({ start: '2026-12-24T05:00:00Z', end: '2026-12-25T05:00:00Z' });
  });

  it('the past: "what did i have on tuesday" is the last Tuesday, "when was" finds the latest one before now', () => {
    const tuesday = u('what did i have on tuesday');
    expect(tuesday.intent).toBe('read_events');
    expect(tuesday.slots.window).toEqual({ start: '2026-12-01T05:00:00Z', end: '2026-12-02T05:00:00Z' });
    expect(u('what did i have on the 3rd').slots.window?.start).toBe('2026-12-03T05:00:00Z');
    // On March 1, "the 31st" is January 31 (February has none), not February 28.
    const march1 = understand('what did i have on the 31st', { now: new Date('2027-03-01T17:00:00Z'), timeZone: 'America/New_York' });
    expect(march1.slots.window?.start).toBe('2027-01-31T05:00:00Z');
    expect(u('what do i have on the 3rd').slots.window?.start).toBe('2027-01-03T05:00:00Z');
    const when = u('when was the budget review');
    expect([when.intent, when.slots.past, when.slots.title]).toEqual(['find_meeting', true, 'budget review']);
    expect(u('when did i last meet bob').slots).toMatchObject({ past: true, people: ['bob'] });
    // Another assistant's question stays out of scope.
    expect(u('when was the last call i received from jordan').intent).toBe('out_of_scope');
  });
});

describe('typed dates read like spoken ones', () => {
  it.each(["what's on 3/25", 'what do i have on 3/25', "what's on my calendar 3/25", "what's on march twenty fifth"])('%s -> read_events on March 25', (text) => {
    const r = u(text);
    expect(r.intent).toBe('read_events');
    expect(r.slots.window).toEqual(MARCH_25);
  });

  it('a typed date is not part of a name ("lunch with Bob 3/25 at 10am")', () => {
    const r = u('add lunch with Bob 3/25 at 10am');
    expect(r.intent).toBe('create_event');
    expect(r.slots.people).toEqual(['bob']);
    expect(r.slots.title).toBe('lunch');
    expect(r.slots.start).toBe('2027-03-25T14:00:00Z');
  });

  it('"add dentist 3/25 10am": the dentist is the event, not a guest', () => {
    const r = u('add dentist 3/25 10am');
    expect(r.slots.title).toBe('dentist');
    expect(r.slots.people).toBeUndefined();
    expect(r.slots.start).toBe('2027-03-25T14:00:00Z');
  });

  it('typed ranges and lengths ("12/10 2pm-3pm", "4:30pm for 45 min")', () => {
    const a = u('schedule meeting with bob and carol 12/10 2pm-3pm');
    expect(a.intent).toBe('create_event');
    expect([a.slots.start, a.slots.end]).toEqual(['2026-12-10T19:00:00Z', '2026-12-10T20:00:00Z']);
    expect(a.slots.people).toEqual(['bob', 'carol']);
    const b = u('book 1:1 with dana tomorrow 4:30pm for 45 min');
    expect([b.slots.start, b.slots.end]).toEqual(['2026-12-06T21:30:00Z', '2026-12-06T22:15:00Z']);
  });

  it('cancel by typed date or time', () => {
    expect(u('delete lunch on 3/25')).toMatchObject({ intent: 'cancel_event', slots: { title: 'lunch', window: MARCH_25 } });
    expect(u('cancel the budget review on 3/25')).toMatchObject({ intent: 'cancel_event', slots: { title: 'budget review', window: MARCH_25 } });
    const r = u('cancel my 2:30 meeting');
    expect(r.intent).toBe('cancel_event');
    expect(r.slots.title).toBe('meeting');
    expect(r.slots.start).toBe('2026-12-05T19:30:00Z');
  });
});

describe('chat abbreviations and typed ranges', () => {
  it.each([
    ["what's on Dec 24", 'read_events'],
    ['anything on 12/24?', 'read_events'],
    ['anything on december twenty fourth', 'read_events'],
    ['Whats my next mtg', 'next_meeting'],
    ["what's on tv tonight", 'out_of_scope'],
  ])('%s -> %s', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });

  it('"6-7am" is six to seven in the morning; "11-1pm" starts before noon', () => {
    expect(u('add gym 6-7am tomorrow').slots).toMatchObject({ title: 'gym', start: '2026-12-06T11:00:00Z', end: '2026-12-06T12:00:00Z' });
    expect(u('add meeting 11-1pm tomorrow').slots).toMatchObject({ start: '2026-12-06T16:00:00Z', end: '2026-12-06T18:00:00Z' });
    expect(u('add standup 9:30-9:45 tomorrow').slots).toMatchObject({ title: 'standup', start: '2026-12-06T14:30:00Z', end: '2026-12-06T14:45:00Z' });
    expect(u('lunch 12-1pm fri with Ann').slots).toMatchObject({ title: 'lunch', people: ['ann'], start: '2026-12-11T17:00:00Z', end: '2026-12-11T18:00:00Z' });
  });

  it('a dot is a clock time except where a date is expected ("at 12.30" vs "on 12.24")', () => {
    expect(u('add lunch with carol tomorrow at 12.30').slots).toMatchObject({ people: ['carol'], start: '2026-12-06T17:30:00Z' });
    expect(u('move the budget review to 10.30').slots).toMatchObject({ newStart: '2026-12-06T15:30:00Z', newTimeOnly: true });
    expect(u('add meeting tomorrow 5-5').slots.start).toBeUndefined();
  });

  it('dates typed with a dash or a dot; two bare hours are a range unless "on" makes them a date', () => {
    expect(u("what's on 3-25").slots.window).toEqual(MARCH_25);
    expect(u("what's on 12.24").slots.window).toEqual({ start: '2026-12-24T05:00:00Z', end: '2026-12-25T05:00:00Z' });
    expect(u('add dentist 3-25 at 2pm').slots).toMatchObject({ title: 'dentist', start: '2027-03-25T18:00:00Z' });
    expect(u('am i free tomorrow 1-3').slots).toMatchObject({ start: '2026-12-06T18:00:00Z', end: '2026-12-06T20:00:00Z' });
    expect(u('add meeting 12-1 tomorrow').slots).toMatchObject({ start: '2026-12-06T17:00:00Z', end: '2026-12-06T18:00:00Z' });
    expect(u('delete lunch on 3-4').slots.window).toEqual({ start: '2027-03-04T05:00:00Z', end: '2027-03-05T05:00:00Z' });
  });

  it('mtg, 1:1, thu, w/: the meeting, the guest and the day are found', () => {
    expect(u('Add mtg with Carol at 3:00 p.m. next Mon').slots).toMatchObject({ people: ['carol'], start: '2026-12-07T20:00:00Z' });
    expect(u('schedule a 1:1 with dana thu 9:30am').slots).toMatchObject({ people: ['dana'], start: '2026-12-10T14:30:00Z' });
    expect(u('add lunch w/ Bob tmrw at noon').slots).toMatchObject({ title: 'lunch', people: ['bob'], start: '2026-12-06T17:00:00Z' });
  });

  it('a length is not a name ("block 1.5 hours", "a 2.5 hour workshop")', () => {
    expect(u('block 1.5 hours tomorrow at 3').slots.title).toBeUndefined();
    expect(u('add a 2.5 hour workshop friday at 1').slots).toMatchObject({ title: 'workshop', durationMinutes: 150 });
  });

  it('"what\'s on" needs a day or an hour, not a bare number', () => {
    expect(u("what's on 5 and 7").intent).toBe('out_of_scope');
  });

  it('a typed length is neither title nor place', () => {
    expect(u('book a 30m call with bob at 2').slots).toMatchObject({ title: 'call', people: ['bob'], durationMinutes: 30 });
    const r = u('add review for 1h at 4pm friday');
    expect(r.slots.title).toBe('review');
    expect(r.slots.location).toBeUndefined();
  });

  it('a length without a time is not an all-day event (the time is asked for)', () => {
    const r = u('block 1.5 hours for writing tomorrow');
    expect(r.intent).toBe('create_event');
    expect(r.slots.isAllDay).toBeUndefined();
    expect(r.slots.start).toBeUndefined();
    expect(r.slots.durationMinutes).toBe(90);
  });
});

describe("other assistants' domains that borrow calendar words", () => {
  it.each(['cancel my 9:00 timer', 'delete my 2:00 timer'])('%s -> out_of_scope (the device timer, not "my 9:00")', (text) => {
    expect(u(text).intent).toBe('out_of_scope');
  });

  it.each([['add uber interview friday at 3', 'create_event'], ['add order review friday at 2', 'create_event'], ['cancel the ticket triage', 'cancel_event']])('%s -> %s (an event word or a change verb)', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });

  it.each(['book a cab at 8am tomorrow', 'set coffee to brew at seven am', 'order a pizza delivered at six', 'play some music at noon', 'text bob that i am late', 'turn off the lights at ten pm', "what's the weather tomorrow"])('%s -> out_of_scope', (text) => {
    expect(u(text).intent).toBe('out_of_scope');
  });

  it.each([
    ['set up a meeting about the new radio campaign tomorrow at 10', 'create_event'],
    ['remind me to email bob tomorrow at 9', 'create_event'],
    ['add play date with sam friday at 3', 'create_event'],
  ])('%s -> %s (a calendar word, or a calendar sense of the word)', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });

  // Rides, stocks, news, the device's volume or silence, lists, alarms, calls to a business, "what does a thing look like".
  it.each(['schedule a cab at 8', "what's the news today", 'mute for two hours tonight', 'alert me at ten am please', 'add juice to my grocery list', 'how many events on my list', 'delete the meeting alarm at two pm on tuesday', 'call the closest mexican restaurant', 'what does a banana look like'])('%s -> out_of_scope', (text) => {
    expect(u(text).intent).toBe('out_of_scope');
  });

  it.each([
    ['add stock review friday at 2', 'create_event'],
    ['remind me to check the news at 9', 'create_event'],
    ['remind me to call the pharmacy at 3', 'create_event'],
    ['alert me before my next meeting', 'create_event'],
    ['put the taxi pickup on my calendar friday at 6', 'create_event'],
    ['what does my day look like', 'read_events'],
    ['what does thursday afternoon look like', 'read_events'],
    ['what does the rest of the week look like', 'read_events'],
    ['when is the news team meeting', 'find_meeting'],
    ['alert me 10 minutes before the budget review', 'create_event'],
  ])('%s -> %s (an event so named, a reminder, or the calendar named)', (text, intent) => {
    expect(u(text).intent).toBe(intent);
  });
});

describe('titles given outright', () => {
  it.each([
    ['create an event called board prep on wednesday at 4', 'board prep'],
    ['book a meeting called retro tomorrow at 4', 'retro'],
    ['put quarterly planning on my calendar thursday at 1pm', 'quarterly planning'],
  ])('%s -> %s', (text, title) => {
    expect(u(text).slots.title).toBe(title);
    expect(u(text).slots.people).toBeUndefined();
  });

  it('"add lunch with bob to my calendar": the guest stays a guest', () => {
    expect(u('add lunch with bob to my calendar tomorrow at noon').slots).toMatchObject({ title: 'lunch', people: ['bob'] });
  });
});

describe('a day without a time', () => {
  it('is all day for what lasts all day, or when said', () => {
    expect(u("add mary's birthday on friday").slots).toMatchObject({ title: "mary's birthday", isAllDay: true, start: '2026-12-11T05:00:00Z', end: '2026-12-12T05:00:00Z' });
    expect(u("add mary's birthday on friday").slots.people).toBeUndefined();
    expect(u('add team offsite january fifteenth all day').slots).toMatchObject({ isAllDay: true, start: '2027-01-15T05:00:00Z' });
  });

  it('a timed thing about an all-day one is not all day ("conference call", "birthday party")', () => {
    for (const text of ['schedule a conference call with carol on friday', 'add birthday party planning call on friday']) {
      expect(u(text).slots.isAllDay, text).toBeUndefined();
    }
  });

  it('keeps only its day for anything else, so the time is asked for', () => {
    const r = u('add lunch with bob friday');
    expect(r.intent).toBe('create_event');
    expect(r.slots).toMatchObject({ title: 'lunch', people: ['bob'], window: { start: '2026-12-11T05:00:00Z', end: '2026-12-12T05:00:00Z' } });
    expect(r.slots.start).toBeUndefined();
    expect(r.slots.isAllDay).toBeUndefined();
  });
});

describe('moves to a bare time', () => {
  it.each([
    ['move my 2:30pm to 4', '2026-12-05T19:30:00Z', '2026-12-05T21:00:00Z'],
    ['move my 2:30 to 4', '2026-12-05T19:30:00Z', '2026-12-05T21:00:00Z'],
    ['move my two thirty pm to four', '2026-12-05T19:30:00Z', '2026-12-05T21:00:00Z'],
    ['move my 3pm to 5', '2026-12-05T20:00:00Z', '2026-12-05T22:00:00Z'],
    // The half of the day nearest the event: 9 after an 8pm is 9pm, not 9am.
    ['move my 8pm to 9', '2026-12-06T01:00:00Z', '2026-12-06T02:00:00Z'],
    ['move my ten thirty to eleven', '2026-12-06T15:30:00Z', '2026-12-06T16:00:00Z'],
  ])('%s', (text, start, newStart) => {
    const r = u(text);
    expect(r.intent).toBe('move_event');
    expect(r.slots.start).toBe(start);
    expect(r.slots.newStart).toBe(newStart);
  });

  it('a length next to the event is its length, not a shift, when a target is said', () => {
    expect(u('push the 30 minute standup back to 10am').slots.shiftMinutes).toBeUndefined();
    expect(u('move the 30 minute catch up to 2pm').slots).toMatchObject({ newStart: '2026-12-05T19:00:00Z', newTimeOnly: true });
    expect(u('move the 30 minute catch up to 2pm').slots.shiftMinutes).toBeUndefined();
  });

  it('a shift by an amount: later is positive, earlier negative', () => {
    expect(u('push the standup back 30 minutes').slots).toMatchObject({ title: 'standup', shiftMinutes: 30 });
    expect(u('move my 3pm up by an hour').slots).toMatchObject({ start: '2026-12-05T20:00:00Z', shiftMinutes: -60 });
    expect(u('push back the budget review by an hour')).toMatchObject({ intent: 'move_event', slots: { title: 'budget review', shiftMinutes: 60 } });
  });

  it('"to 10" without an event time follows the bare-hour convention (7-11 morning)', () => {
    expect(u('move the standup to 10').slots).toMatchObject({ title: 'standup', newStart: '2026-12-06T15:00:00Z' });
  });
});

describe('reminders say what, wherever the when is', () => {
  it.each([
    ['remind me at 9am tomorrow to send the report', 'send the report', '2026-12-06T14:00:00Z'],
    ['remind me tomorrow at nine to call bob', 'call bob', '2026-12-06T14:00:00Z'],
    ['remind me to call mom at 6pm', 'call mom', '2026-12-05T23:00:00Z'],
  ])('%s', (text, title, start) => {
    const r = u(text);
    expect(r.intent).toBe('create_event');
    expect(r.slots.reminder).toBe(true);
    expect(r.slots.title).toBe(title);
    expect(r.slots.start).toBe(start);
  });
});

describe('spokenDate (what the intent model reads for a typed date)', () => {
  it('spells the day as SLURP does, month first', () => {
    expect(spokenDate('3/25')).toEqual(['march', 'twenty', 'fifth']);
    expect(spokenDate('12/24/2026')).toEqual(['december', 'twenty', 'fourth', '2026']);
    expect(spokenDate('1/1')).toEqual(['january', 'first']);
  });

  it('reads day-first only when month-first is impossible, and leaves non-dates alone', () => {
    expect(spokenDate('25/3')).toEqual(['march', 'twenty', 'fifth']);
    expect(spokenDate('13/13')).toEqual(['13/13']);
    expect(spokenDate('2:30')).toEqual(['2:30']);
    expect(spokenDate('bob')).toEqual(['bob']);
  });
});

describe('typed twins of training lines', () => {
  const line = (text: string, slots: { type: string; value: string }[], intent = 'calendar_set') => ({ id: 'x', text, intent, slots });

  it('types the date and the time, and the slot values with them', () => {
    const v = typedVariant(line('add lunch with lisa on march twenty fifth at five thirty pm', [
      { type: 'meal_type', value: 'lunch' }, { type: 'person', value: 'lisa' }, { type: 'date', value: 'march twenty fifth' }, { type: 'time', value: 'five thirty pm' },
    ]));
    expect(v?.id).toBe('x~typed');
    expect(v?.text).toBe('add lunch with lisa on 3/25 at 5:30pm');
    expect(v?.slots).toEqual([{ type: 'meal_type', value: 'lunch' }, { type: 'person', value: 'lisa' }, { type: 'date', value: '3/25' }, { type: 'time', value: '5:30pm' }]);
  });

  it('reads day-before-month and a spoken year', () => {
    expect(typedVariant(line('meeting on the fifth of april', [{ type: 'date', value: 'the fifth of april' }]))?.text).toBe('meeting on 4/5');
    expect(typedVariant(line('what is on march twenty first twenty seventeen', [{ type: 'date', value: 'march twenty first twenty seventeen' }], 'calendar_query'))?.slots).toEqual([{ type: 'date', value: '3/21/2017' }]);
  });

  it('makes no twin when there is nothing to type, or a slot would split a date', () => {
    expect(typedVariant(line('what is on tomorrow', [{ type: 'date', value: 'tomorrow' }]))).toBeUndefined();
    expect(typedVariant(line('what is on march twenty fifth', [{ type: 'date', value: 'march' }]))).toBeUndefined();
    // "may" is a month only before a day: "you may fifth" is not a date to type.
    expect(typedVariant(line('the fifth may be fine', []))).toBeUndefined();
  });
});

describe('a dotted number is read one way by the intent model and by chrono', () => {
  it('"at 12.30" is a clock time for both; "on 12.24" and "12.24.2026" are dates for both', () => {
    expect(spokenDate('12.30', 'at', undefined)).toEqual(['12.30']);
    expect(spokenDate('12.24', 'on', undefined)).toEqual(['december', 'twenty', 'fourth']);
    expect(spokenDate('12.24.2026', 'dentist', 'at')).toEqual(['december', 'twenty', 'fourth', '2026']);
    expect(spokenDate('1.5', 'block', 'hours')).toEqual(['1.5']);
    expect(u('meet at 12.30').slots.start).toBe('2026-12-05T17:30:00Z');
    expect(u('lunch on 12.24').slots.window).toEqual({ start: '2026-12-24T05:00:00Z', end: '2026-12-25T05:00:00Z' });
    expect(u('add dentist 12.24.2026 at 3pm').slots.start).toBe('2026-12-24T20:00:00Z');
  });
});

describe('third review: typed forms', () => {
  it('"1:1 w/ bob tmrw 10am" is tomorrow at 10, not a date a week out', () => {
    expect(u('1:1 w/ bob tmrw 10am').slots).toMatchObject({ people: ['bob'], start: '2026-12-06T15:00:00Z' });
  });
  it('"free fri pm?" asks about Friday afternoon; "anything after 5 today" reads from 5', () => {
    expect(u('free fri pm?')).toMatchObject({ intent: 'am_i_free', slots: { window: { start: '2026-12-11T17:00:00Z', end: '2026-12-11T22:00:00Z' } } });
    expect(u('do i have anything after 5 today').slots.window).toEqual({ start: '2026-12-05T22:00:00Z', end: '2026-12-06T05:00:00Z' });
  });
  it('"block 2-4 friday for focus time" is called focus time', () => {
    expect(u('block 2-4 friday for focus time').slots.title).toBe('focus time');
  });
});

describe('a place in a list is no day of the month', () => {
  it.each(['cancel the first one', 'the second one', 'move the last one to 3', 'cancel the first meeting'])('%s names no day', (text) => {
    const s = u(text).slots;
    expect(s.window).toBeUndefined();
    expect(s.newDay).toBeUndefined();
    expect(s.start).toBeUndefined();
  });

  it('"the first", "on the 2nd", "the 1st at 1pm" are still days', () => {
    expect(u("what's on the first").slots.window).toBeDefined();
    expect(u('cancel my meeting on the 2nd').slots.window).toBeDefined();
    expect(u('add lunch on the 1st at 1pm').slots.start).toBeDefined();
  });
});

describe('common misspellings and a day asked by the calendar\'s name', () => {
  it.each([
    ['whats on thrusday', 'read_events'],
    ["what's on wendesday", 'read_events'],
    ['calender for friday', 'read_events'],
    ['agenda thurs', 'read_events'],
    ['schedule for tomorrow?', 'read_events'],
    ['sched for tmrw', 'read_events'],
    ['schedule lunch for tomorrow', 'create_event'],
  ])('%s -> %s', (text, intent) => {
    expect(u(text).intent).toBe(intent);
    if (intent === 'read_events') expect(u(text).slots.window).toBeDefined();
  });

  it('the words as typed stay in SLURP\'s spans', () => {
    expect(u('add team sync on wendesday at 3').slots.raw).toContainEqual({ type: 'date', value: 'wendesday' });
  });
});

describe('a move onto several days', () => {
  it('"move the offsite to saturday and sunday" is refused as a new length, never the Saturday alone', () => {
    expect(u('move the offsite to saturday and sunday').slots.unsupported).toBe('length');
    expect(u('move the offsite to monday through wednesday').slots.unsupported).toBe('length');
    expect(u('move the offsite to saturday').slots.unsupported).toBeUndefined();
  });
});

describe('what "how many" counts', () => {
  it('a kind of event is counted by name; a quantity word is no name', () => {
    expect(u('how many standups do i have this week').slots.title).toBe('standups');
    expect(u('how many times do i meet bob this week').slots.title).toBeUndefined();
    expect(u('how many hours do i have booked today').slots.title).toBeUndefined();
  });
});
