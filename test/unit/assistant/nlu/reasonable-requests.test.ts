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
