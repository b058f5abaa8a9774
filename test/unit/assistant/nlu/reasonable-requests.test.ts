import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';

// Monday 8 March 2027, 10:00 in Los Angeles (PST). Requests a person would make that were refused or misread.
const MONDAY = { now: new Date('2027-03-08T18:00:00Z'), timeZone: 'America/Los_Angeles' };
const u = (text: string) => understand(text, MONDAY);
const FRIDAY = '2027-03-12T08:00:00Z';
const NEXT_FRIDAY = '2027-03-19T07:00:00Z';

describe('a move to a day names the event, whatever its name', () => {
  it.each([
    ['move the late deploy to friday', 'late deploy'],
    ['move the deploy to friday', 'deploy'],
  ])('%s', (text, title) => {
    const r = u(text);
    expect(r.intent).toBe('move_event');
    expect(r.slots).toMatchObject({ title, newDay: FRIDAY });
  });

  it('"to next friday" is a target: the Friday of next week', () => {
    expect(u('move the late deploy to next friday')).toMatchObject({ intent: 'move_event', slots: { title: 'late deploy', newDay: NEXT_FRIDAY } });
  });

  it('a thing moved to a place is still no calendar request', () => {
    expect(u('move the car to the garage').intent).toBe('out_of_scope');
  });
});

describe('the current moment is a read, as "what do i have now" is', () => {
  const NOW_HOUR = { start: '2027-03-08T18:00:00Z', end: '2027-03-08T19:00:00Z' };
  it.each(["what's happening now", 'what is on right now', 'anything now', "what's going on right now"])('%s', (text) => {
    const r = u(text);
    expect(r.intent).toBe('read_events');
    expect(r.slots.window).toEqual(u('what do i have now').slots.window);
    expect(r.slots.window).toEqual(NOW_HOUR);
  });

  it('"what\'s up now" is a greeting, not a question about the calendar', () => {
    expect(u("what's up now").intent).toBe('out_of_scope');
  });
});

describe('a meal with someone somewhere in town is a new event, not what is on in town', () => {
  it('"lunch with ann downtown friday at noon" is lunch at noon on Friday', () => {
    const r = u('lunch with ann downtown friday at noon');
    expect(r.intent).toBe('create_event');
    expect(r.slots).toMatchObject({ title: 'lunch', start: '2027-03-12T20:00:00Z' });
  });

  it('the tagger\'s "place" after "with" is the guest, and the word that says where is the place', () => {
    expect(u('lunch with ann downtown friday at noon').slots).toMatchObject({ maybePeople: ['ann'], location: 'downtown' });
    expect(u('dinner with bob downtown tomorrow at 7').slots).toMatchObject({ maybePeople: ['bob'], location: 'downtown' });
    // A name alone after "with" stays the guest, with no place.
    expect(u('a call with ann in 2 hours').slots.location).toBeUndefined();
  });

  it('so is one said with "add" first', () => {
    const r = u('add lunch with ann downtown at 1');
    expect(r.intent).toBe('create_event');
    expect(r.slots).toMatchObject({ title: 'lunch', maybePeople: ['ann'], location: 'downtown', start: '2027-03-08T21:00:00Z' });
  });

  it('what is on downtown is still another assistant\'s', () => {
    expect(u("what's happening downtown friday").intent).toBe('out_of_scope');
    expect(u('add events nearby').intent).toBe('out_of_scope');
  });
});

describe('a group met is what the event is about, not its name', () => {
  it('"call with the client and ann tomorrow at 3" is the call with the client, Ann invited', () => {
    expect(u('call with the client and ann tomorrow at 3').slots).toMatchObject({ title: 'call with the client', people: ['ann'], start: '2027-03-09T23:00:00Z' });
  });

  it('so is a group the tagger took for a name after "with the"', () => {
    expect(u('add sync with the design team tomorrow at 10').slots.title).toBe('sync with the design team');
  });
});

describe('"how many" asks for a number of the events read', () => {
  it('"how many meetings do i have today" reads today, counted, with no name to filter by', () => {
    const r = u('how many meetings do i have today');
    expect(r.intent).toBe('read_events');
    expect(r.slots.title).toBeUndefined();
    expect(r.slots.count).toBe(true);
    expect(r.slots.window).toEqual({ start: '2027-03-08T08:00:00Z', end: '2027-03-09T08:00:00Z' });
  });

  it('"many" is never a word of a name', () => {
    expect(u('how many meetings tomorrow').slots.title).toBeUndefined();
  });
});

