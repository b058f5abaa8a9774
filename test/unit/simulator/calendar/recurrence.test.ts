import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../../../src/ews/schema/types.js';
import { StoreError, isoDuration, toEwsCalendarItem, type CalendarEntry, type CalendarStore } from '../../../../src/simulator/store/calendar/index.js';
import { ALICE, newStore } from './helpers.js';

function series(store: CalendarStore, recurrence: Recurrence, start: string, end: string, timeZoneId = 'UTC') {
  return store.createItem(ALICE, { subject: 'Series', start, end, timeZoneId, recurrence }, 'SendToNone');
}

function starts(store: CalendarStore, from: string, to: string): string[] {
  return store.calendarView(ALICE, 'calendar', from, to).items.map((i) => i.start);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e.responseCode;
    throw e;
  }
  return undefined;
}

describe('recurrence expansion', () => {
  it('daily every other day, numbered range', () => {
    const store = newStore();
    series(store, { pattern: { type: 'Daily', interval: 2 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 4 } }, '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z');
    expect(starts(store, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-02T10:00:00Z',
      '2026-03-04T10:00:00Z',
      '2026-03-06T10:00:00Z',
      '2026-03-08T10:00:00Z',
    ]);
  });

  it('weekly on several days, end date inclusive', () => {
    const store = newStore();
    const pattern = { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Wednesday', 'Friday'] } as const;
    series(store, { pattern, range: { type: 'EndDate', startDate: '2026-03-02', endDate: '2026-03-09' } }, '2026-03-02T09:00:00Z', '2026-03-02T09:15:00Z');
    expect(starts(store, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-02T09:00:00Z',
      '2026-03-04T09:00:00Z',
      '2026-03-06T09:00:00Z',
      '2026-03-09T09:00:00Z',
    ]);
  });

  it('biweekly series depend on FirstDayOfWeek', () => {
    // 2026-03-01 is a Sunday. With Sunday-first weeks, Sunday and Monday share a week; with
    // Monday-first weeks, that Sunday ends a week whose Monday precedes the series start.
    const range = { type: 'Numbered', startDate: '2026-03-01', numberOfOccurrences: 4 } as const;
    const sundayFirst = newStore();
    series(sundayFirst, { pattern: { type: 'Weekly', interval: 2, daysOfWeek: ['Sunday', 'Monday'], firstDayOfWeek: 'Sunday' }, range }, '2026-03-01T12:00:00Z', '2026-03-01T13:00:00Z');
    expect(starts(sundayFirst, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(['2026-03-01', '2026-03-02', '2026-03-15', '2026-03-16']);
    const mondayFirst = newStore();
    series(mondayFirst, { pattern: { type: 'Weekly', interval: 2, daysOfWeek: ['Sunday', 'Monday'], firstDayOfWeek: 'Monday' }, range }, '2026-03-01T12:00:00Z', '2026-03-01T13:00:00Z');
    expect(starts(mondayFirst, '2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(['2026-03-01', '2026-03-09', '2026-03-15', '2026-03-23']);
  });

  it('keeps 09:00 Pacific wall-clock time across the 2026-03-08 DST change', () => {
    const store = newStore();
    const pattern = { type: 'Weekly', interval: 1, daysOfWeek: ['Monday'] } as const;
    series(store, { pattern, range: { type: 'NoEnd', startDate: '2026-03-02' } }, '2026-03-02T09:00:00', '2026-03-02T10:00:00', 'Pacific Standard Time');
    const items = store.calendarView(ALICE, 'calendar', '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z').items;
    expect(items.map((i) => [i.start, i.end])).toEqual([
      ['2026-03-02T17:00:00Z', '2026-03-02T18:00:00Z'], // PST, UTC-8
      ['2026-03-09T16:00:00Z', '2026-03-09T17:00:00Z'], // PDT, UTC-7
      ['2026-03-16T16:00:00Z', '2026-03-16T17:00:00Z'],
    ]);
    expect(items.every((i) => i.startTimeZone === 'Pacific Standard Time')).toBe(true);
  });

  it('keeps all-day occurrences on local midnights across DST', () => {
    const store = newStore();
    const pattern = { type: 'Daily', interval: 1 } as const;
    series(store, { pattern, range: { type: 'Numbered', startDate: '2026-03-07', numberOfOccurrences: 3 } }, '2026-03-07T00:00:00', '2026-03-08T00:00:00', 'Pacific Standard Time');
    const items = store.calendarView(ALICE, 'calendar', '2026-03-06T00:00:00Z', '2026-03-12T00:00:00Z').items;
    expect(items.map((i) => [i.start, i.end])).toEqual([
      ['2026-03-07T08:00:00Z', '2026-03-08T08:00:00Z'],
      ['2026-03-08T08:00:00Z', '2026-03-09T07:00:00Z'], // the 23-hour day
      ['2026-03-09T07:00:00Z', '2026-03-10T07:00:00Z'],
    ]);
  });

  it('monthly on day 31 falls on the last day of shorter months', () => {
    const store = newStore();
    series(store, { pattern: { type: 'AbsoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { type: 'Numbered', startDate: '2026-01-31', numberOfOccurrences: 5 } }, '2026-01-31T15:00:00Z', '2026-01-31T16:00:00Z');
    expect(starts(store, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('relative monthly: last weekday, second Tuesday, first day, last weekend day', () => {
    const cases = [
      [{ daysOfWeek: 'Weekday', dayOfWeekIndex: 'Last' }, ['2026-01-30', '2026-02-27', '2026-03-31']],
      [{ daysOfWeek: 'Tuesday', dayOfWeekIndex: 'Second' }, ['2026-01-13', '2026-02-10', '2026-03-10']],
      [{ daysOfWeek: 'Day', dayOfWeekIndex: 'First' }, ['2026-02-01', '2026-03-01', '2026-04-01']],
      [{ daysOfWeek: 'WeekendDay', dayOfWeekIndex: 'Last' }, ['2026-01-31', '2026-02-28', '2026-03-29']],
    ] as const;
    for (const [p, expected] of cases) {
      const store = newStore();
      const pattern = { type: 'RelativeMonthly', interval: 1, ...p } as const;
      series(store, { pattern, range: { type: 'Numbered', startDate: '2026-01-02', numberOfOccurrences: 3 } }, '2026-01-02T15:00:00Z', '2026-01-02T16:00:00Z');
      expect(starts(store, '2026-01-01T00:00:00Z', '2026-12-31T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(expected);
    }
  });

  it('yearly: absolute 29 February and relative fourth Thursday of November', () => {
    const leap = newStore();
    series(leap, { pattern: { type: 'AbsoluteYearly', dayOfMonth: 29, month: 'February' }, range: { type: 'Numbered', startDate: '2028-02-29', numberOfOccurrences: 3 } }, '2028-02-29T12:00:00Z', '2028-02-29T13:00:00Z');
    expect(starts(leap, '2028-01-01T00:00:00Z', '2029-12-31T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(['2028-02-29', '2029-02-28']);
    const thanksgiving = newStore();
    const pattern = { type: 'RelativeYearly', daysOfWeek: 'Thursday', dayOfWeekIndex: 'Fourth', month: 'November' } as const;
    series(thanksgiving, { pattern, range: { type: 'NoEnd', startDate: '2026-01-01' } }, '2026-01-01T17:00:00Z', '2026-01-01T18:00:00Z');
    expect(starts(thanksgiving, '2026-01-01T00:00:00Z', '2027-12-31T00:00:00Z').map((s) => s.slice(0, 10))).toEqual(['2026-11-26', '2027-11-25']);
  });

  it('moves a new master onto its first occurrence and describes the series', () => {
    const store = newStore();
    const pattern = { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] } as const;
    const master = series(store, { pattern, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    expect(master.calendarItemType).toBe('RecurringMaster');
    expect(master.isRecurring).toBe(false);
    expect(master.start).toBe('2026-03-04T10:00:00Z');
    expect(master.firstOccurrence?.start).toBe('2026-03-04T10:00:00Z');
    expect(master.lastOccurrence?.start).toBe('2026-03-18T10:00:00Z');
  });

  it('exceptions and deleted occurrences', () => {
    const store = newStore();
    const pattern = { type: 'Daily', interval: 1 } as const;
    const master = series(store, { pattern, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 5 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    const second = store.getOccurrence(master.id, 2);
    expect(second).toMatchObject({ calendarItemType: 'Occurrence', instanceIndex: 2, originalStart: '2026-03-03T10:00:00Z', uid: master.uid, isRecurring: true, masterId: master.id });
    const moved = store.updateItem(second.id, { subject: 'Moved', start: '2026-03-03T14:00:00Z', end: '2026-03-03T15:00:00Z' }, 'SendToNone');
    expect(moved).toMatchObject({ calendarItemType: 'Exception', subject: 'Moved', start: '2026-03-03T14:00:00Z', originalStart: '2026-03-03T10:00:00Z', instanceIndex: 2, id: second.id });
    store.deleteItem(store.getOccurrence(master.id, 4).id, 'SendToNone');
    const items = store.calendarView(ALICE, 'calendar', '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z').items;
    expect(items.map((i) => [i.instanceIndex, i.calendarItemType, i.start])).toEqual([
      [1, 'Occurrence', '2026-03-02T10:00:00Z'],
      [2, 'Exception', '2026-03-03T14:00:00Z'],
      [3, 'Occurrence', '2026-03-04T10:00:00Z'],
      [5, 'Occurrence', '2026-03-06T10:00:00Z'],
    ]);
    const after = store.getMaster(second.id);
    expect(after.modifiedOccurrences?.map((o) => [o.originalStart, o.start])).toEqual([['2026-03-03T10:00:00Z', '2026-03-03T14:00:00Z']]);
    expect(after.deletedOccurrences).toEqual([{ start: '2026-03-05T10:00:00Z' }]);
    expect(codeOf(() => store.getOccurrence(master.id, 4))).toBe('ErrorCalendarOccurrenceIsDeletedFromRecurrence');
    expect(codeOf(() => store.getOccurrence(master.id, 6))).toBe('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange');
    expect(codeOf(() => store.getItem('not-an-id!'))).toBe('ErrorInvalidIdMalformed');
    expect(codeOf(() => store.getItem(store.getOccurrence(master.id, 3).id.slice(0, 10)))).toBe('ErrorInvalidIdMalformed');
  });

  it('an exception that moved out of the window is not shown at its original time', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    const occ = store.getOccurrence(master.id, 2);
    store.updateItem(occ.id, { start: '2026-03-03T20:00:00Z', end: '2026-03-03T21:00:00Z' }, 'SendToNone');
    expect(starts(store, '2026-03-03T09:00:00Z', '2026-03-03T12:00:00Z')).toEqual([]);
    expect(starts(store, '2026-03-03T19:00:00Z', '2026-03-03T22:00:00Z')).toEqual(['2026-03-03T20:00:00Z']);
  });

  it('refuses to move an occurrence past its neighbour and invalid recurrences', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    const occ = store.getOccurrence(master.id, 2);
    expect(codeOf(() => store.updateItem(occ.id, { start: '2026-03-04T12:00:00Z', end: '2026-03-04T13:00:00Z' }, 'SendToNone'))).toBe('ErrorOccurrenceCrossingBoundary');
    expect(store.getItem(occ.id)).toMatchObject({ calendarItemType: 'Occurrence', start: '2026-03-03T10:00:00Z' });
    const bad = { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 0 } } as const;
    expect(codeOf(() => series(store, bad, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'))).toBe('ErrorCalendarInvalidRecurrence');
    const tooLong = { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2026-03-02' } } as const;
    expect(codeOf(() => series(store, tooLong, '2026-03-02T10:00:00Z', '2026-03-03T11:00:00Z'))).toBe('ErrorOccurrenceTimeSpanTooBig');
  });

  it('changing the series time drops its exceptions', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    store.updateItem(store.getOccurrence(master.id, 2).id, { subject: 'Special' }, 'SendToNone');
    store.deleteItem(store.getOccurrence(master.id, 3).id, 'SendToNone');
    const updated = store.updateItem(master.id, { start: '2026-03-02T12:00:00Z', end: '2026-03-02T13:00:00Z' }, 'SendToNone');
    expect(updated.modifiedOccurrences).toEqual([]);
    expect(starts(store, '2026-03-01T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual(['2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z', '2026-03-04T12:00:00Z']);
  });

  it('occurrence ids resolve back to the occurrence and its master', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 3 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
    const third = store.getOccurrence(master.id, 3);
    expect(third.id).not.toBe(master.id);
    expect(store.getItem(third.id)).toEqual(third);
    expect(store.getMaster(third.id).id).toBe(master.id);
    expect(store.calendarView(ALICE, 'calendar', '2026-03-04T00:00:00Z', '2026-03-05T00:00:00Z').items[0]?.id).toBe(third.id);
    expect([store.owns(third.id), store.owns(master.id), store.owns('AAMkAAAA')]).toEqual([true, true, false]);
  });

  it('maps entries to the EWS CalendarItem shape', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 2 } }, '2026-03-02T10:00:00Z', '2026-03-02T11:30:00Z');
    const occ = store.getOccurrence(master.id, 2) as CalendarEntry;
    expect(toEwsCalendarItem(occ)).toMatchObject({
      itemId: { id: occ.id, changeKey: master.changeKey },
      itemClass: 'IPM.Appointment.Occurrence',
      calendarItemType: 'Occurrence',
      recurrenceId: '2026-03-03T10:00:00Z',
      isRecurring: true,
      uid: master.uid,
      duration: 'PT1H30M',
      startTimeZoneId: 'UTC',
    });
    expect(toEwsCalendarItem(master)).toMatchObject({ calendarItemType: 'RecurringMaster', isRecurring: false, recurrence: master.recurrence });
    expect([isoDuration(0), isoDuration(86_400_000), isoDuration(90 * 60_000)]).toEqual(['PT0S', 'P1D', 'PT1H30M']);
    expect(master.uid).toMatch(/^040000008200E00074C5B7101A82E00800000000[0-9A-F]{16}0{16}10000000[0-9A-F]{32}$/);
  });

  it('jumps years into a long series with the right InstanceIndex', () => {
    const store = newStore();
    const master = series(store, { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2020-01-01' } }, '2020-01-01T09:00:00', '2020-01-01T09:30:00', 'W. Europe Standard Time');
    store.updateItem(store.getOccurrence(master.id, 2).id, { subject: 'Old exception' }, 'SendToNone');
    const started = performance.now();
    const view = store.calendarView(ALICE, 'calendar', '2027-01-01T00:00:00Z', '2027-01-03T00:00:00Z');
    expect(performance.now() - started).toBeLessThan(500);
    // 2020-01-01 to 2027-01-01 is 2557 days (2020 and 2024 are leap years).
    expect(view.items.map((i) => [i.instanceIndex, i.start, i.calendarItemType])).toEqual([
      [2558, '2027-01-01T08:00:00Z', 'Occurrence'],
      [2559, '2027-01-02T08:00:00Z', 'Occurrence'],
    ]);
    expect(store.getMaster(view.items[0]?.id ?? '').modifiedOccurrences?.map((o) => o.originalStart)).toEqual(['2020-01-02T08:00:00Z']);
  });
});
