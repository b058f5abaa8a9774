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
