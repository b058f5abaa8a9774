import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';

// Monday 8 March 2027, 08:00 in Los Angeles.
const LA = { now: new Date('2027-03-08T16:00:00Z'), timeZone: 'America/Los_Angeles' };
const slots = (text: string) => understand(text, LA).slots;

describe('guests and rooms read by the request\'s shape, where the tagger took them for the name', () => {
  it('every guest of a list is a guest: two Bobs, names with commas, "invite ... to ..."', () => {
    expect(slots('add meeting with bob smith and bob jones tomorrow at 10')).toMatchObject({ title: 'meeting', people: ['bob smith', 'bob jones'] });
    expect(slots('add all hands with ann, bob smith, dave and bob jones in the huddle room tomorrow at 10')).toMatchObject({ title: 'all hands', people: ['ann', 'bob smith', 'dave', 'bob jones'], location: 'huddle room' });
    expect(slots('invite ann and dave to a meeting thursday at 2')).toMatchObject({ title: 'meeting', people: ['ann', 'dave'] });
    expect(slots('schedule a meeting thursday at 2 and invite ann and dave')).toMatchObject({ title: 'meeting', people: ['ann', 'dave'] });
    // A list is no name: nothing is titled "ann".
    const invite = slots('invite ann and bob');
    expect(invite.people).toEqual(['ann', 'bob']);
    expect(invite.title).toBeUndefined();
  });

  it('the place after "in the" is where, and the name is what was said before it', () => {
    expect(slots('add sync in the fishbowl annex tomorrow at 11')).toMatchObject({ title: 'sync', location: 'fishbowl annex' });
    expect(slots('add lunch with bob smith in room 101 tomorrow at noon')).toMatchObject({ title: 'lunch', people: ['bob smith'], location: 'room 101' });
    expect(slots('set up a meeting with bob jones and ann lee in the board room tomorrow at 4 pm')).toMatchObject({ title: 'meeting', people: ['bob jones', 'ann lee'], location: 'board room' });
    // Untouched: a room the tagger found, a time after "in", a topic after "re:".
    expect(slots('add huddle in the boardroom on 4/7 at 2:30pm')).toMatchObject({ title: 'huddle', location: 'boardroom' });
    expect(slots('add dinner in the evening').location).toBeUndefined();
    expect(slots('schedule 1:1 w/ Bob re: roadmap tomorrow 3p').people).toEqual(['bob']);
  });
});

describe('moves said in other words, and new events about a move', () => {
  it('"postpone X by a day" shifts it; the verb is never the name; "add a meeting ... about the move" is a new event', () => {
    expect(slots('postpone the budget review by a day')).toMatchObject({ title: 'budget review', shiftMinutes: 1440 });
    expect(slots('postpone the quarterly review by a week')).toMatchObject({ shiftMinutes: 7 * 1440 });
    expect(slots('move 1:1 with ann to friday at 11')).toMatchObject({ title: '1:1', people: ['ann'] });
    expect(slots('delay my 3pm by 2 days').title).toBeUndefined();
    expect(understand('add a meeting with dave to discuss the fishbowl move on friday at 11', LA).intent).toBe('create_event');
  });
});

describe('a week from a day', () => {
  it('"in a week", "a week from today/tomorrow" are that date (9 AM on 15 March is daylight time)', () => {
    expect(slots('add call with dave a week from today at 9').start).toBe('2027-03-15T16:00:00Z');
    expect(slots('add dentist a week from tomorrow at 3').start).toBe('2027-03-16T22:00:00Z');
    expect(slots('add call with ann in a week at 10').start).toBe('2027-03-15T17:00:00Z');
  });
});

describe('seats asked for', () => {
  it('"a room for six people", "for 10 of us" say the seats, spelled or typed', () => {
    expect(slots('book a room for six people tomorrow at 2').seats).toBe(6);
    expect(slots('find a room for ten of us at 3').seats).toBe(10);
    expect(slots('find me a room tomorrow at 2').seats).toBeUndefined();
  });
});
