import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StoreError, STORE_ERROR_CODES } from '../../../../src/simulator/store/calendar/index.js';
import { SCHEMA_DIR } from '../../../support/shared.js';
import { ALICE, newStore } from './helpers.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e.responseCode;
    throw e;
  }
  return undefined;
}

function seed() {
  const store = newStore();
  const add = (subject: string, start: string, end: string) => store.createItem(ALICE, { subject, start, end }, 'SendToNone');
  add('ends at window start', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z');
  add('spans the window', '2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z');
  add('inside', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z');
  add('starts before end', '2026-03-02T11:30:00Z', '2026-03-02T13:00:00Z');
  add('starts at window end', '2026-03-02T12:00:00Z', '2026-03-02T12:30:00Z');
  add('zero length inside', '2026-03-02T09:30:00Z', '2026-03-02T09:30:00Z');
  store.createItem(
    ALICE,
    {
      subject: 'daily',
      start: '2026-03-01T09:45:00Z',
      end: '2026-03-01T10:15:00Z',
      recurrence: { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2026-03-01' } },
    },
    'SendToNone',
  );
  return store;
}

describe('store error codes', () => {
  it('are all messages.xsd ResponseCodeType values, so the server can send them as they are', () => {
    const xsd = readFileSync(join(SCHEMA_DIR, 'messages.xsd'), 'utf8');
    expect(STORE_ERROR_CODES.filter((c) => !xsd.includes(`value="${c}"`))).toEqual([]);
  });
});

describe('calendarView', () => {
  it('returns singles and occurrences that overlap the window, sorted by start', () => {
    const view = seed().calendarView(ALICE, 'calendar', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z');
    expect(view.items.map((i) => [i.subject, i.calendarItemType])).toEqual([
      ['spans the window', 'Single'],
      ['zero length inside', 'Single'],
      ['daily', 'Occurrence'],
      ['inside', 'Single'],
      ['starts before end', 'Single'],
    ]);
    expect(view.totalItemsInView).toBe(5);
    expect(view.includesLastItemInRange).toBe(true);
    expect(view.items.every((i) => i.mailbox === ALICE && i.folder === 'calendar')).toBe(true);
  });

  it('cuts at maxEntries and says so', () => {
    const view = seed().calendarView(ALICE, 'calendar', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z', 2);
    expect(view.items.map((i) => i.subject)).toEqual(['spans the window', 'zero length inside']);
    expect(view.totalItemsInView).toBe(5);
    expect(view.includesLastItemInRange).toBe(false);
    const exact = seed().calendarView(ALICE, 'calendar', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z', 5);
    expect(exact.includesLastItemInRange).toBe(true);
  });

  it('accepts offsets in the window bounds', () => {
    const view = seed().calendarView(ALICE, 'calendar', '2026-03-02T01:00:00-08:00', '2026-03-02T04:00:00-08:00');
    expect(view.totalItemsInView).toBe(5);
  });

  it('rejects bad windows and non-calendar folders with Exchange codes', () => {
    const store = seed();
    expect(codeOf(() => store.calendarView(ALICE, 'calendar', '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z'))).toBe('ErrorCalendarEndDateIsEarlierThanStartDate');
    expect(codeOf(() => store.calendarView(ALICE, 'calendar', '2026-01-01T00:00:00Z', '2028-01-01T00:00:01Z'))).toBe('ErrorCalendarViewRangeTooBig');
    expect(codeOf(() => store.calendarView(ALICE, 'calendar', '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z'))).toBeUndefined();
    expect(codeOf(() => store.calendarView(ALICE, 'inbox', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'))).toBe('ErrorCalendarFolderIsInvalidForCalendarView');
  });

  it('an unknown mailbox has an empty calendar', () => {
    expect(seed().calendarView('nobody@contoso.com', 'calendar', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z').items).toEqual([]);
  });

  it('findItems lists singles and masters without expanding', () => {
    const entries = seed().findItems(ALICE, 'calendar');
    expect(entries).toHaveLength(7);
    expect(entries.filter((e) => 'calendarItemType' in e && e.calendarItemType === 'RecurringMaster')).toHaveLength(1);
  });

  it('validates items on the way in', () => {
    const store = newStore();
    expect(codeOf(() => store.createItem(ALICE, { start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' }, 'SendToNone'))).toBe('ErrorCalendarEndDateIsEarlierThanStartDate');
    expect(codeOf(() => store.createItem(ALICE, { start: '2026-03-02T10:00:00Z', end: '2032-03-02T09:00:00Z' }, 'SendToNone'))).toBe('ErrorCalendarDurationIsTooLong');
    const item = store.createItem(ALICE, { subject: 'a', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' }, 'SendToNone');
    expect(codeOf(() => store.updateItem(item.id, { subject: 'b' }, 'SendToNone', { changeKey: 'stale' }))).toBe('ErrorIrresolvableConflict');
    const updated = store.updateItem(item.id, { subject: 'b' }, 'SendToNone', { changeKey: item.changeKey });
    expect(updated.changeKey).not.toBe(item.changeKey);
    expect(codeOf(() => store.updateItem(item.id, { end: '2026-03-01T00:00:00Z' }, 'SendToNone'))).toBe('ErrorCalendarEndDateIsEarlierThanStartDate');
    expect(store.getItem(item.id)).toMatchObject({ subject: 'b', end: '2026-03-02T11:00:00Z' });
  });
});
