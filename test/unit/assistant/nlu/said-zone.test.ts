import { describe, expect, it } from 'vitest';
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
