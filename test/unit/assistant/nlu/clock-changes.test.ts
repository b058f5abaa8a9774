import { Settings } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { understand } from '../../../../src/assistant/nlu/index.js';
import { resolveWhen } from '../../../../src/assistant/nlu/when.js';

const LA = 'America/Los_Angeles';
// Saturday 6 November 2027, 23:00 PDT: clocks fall back at 2 AM tomorrow, so 1:00-1:59 AM happens twice.
const BEFORE_FALL_BACK = { now: new Date('2027-11-07T06:00:00Z'), timeZone: LA };
const realNow = Settings.now;
/** luxon's idea of the machine's current time, which must not matter. */
const machineClockAt = (iso: string) => { Settings.now = () => Date.parse(iso); };

describe('a wall time said twice on a fall-back day does not depend on the machine clock', () => {
  afterEach(() => { Settings.now = realNow; });
  const MACHINE_CLOCKS = ['2027-01-15T12:00:00Z', '2027-07-01T12:00:00Z', '2027-12-01T12:00:00Z'];

  it.each(MACHINE_CLOCKS)('"tomorrow at 1:30am" is the first 1:30 (PDT), machine clock %s', (clock) => {
    machineClockAt(clock);
    expect(understand('add milk tomorrow at 1:30am', BEFORE_FALL_BACK).slots.start).toBe('2027-11-07T08:30:00Z');
  });

  it.each(MACHINE_CLOCKS)('"between 1 and 3 am" starts at the first 1 AM, machine clock %s', (clock) => {
    machineClockAt(clock);
    expect(understand('what do i have tomorrow between 1 and 3 am', BEFORE_FALL_BACK).slots.window).toEqual({ start: '2027-11-07T08:00:00Z', end: '2027-11-07T11:00:00Z' });
  });

  it.each(MACHINE_CLOCKS)('"at 1:30am" with no day, passed today, is tomorrow\'s first 1:30, machine clock %s', (clock) => {
    machineClockAt(clock);
    expect(resolveWhen('at 1:30am', BEFORE_FALL_BACK.now, LA).start?.toUTC().toISO({ suppressMilliseconds: true })).toBe('2027-11-07T08:30:00Z');
  });
});

describe('a wall time the clock skips (2 AM to 3 AM on 14 March 2027 in Los Angeles)', () => {
  // Wednesday 10 March 2027, 10:00 PST.
  const WEDNESDAY = { now: new Date('2027-03-10T18:00:00Z'), timeZone: LA };

  it('a single event keeps the instant a gap later (3:30 AM PDT) and says so', () => {
    const r = understand('add backup sunday at 2:30am', WEDNESDAY);
    expect(r.slots.start).toBe('2027-03-14T10:30:00Z');
    expect(r.slots.shiftedBy).toEqual({ said: '2:30 AM', minutes: 60 });
  });

  it('a time the clock has is not flagged', () => {
    expect(understand('add backup sunday at 3:30am', WEDNESDAY).slots.shiftedBy).toBeUndefined();
    expect(understand('add backup next sunday at 2:30am', WEDNESDAY).slots.shiftedBy).toBeUndefined();
  });

  it('a daily series said the day before starts on the first day that has 2:30 AM, at 2:30 AM', () => {
    const r = understand('add backup daily at 2:30am', { now: new Date('2027-03-13T18:00:00Z'), timeZone: LA });
    expect([r.slots.start, r.slots.end, r.slots.shiftedBy]).toEqual(['2027-03-15T09:30:00Z', '2027-03-15T10:30:00Z', undefined]);
  });

  it('a weekly series said from the skipped Sunday starts the Sunday after, at 2:30 AM PDT', () => {
    const r = understand('add backup every week at 2:30am starting sunday', WEDNESDAY);
    expect([r.slots.start, r.slots.repeat?.every]).toEqual(['2027-03-21T09:30:00Z', 'week']);
  });
});
