import { describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import { FindItemCalendarView } from '../../../../src/ews/operations/find-item.js';
import { GetFolder } from '../../../../src/ews/operations/get-folder.js';
import { GetItem } from '../../../../src/ews/operations/get-item.js';
import type { Operation } from '../../../../src/ews/operations/operation.js';
import { parseXml } from '../../../../src/ews/xml/index.js';
import { fixture, fixtureFiles } from '../../../support/shared.js';

/** Parses a recorded response through the operation, as the engine would. */
function parse<R>(op: Operation<never, R>, folder: string, file: string): { result: R; version?: string } {
  const env = parseEnvelope(fixture(folder, file));
  expect(env.bodyName).toBe(`${op.name}Response`);
  return { result: op.parse(env.body, { operation: op.name, errors: {} }), version: env.serverVersion?.version };
}

describe('FindItem CalendarView: real recorded responses', () => {
  it('reads every recorded FindItem response without throwing, except the recorded errors', () => {
    for (const f of fixtureFiles('FindItem')) {
      const run = () => parse(FindItemCalendarView as Operation<never, unknown>, 'FindItem', f);
      if (f.includes('error')) expect(run, f).toThrow(EwsError);
      else expect(run, f).not.toThrow();
    }
  });

  it('Exchange 2019: occurrences of a recurring series, UID, rights and Unicode', () => {
    const { result, version } = parse(FindItemCalendarView, 'FindItem', 'phpews-ex2019-calendarview-international-characters.response.xml');
    expect(version).toBe('V2017_07_11');
    expect(result.includesLastItemInRange).toBe(true);
    const [first] = result.items;
    expect(first).toMatchObject({
      subject: 'Réunion équipe - Café & Discusion',
      location: 'Salle de réunion #1',
      start: '2025-07-01T16:00:00Z',
      end: '2025-07-01T17:00:00Z',
      isAllDayEvent: false,
      legacyFreeBusyStatus: 'Busy',
      isMeeting: false,
      isCancelled: false,
      sensitivity: 'Normal',
      reminderMinutesBeforeStart: 15,
      effectiveRights: { read: true, modify: true, delete: true, createContents: false },
    });
    expect(first?.itemId?.changeKey).toBe('DwAAABYAAADwSoBO6tE6QZYs8Ixm76GUAAAzNjh9');
    expect(first?.uid).toMatch(/^040000008200E00074C5B7101A82E008/);
  });

  it('Exchange 2019: the occurrences view marks each occurrence and keeps the series UID', () => {
    const { result } = parse(FindItemCalendarView, 'FindItem', 'phpews-ex2019-calendarview-recurring-occurrences.response.xml');
    expect(result.totalItemsInView).toBe(6);
    const occurrences = result.items.filter((i) => i.calendarItemType === 'Occurrence');
    expect(occurrences.length).toBeGreaterThan(1);
    for (const o of occurrences) {
      expect(o.isRecurring).toBe(true);
      expect(o.uid).toBe(occurrences[0]?.uid);
    }
  });

  it('Microsoft docs: an expanded weekly series has five occurrences a week apart', () => {
    const { result } = parse(FindItemCalendarView, 'FindItem', 'msdocs-recurrence-calendarview-expanded.response.xml');
    expect(result.totalItemsInView).toBe(5);
    expect(result.items.map((i) => i.start)).toEqual(['2014-07-02T15:30:00Z', '2014-07-09T15:30:00Z', '2014-07-16T15:30:00Z', '2014-07-23T15:30:00Z', '2014-07-30T15:30:00Z']);
    expect(result.items.every((i) => i.calendarItemType === 'Occurrence' && i.location === 'Neighborhood Swimming Pool' && i.subject === 'Swim Team Practice')).toBe(true);
    expect(result.items[0]?.itemId).toEqual({ id: 'AAMkADA6...', changeKey: 'DwAAABYA...' });
  });

  it('a cut result says so (IncludesLastItemInRange=false)', () => {
    const { result } = parse(FindItemCalendarView, 'FindItem', 'msdocs-find-cancelled-meeting.response.xml');
    expect(result.includesLastItemInRange).toBe(false);
    expect(result.totalItemsInView).toBe(10750);
    expect(result.items[0]).toMatchObject({ itemId: { id: 'AAMkA', changeKey: 'DwAAA' }, parentFolderId: { id: 'AAMkA', changeKey: 'AQAAA' }, subject: 'Team building exercise' });
  });

  it('empty calendars from Exchange 2019 and Exchange Online', () => {
    for (const f of ['phpews-ex2019-calendarview-empty.response.xml', 'phpews-exo2020-calendarview-empty.response.xml']) {
      const { result } = parse(FindItemCalendarView, 'FindItem', f);
      expect(result).toEqual({ items: [], totalItemsInView: 0, includesLastItemInRange: true });
    }
  });

  it('Exchange Online: two items in one view, in order', () => {
    const { result, version } = parse(FindItemCalendarView, 'FindItem', 'phpews-exo2020-calendarview-two-items.response.xml');
    expect(version).toBe('V2018_01_08');
    expect(result.items).toHaveLength(2);
    expect(result.items[0]?.subject).toBe('Test Get Item 2');
    expect(result.items[0]?.start).toBe('2015-07-01T08:00:00Z');
  });

  it('the recorded ErrorInvalidIdMalformed becomes a typed error with the server words', () => {
    try {
      parse(FindItemCalendarView, 'FindItem', 'msdocs-finditem-ref-error-invalididmalformed.response.xml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EwsError);
      expect((err as EwsError).code).toBe('ErrorInvalidIdMalformed');
      expect((err as EwsError).data.serverMessage).toBeTruthy();
    }
  });
});

describe('GetItem: real recorded responses', () => {
  it('Exchange 2019 recurring master: recurrence, first and last occurrence, organizer', () => {
    const [r] = parse(GetItem, 'GetItem', 'phpews-ex2019-getitem-recurring-master.response.xml').result;
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.value).toMatchObject({
      subject: 'Weekly Team Meeting',
      calendarItemType: 'RecurringMaster',
      // A real master reports IsRecurring=false: the kind, not this flag, tells masters apart.
      isRecurring: false,
      location: 'Conference Room A',
      myResponseType: 'Organizer',
      organizer: { name: 'test.user', email: 'user@test.user.com', routingType: 'SMTP', mailboxType: 'Mailbox' },
      duration: 'PT1H',
      timeZone: '(UTC+00:00) Monrovia, Reykjavik',
      recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday'] }, range: { type: 'Numbered', startDate: '2025-07-02', numberOfOccurrences: 4 } },
      firstOccurrence: { start: '2025-07-02T10:00:00Z', end: '2025-07-02T11:00:00Z', originalStart: '2025-07-02T10:00:00Z' },
      lastOccurrence: { start: '2025-07-23T10:00:00Z', end: '2025-07-23T11:00:00Z', originalStart: '2025-07-23T10:00:00Z' },
      body: { type: 'Text', value: '' },
    });
  });

  it('Microsoft docs AllProperties: every scalar field', () => {
    const [r] = parse(GetItem, 'GetItem', 'msdocs-getitem-calendaritem-ref-allproperties.response.xml').result;
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        itemId: { id: 'ASUAdT', changeKey: 'otlIqB==' },
        parentFolderId: { id: 'ASUAdT==' },
        itemClass: 'IPM.Appointment',
        sensitivity: 'Normal',
        reminderIsSet: true,
        reminderMinutesBeforeStart: 15,
        start: '2006-06-16T00:30:00Z',
        end: '2006-06-16T01:00:00Z',
        isAllDayEvent: false,
        legacyFreeBusyStatus: 'Busy',
        isMeeting: false,
        isCancelled: false,
        calendarItemType: 'Single',
        myResponseType: 'Organizer',
        conflictingMeetingCount: 2,
        duration: 'PT30M',
        appointmentSequenceNumber: 0,
      }),
    });
  });

  it('a batch answers one result per id, in order', () => {
    const results = parse(GetItem, 'GetItem', 'msdocs-batch-getitem-calendaritems.response.xml').result;
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.every((r) => r.ok)).toBe(true);
    const subjects = results.map((r) => (r.ok ? r.value.subject : ''));
    expect(subjects.slice(0, 3)).toEqual(['Review current quarterly deliverables', 'Food bank delivery', 'Code Blast']);
    expect(results[1]?.ok && results[1].value.calendarItemType).toBe('RecurringMaster');
  });

  it('mixed success and error in one batch (a body-only doc sample, read leniently)', () => {
    const { name, element } = parseXml(fixture('GetItem', 'msdocs-batch-mixed-success-error-body-only.response.xml'));
    expect(name).toBe('GetItemResponse');
    const [ok, bad] = GetItem.parse(element, { operation: 'GetItem', errors: {} });
    expect(ok).toMatchObject({ ok: true, value: { itemId: { id: 'Er5cAAA=' }, subject: 'Business plans' } });
    expect(bad?.ok).toBe(false);
    if (bad && !bad.ok) {
      expect(bad.error.code).toBe('ErrorItemNotFound');
      expect(bad.error.data.serverMessage).toBe('The specified object was not found in the store.');
    }
  });

  it('a recurring master from the docs: weekly on Saturday, ten occurrences', () => {
    const [r] = parse(GetItem, 'GetItem', 'msdocs-recurring-series-getitem.response.xml').result;
    expect(r?.ok && r.value.recurrence).toEqual({ pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Saturday'] }, range: { type: 'Numbered', startDate: '2014-03-08', numberOfOccurrences: 10 } });
  });

  it('Exchange 2016 meeting response (a non-CalendarItem) still reads its shared fields', () => {
    const [r] = parse(GetItem, 'GetItem', 'ewsjava-ex2016-getitem-meetingresponse-new-time-proposed.response.xml').result;
    expect(r?.ok && r.value).toMatchObject({ itemClass: 'IPM.Schedule.Meeting.Resp.Tent', subject: 'New Time Proposed: something 2', location: 'the location' });
  });

  it('reads every recorded GetItem envelope', () => {
    for (const f of fixtureFiles('GetItem').filter((f) => !f.includes('body-only'))) {
      const results = parse(GetItem as Operation<never, unknown[]>, 'GetItem', f).result;
      expect(results.length, f).toBeGreaterThan(0);
    }
  });
});

