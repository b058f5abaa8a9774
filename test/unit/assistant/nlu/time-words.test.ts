import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';

// Monday 8 March 2027, 10:00 in Los Angeles (PST).
const MONDAY = { now: new Date('2027-03-08T18:00:00Z'), timeZone: 'America/Los_Angeles' };
const u = (text: string, ctx = MONDAY) => understand(text, ctx);

describe('the last day of the month', () => {
  it('"on the last day of the month at 3pm" is 31 March at 3 PM, not a day past', () => {
    expect(u('add call on the last day of the month at 3pm').slots.start).toBe('2027-03-31T22:00:00Z');
  });

  it('"the end of the month" is its last day, for a read too', () => {
    expect(u('what do i have at the end of the month').slots.window).toEqual({ start: '2027-03-31T07:00:00Z', end: '2027-04-01T07:00:00Z' });
    expect(u('add call at the end of next month at 4pm').slots.start).toBe('2027-04-30T23:00:00Z');
  });

  it('a series until the end of the month still ends with the month', () => {
    expect(u('add standup every monday at 9 until the end of the month').slots.repeat?.until).toBe('2027-03-31');
  });
});

describe('later this week or month starts now', () => {
  it.each([
    ['what do i have later this week', '2027-03-15T07:00:00Z'],
    ['anything later in the month', '2027-04-01T07:00:00Z'],
  ])('%s', (text, end) => {
    expect(u(text).slots.window).toEqual({ start: '2027-03-08T18:00:00Z', end });
  });
});

describe('24-hour times typed without a colon', () => {
  it.each([
    ['add call friday at 0900', '2027-03-12T17:00:00Z', '2027-03-12T18:00:00Z'],
    ['add call friday from 1300 to 1430', '2027-03-12T21:00:00Z', '2027-03-12T22:30:00Z'],
  ])('%s', (text, start, end) => {
    const r = u(text);
    expect([r.intent, r.slots.start, r.slots.end]).toEqual(['create_event', start, end]);
  });

  it('with a zone after it ("at 1500 utc")', () => {
    expect(u('add call friday at 1500 utc').slots.start).toBe('2027-03-12T15:00:00Z');
  });
});

describe('a time said in words is no name and no place', () => {
  it('"at quarter to three" is 2:45 PM, with no place "quarter"', () => {
    const r = u('add call at quarter to three', { now: new Date('2027-03-11T04:30:00Z'), timeZone: 'Asia/Kolkata' });
    expect([r.slots.title, r.slots.location, r.slots.start]).toEqual(['call', undefined, '2027-03-11T09:15:00Z']);
  });

  it('"end of day friday" is 5 PM Friday, and not part of the title', () => {
    const r = u('add call end of day friday');
    expect([r.slots.title, r.slots.start]).toEqual(['call', '2027-03-13T01:00:00Z']);
  });
});
