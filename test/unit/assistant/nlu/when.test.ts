import { describe, expect, it } from 'vitest';
import { resolveMove, resolveWhen } from '../../../../src/assistant/nlu/when.js';

const LA = 'America/Los_Angeles';
// Saturday 7 March 2026, 10:00 in Los Angeles; clocks spring forward on Sunday 8 March (a 23-hour day).
const SAT = new Date('2026-03-07T18:00:00Z');
const utc = (d?: { toUTC(): { toISO(o: { suppressMilliseconds: boolean }): string | null } }): string | undefined =>
  d?.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
const win = (text: string, now = SAT, zone = LA) => {
  const w = resolveWhen(text, now, zone).window;
  return w && [utc(w.start), utc(w.end)];
};

describe('windows in the user zone', () => {
  it('"tomorrow" on a spring-forward day is 23 hours, midnight to midnight on the wall', () => {
    expect(win('tomorrow')).toEqual(['2026-03-08T08:00:00Z', '2026-03-09T07:00:00Z']);
  });

  it('"tomorrow" on a fall-back day is 25 hours', () => {
    expect(win('tomorrow', new Date('2026-10-31T18:00:00Z'))).toEqual(['2026-11-01T07:00:00Z', '2026-11-02T08:00:00Z']);
  });

  it('parts of day: morning 06-12, afternoon 12-17, evening 17-21, tonight 18-24', () => {
    expect(win('tomorrow morning')).toEqual(['2026-03-08T13:00:00Z', '2026-03-08T19:00:00Z']);
    expect(win('tomorrow afternoon')).toEqual(['2026-03-08T19:00:00Z', '2026-03-09T00:00:00Z']);
    expect(win('this evening')).toEqual(['2026-03-08T01:00:00Z', '2026-03-08T05:00:00Z']);
    expect(win('tonight')).toEqual(['2026-03-08T02:00:00Z', '2026-03-08T08:00:00Z']);
  });

  it('weeks run Monday to Monday; the weekend is Saturday and Sunday; months are calendar months', () => {
    expect(win('next week')).toEqual(['2026-03-09T07:00:00Z', '2026-03-16T07:00:00Z']);
    expect(win('this week')).toEqual(['2026-03-02T08:00:00Z', '2026-03-09T07:00:00Z']);
    expect(win('this weekend')).toEqual(['2026-03-07T08:00:00Z', '2026-03-09T07:00:00Z']);
    expect(win('next month')).toEqual(['2026-04-01T07:00:00Z', '2026-05-01T07:00:00Z']);
    // (Was read as this week.)
    expect(win('the week after next')).toEqual(['2026-03-16T07:00:00Z', '2026-03-23T07:00:00Z']);
    expect(win('the month after next')).toEqual(['2026-05-01T07:00:00Z', '2026-06-01T07:00:00Z']);
  });

  it('a day of the month alone is this month, or next once it has passed', () => {
    expect(win('the 3rd')).toEqual(['2026-04-03T07:00:00Z', '2026-04-04T07:00:00Z']);
    expect(win('on the twelfth')).toEqual(['2026-03-12T07:00:00Z', '2026-03-13T07:00:00Z']);
  });

  it('the same instant gives each zone its own tomorrow', () => {
    expect(win('tomorrow', SAT, 'Europe/Berlin')).toEqual(['2026-03-07T23:00:00Z', '2026-03-08T23:00:00Z']);
    expect(win('tomorrow', SAT, 'Asia/Tokyo')).toEqual(['2026-03-08T15:00:00Z', '2026-03-09T15:00:00Z']);
  });
});

