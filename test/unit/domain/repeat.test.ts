import { describe, expect, it } from 'vitest';
import { anchored, firstOccurrence, firstTimes, lastDay, startingOn, type Repeat } from '../../../src/domain/repeat.js';

const LA = 'America/Los_Angeles';
const weekly = (...weekdays: Repeat['weekdays'] & {}): Repeat => ({ every: 'week', interval: 1, weekdays });

describe('the first occurrence of a series', () => {
  it('"every tuesday at 3" asked for on a Monday starts tomorrow, at 3 PM on the wall clock', () => {
    expect(firstOccurrence(weekly('tuesday'), '2027-03-08T23:00:00Z', LA)).toBe('2027-03-09T23:00:00Z');
  });

  it('across the change to daylight time the wall-clock hour stays (3 PM is 22:00Z after 14 March)', () => {
    expect(firstOccurrence(weekly('monday'), '2027-03-09T23:00:00Z', LA)).toBe('2027-03-15T22:00:00Z');
  });

  it('a day that already fits is kept', () => {
    expect(firstOccurrence(weekly('monday', 'wednesday'), '2027-03-08T18:00:00Z', LA)).toBe('2027-03-08T18:00:00Z');
  });

  it('the 31st of every month falls on the last day of a shorter month', () => {
    expect(firstOccurrence({ every: 'month', interval: 1, dayOfMonth: 31 }, '2027-04-05T17:00:00Z', LA)).toBe('2027-04-30T17:00:00Z');
  });

  it('the second Tuesday and the last Friday of the month', () => {
    expect(firstOccurrence({ every: 'month', interval: 1, nth: 2, weekdays: ['tuesday'] }, '2027-03-10T16:00:00Z', LA)).toBe('2027-04-13T15:00:00Z');
    expect(firstOccurrence({ every: 'month', interval: 1, nth: -1, weekdays: ['friday'] }, '2027-03-01T16:00:00Z', LA)).toBe('2027-03-26T15:00:00Z');
  });

  it('an all-day first event keeps its whole days when moved on; a timed one its length', () => {
    expect(firstTimes({ every: 'month', interval: 1, dayOfMonth: 1 }, '2027-03-08T08:00:00Z', '2027-03-09T08:00:00Z', LA, true)).toEqual({ start: '2027-04-01T07:00:00Z', end: '2027-04-02T07:00:00Z' });
    expect(firstTimes(weekly('monday'), '2027-03-09T23:00:00Z', '2027-03-10T00:30:00Z', LA, false)).toEqual({ start: '2027-03-15T22:00:00Z', end: '2027-03-15T23:30:00Z' });
  });
});

describe('a series whose first event the person moves', () => {
  it('a series on one weekday follows it; one on several weekdays keeps them', () => {
    expect(startingOn(weekly('monday'), '2027-03-12T18:00:00Z', LA).weekdays).toEqual(['friday']);
    expect(startingOn(weekly('monday', 'wednesday'), '2027-03-12T18:00:00Z', LA).weekdays).toEqual(['monday', 'wednesday']);
  });

  it('a day that still fits changes nothing (the 31st moved to April 30 stays the 31st)', () => {
    const rule: Repeat = { every: 'month', interval: 1, dayOfMonth: 31 };
    expect(startingOn(rule, '2027-04-30T17:00:00Z', LA)).toBe(rule);
  });
});

describe('where a series ends, and its defaults', () => {
  it('"for two weeks" from the first day is through the day before two weeks later', () => {
    expect(lastDay({ every: 'day', interval: 1, lasts: { n: 2, unit: 'week' } }, '2027-03-09T15:00:00Z', LA)).toBe('2027-03-22');
    expect(lastDay({ every: 'day', interval: 1, until: '2027-05-31' }, '2027-03-09T15:00:00Z', LA)).toBe('2027-05-31');
    expect(lastDay({ every: 'day', interval: 1 }, '2027-03-09T15:00:00Z', LA)).toBeUndefined();
  });

  it('a weekly rule without days takes the first event\'s; a monthly one its day of the month (in the event\'s zone)', () => {
    // 2027-03-10T02:00Z is Tuesday 9 March at 6 PM in Los Angeles.
    expect(anchored({ every: 'week', interval: 2 }, '2027-03-10T02:00:00Z', LA).weekdays).toEqual(['tuesday']);
    expect(anchored({ every: 'month', interval: 1 }, '2027-03-10T02:00:00Z', LA).dayOfMonth).toBe(9);
  });
});

describe('a monthly series on a weekday, moved to another weekday', () => {
  it('keeps its place in the month ("the last Friday" to Thursday is the last Thursday)', () => {
    expect(startingOn({ every: 'month', interval: 1, nth: -1, weekdays: ['friday'] }, '2027-03-11T16:00:00Z', LA)).toEqual({ every: 'month', interval: 1, nth: -1, weekdays: ['thursday'] });
  });
});
