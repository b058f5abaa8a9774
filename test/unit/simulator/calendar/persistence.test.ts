import { describe, expect, it } from 'vitest';
import { CalendarStore } from '../../../../src/simulator/store/calendar/index.js';
import { ALICE, BOB, ROOM, clock, directory } from './helpers.js';

function build(): CalendarStore {
  const store = new CalendarStore({ now: clock().now, resolve: directory() });
  const weekly = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'NoEnd', startDate: '2026-03-02' } } as const;
  const series = store.createItem(
    ALICE,
    { subject: 'Weekly', start: '2026-03-02T09:00:00', end: '2026-03-02T10:00:00', timeZoneId: 'Pacific Standard Time', recurrence: weekly, requiredAttendees: [{ email: BOB }] },
    'SendToAllAndSaveCopy',
  );
  store.updateItem(store.getOccurrence(series.id, 2).id, { subject: 'Weekly (special)' }, 'SendToAllAndSaveCopy');
  store.deleteItem(store.getOccurrence(series.id, 3).id, 'SendToAllAndSaveCopy');
  store.createItem(ALICE, { subject: 'Room', start: '2026-03-03T17:00:00Z', end: '2026-03-03T18:00:00Z', resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
  store.deliverMessage({ email: BOB }, [{ email: ALICE }], [], 'Note', { type: 'HTML', value: '<p>hi</p>' });
  return store;
}

describe('serialization', () => {
  it('round-trips through JSON text', () => {
    const store = build();
    const json = JSON.parse(JSON.stringify(store)) as unknown;
    const restored = CalendarStore.fromJSON(json, { now: clock().now, resolve: directory() });
    expect(restored.toJSON()).toEqual(json);
    for (const who of [ALICE, BOB, ROOM]) {
      expect(restored.calendarView(who, 'calendar', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual(
        store.calendarView(who, 'calendar', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
      );
      expect(restored.findItems(who, 'inbox')).toEqual(store.findItems(who, 'inbox'));
    }
  });

  it('is deterministic for a fixed clock and keeps ids unique after reload', () => {
    expect(build().toJSON()).toEqual(build().toJSON());
    const store = build();
    const restored = CalendarStore.fromJSON(store.toJSON(), { now: clock().now, resolve: directory() });
    const fresh = restored.createItem(ALICE, { subject: 'New', start: '2026-03-05T10:00:00Z', end: '2026-03-05T11:00:00Z' }, 'SendToNone');
    const ids = restored.mailboxes().flatMap((m) => (['calendar', 'inbox', 'sentitems', 'deleteditems'] as const).flatMap((f) => restored.findItems(m, f).map((e) => e.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(fresh.id);
  });

  it('rejects data that is not a calendar store', () => {
    expect(() => CalendarStore.fromJSON({ format: 1, sequence: 0, mailboxes: [{ address: 'a@b.c', folders: { calendar: [{ kind: 'calendarItem' }] } }] })).toThrow();
    expect(() => CalendarStore.fromJSON({ format: 2, sequence: 0, mailboxes: [] })).toThrow();
    expect(CalendarStore.fromJSON({ format: 1, sequence: 0, mailboxes: [] }).mailboxes()).toEqual([]);
  });
});