describe('a frequency said before a name is a word of the name, but for a new event', () => {
  it.each([
    ['when is my weekly planning', 'find_meeting', 'weekly planning'],
    ['move weekly planning to tuesday', 'move_event', 'weekly planning'],
    ['cancel the daily standup', 'cancel_event', 'daily standup'],
    ['when is the monthly review', 'find_meeting', 'monthly review'],
  ])('%s', (text, intent, title) => {
    const r = u(text);
    expect(r.intent).toBe(intent);
    expect(r.slots.title).toBe(title);
    expect(r.slots.repeat).toBeUndefined();
  });

  it('"move weekly planning to tuesday" keeps its target', () => {
    expect(u('move weekly planning to tuesday').slots.newDay).toBe('2027-03-09T08:00:00Z');
  });

  it('a new event keeps the repeat, and the rest of the name', () => {
    expect(u('add weekly planning tomorrow at 10').slots).toMatchObject({ title: 'planning', repeat: { every: 'week', interval: 1 }, start: '2027-03-09T18:00:00Z' });
    expect(u('add daily standup at 9').slots).toMatchObject({ title: 'standup', repeat: { every: 'day', interval: 1 } });
  });

  it('how often is no place ("on weekdays"), and a reminder said for the event is its own, not a reminder event', () => {
    expect(u('add a daily standup at 9:30 on weekdays').slots.location).toBeUndefined();
    const board = u('add board meeting thursday at 10, remind me 30 minutes before').slots;
    expect(board).toMatchObject({ title: 'board meeting', remindBefore: 30, durationMinutes: 60 });
    expect(board.reminder).toBeUndefined();
    expect(u('add dentist thursday at three with a reminder one hour before').slots).toMatchObject({ title: 'dentist', remindBefore: 60, durationMinutes: 60 });
    expect(u('add lunch friday at noon with a 10 minute reminder').slots).toMatchObject({ title: 'lunch', remindBefore: 10, durationMinutes: 60 });
    expect(u('add flight friday at 6am and remind me the day before').slots).toMatchObject({ remindBefore: 1440 });
    // A reminder event stays one; so does one about an event already there (not a new meeting): the dialog is
    // told which event it goes before.
    expect(u('remind me to call mom at 6').slots).toMatchObject({ reminder: true, durationMinutes: 15 });
    expect(u('remind me 30 minutes before my 3pm meeting')).toMatchObject({ intent: 'create_event', slots: { remindBefore: 30, beforeEvent: 'my 3pm meeting' } });
  });

  it('guests said to be optional are guests, and are marked so', () => {
    for (const said of ['add review with ann and dave as optional thursday at 10', 'add review with ann and optionally dave thursday at 10', 'add review with ann, and dave optional thursday at 10']) {
      const slots = u(said).slots;
      expect([...(slots.people ?? []), ...(slots.maybePeople ?? [])], said).toEqual(['ann', 'dave']);
      expect(slots.optionalPeople, said).toEqual(['dave']);
      expect(slots.start, said).toBe('2027-03-11T18:00:00Z');
    }
    expect(u('add review with ann thursday at 10').slots.optionalPeople).toBeUndefined();
  });

  it('a name the tagger left untagged after the repeat is the title, not "Meeting"', () => {
    expect(u('add weekly check-in with ann every thursday at 2').slots).toMatchObject({ title: 'check-in', repeat: { every: 'week', weekdays: ['thursday'] } });
    expect(u('add a weekly check-in with ann on thursdays at 2').slots).toMatchObject({ title: 'check-in', repeat: { every: 'week' } });
  });
});

describe('a command to add something named, with a day or a time, is a new event whatever its name', () => {
  it.each([
    // Refused as out of scope before: the classifier said "other", and no rule knew "coffee" or "triage" (nor let
    // "email" be a word of a name).
    ['add coffee with ann at 1', 'coffee', '2027-03-08T21:00:00Z'],
    ['add email triage tomorrow at 9', 'email triage', '2027-03-09T17:00:00Z'],
    ['put the school run on friday at 3', 'school run', '2027-03-12T23:00:00Z'],
    // Typed and spoken forms.
    ['add coffee w/ ann at 1pm', 'coffee', '2027-03-08T21:00:00Z'],
    ['add email triage tmrw 9am', 'email triage', '2027-03-09T17:00:00Z'],
    ['add coffee with ann at one', 'coffee', '2027-03-08T21:00:00Z'],
    ['add email triage tomorrow at nine am', 'email triage', '2027-03-09T17:00:00Z'],
  ])('%s', (text, title, start) => {
    const r = u(text);
    expect(r.intent).toBe('create_event');
    expect(r.slots).toMatchObject({ title, start, durationMinutes: 60 });
  });

  it('said with how often, it is a series ("add email triage every weekday at 9", as "schedule ..." was)', () => {
    for (const text of ['add email triage every weekday at 9', 'schedule email triage every weekday at 9']) {
      const r = u(text);
      expect(r.intent).toBe('create_event');
      // 9 AM today is past at 10 AM: the series starts on Tuesday.
      expect(r.slots).toMatchObject({ title: 'email triage', start: '2027-03-09T17:00:00Z', repeat: { every: 'week', interval: 1, weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] } });
    }
  });

  it.each([
    'add milk to my shopping list',
    'add milk to my shopping list tomorrow at 9',
    'add eggs to the list tomorrow',
    'add a song to my playlist at 9',
    'add an alarm at 7',
    'add an alarm for tomorrow at 7',
    'set a timer for 10 minutes',
    'put the kettle on at 7',
    'put the lights on at 7',
    'put the heating on at 6',
    'put on some music at 8',
    'add a post on facebook at 9',
    'book a cab tomorrow at 9',
    'book a table for 2 at 7 friday',
    'please book a flight to boston friday',
    'reserve me a taxi at 6 tomorrow',
    'send bob the agenda for the budget review',
    "what's the date next friday",
  ])('another assistant\'s request stays out of scope: %s', (text) => {
    expect(u(text).intent).toBe('out_of_scope');
  });
});