describe('times, lengths and offsets', () => {
  const w = (text: string) => resolveWhen(text, SAT, LA);
  it('spoken and typed times land on the same instant', () => {
    for (const t of ['friday at three thirty pm', 'Friday at 3:30pm', 'friday at half past three', 'fri 3:30 pm']) {
      expect(utc(w(t).start), t).toBe('2026-03-13T22:30:00Z');
    }
    expect(utc(w('march twenty fifth at ten am').start)).toBe('2026-03-25T17:00:00Z');
    expect(utc(w('3/25 at 10am').start)).toBe('2026-03-25T17:00:00Z');
    expect(utc(w('noon').start)).toBe('2026-03-07T20:00:00Z');
  });

  it('a bare hour 1-6 is afternoon; a passed time with no day is tomorrow', () => {
    expect(utc(w('at 5').start)).toBe('2026-03-08T01:00:00Z');
    expect(utc(w('at 9').start)).toBe('2026-03-08T16:00:00Z');
  });

  it('a bare morning hour passed while its evening is a few hours off is that evening ("at 8" said at 7 PM)', () => {
    const evening = new Date('2027-03-09T03:00:00Z'); // Monday 19:00 in Los Angeles
    expect(utc(resolveWhen('at 8', evening, LA).start)).toBe('2027-03-09T04:00:00Z');
    expect(utc(resolveWhen('at 10:30', evening, LA).start)).toBe('2027-03-09T06:30:00Z');
    // Said with am, or for breakfast, or past its evening too: tomorrow morning.
    expect(utc(resolveWhen('at 8am', evening, LA).start)).toBe('2027-03-09T16:00:00Z');
    expect(utc(resolveWhen('breakfast at 8', evening, LA).start)).toBe('2027-03-09T16:00:00Z');
    expect(utc(resolveWhen('at 7', evening, LA).start)).toBe('2027-03-09T15:00:00Z');
    // Said in the afternoon, a passed morning hour is still tomorrow morning.
    expect(utc(resolveWhen('at 9', new Date('2027-03-08T23:00:00Z'), LA).start)).toBe('2027-03-09T17:00:00Z');
  });

  it('"in two hours" is exact elapsed time, even across the DST change', () => {
    const night = new Date('2026-03-08T09:30:00Z'); // 01:30 PST, an hour before the change
    expect(utc(resolveWhen('in two hours', night, LA).start)).toBe('2026-03-08T11:30:00Z');
  });

  it.each([
    ['for 45 minutes', 45],
    ['for an hour and a half', 90],
    ['for half an hour', 30],
    ['for two hours', 120],
    ['for 1.5 hours', 90],
    ['a 30-minute call', 30],
  ])('%s lasts %i minutes', (text, minutes) => expect(w(text).durationMinutes).toBe(minutes));

  it('ranges give an end', () => {
    const r = w('tomorrow between two and four pm');
    expect([utc(r.start), utc(r.end), r.durationMinutes]).toEqual(['2026-03-08T21:00:00Z', '2026-03-08T23:00:00Z', 120]);
  });

  it('"by 15 minutes" is an extension, not a length', () => {
    expect(w('extend the meeting by 15 minutes').extensionMinutes).toBe(15);
  });

  it('a move has a current time and a target', () => {
    const m = resolveMove('move my 3pm meeting to 4pm', SAT, LA);
    expect([utc(m.current.start), utc(m.newStart)]).toEqual(['2026-03-07T23:00:00Z', '2026-03-08T00:00:00Z']);
    expect(utc(resolveMove('push the standup to monday', SAT, LA).newDay)).toBe('2026-03-09T07:00:00Z');
  });
});

describe('looking ahead or back', () => {
  it('a weekday looks ahead unless the words look back', () => {
    expect(resolveWhen('what do i have on friday', SAT, LA, { future: false }).window?.start.toISODate()).toBe('2026-03-13');
    expect(resolveWhen('what did i have on friday', SAT, LA, { future: false }).window?.start.toISODate()).toBe('2026-03-06');
  });

  it('a read of a passed time stays today', () => {
    expect(utc(resolveWhen('what did i have at 9', SAT, LA, { future: false }).start)).toBe('2026-03-07T17:00:00Z');
    expect(utc(resolveWhen('what do i have at 9', SAT, LA, { future: false }).start)).toBe('2026-03-07T17:00:00Z');
  });
});
