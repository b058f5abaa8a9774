import { describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';
import { saidZone } from '../../../../src/assistant/nlu/said-zone.js';

describe('a time zone said with the hour', () => {
  it.each([
    ['add a call at 3 eastern', 'America/New_York', 'add a call at 3'],
    ['lunch at noon pacific time tomorrow', 'America/Los_Angeles', 'lunch at noon tomorrow'],
    ['am i free at 9am est', 'America/New_York', 'am i free at 9am'],
    ['sync at 4:30 pm cet', 'Europe/Berlin', 'sync at 4:30 pm'],
    ['call at 9 berlin time', 'Europe/Berlin', 'call at 9'],
    ['standup at 10 utc', 'UTC', 'standup at 10'],
    ['review at 2 new york time', 'America/New_York', 'review at 2'],
  ])('%s -> %s', (text, zone, rest) => {
    expect(saidZone(text)).toEqual({ zone, text: rest });
  });

  it.each(['add the eastern region sync at 3', 'dinner at 9 in berlin', 'call with the london team at 4', 'meet at 3 tomorrow', 'lunch at 12 central park', 'add dinner at 7 mountain view', 'book 2 ct scans friday at 9', 'add a call with the 3 eastern reps at 4', 'meet in building 2 central at 3', 'meet at 3 et al'])('not a zone: %s', (text) => {
    expect(saidZone(text)).toBeUndefined();
  });
});

describe('the asker\'s days, the said zone\'s clock', () => {
  // Thursday 11 March 2027, 10:00 in Kolkata; still Wednesday 23:30 in New York.
  const KOLKATA = { now: new Date('2027-03-11T04:30:00Z'), timeZone: 'Asia/Kolkata' };

  it('"tomorrow at 9 eastern" said in Kolkata is Friday (Kolkata\'s tomorrow), 9 AM in New York', () => {
    const r = understand('add call with bob tomorrow at 9 eastern', KOLKATA);
    expect([r.slots.start, r.slots.saidZone]).toEqual(['2027-03-12T14:00:00Z', 'America/New_York']);
  });

  it('"tomorrow at 9 utc" said in Sydney on Thursday morning is Friday', () => {
    const r = understand('am i free tomorrow at 9 utc', { now: new Date('2027-03-10T22:00:00Z'), timeZone: 'Australia/Sydney' });
    expect(r.slots.start).toBe('2027-03-12T09:00:00Z');
  });

  it('a time alone is the asker\'s today while it is ahead ("at 9 eastern" is tonight in Kolkata)', () => {
    expect(understand('add call at 9 eastern', KOLKATA).slots.start).toBe('2027-03-11T14:00:00Z');
  });

  it('a move\'s target day is the asker\'s too', () => {
    expect(understand('move my design review to tomorrow at 9 eastern', KOLKATA).slots.newStart).toBe('2027-03-12T14:00:00Z');
  });
});
