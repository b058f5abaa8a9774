import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { firstOccurrence } from '../../../src/domain/repeat.js';
import { atWallClock, skippedMinutes } from '../../../src/domain/wall-clock.js';

const LA = 'America/Los_Angeles';
const utc = (d: { toUTC(): { toISO(o: { suppressMilliseconds: boolean }): string | null } }) => d.toUTC().toISO({ suppressMilliseconds: true });
const realNow = Settings.now;

describe('wall-clock parts to an instant', () => {
  afterEach(() => { Settings.now = realNow; });

  it.each(['2027-01-15T12:00:00Z', '2027-07-01T12:00:00Z'])('a time said twice is the earlier instant, machine clock %s', (clock) => {
    Settings.now = () => Date.parse(clock);
    expect(utc(atWallClock({ year: 2027, month: 11, day: 7, hour: 1, minute: 30 }, LA))).toBe('2027-11-07T08:30:00Z');
    // A weekly series asked for at that time starts at that instant, not at the other 1:30.
    expect(firstOccurrence({ every: 'week', interval: 1, weekdays: ['sunday'] }, '2027-11-03T08:30:00Z', LA)).toBe('2027-11-07T08:30:00Z');
  });

  it('a time that never happens moves on by the gap, and says by how much', () => {
    expect(utc(atWallClock({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, LA))).toBe('2027-03-14T10:30:00Z');
    expect(skippedMinutes({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, LA)).toBe(60);
    expect(skippedMinutes({ year: 2027, month: 3, day: 21, hour: 2, minute: 30 }, LA)).toBe(0);
  });

  it('a series whose first day skips its time starts on the next day the rule falls on that has it', () => {
    // "every sunday at 2:30am" asked for on Wednesday 10 March: not 14 March (no 2:30 AM), but 21 March at 2:30 AM PDT.
    expect(firstOccurrence({ every: 'week', interval: 1, weekdays: ['sunday'] }, '2027-03-11T10:30:00Z', LA)).toBe('2027-03-21T09:30:00Z');
    expect(firstOccurrence({ every: 'month', interval: 1, dayOfMonth: 14 }, '2027-03-11T10:30:00Z', LA)).toBe('2027-04-14T09:30:00Z');
  });

  it('ordinary times, and dates that do not exist', () => {
    expect(utc(atWallClock({ year: 2027, month: 3, day: 21, hour: 2, minute: 30 }, LA))).toBe('2027-03-21T09:30:00Z');
    expect(utc(atWallClock({ year: 2027, month: 3, day: 11 }, 'Asia/Kolkata'))).toBe('2027-03-10T18:30:00Z');
    expect(atWallClock({ year: 2027, month: 4, day: 31 }, LA).isValid).toBe(false);
  });
});
