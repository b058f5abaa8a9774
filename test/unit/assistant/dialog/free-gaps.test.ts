import { describe, expect, it } from 'vitest';
import { askedSpans, freeGaps } from '../../../../src/assistant/dialog/free-gaps.js';
import type { CalendarEvent } from '../../../../src/domain/calendar.js';

const LA = 'America/Los_Angeles';
const event = (start: string, end: string, extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  id: start, subject: 'x', start, end, isAllDay: false, attendees: [], kind: 'single', isRecurring: false, isCancelled: false, isMeeting: false, freeBusy: 'busy', sensitivity: 'normal', myResponse: 'organizer', ...extra,
});

describe('free stretches of a window', () => {
  const span = { start: '2027-03-09T16:00:00Z', end: '2027-03-10T02:00:00Z' }; // 8 AM to 6 PM in Los Angeles
  it('between the events that hold time, overlapping ones merged', () => {
    const events = [event('2027-03-09T17:00:00Z', '2027-03-09T18:00:00Z'), event('2027-03-09T17:30:00Z', '2027-03-09T19:00:00Z'), event('2027-03-09T22:00:00Z', '2027-03-09T22:30:00Z')];
    expect(freeGaps(span, events)).toEqual([
      { start: '2027-03-09T16:00:00Z', end: '2027-03-09T17:00:00Z' },
      { start: '2027-03-09T19:00:00Z', end: '2027-03-09T22:00:00Z' },
      { start: '2027-03-09T22:30:00Z', end: '2027-03-10T02:00:00Z' },
    ]);
  });

  it('events marked free, declined or cancelled hold no time; gaps shorter than asked are left out', () => {
    const events = [event('2027-03-09T16:00:00Z', '2027-03-10T02:00:00Z', { freeBusy: 'free' }), event('2027-03-09T16:00:00Z', '2027-03-10T02:00:00Z', { myResponse: 'declined' }), event('2027-03-09T16:00:00Z', '2027-03-10T02:00:00Z', { isCancelled: true }), event('2027-03-09T08:00:00Z', '2027-03-10T08:00:00Z', { isAllDay: true, freeBusy: 'free' })];
    expect(freeGaps(span, events)).toEqual([span]);
    expect(freeGaps(span, [event('2027-03-09T16:20:00Z', '2027-03-10T02:00:00Z')], 30)).toEqual([]);
  });

  it('a whole day is its working hours, and never the past (from the next 5 minutes); a week its working days', () => {
    const day = { start: '2027-03-09T08:00:00Z', end: '2027-03-10T08:00:00Z' };
    expect(askedSpans(day, new Date('2027-03-08T16:00:00Z'), LA)).toEqual([span]);
    expect(askedSpans(day, new Date('2027-03-09T20:02:00Z'), LA)).toEqual([{ start: '2027-03-09T20:05:00Z', end: '2027-03-10T02:00:00Z' }]);
    // Over: nothing to be free in.
    expect(askedSpans(day, new Date('2027-03-10T03:00:00Z'), LA)).toEqual([]);
    // Monday 15 to Monday 22 March: five working days (the clock has changed: 8 AM is 15:00Z).
    const week = askedSpans({ start: '2027-03-15T07:00:00Z', end: '2027-03-22T07:00:00Z' }, new Date('2027-03-08T16:00:00Z'), LA);
    expect(week.map((w) => w.start)).toEqual(['2027-03-15T15:00:00Z', '2027-03-16T15:00:00Z', '2027-03-17T15:00:00Z', '2027-03-18T15:00:00Z', '2027-03-19T15:00:00Z']);
  });

  it('an all-day event that holds the day leaves nothing free', () => {
    expect(freeGaps(span, [event('2027-03-09T08:00:00Z', '2027-03-10T08:00:00Z', { isAllDay: true, freeBusy: 'away' })])).toEqual([]);
  });
});
