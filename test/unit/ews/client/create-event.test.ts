import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../../../src/ews/client/ews-client.js';
import { ewsError } from '../../../../src/ews/error-catalog.js';
import { BasicAuth } from '../../../../src/ews/transport/auth.js';
import { parseXml, path, text } from '../../../../src/ews/xml/index.js';
import { answerCalendarView, FakeTransport, soap, type FakeItem } from '../../../support/fake-ews.js';

const created = (id: string) =>
  soap(`<m:CreateItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages><m:CreateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:CalendarItem><t:ItemId Id="${id}" ChangeKey="CK1"/></t:CalendarItem></m:Items></m:CreateItemResponseMessage></m:ResponseMessages></m:CreateItemResponse>`);

const draft = {
  subject: 'Lunch with Bob',
  start: '2026-12-11T20:00:00Z',
  end: '2026-12-11T21:00:00Z',
  timeZone: 'America/Los_Angeles',
  attendees: [
    { email: 'bob@contoso.com', name: 'Bob Smith', kind: 'required' as const },
    { email: 'room.101@contoso.com', name: 'Room 101', kind: 'resource' as const },
  ],
};

/** A store that records creates; `loseAnswers` drops the answer of the first N creates after storing (or not). */
function server(opts: { storeBeforeLosing: boolean }) {
  const stored: FakeItem[] = [];
  let creates = 0;
  const transport = new FakeTransport((op, req) => {
    if (op === 'FindItem') return answerCalendarView(stored, req.body);
    creates++;
    const item = path(parseXml(req.body).element, 'Body', 'CreateItem', 'Items', 'CalendarItem');
    const uid = text(item, 'UID') ?? '';
    if (creates === 1) {
      if (opts.storeBeforeLosing) stored.push({ id: 'stored-1', subject: text(item, 'Subject') ?? '', start: text(item, 'Start') ?? '', end: text(item, 'End') ?? '', uid });
      throw ewsError('RequestTimeout', { operation: 'CreateItem' });
    }
    stored.push({ id: `stored-${creates}`, subject: '', start: '', end: '', uid });
    return created(`stored-${creates}`);
  });
  const client = new EwsClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: new BasicAuth('svc@contoso.com', 'pw'), access: 'impersonation', transport });
  return { client, transport, stored };
}

describe('EwsClient.createEvent', () => {
  it('sends a meeting with a client-chosen UID, the room as a resource, invitations and the event zone', async () => {
    const transport = new FakeTransport(() => created('new-1'));
    const client = new EwsClient({ url: 'https://x/EWS/Exchange.asmx', auth: new BasicAuth('svc@contoso.com', 'pw'), access: 'delegation', transport });
    const out = await client.createEvent('alice@contoso.com', draft);
    expect(out).toMatchObject({ id: 'new-1', changeKey: 'CK1' });
    const body = transport.requests[0]!.body;
    expect(body).toContain('SendMeetingInvitations="SendToAllAndSaveCopy"');
    expect(body).toContain(`<t:UID>${out.uid}</t:UID>`);
    expect(body).toContain('<t:Resources><t:Attendee><t:Mailbox><t:Name>Room 101</t:Name><t:EmailAddress>room.101@contoso.com</t:EmailAddress>');
    expect(body).toContain('<t:StartTimeZone Id="Pacific Standard Time"/>');
    expect(body).toContain('<m:SavedItemFolderId><t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>alice@contoso.com</t:EmailAddress>');
  });

  it('an appointment without attendees sends no invitations', async () => {
    const transport = new FakeTransport(() => created('new-2'));
    const client = new EwsClient({ url: 'https://x/EWS/Exchange.asmx', auth: new BasicAuth('svc@contoso.com', 'pw'), access: 'impersonation', transport });
    await client.createEvent('alice@contoso.com', { ...draft, attendees: [] });
    expect(transport.requests[0]!.body).toContain('SendMeetingInvitations="SendToNone"');
  });

  it('when the answer is lost but the event was created, finds it by UID and does not create it again', async () => {
    const { client, transport, stored } = server({ storeBeforeLosing: true });
    const out = await client.createEvent('alice@contoso.com', draft);
    expect(out.id).toBe('stored-1');
    expect(stored).toHaveLength(1);
    expect(transport.requests.map((r) => r.operation)).toEqual(['CreateItem', 'FindItem']);
  });

  it('when the answer is lost and nothing was created, creates it exactly once more', async () => {
    const { client, transport, stored } = server({ storeBeforeLosing: false });
    const out = await client.createEvent('alice@contoso.com', draft);
    expect(out.id).toBe('stored-2');
    expect(stored).toHaveLength(1);
    expect(transport.requests.map((r) => r.operation)).toEqual(['CreateItem', 'FindItem', 'CreateItem']);
    // Both attempts carried the same UID, so a third look-up would still find one event.
    const uids = transport.requests.filter((r) => r.operation === 'CreateItem').map((r) => text(path(parseXml(r.body).element, 'Body', 'CreateItem', 'Items', 'CalendarItem'), 'UID'));
    expect(new Set(uids).size).toBe(1);
  });
});
