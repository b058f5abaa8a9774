import { describe, expect, it } from 'vitest';
import type { LegacyFreeBusy } from '../../../../src/ews/schema/types.js';
import { StoreError } from '../../../../src/simulator/store/calendar/index.js';
import { ALICE, BOB, newStore } from './helpers.js';

describe('freeBusy', () => {
  function seeded() {
    const store = newStore();
    const add = (subject: string, from: string, to: string, status: LegacyFreeBusy) =>
      store.createItem(ALICE, { subject, start: `2026-03-02T${from}:00Z`, end: `2026-03-02T${to}:00Z`, legacyFreeBusyStatus: status }, 'SendToNone');
    add('Busy', '09:00', '10:00', 'Busy');
    add('Maybe', '09:30', '11:00', 'Tentative');
    add('Lunch hold', '11:00', '12:00', 'Free');
    add('Away', '12:00', '13:00', 'OOF');
    add('Offsite', '13:00', '15:00', 'WorkingElsewhere');
    add('Maybe later', '14:00', '14:30', 'Tentative');
    store.createItem(
      ALICE,
      {
        subject: 'Daily wrap-up',
        start: '2026-03-01T15:30:00Z',
        end: '2026-03-01T15:45:00Z',
        recurrence: { pattern: { type: 'Daily', interval: 1 }, range: { type: 'NoEnd', startDate: '2026-03-01' } },
      },
      'SendToNone',
    );
    return store;
  }

  it('merges overlapping items per interval, strongest status first', () => {
    const fb = seeded().freeBusy(ALICE, '2026-03-02T08:00:00Z', '2026-03-02T16:00:00Z', 30);
    expect(fb.mergedFreeBusy).toBe('0022110033441402');
  });

  it('lists busy events with details, occurrences expanded, free items left out', () => {
    const fb = seeded().freeBusy(ALICE, '2026-03-02T08:00:00Z', '2026-03-02T16:00:00Z', 30);
    expect(fb.events.map((e) => [e.details.subject, e.busyType, e.start])).toEqual([
      ['Busy', 'Busy', '2026-03-02T09:00:00Z'],
      ['Maybe', 'Tentative', '2026-03-02T09:30:00Z'],
      ['Away', 'OOF', '2026-03-02T12:00:00Z'],
      ['Offsite', 'WorkingElsewhere', '2026-03-02T13:00:00Z'],
      ['Maybe later', 'Tentative', '2026-03-02T14:00:00Z'],
      ['Daily wrap-up', 'Busy', '2026-03-02T15:30:00Z'],
    ]);
    expect(fb.events.at(-1)?.details).toMatchObject({ isRecurring: true, isException: false, isMeeting: false });
  });

  it('a last, partial interval still counts', () => {
    const fb = seeded().freeBusy(ALICE, '2026-03-02T09:00:00Z', '2026-03-02T10:15:00Z', 60);
    expect(fb.mergedFreeBusy).toBe('21');
  });

  it('ignores cancelled meetings and rejects bad arguments', () => {
    const store = newStore();
    const org = store.createItem(ALICE, { subject: 'X', start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:00:00Z', requiredAttendees: [{ email: BOB }] }, 'SendToAllAndSaveCopy');
    expect(store.freeBusy(BOB, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 60).mergedFreeBusy).toBe('1');
    store.deleteItem(org.id, 'SendToAllAndSaveCopy');
    expect(store.freeBusy(BOB, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 60)).toEqual({ mergedFreeBusy: '0', events: [] });
    expect(() => store.freeBusy(BOB, '2026-03-02T10:00:00Z', '2026-03-02T09:00:00Z', 60)).toThrow(StoreError);
    expect(() => store.freeBusy(BOB, '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 0)).toThrow(StoreError);
  });
});
