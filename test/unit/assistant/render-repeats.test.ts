import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../src/domain/calendar.js';
import { splitRepeats } from '../../../src/assistant/dialog/repeats.js';
import { render } from '../../../src/assistant/render/render.js';

const TZ = 'America/Los_Angeles';
const USER = 'alice@contoso.com';
const occurrence = (subject: string, uid: string, start: string, minutes = 30): CalendarEvent => ({
  id: `${uid}-${start}`, uid, subject, start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z'), isAllDay: false,
  attendees: [], kind: 'occurrence', isRecurring: true, isCancelled: false, isMeeting: false, freeBusy: 'busy', sensitivity: 'normal', myResponse: 'organizer',
});

describe('a series over several days is said once', () => {
  // Monday 8 March 2027, 8 AM in Los Angeles; two weeks ahead.
  const now = new Date('2027-03-08T16:00:00Z');
  const window = { start: '2027-03-08T16:00:00Z', end: '2027-03-22T07:00:00Z' };
  const days = ['2027-03-08', '2027-03-10', '2027-03-12', '2027-03-15', '2027-03-17', '2027-03-19'];
  const ops = days.map((d) => occurrence('Ops check', 'ops', `${d}T${d >= '2027-03-14' ? '16' : '17'}:00:00Z`));

  it('names the weekdays a series keeps ("every Monday, Wednesday and Friday"), across the change to daylight time', () => {
    const { repeats, singles } = splitRepeats(ops, TZ);
    expect([repeats.length, singles.length]).toEqual([1, 0]);
    const said = render({ kind: 'events', scope: 'window', label: '', events: ops, repeats }, { now, timeZone: TZ, user: USER, window }).text;
    expect(said).toBe('You have 6 events between now and the end of March 21. Every Monday, Wednesday and Friday from today to March 19, at 9 AM, Ops check.');
  });

  it('keeps a one-off of the same name, and another series at the same time, apart', () => {
    const oneOff = { ...occurrence('Ops check', 'other', '2027-03-09T17:00:00Z'), isRecurring: false, kind: 'single' as const };
    const standup = ['2027-03-08', '2027-03-09'].map((d) => occurrence('Standup', 'standup', `${d}T17:00:00Z`));
    const { repeats, singles } = splitRepeats([...ops, oneOff, ...standup], TZ);
    expect(repeats.map((g) => g[0]!.subject).sort()).toEqual(['Ops check', 'Standup']);
    expect(singles).toEqual([oneOff]);
  });
});

describe('the rest of a week read, after "yes"', () => {
  it('names its days by weekday, as the read that offered it did', () => {
    const now = new Date('2027-03-08T16:00:00Z');
    const nextWeek = { start: '2027-03-15T07:00:00Z', end: '2027-03-22T07:00:00Z' };
    const rest = [{ ...occurrence('Retro', 'retro', '2027-03-18T21:00:00Z'), isRecurring: false, kind: 'single' as const }, { ...occurrence('Demo', 'demo', '2027-03-19T23:00:00Z'), isRecurring: false, kind: 'single' as const }];
    const said = render({ kind: 'events', scope: 'rest', label: '', events: rest }, { now, timeZone: TZ, user: USER, window: nextWeek }).text;
    expect(said).toBe('Thursday, at 2 PM, Retro. Friday, at 4 PM, Demo.');
  });
});
