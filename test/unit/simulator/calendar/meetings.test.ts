import { describe, expect, it } from 'vitest';
import type { CalendarItemInput } from '../../../../src/ews/schema/types.js';
import { StoreError, type CalendarEntry, type CalendarStore, type MessageEntry, type StoreEntry } from '../../../../src/simulator/store/calendar/index.js';
import { ALICE, BOB, CAROL, ROOM, clock, directory, newStore } from './helpers.js';

const planning: CalendarItemInput = {
  subject: 'Planning',
  body: { type: 'Text', value: 'Agenda: roadmap' },
  start: '2026-03-10T17:00:00Z',
  end: '2026-03-10T18:00:00Z',
  location: 'Rainier',
  requiredAttendees: [{ email: BOB, name: 'Bob' }, { email: 'x@fabrikam.com' }],
  optionalAttendees: [{ email: CAROL }],
  resources: [{ email: ROOM, name: 'Rainier' }],
};

const isCalendar = (e: StoreEntry): e is CalendarEntry => 'calendarItemType' in e;
const isMessage = (e: StoreEntry): e is MessageEntry => 'itemClass' in e && !isCalendar(e);

function calendar(store: CalendarStore, who: string): CalendarEntry[] {
  return store.findItems(who, 'calendar').filter(isCalendar);
}
function mail(store: CalendarStore, who: string, folder: 'inbox' | 'sentitems' | 'deleteditems' = 'inbox'): MessageEntry[] {
  return store.findItems(who, folder).filter(isMessage);
}
function responseOf(entry: CalendarEntry, who: string) {
  return [...entry.requiredAttendees, ...entry.optionalAttendees, ...entry.resources].find((a) => a.mailbox.email === who)?.responseType;
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

describe('meeting invitations', () => {
  it('SendToAllAndSaveCopy: attendee copies, requests, room booking and the organizer copy', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    expect(org).toMatchObject({ isMeeting: true, meetingRequestWasSent: true, myResponseType: 'Organizer', organizer: { email: ALICE } });
    expect(responseOf(org, BOB)).toBe('Unknown');
    expect(responseOf(org, ROOM)).toBe('Accept');

    const [bobCopy] = calendar(store, BOB);
    expect(bobCopy).toMatchObject({ uid: org.uid, myResponseType: 'NoResponseReceived', legacyFreeBusy: 'Tentative', isMeeting: true, subject: 'Planning', start: org.start });
    expect(bobCopy?.id).not.toBe(org.id);
    const [request] = mail(store, BOB);
    expect(request).toMatchObject({ itemClass: 'IPM.Schedule.Meeting.Request', subject: 'Planning', from: { email: ALICE }, meeting: { uid: org.uid, associatedItemId: bobCopy?.id } });
    expect(calendar(store, CAROL)).toHaveLength(1);

    const [booking] = calendar(store, ROOM);
    // Resource Booking Assistant defaults: accepted, busy, subject replaced by the organizer, no body.
    expect(booking).toMatchObject({ uid: org.uid, myResponseType: 'Accept', legacyFreeBusy: 'Busy', subject: 'alice', body: { value: '' } });
    expect(mail(store, ROOM)).toEqual([]);
    expect(mail(store, ALICE).map((m) => [m.itemClass, m.subject, m.from.email])).toEqual([['IPM.Schedule.Meeting.Resp.Pos', 'Accepted: Planning', ROOM]]);
    expect(mail(store, ALICE, 'sentitems').map((m) => m.itemClass)).toEqual(['IPM.Schedule.Meeting.Request']);
    expect(store.mailboxes()).not.toContain('x@fabrikam.com');
  });

  it('SendOnlyToAll keeps no Sent Items copy; SendToNone sends nothing', () => {
    const store = newStore();
    store.createItem(ALICE, planning, 'SendOnlyToAll');
    expect(mail(store, ALICE, 'sentitems')).toEqual([]);
    expect(calendar(store, BOB)).toHaveLength(1);

    const quiet = newStore();
    const org = quiet.createItem(ALICE, planning, 'SendToNone');
    expect(org).toMatchObject({ isMeeting: true, meetingRequestWasSent: false });
    expect(calendar(quiet, BOB)).toEqual([]);
    expect(calendar(quiet, ROOM)).toEqual([]);
  });
});

