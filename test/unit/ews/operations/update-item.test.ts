import { describe, expect, it } from 'vitest';
import { EwsError } from '../../../../src/ews/errors.js';
import { EwsEngine } from '../../../../src/ews/operations/engine.js';
import { buildEnvelope, faultToError, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import { UpdateCalendarItems, type UpdateCalendarItemsArgs } from '../../../../src/ews/operations/update-item.js';
import type { HttpRequest, Transport } from '../../../../src/ews/transport/types.js';
import { attr, child, children, parseXml, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { fixture, fixtureFiles, validateEnvelope } from '../../../support/shared.js';

const HEADERS = { version: 'Exchange2013', impersonate: 'alice@contoso.com', timeZone: 'Pacific Standard Time' } as const;
const HOSTILE = '</t:Subject><t:Foo>&amp;';
const ITEM = { id: 'AAMkADllMTlhYmUxLTg5MTctNDI4ZS1iNDdlLTM2NTk2Y2E5ODA0MwBGAAAAAADW58Si2h5DR47ERsh76m/ZBwC30utV9Qm1Tp6i563HuBDKAAER9URjAAC30utV9Qm1Tp6i563HuBDKAAER9crYAAA=', changeKey: 'DwAAABYAAAC30utV9Qm1Tp6i563HuBDKAAER7BnQ' };

function envelope(args: UpdateCalendarItemsArgs): string {
  return buildEnvelope(HEADERS, UpdateCalendarItems.build(args, 'Exchange2013'));
}

async function expectValid(xml: string): Promise<void> {
  const verdict = await validateEnvelope(xml);
  expect(verdict.valid, `${verdict.output}\n${xml}`).toBe(true);
}

function updateOf(xml: string): XmlElement {
  const el = path(parseXml(xml).element, 'Body', 'UpdateItem');
  if (!el) throw new Error('no UpdateItem in the built envelope');
  return el;
}

/** FieldURIs of the SetItemField (or DeleteItemField) elements of one ItemChange, in document order. */
const uris = (change: XmlElement | undefined, kind: 'SetItemField' | 'DeleteItemField') => children(child(change, 'Updates'), kind).map((u) => attr(child(u, 'FieldURI'), 'FieldURI'));

describe('UpdateCalendarItems: requests', () => {
  it('moves a meeting: subject, start, end, location, attendees and time zone; schema-valid', async () => {
    const xml = envelope({
      changes: [
        {
          item: ITEM,
          set: {
            subject: 'Planning (moved)',
            start: '2025-07-02T09:00:00',
            end: '2025-07-02T10:00:00',
            location: 'Room 14',
            requiredAttendees: [{ name: 'Bob', email: 'bob@contoso.com', routingType: 'SMTP' }],
            optionalAttendees: [{ email: 'dave@contoso.com' }],
            resources: [{ email: 'room14@contoso.com' }],
            timeZoneId: 'Central Standard Time',
          },
        },
      ],
      sendMeetingInvitationsOrCancellations: 'SendToAllAndSaveCopy',
    });
    await expectValid(xml);
    const update = updateOf(xml);
    expect(attr(update, 'ConflictResolution')).toBe('AutoResolve');
    expect(attr(update, 'SendMeetingInvitationsOrCancellations')).toBe('SendToAllAndSaveCopy');
    const change = path(update, 'ItemChanges', 'ItemChange');
    expect(attr(child(change, 'ItemId'), 'Id')).toBe(ITEM.id);
    expect(attr(child(change, 'ItemId'), 'ChangeKey')).toBe(ITEM.changeKey);
    expect(uris(change, 'SetItemField')).toEqual([
      'item:Subject',
      'calendar:Start',
      'calendar:End',
      'calendar:Location',
      'calendar:RequiredAttendees',
      'calendar:OptionalAttendees',
      'calendar:Resources',
      'calendar:StartTimeZone',
      'calendar:EndTimeZone',
    ]);
    const sets = children(child(change, 'Updates'), 'SetItemField');
    const value = (uri: string) => child(sets.find((s) => attr(child(s, 'FieldURI'), 'FieldURI') === uri), 'CalendarItem');
    expect(text(value('item:Subject'), 'Subject')).toBe('Planning (moved)');
    expect(text(value('calendar:Start'), 'Start')).toBe('2025-07-02T09:00:00');
    expect(text(value('calendar:Location'), 'Location')).toBe('Room 14');
    expect(text(path(value('calendar:RequiredAttendees'), 'RequiredAttendees', 'Attendee', 'Mailbox'), 'EmailAddress')).toBe('bob@contoso.com');
    expect(text(path(value('calendar:Resources'), 'Resources', 'Attendee', 'Mailbox'), 'EmailAddress')).toBe('room14@contoso.com');
    // <t:StartTimeZone Id="..."/>, as Microsoft's update-the-time-zone example sends it.
    expect(attr(child(value('calendar:StartTimeZone'), 'StartTimeZone'), 'Id')).toBe('Central Standard Time');
    expect(attr(child(value('calendar:EndTimeZone'), 'EndTimeZone'), 'Id')).toBe('Central Standard Time');
  });

  it('clears fields with DeleteItemField, addresses an occurrence, and batches changes in order', async () => {
    const xml = envelope({
      changes: [
        { item: ITEM, set: { subject: 'No room any more' }, delete: ['location', 'resources'] },
        { item: { recurringMasterId: ITEM.id, instanceIndex: 3 }, set: { start: '2025-07-09T16:00:00Z', end: '2025-07-09T17:00:00Z' } },
        { item: { id: 'AAMkA', changeKey: 'DwAAA' }, set: {}, delete: ['timeZoneId'] },
      ],
      conflictResolution: 'AlwaysOverwrite',
      sendMeetingInvitationsOrCancellations: 'SendToChangedAndSaveCopy',
    });
    await expectValid(xml);
    const update = updateOf(xml);
    expect(attr(update, 'ConflictResolution')).toBe('AlwaysOverwrite');
    const [first, second, third] = children(child(update, 'ItemChanges'), 'ItemChange');
    expect(uris(first, 'SetItemField')).toEqual(['item:Subject']);
    expect(uris(first, 'DeleteItemField')).toEqual(['calendar:Location', 'calendar:Resources']);
    expect(attr(child(second, 'OccurrenceItemId'), 'InstanceIndex')).toBe('3');
    expect(uris(second, 'SetItemField')).toEqual(['calendar:Start', 'calendar:End']);
    expect(uris(third, 'DeleteItemField')).toEqual(['calendar:StartTimeZone', 'calendar:EndTimeZone']);
  });

  it('ends a series: a new recurrence (EndDateRecurrence) set on its master, found through an occurrence; schema-valid', async () => {
    const recurrence = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday', 'Friday'] }, range: { type: 'EndDate', startDate: '2027-03-01', endDate: '2027-03-07' } } as const;
    const xml = envelope({ changes: [{ item: ITEM, set: { recurrence } }, { item: { seriesOf: ITEM.id }, set: { recurrence } }], sendMeetingInvitationsOrCancellations: 'SendToAllAndSaveCopy' });
    await expectValid(xml);
    const [first, second] = children(child(updateOf(xml), 'ItemChanges'), 'ItemChange');
    expect(uris(first, 'SetItemField')).toEqual(['calendar:Recurrence']);
    expect(attr(child(second, 'RecurringMasterItemId'), 'OccurrenceId')).toBe(ITEM.id);
    expect(xml).toContain('<t:EndDateRecurrence><t:StartDate>2027-03-01</t:StartDate><t:EndDate>2027-03-07</t:EndDate></t:EndDateRecurrence>');
  });

  it('every sendMeetingInvitationsOrCancellations and conflictResolution value is schema-valid', async () => {
    const sends = ['SendToNone', 'SendOnlyToAll', 'SendOnlyToChanged', 'SendToAllAndSaveCopy', 'SendToChangedAndSaveCopy'] as const;
    const conflicts = ['NeverOverwrite', 'AutoResolve', 'AlwaysOverwrite'] as const;
    for (const [i, send] of sends.entries()) {
      await expectValid(envelope({ changes: [{ item: ITEM, set: { isAllDayEvent: false } }], conflictResolution: conflicts[i % 3], sendMeetingInvitationsOrCancellations: send }));
    }
  });

  it('markup in a subject stays text: valid, and it reads back identical', async () => {
    const xml = envelope({ changes: [{ item: ITEM, set: { subject: HOSTILE } }], sendMeetingInvitationsOrCancellations: 'SendToNone' });
    await expectValid(xml);
    const set = path(updateOf(xml), 'ItemChanges', 'ItemChange', 'Updates', 'SetItemField', 'CalendarItem');
    expect(text(set, 'Subject')).toBe(HOSTILE);
    expect(child(set, 'Foo')).toBeUndefined();
  });

  it('refuses a change that sets and deletes nothing, and a zone change the schema version cannot carry', () => {
    expect(() => UpdateCalendarItems.build({ changes: [{ item: ITEM, set: {} }], sendMeetingInvitationsOrCancellations: 'SendToNone' }, 'Exchange2013')).toThrow(/change 0 sets and deletes nothing/);
    expect(() => UpdateCalendarItems.build({ changes: [{ item: ITEM, set: { timeZoneId: 'UTC' } }], sendMeetingInvitationsOrCancellations: 'SendToNone' }, 'Exchange2007_SP1')).toThrow(/Exchange2010/);
  });
});

function parseFixture(file: string) {
  const env = parseEnvelope(fixture('UpdateItem', file));
  expect(env.bodyName).toBe('UpdateItemResponse');
  return UpdateCalendarItems.parse(env.body, { operation: 'UpdateItem', errors: {} });
}

describe('UpdateCalendarItems: real recorded responses', () => {
  it('every recorded UpdateItem response is covered below', () => {
    expect(fixtureFiles('UpdateItem')).toEqual([
      'msdocs-batch-update-calendaritems.response.xml',
      'msdocs-update-meeting-add-attendees.response.xml',
      'msdocs-updateitem-contact-fault-client.response.xml',
      'msdocs-updateitem-ref.response.xml',
      'phpews-exo2020-updateitem-calendaritem.response.xml',
    ]);
  });

  it('Microsoft docs batch: three successes in order, each with ConflictResults/Count 1', () => {
    const one = { ok: true, value: { id: 'AAMkA', changeKey: 'DwAAA', conflictCount: 1 } };
    expect(parseFixture('msdocs-batch-update-calendaritems.response.xml')).toEqual([one, one, one]);
  });

  it('Microsoft docs add attendees: the new ChangeKey and zero conflicts', () => {
    expect(parseFixture('msdocs-update-meeting-add-attendees.response.xml')).toEqual([{ ok: true, value: { id: 'AAMkA', changeKey: 'DwAAA', conflictCount: 0 } }]);
  });

  it('Exchange Online 2020: same id as created, new ChangeKey, zero conflicts', () => {
    expect(parseFixture('phpews-exo2020-updateitem-calendaritem.response.xml')).toEqual([
      {
        ok: true,
        value: {
          id: 'AAMkADllMTlhYmUxLTg5MTctNDI4ZS1iNDdlLTM2NTk2Y2E5ODA0MwBGAAAAAADW58Si2h5DR47ERsh76m/ZBwC30utV9Qm1Tp6i563HuBDKAAER9URjAAC30utV9Qm1Tp6i563HuBDKAAER9crYAAA=',
          changeKey: 'DwAAABYAAAC30utV9Qm1Tp6i563HuBDKAAER7BnR',
          conflictCount: 0,
        },
      },
    ]);
  });

  it('Exchange 2007 reference: a t:Message item and no ConflictResults read leniently', () => {
    expect(parseFixture('msdocs-updateitem-ref.response.xml')).toEqual([{ ok: true, value: { id: 'AAAtAEFkbW...', changeKey: 'CQAAABYAAA...' } }]);
  });

  it('a SOAP fault (Exchange 2007 soap11 Client shape) maps to an EwsError via faultToError', () => {
    const env = parseEnvelope(fixture('UpdateItem', 'msdocs-updateitem-contact-fault-client.response.xml'));
    expect(env.bodyName).toBe('Fault');
    const error = faultToError(env.body, 'UpdateItem', 500, {});
    expect(error).toBeInstanceOf(EwsError);
    expect(error.code).toBe('ErrorSchemaValidation');
    expect(error.data.responseCode).toBe('ErrorSchemaValidation');
    expect(error.data.httpStatus).toBe(500);
    expect(error.data.operation).toBe('UpdateItem');
    expect(error.data.serverMessage).toMatch(/^The 'Key' attribute is invalid - The value 'EmailAddress4' is invalid/);
  });

  it('the engine throws that EwsError for the recorded fault, once, without retrying the update', async () => {
    const sent: HttpRequest[] = [];
    const transport: Transport = {
      send: async (request) => {
        sent.push(request);
        return { status: 500, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: fixture('UpdateItem', 'msdocs-updateitem-contact-fault-client.response.xml') };
      },
      close: async () => {},
    };
    const engine = new EwsEngine({ url: 'http://127.0.0.1/EWS/Exchange.asmx', transport, version: 'Exchange2013', sleep: async () => {} });
    const call = engine.call(UpdateCalendarItems, { changes: [{ item: ITEM, set: { subject: 'x' } }], sendMeetingInvitationsOrCancellations: 'SendToNone' }, { impersonate: 'alice@contoso.com' });
    await expect(call).rejects.toBeInstanceOf(EwsError);
    await expect(call).rejects.toMatchObject({ code: 'ErrorSchemaValidation', data: { httpStatus: 500, operation: 'UpdateItem' } });
    expect(sent).toHaveLength(1);
  });
});

describe('UpdateCalendarItems: mixed results (constructed here, not recorded)', () => {
  // No recorded UpdateItem answer carries ErrorInvalidChangeKey; this one follows the shape of the
  // recorded batch answer, with the error text Exchange uses in ExportItems/msdocs-exportitems-error-nonexistentmailbox.
  const response = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<m:UpdateItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
<m:ResponseMessages>
<m:UpdateItemResponseMessage ResponseClass="Error"><m:MessageText>The change key is invalid.</m:MessageText><m:ResponseCode>ErrorInvalidChangeKey</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/></m:UpdateItemResponseMessage>
<m:UpdateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:CalendarItem><t:ItemId Id="B" ChangeKey="B2"/></t:CalendarItem></m:Items><m:ConflictResults><t:Count>n/a</t:Count></m:ConflictResults></m:UpdateItemResponseMessage>
<m:UpdateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items/></m:UpdateItemResponseMessage>
</m:ResponseMessages></m:UpdateItemResponse></s:Body></s:Envelope>`;

  it('keeps order: a stale ChangeKey error, a success with an unreadable Count, a success without an id', () => {
    const env = parseEnvelope(response);
    const [stale, ok, noId] = UpdateCalendarItems.parse(env.body, { operation: 'UpdateItem', errors: {} });
    expect(stale?.ok).toBe(false);
    if (stale && !stale.ok) {
      expect(stale.error.code).toBe('ErrorInvalidChangeKey');
      expect(stale.error.data.serverMessage).toBe('The change key is invalid.');
    }
    expect(ok).toEqual({ ok: true, value: { id: 'B', changeKey: 'B2' } });
    expect(noId?.ok).toBe(false);
    if (noId && !noId.ok) expect(noId.error.data.responseCode).toBe('NoError');
  });
});