describe('GetFolder: real recorded responses', () => {
  it('the calendar folder, a deleted folder, rights', () => {
    expect(parse(GetFolder, 'GetFolder', 'msdocs-getfolder-calendar.response.xml').result).toEqual([{ ok: true, value: { folderType: 'CalendarFolder', folderId: { id: 'AAMk', changeKey: 'AgAA' } } }]);
    const [deleted] = parse(GetFolder, 'GetFolder', 'evo-ex2010sp2-getfolder-deleted-folder.response.xml').result;
    expect(deleted?.ok === false && deleted.error.code).toBe('ErrorItemNotFound');
    const [withProps] = parse(GetFolder, 'GetFolder', 'evo-ex2010sp2-getfolder-with-properties.response.xml').result;
    expect(withProps).toMatchObject({ ok: true, value: { displayName: 'non-distinguished-folder-subfolder', totalCount: 0, childFolderCount: 0, effectiveRights: { read: true, modify: true, createContents: true } } });
    const two = parse(GetFolder, 'GetFolder', 'evo-ex2010sp2-getfolder-two-folders.response.xml').result;
    expect(two).toHaveLength(2);
    expect(parse(GetFolder, 'GetFolder', 'phpews-exo2020-getfolder.response.xml').result[0]).toMatchObject({ ok: true, value: { folderType: 'CalendarFolder', displayName: 'Test' } });
  });

  it('Exchange 2007 SP1 answers with t:ServerVersionInfo and no Version attribute', () => {
    const env = parseEnvelope(fixture('GetFolder', 'evo-ex2007sp1-getfolder-deleted-folder.response.xml'));
    expect(env.serverVersion?.majorVersion).toBe(8);
    const [r] = GetFolder.parse(env.body, { operation: 'GetFolder', errors: {} });
    expect(r?.ok === false && r.error.code).toBe('ErrorItemNotFound');
  });
});