describe('room booking', () => {
  it('declines a conflicting request and tells the organizer', () => {
    const store = newStore();
    store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    const clash = store.createItem(BOB, { subject: 'Clash', start: '2026-03-10T17:30:00Z', end: '2026-03-10T18:30:00Z', requiredAttendees: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(clash, ROOM)).toBe('Decline');
    expect(calendar(store, ROOM).map((e) => e.subject)).toEqual(['alice']);
    expect(mail(store, BOB).find((m) => m.itemClass === 'IPM.Schedule.Meeting.Resp.Neg')).toMatchObject({ subject: 'Declined: Clash', from: { email: ROOM } });
  });

  it('accepts back-to-back meetings and ignores free or cancelled items', () => {
    const store = newStore();
    store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    const next = store.createItem(BOB, { subject: 'Next', start: '2026-03-10T18:00:00Z', end: '2026-03-10T19:00:00Z', resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(next, ROOM)).toBe('Accept');
    store.createItem(ROOM, { subject: 'Free hold', start: '2026-03-11T09:00:00Z', end: '2026-03-11T10:00:00Z', legacyFreeBusyStatus: 'Free' }, 'SendToNone');
    const overFree = store.createItem(BOB, { subject: 'Over free', start: '2026-03-11T09:00:00Z', end: '2026-03-11T10:00:00Z', resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(overFree, ROOM)).toBe('Accept');
  });

  it('applies the booking window and EnforceSchedulingHorizon', () => {
    const store = newStore();
    const far = store.createItem(ALICE, { subject: 'Far', start: '2026-10-01T10:00:00Z', end: '2026-10-01T11:00:00Z', resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(far, ROOM)).toBe('Decline');
    const weekly = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'NoEnd', startDate: '2026-03-03' } } as const;
    const endless = store.createItem(ALICE, { subject: 'Endless', start: '2026-03-03T10:00:00Z', end: '2026-03-03T11:00:00Z', recurrence: weekly, resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(endless, ROOM)).toBe('Decline');

    const lenient = newStore({ resolve: directory({ [ROOM]: { enforceSchedulingHorizon: false } }) });
    const booked = lenient.createItem(ALICE, { subject: 'Endless', start: '2026-03-03T10:00:00Z', end: '2026-03-03T11:00:00Z', recurrence: weekly, resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    expect(responseOf(booked, ROOM)).toBe('Accept');
    // The room books the series only up to the end of its window (now + 180 days).
    expect(calendar(lenient, ROOM)[0]?.recurrence?.range).toEqual({ type: 'EndDate', startDate: '2026-03-03', endDate: '2026-08-28' });
  });

  it('declines a series with one conflicting occurrence unless the policy tolerates it', () => {
    const daily = { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-09', numberOfOccurrences: 5 } } as const;
    const series = { subject: 'Standup', start: '2026-03-09T17:00:00Z', end: '2026-03-09T17:30:00Z', recurrence: daily, resources: [{ email: ROOM }] };
    const strict = newStore();
    strict.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    expect(responseOf(strict.createItem(BOB, series, 'SendToAllAndSaveCopy'), ROOM)).toBe('Decline');

    const tolerant = newStore({ resolve: directory({ [ROOM]: { maximumConflictInstances: 1, conflictPercentageAllowed: 25 } }) });
    tolerant.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    expect(responseOf(tolerant.createItem(BOB, series, 'SendToAllAndSaveCopy'), ROOM)).toBe('Accept');
    const booking = calendar(tolerant, ROOM).find((e) => e.calendarItemType === 'RecurringMaster');
    expect(booking?.deletedOccurrences).toEqual([{ start: '2026-03-10T17:00:00Z' }]);
  });
});

describe('meeting updates', () => {
  it('propagates a new time, resets answers and lets the room decide again', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    const bobCopy = calendar(store, BOB)[0];
    store.respond(bobCopy?.id ?? '', 'Accept');
    expect(calendar(store, BOB)[0]).toMatchObject({ myResponseType: 'Accept', legacyFreeBusy: 'Busy' });

    store.updateItem(org.id, { subject: 'Planning (agenda)', location: 'Online' }, 'SendToAllAndSaveCopy');
    expect(calendar(store, BOB)[0]).toMatchObject({ subject: 'Planning (agenda)', location: 'Online', myResponseType: 'Accept', legacyFreeBusy: 'Busy' });

    store.createItem(CAROL, { subject: 'Taken', start: '2026-03-11T17:00:00Z', end: '2026-03-11T18:00:00Z', resources: [{ email: ROOM }] }, 'SendToAllAndSaveCopy');
    const moved = store.updateItem(org.id, { start: '2026-03-11T17:00:00Z', end: '2026-03-11T18:00:00Z' }, 'SendToAllAndSaveCopy');
    expect(calendar(store, BOB)[0]).toMatchObject({ start: '2026-03-11T17:00:00Z', myResponseType: 'NoResponseReceived', legacyFreeBusy: 'Tentative' });
    expect(moved.appointmentSequenceNumber).toBe(2);
    expect(responseOf(moved, ROOM)).toBe('Decline');
    expect(calendar(store, ROOM).map((e) => e.subject)).toEqual(['carol']);
  });

  it('tells a removed attendee the meeting is cancelled', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    store.updateItem(org.id, { optionalAttendees: [] }, 'SendToAllAndSaveCopy');
    expect(calendar(store, CAROL)[0]).toMatchObject({ isCancelled: true, subject: 'Canceled: Planning' });
    expect(mail(store, CAROL).map((m) => m.itemClass)).toContain('IPM.Schedule.Meeting.Canceled');
  });

  it('sends an updated occurrence to the attendees as an exception', () => {
    const store = newStore();
    const weekly = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'Numbered', startDate: '2026-03-03', numberOfOccurrences: 4 } } as const;
    const org = store.createItem(ALICE, { ...planning, start: '2026-03-03T17:00:00Z', end: '2026-03-03T18:00:00Z', recurrence: weekly }, 'SendToAllAndSaveCopy');
    expect(responseOf(org, ROOM)).toBe('Accept');
    const second = store.getOccurrence(org.id, 2);
    store.updateItem(second.id, { subject: 'Planning (moved)', start: '2026-03-10T19:00:00Z', end: '2026-03-10T20:00:00Z' }, 'SendToAllAndSaveCopy');
    const bobView = store.calendarView(BOB, 'calendar', '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z').items;
    expect(bobView).toEqual([expect.objectContaining({ calendarItemType: 'Exception', subject: 'Planning (moved)', start: '2026-03-10T19:00:00Z', myResponseType: 'NoResponseReceived' })]);
    const roomView = store.calendarView(ROOM, 'calendar', '2026-03-10T00:00:00Z', '2026-03-11T00:00:00Z').items;
    expect(roomView).toEqual([expect.objectContaining({ calendarItemType: 'Exception', start: '2026-03-10T19:00:00Z', myResponseType: 'Accept', subject: 'alice' })]);
  });
});

describe('responses', () => {
  it('accept, tentative and decline reach the organizer', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    const request = mail(store, CAROL)[0];
    store.respond(request?.id ?? '', 'Tentative');
    expect(calendar(store, CAROL)[0]).toMatchObject({ myResponseType: 'Tentative', legacyFreeBusy: 'Tentative' });
    expect(mail(store, CAROL)).toEqual([]);
    store.respond(calendar(store, BOB)[0]?.id ?? '', 'Decline', { body: 'Out that day' });
    expect(calendar(store, BOB)).toEqual([]);
    expect(store.findItems(BOB, 'deleteditems').filter(isCalendar)).toHaveLength(1);
    const after = store.getItem(org.id) as CalendarEntry;
    expect([responseOf(after, BOB), responseOf(after, CAROL)]).toEqual(['Decline', 'Tentative']);
    expect(mail(store, ALICE).map((m) => m.subject).sort()).toEqual(['Accepted: Planning', 'Declined: Planning', 'Tentative: Planning']);
    expect(codeOf(() => store.respond(org.id, 'Accept'))).toBe('ErrorCalendarIsOrganizerForAccept');
  });

  it('an answer to one occurrence is that occurrence\'s only: declined, it leaves the attendee\'s calendar', () => {
    const store = newStore({ now: clock().now });
    const daily = { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-09', numberOfOccurrences: 3 } } as const;
    const org = store.createItem(ALICE, { ...planning, start: '2026-03-09T17:00:00Z', end: '2026-03-09T18:00:00Z', recurrence: daily }, 'SendToAllAndSaveCopy');
    const window = ['2026-03-09T00:00:00Z', '2026-03-12T00:00:00Z'] as const;
    const bobSeries = () => store.calendarView(BOB, 'calendar', ...window).items;
    store.respond(bobSeries()[1]!.id, 'Decline', { body: 'Out on Tuesday' });
    store.respond(bobSeries()[1]!.id, 'Tentative'); // now the third one
    expect(bobSeries().map((i) => [i.instanceIndex, i.myResponseType, i.legacyFreeBusy])).toEqual([
      [1, 'NoResponseReceived', 'Tentative'],
      [3, 'Tentative', 'Tentative'],
    ]);
    // The organizer sees each answer on its own occurrence; the series itself is unanswered by Bob.
    const orgView = store.calendarView(ALICE, 'calendar', ...window).items;
    expect(orgView.map((i) => responseOf(i, BOB))).toEqual(['Unknown', 'Decline', 'Tentative']);
    expect(responseOf(store.getItem(org.id) as CalendarEntry, BOB)).toBe('Unknown');
    expect(mail(store, ALICE).map((m) => [m.subject, m.meeting?.originalStart])).toEqual(
      expect.arrayContaining([
        ['Declined: Planning', '2026-03-10T17:00:00Z'],
        ['Tentative: Planning', '2026-03-11T17:00:00Z'],
      ]),
    );
    expect(codeOf(() => store.respond(store.getOccurrence(org.id, 1).id, 'Accept'))).toBe('ErrorCalendarIsOrganizerForAccept');
  });
});

describe('cancellation', () => {
  it('deleting with SendToAllAndSaveCopy cancels copies and frees the room', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    store.deleteItem(org.id, 'SendToAllAndSaveCopy', { deleteType: 'MoveToDeletedItems' });
    expect(calendar(store, ALICE)).toEqual([]);
    expect(store.findItems(ALICE, 'deleteditems').filter(isCalendar)).toHaveLength(1);
    expect(calendar(store, BOB)[0]).toMatchObject({ isCancelled: true, subject: 'Canceled: Planning', legacyFreeBusy: 'Free' });
    expect(mail(store, BOB).map((m) => [m.itemClass, m.subject])).toContainEqual(['IPM.Schedule.Meeting.Canceled', 'Canceled: Planning']);
    expect(calendar(store, ROOM)).toEqual([]);
    expect(mail(store, ALICE, 'sentitems').map((m) => m.itemClass)).toContain('IPM.Schedule.Meeting.Canceled');
    expect(codeOf(() => store.respond(calendar(store, BOB)[0]?.id ?? '', 'Accept'))).toBe('ErrorCalendarIsCancelledForAccept');
  });

  it('SendToNone deletes only the organizer copy', () => {
    const store = newStore();
    const org = store.createItem(ALICE, planning, 'SendToAllAndSaveCopy');
    store.deleteItem(org.id, 'SendToNone');
    expect(codeOf(() => store.getItem(org.id))).toBe('ErrorItemNotFound');
    expect(calendar(store, BOB)[0]).toMatchObject({ isCancelled: false });
    expect(calendar(store, ROOM)).toHaveLength(1);
  });

  it('cancelling one occurrence marks it on attendee copies and frees it in the room', () => {
    const store = newStore({ now: clock().now });
    const daily = { pattern: { type: 'Daily', interval: 1 }, range: { type: 'Numbered', startDate: '2026-03-09', numberOfOccurrences: 3 } } as const;
    const org = store.createItem(ALICE, { ...planning, start: '2026-03-09T17:00:00Z', end: '2026-03-09T18:00:00Z', recurrence: daily }, 'SendToAllAndSaveCopy');
    store.deleteItem(store.getOccurrence(org.id, 2).id, 'SendOnlyToAll');
    const window = ['2026-03-09T00:00:00Z', '2026-03-12T00:00:00Z'] as const;
    expect(store.calendarView(ALICE, 'calendar', ...window).items.map((i) => i.instanceIndex)).toEqual([1, 3]);
    const bob = store.calendarView(BOB, 'calendar', ...window).items;
    expect(bob.map((i) => [i.instanceIndex, i.isCancelled, i.subject])).toEqual([
      [1, false, 'Planning'],
      [2, true, 'Canceled: Planning'],
      [3, false, 'Planning'],
    ]);
    expect(store.calendarView(ROOM, 'calendar', ...window).items.map((i) => i.instanceIndex)).toEqual([1, 3]);
  });
});

describe('plain messages', () => {
  it('deliverMessage fills Inboxes and the sender’s Sent Items', () => {
    const store = newStore();
    const result = store.deliverMessage({ email: ALICE, name: 'Alice' }, [{ email: BOB }], [{ email: CAROL }, { email: 'x@fabrikam.com' }], 'Hello', { type: 'Text', value: 'Hi' });
    expect(result.delivered.map((d) => d.mailbox)).toEqual([BOB, CAROL]);
    expect(result.notDelivered).toEqual(['x@fabrikam.com']);
    expect(mail(store, BOB)[0]).toMatchObject({ itemClass: 'IPM.Note', subject: 'Hello', isRead: false, from: { email: ALICE } });
    expect(mail(store, ALICE, 'sentitems')[0]).toMatchObject({ id: result.sentItemId, isRead: true, ccRecipients: [{ email: CAROL }, { email: 'x@fabrikam.com' }] });
  });
});
