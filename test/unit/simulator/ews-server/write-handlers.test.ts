import { describe, expect, it } from 'vitest';
import { attr, child, text } from '../../../../src/ews/xml/index.js';
import { testExchange } from '../../../support/simulator.js';
import {
  ALICE,
  BOB,
  calendarItem,
  calendarView,
  codes,
  createItem,
  deleteItem,
  folder,
  getItem,
  gotItem,
  ids,
  messages,
  responses,
  send,
  setField,
  updateItem,
  viewItems,
} from './write-helpers.js';

const WEEK = ['2026-12-07T00:00:00Z', '2026-12-14T00:00:00Z'] as const;

describe('CreateItem (calendar items)', () => {
  it('creates in order, one message per item, and the items show in GetItem and CalendarView', async () => {
    const ex = testExchange();
    const items = calendarItem('One', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z', { location: 'Desk' }) + calendarItem('Two', '2026-12-09T17:00:00Z', '2026-12-09T17:30:00Z');
    const r = await send(ex, ALICE, createItem(items, 'SendMeetingInvitations="SendToNone"', folder('calendar')));
    expect(codes(r, 'CreateItem')).toEqual(['NoError', 'NoError']);
    const [one, two] = ids(r, 'CreateItem');
    expect(one!.id).toMatch(/^AAMk/);
    expect(one!.changeKey).not.toBe('');
    const got = await send(ex, ALICE, getItem([one!.id, two!.id]));
    expect(text(gotItem(got), 'Subject')).toBe('One');
    expect(text(gotItem(got), 'Location')).toBe('Desk');
    const view = await send(ex, ALICE, calendarView(...WEEK));
    expect(viewItems(view).map((i) => text(i, 'Subject'))).toEqual(['One', 'Two']);
  });

  it('requires SendMeetingInvitations, refuses an end before the start, and answers per item', async () => {
    const ex = testExchange();
    const none = await send(ex, ALICE, createItem(calendarItem('x', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z'), ''));
    expect(codes(none, 'CreateItem')).toEqual(['ErrorSendMeetingInvitationsRequired']);
    expect(attr(messages(none, 'CreateItem')[0], 'ResponseClass')).toBe('Error');
    const items = calendarItem('ok', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z') + calendarItem('backwards', '2026-12-08T18:00:00Z', '2026-12-08T17:00:00Z');
    const mixed = await send(ex, ALICE, createItem(items, 'SendMeetingInvitations="SendToNone"'));
    expect(codes(mixed, 'CreateItem')).toEqual(['NoError', 'ErrorCalendarEndDateIsEarlierThanStartDate']);
    const bad = await send(ex, ALICE, createItem(calendarItem('x', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z'), 'SendMeetingInvitations="SendToEveryone"'));
    expect(bad.status).toBe(500);
    expect(text(child(bad.body, 'detail'), 'ResponseCode')).toBe('ErrorSchemaValidation');
  });

  it('reads times without offset in StartTimeZone, else TimeZoneContext, else UTC; booleans as 0/1', async () => {
    const ex = testExchange();
    const zoned = calendarItem('zoned', '2026-12-08T09:00:00', '2026-12-08T10:00:00', { tail: '<t:StartTimeZone Id="Pacific Standard Time"/><t:EndTimeZone Id="Pacific Standard Time"/>' });
    const context = calendarItem('context', '2026-12-08T09:00:00', '2026-12-08T10:00:00');
    const flags = '<t:CalendarItem><t:Subject>flags</t:Subject><t:ReminderIsSet>0</t:ReminderIsSet><t:Start>2026-12-08T09:00:00</t:Start><t:End>2026-12-08T10:00:00</t:End><t:IsAllDayEvent>0</t:IsAllDayEvent></t:CalendarItem>';
    const a = await send(ex, ALICE, createItem(zoned + context, 'SendMeetingInvitations="SendToNone"'), { timeZone: 'W. Europe Standard Time' });
    const b = await send(ex, ALICE, createItem(flags, 'SendMeetingInvitations="SendToNone"'));
    const got = await send(ex, ALICE, getItem([...ids(a, 'CreateItem'), ...ids(b, 'CreateItem')].map((i) => i.id)));
    expect(text(gotItem(got, 'CalendarItem', 0), 'Start')).toBe('2026-12-08T17:00:00Z');
    expect(text(gotItem(got, 'CalendarItem', 1), 'Start')).toBe('2026-12-08T08:00:00Z');
    expect(text(gotItem(got, 'CalendarItem', 2), 'Start')).toBe('2026-12-08T09:00:00Z');
    expect(text(gotItem(got, 'CalendarItem', 2), 'ReminderIsSet')).toBe('false');
  });

  it('a meeting with an attendee and a room: the attendee gets a copy, the room accepts when free and declines a conflict', async () => {
    const ex = testExchange();
    const room = ex.directory.findMailbox('room.101')!.smtp;
    const meeting = calendarItem('Planning', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z', { location: 'Room 101', required: [BOB], resources: [room] });
    const r = await send(ex, ALICE, createItem(meeting, 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    const [first] = ids(r, 'CreateItem');
    const org = gotItem(await send(ex, ALICE, getItem([first!.id])));
    expect(text(org, 'IsMeeting')).toBe('true');
    expect(responses(org, 'Resources')).toEqual({ [room]: 'Accept' });
    expect(responses(org, 'RequiredAttendees')[BOB]).toBe('Unknown');
    const bobs = viewItems(await send(ex, BOB, calendarView(...WEEK)));
    expect(bobs.map((i) => [text(i, 'Subject'), text(i, 'MyResponseType')])).toEqual([['Planning', 'NoResponseReceived']]);

    const clash = calendarItem('Clash', '2026-12-08T17:30:00Z', '2026-12-08T18:30:00Z', { resources: [room] });
    const c = await send(ex, BOB, createItem(clash, 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    const bobOrg = gotItem(await send(ex, BOB, getItem([ids(c, 'CreateItem')[0]!.id])));
    expect(responses(bobOrg, 'Resources')).toEqual({ [room]: 'Decline' });
  });
});

describe('UpdateItem', () => {
  async function meeting() {
    const ex = testExchange();
    const r = await send(ex, ALICE, createItem(calendarItem('Sync', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z', { required: [BOB] }), 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    return { ex, item: ids(r, 'CreateItem')[0]! };
  }

  it('answers the new ItemId/ChangeKey with ConflictResults, and the change reaches the attendee', async () => {
    const { ex, item } = await meeting();
    const updates = setField('item:Subject', '<t:Subject>Sync (moved)</t:Subject>') + setField('calendar:Start', '<t:Start>2026-12-09T17:00:00Z</t:Start>') + setField('calendar:End', '<t:End>2026-12-09T18:00:00Z</t:End>') + setField('calendar:Location', '<t:Location>Lab</t:Location>');
    const r = await send(ex, ALICE, updateItem(item.id, updates));
    expect(codes(r, 'UpdateItem')).toEqual(['NoError']);
    const msg = messages(r, 'UpdateItem')[0];
    expect(text(child(msg, 'ConflictResults'), 'Count')).toBe('0');
    const [after] = ids(r, 'UpdateItem');
    expect(after!.id).toBe(item.id);
    expect(after!.changeKey).not.toBe(item.changeKey);
    const bobs = viewItems(await send(ex, BOB, calendarView(...WEEK)));
    expect(bobs.map((i) => [text(i, 'Subject'), text(i, 'Start'), text(i, 'Location')])).toEqual([['Sync (moved)', '2026-12-09T17:00:00Z', 'Lab']]);
  });

  it('requires SendMeetingInvitationsOrCancellations for calendar items; NeverOverwrite refuses a stale ChangeKey, AutoResolve does not', async () => {
    const { ex, item } = await meeting();
    const subject = setField('item:Subject', '<t:Subject>x</t:Subject>');
    const missing = await send(ex, ALICE, updateItem(item.id, subject, 'ConflictResolution="AutoResolve"'));
    expect(codes(missing, 'UpdateItem')).toEqual(['ErrorSendMeetingInvitationsOrCancellationsRequired']);
    const first = await send(ex, ALICE, updateItem(item.id, subject, 'ConflictResolution="NeverOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"', item.changeKey));
    expect(codes(first, 'UpdateItem')).toEqual(['NoError']);
    const stale = await send(ex, ALICE, updateItem(item.id, subject, 'ConflictResolution="NeverOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"', item.changeKey));
    expect(codes(stale, 'UpdateItem')).toEqual(['ErrorIrresolvableConflict']);
    const auto = await send(ex, ALICE, updateItem(item.id, subject, 'ConflictResolution="AutoResolve" SendMeetingInvitationsOrCancellations="SendToNone"', item.changeKey));
    expect(codes(auto, 'UpdateItem')).toEqual(['NoError']);
  });

  it('appends and deletes fields, refuses read-only ones, and keeps unknown properties harmless', async () => {
    const { ex, item } = await meeting();
    const carol = ex.directory.findMailbox('carol')!.smtp;
    const append = `<t:AppendToItemField><t:FieldURI FieldURI="calendar:RequiredAttendees"/><t:CalendarItem><t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>${carol}</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees></t:CalendarItem></t:AppendToItemField>`;
    const del = '<t:DeleteItemField><t:FieldURI FieldURI="calendar:Location"/></t:DeleteItemField>';
    const ignored = setField('item:Importance', '<t:Importance>High</t:Importance>');
    const r = await send(ex, ALICE, updateItem(item.id, append + del + ignored));
    expect(codes(r, 'UpdateItem')).toEqual(['NoError']);
    const org = gotItem(await send(ex, ALICE, getItem([item.id])));
    expect(Object.keys(responses(org, 'RequiredAttendees'))).toEqual([BOB, carol]);
    expect(text(org, 'Location') ?? '').toBe('');
    expect(viewItems(await send(ex, carol, calendarView(...WEEK)))).toHaveLength(1);
    const ro = await send(ex, ALICE, updateItem(item.id, setField('calendar:IsCancelled', '<t:IsCancelled>true</t:IsCancelled>')));
    expect(codes(ro, 'UpdateItem')).toEqual(['ErrorInvalidPropertySet']);
    const badDelete = await send(ex, ALICE, updateItem(item.id, '<t:DeleteItemField><t:FieldURI FieldURI="calendar:Start"/></t:DeleteItemField>'));
    expect(codes(badDelete, 'UpdateItem')).toEqual(['ErrorInvalidPropertyDelete']);
    const noValue = await send(ex, ALICE, updateItem(item.id, setField('item:Subject', '<t:Location>x</t:Location>')));
    expect(codes(noValue, 'UpdateItem')).toEqual(['ErrorIncorrectUpdatePropertyCount']);
  });

  it('updates one occurrence through OccurrenceItemId', async () => {
    const ex = testExchange();
    const weekly = calendarItem('Standup', '2026-12-07T17:00:00Z', '2026-12-07T17:15:00Z', { tail: '<t:Recurrence><t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence><t:NumberedRecurrence><t:StartDate>2026-12-07</t:StartDate><t:NumberOfOccurrences>5</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>' });
    const master = ids(await send(ex, ALICE, createItem(weekly, 'SendMeetingInvitations="SendToNone"')), 'CreateItem')[0]!;
    const body = `<m:UpdateItem ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges><t:ItemChange><t:OccurrenceItemId RecurringMasterId="${master.id}" InstanceIndex="2"/><t:Updates>${setField('item:Subject', '<t:Subject>Standup (moved)</t:Subject>')}</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>`;
    expect(codes(await send(ex, ALICE, body), 'UpdateItem')).toEqual(['NoError']);
    const view = viewItems(await send(ex, ALICE, calendarView(...WEEK)));
    expect(view.map((i) => [text(i, 'Subject'), text(i, 'CalendarItemType')])[1]).toEqual(['Standup (moved)', 'Exception']);
  });
});

describe('DeleteItem', () => {
  it('requires SendMeetingCancellations for calendar items; SendToAllAndSaveCopy cancels attendee copies and frees the room', async () => {
    const ex = testExchange();
    const room = ex.directory.findMailbox('room.101')!.smtp;
    const r = await send(ex, ALICE, createItem(calendarItem('Review', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z', { required: [BOB], resources: [room] }), 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    const item = ids(r, 'CreateItem')[0]!;
    const missing = await send(ex, ALICE, deleteItem([item.id], 'DeleteType="MoveToDeletedItems"'));
    expect(codes(missing, 'DeleteItem')).toEqual(['ErrorSendMeetingCancellationsRequired']);
    expect(viewItems(await send(ex, room, calendarView(...WEEK)))).toHaveLength(1);
    const del = await send(ex, ALICE, deleteItem([item.id]));
    expect(codes(del, 'DeleteItem')).toEqual(['NoError']);
    expect(viewItems(await send(ex, ALICE, calendarView(...WEEK)))).toHaveLength(0);
    const bobs = viewItems(await send(ex, BOB, calendarView(...WEEK)));
    expect(bobs.map((i) => [text(i, 'Subject'), text(i, 'IsCancelled')])).toEqual([['Canceled: Review', 'true']]);
    expect(viewItems(await send(ex, room, calendarView(...WEEK)))).toHaveLength(0);
  });

  it('answers one message per id: ErrorItemNotFound for an id that is gone, ErrorInvalidIdMalformed for garbage', async () => {
    const ex = testExchange();
    const r = await send(ex, ALICE, createItem(calendarItem('a', '2026-12-08T17:00:00Z', '2026-12-08T18:00:00Z') + calendarItem('b', '2026-12-09T17:00:00Z', '2026-12-09T18:00:00Z'), 'SendMeetingInvitations="SendToNone"'));
    const [a, b] = ids(r, 'CreateItem');
    expect(codes(await send(ex, ALICE, deleteItem([a!.id], 'DeleteType="HardDelete" SendMeetingCancellations="SendToNone"')), 'DeleteItem')).toEqual(['NoError']);
    const batch = await send(ex, ALICE, deleteItem([a!.id, b!.id, 'AAMkA'], 'DeleteType="HardDelete" SendMeetingCancellations="SendToNone"'));
    expect(codes(batch, 'DeleteItem')).toEqual(['ErrorItemNotFound', 'NoError', 'ErrorInvalidIdMalformed']);
    expect(messages(batch, 'DeleteItem').map((m) => attr(m, 'ResponseClass'))).toEqual(['Error', 'Success', 'Error']);
    const noType = await send(ex, ALICE, '<m:DeleteItem SendMeetingCancellations="SendToNone"><m:ItemIds><t:ItemId Id="AAMkA"/></m:ItemIds></m:DeleteItem>');
    expect(noType.status).toBe(500);
  });

  it('deletes one occurrence of a series through OccurrenceItemId', async () => {
    const ex = testExchange();
    const daily = calendarItem('Standup', '2026-12-07T17:00:00Z', '2026-12-07T17:15:00Z', { tail: '<t:Recurrence><t:DailyRecurrence><t:Interval>1</t:Interval></t:DailyRecurrence><t:NumberedRecurrence><t:StartDate>2026-12-07</t:StartDate><t:NumberOfOccurrences>3</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>' });
    const master = ids(await send(ex, ALICE, createItem(daily, 'SendMeetingInvitations="SendToNone"')), 'CreateItem')[0]!;
    const body = `<m:DeleteItem DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendToNone"><m:ItemIds><t:OccurrenceItemId RecurringMasterId="${master.id}" InstanceIndex="2"/></m:ItemIds></m:DeleteItem>`;
    expect(codes(await send(ex, ALICE, body), 'DeleteItem')).toEqual(['NoError']);
    expect(viewItems(await send(ex, ALICE, calendarView(...WEEK))).map((i) => text(i, 'Start'))).toEqual(['2026-12-07T17:00:00Z', '2026-12-09T17:00:00Z']);
  });
});