describe('"how long is" asks about the event named after it', () => {
  it.each([
    ['how long is the customer demo', 'customer demo'],
    ["how long's the customer demo", 'customer demo'],
    ['how long is the one on one with ann', 'one on one'],
    ['how long is release night', 'release night'],
    ['how long is the release night', 'release night'],
    ['where is movie night', 'movie night'],
  ])('%s', (text, title) => {
    const r = u(text);
    expect(r.intent).toBe('find_meeting');
    expect(r.slots.title).toBe(title);
    expect(r.slots.window).toBeUndefined();
  });

  it('a part of day after a day is a time, not a name', () => {
    expect(u('who is working friday night').slots.title).toBeUndefined();
    expect(u('how long is the night').intent).toBe('out_of_scope');
  });
});

describe('"anything else today" is what is left of today, as "what do i have left today"', () => {
  const at10pm = { now: new Date('2027-03-09T06:00:00Z'), timeZone: 'America/Los_Angeles' };
  const REST = { start: '2027-03-09T06:00:00Z', end: '2027-03-09T08:00:00Z' };
  it.each(['anything else today', 'anything else today?', 'what else is on today', 'what else do i have today', 'anything else on my calendar today', 'anything else for today', 'what else have i got today'])('%s', (text) => {
    const r = understand(text, at10pm);
    expect(r.intent).toBe('read_events');
    expect(r.slots.window).toEqual(REST);
    expect(r.slots.window).toEqual(understand('what do i have left today', at10pm).slots.window);
  });

  it('another day is read whole', () => {
    expect(understand('anything else tomorrow', at10pm).slots.window).toEqual({ start: '2027-03-09T08:00:00Z', end: '2027-03-10T08:00:00Z' });
  });
});

describe('a word for any event, said with someone, is no name to look for', () => {
  it.each([
    ['when is my mtg w/ bob', 'find_meeting', 'bob'],
    ['when is my meeting with bob', 'find_meeting', 'bob'],
    ['when is my appt with bob', 'find_meeting', 'bob'],
    ["when's my next mtg with ann", 'next_meeting', 'ann'],
    ['cancel my mtg w/ bob', 'cancel_event', 'bob'],
  ])('%s', (text, intent, person) => {
    const r = u(text);
    expect(r.intent).toBe(intent);
    expect(r.slots.people).toEqual([person]);
    expect(r.slots.title).toBeUndefined();
  });

  it('a kind of event ("call") still narrows; a new event keeps the word as its subject', () => {
    expect(u('when is my call with bob').slots.title).toBe('call');
    expect(u('add a mtg with bob tomorrow at 3').slots.title).toBe('mtg');
  });
});

describe('"when does the budget review end" asks for its end', () => {
  it.each([
    ['when does the budget review end', { title: 'budget review' }],
    ['when does the customer demo end', { title: 'customer demo' }],
    ['when is the offsite over', { title: 'offsite' }],
    ['what time does my meeting with bob end', { people: ['bob'] }],
    ['when does my 1:1 with ann finish', { title: '1:1', people: ['ann'] }],
  ])('%s', (text, about) => {
    const r = u(text);
    expect(r.intent).toBe('find_meeting');
    expect(r.slots).toMatchObject({ asked: 'end', ...about });
  });

  it('its start is still when it is', () => {
    expect(u('when does the budget review start').slots.asked).toBeUndefined();
    expect(u('when does my next meeting end')).toMatchObject({ intent: 'next_meeting', slots: { asked: 'end' } });
  });
});

describe('"how do you know" asks why, as "why?" does', () => {
  it.each(['how do you know', 'how do you know?', 'how do you know that', 'how did you know'])('%s', (text) => {
    expect(u(text).intent).toBe('why');
  });

  it('"how do you know my name" is no question about the last answer', () => {
    expect(u('how do you know my name').intent).toBe('out_of_scope');
  });
});
