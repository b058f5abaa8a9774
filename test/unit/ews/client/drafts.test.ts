import { describe, expect, it } from 'vitest';
import { draftToInput, toRecurrence, wholeDays } from '../../../../src/ews/client/drafts.js';
import { CreateCalendarItems } from '../../../../src/ews/operations/create-item.js';
import { buildEnvelope } from '../../../../src/ews/operations/envelope.js';
import { validateEnvelope } from '../../../support/shared.js';

describe('all-day events stay whole days', () => {
  it('a day with a DST change (23 hours in Los Angeles) is still one local day', () => {
    expect(wholeDays('2026-03-08T10:00:00-08:00', '2026-03-08T15:00:00-07:00', 'America/Los_Angeles')).toEqual({ start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z' });
  });

  it('a two-day event ending at midnight keeps its end; a date-only end rounds up to the next midnight', () => {
    expect(wholeDays('2026-10-24', '2026-10-26', 'Europe/Berlin')).toEqual({ start: '2026-10-23T22:00:00Z', end: '2026-10-25T23:00:00Z' });
    expect(wholeDays('2026-12-24T09:00', '2026-12-24T17:00', 'Australia/Sydney')).toEqual({ start: '2026-12-23T13:00:00Z', end: '2026-12-24T13:00:00Z' });
  });

  it('the EWS input of an all-day draft carries IsAllDayEvent, local midnights and the Windows zone', () => {
    const input = draftToInput({ uid: 'U1', subject: 'Offsite', start: '2026-03-08', end: '2026-03-08', isAllDay: true, timeZone: 'America/Los_Angeles' });
    expect(input).toMatchObject({ isAllDayEvent: true, start: '2026-03-08T08:00:00Z', end: '2026-03-09T07:00:00Z', timeZoneId: 'Pacific Standard Time', uid: 'U1' });
  });
});

describe('a repeating draft is an EWS series', () => {
  const LA = 'America/Los_Angeles';
  // Tuesday 9 March 2027, 3 PM in Los Angeles.
  const start = '2027-03-09T23:00:00Z';

  it('weekly on its days, from the first event\'s date in its own zone (not the UTC date)', () => {
    expect(toRecurrence({ every: 'week', interval: 2, weekdays: ['tuesday', 'thursday'] }, start, LA)).toEqual({
      pattern: { type: 'Weekly', interval: 2, daysOfWeek: ['Tuesday', 'Thursday'] },
      range: { type: 'NoEnd', startDate: '2027-03-09' },
    });
  });

  it('a count is Numbered; "until" and "for two weeks" are EndDate', () => {
    expect(toRecurrence({ every: 'day', interval: 1, count: 10 }, start, LA).range).toEqual({ type: 'Numbered', startDate: '2027-03-09', numberOfOccurrences: 10 });
    expect(toRecurrence({ every: 'day', interval: 1, lasts: { n: 2, unit: 'week' } }, start, LA).range).toEqual({ type: 'EndDate', startDate: '2027-03-09', endDate: '2027-03-22' });
  });

  it('monthly on a day or on the nth weekday; yearly on the first event\'s date', () => {
    expect(toRecurrence({ every: 'month', interval: 1 }, start, LA).pattern).toEqual({ type: 'AbsoluteMonthly', interval: 1, dayOfMonth: 9 });
    expect(toRecurrence({ every: 'month', interval: 1, nth: -1, weekdays: ['friday'] }, start, LA).pattern).toEqual({ type: 'RelativeMonthly', interval: 1, daysOfWeek: 'Friday', dayOfWeekIndex: 'Last' });
    expect(toRecurrence({ every: 'year', interval: 1 }, start, LA).pattern).toEqual({ type: 'AbsoluteYearly', dayOfMonth: 9, month: 'March' });
  });

  it('the CreateItem request of a repeating draft is valid against the EWS schema', async () => {
    const input = draftToInput({ uid: 'U2', subject: 'Team sync', start, end: '2027-03-10T00:00:00Z', timeZone: LA, repeat: { every: 'week', interval: 1, weekdays: ['tuesday'], until: '2027-06-01' } });
    const xml = buildEnvelope({ version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' }, CreateCalendarItems.build({ items: [input], sendMeetingInvitations: 'SendToNone' }, 'Exchange2013'));
    const verdict = await validateEnvelope(xml);
    expect(verdict.valid, `${verdict.output}\n${xml}`).toBe(true);
    expect(xml).toContain('<t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Tuesday</t:DaysOfWeek></t:WeeklyRecurrence><t:EndDateRecurrence><t:StartDate>2027-03-09</t:StartDate><t:EndDate>2027-06-01</t:EndDate></t:EndDateRecurrence>');
  });
});
