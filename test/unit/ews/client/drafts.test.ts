import { describe, expect, it } from 'vitest';
import { draftToInput, wholeDays } from '../../../../src/ews/client/drafts.js';

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
