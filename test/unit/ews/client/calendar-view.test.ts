import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../../../src/ews/client/ews-client.js';
import { BasicAuth } from '../../../../src/ews/transport/auth.js';
import { answerCalendarView, answerGetItem, FakeTransport, type FakeItem } from '../../../support/fake-ews.js';

function hourly(n: number, from = Date.parse('2026-12-07T08:00:00Z')): FakeItem[] {
  return Array.from({ length: n }, (_, k) => ({
    id: `item-${k}`,
    subject: `Event ${k}`,
    start: new Date(from + k * 3_600_000).toISOString().replace('.000Z', 'Z'),
    end: new Date(from + k * 3_600_000 + 1_800_000).toISOString().replace('.000Z', 'Z'),
    isMeeting: k % 3 === 0,
    attendees: [{ email: 'bob@contoso.com', name: 'Bob Smith', response: 'Accept' }],
  }));
}

function client(items: FakeItem[], access: 'impersonation' | 'delegation' = 'impersonation') {
  const transport = new FakeTransport((op, req) => (op === 'FindItem' ? answerCalendarView(items, req.body) : answerGetItem(items, req.body)));
  const c = new EwsClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: new BasicAuth('svc@contoso.com', 'pw'), access, transport });
  return { c, transport };
}

const week = { start: '2026-12-07T00:00:00Z', end: '2026-12-14T00:00:00Z' };

describe('EwsClient.calendarView', () => {
  it('pages past MaxEntriesReturned without losing or repeating an event', async () => {
    const items = hourly(25);
    const { c, transport } = client(items);
    const events = await c.calendarView('alice@contoso.com', week, { pageSize: 10 });
    expect(events.map((e) => e.id)).toEqual(items.map((i) => i.id));
    expect(transport.requests.map((r) => r.operation)).toEqual(['FindItem', 'FindItem', 'FindItem']);
  });

  it('asks GetItem only for meetings, batched, and merges their attendees', async () => {
    const items = hourly(9);
    const { c, transport } = client(items);
    const events = await c.calendarView('alice@contoso.com', week, { withAttendees: true });
    expect(transport.requests.map((r) => r.operation)).toEqual(['FindItem', 'GetItem']);
    expect(transport.requests[1]?.body.match(/<t:ItemId /g)).toHaveLength(3);
    expect(events[0]?.attendees).toEqual([{ email: 'bob@contoso.com', name: 'Bob Smith', kind: 'required', response: 'accepted' }]);
    expect(events[1]?.attendees).toEqual([]);
  });

  it('makes exactly one request when no event is a meeting', async () => {
    const { c, transport } = client(hourly(5).map((i) => ({ ...i, isMeeting: false })));
    await c.calendarView('alice@contoso.com', week, { withAttendees: true });
    expect(transport.requests).toHaveLength(1);
  });

  it('impersonation sends ExchangeImpersonation and X-AnchorMailbox; delegation names the mailbox in the folder id', async () => {
    const imp = client(hourly(1));
    await imp.c.calendarView('alice@contoso.com', week);
    expect(imp.transport.requests[0]?.body).toContain('<t:PrimarySmtpAddress>alice@contoso.com</t:PrimarySmtpAddress>');
    expect(imp.transport.requests[0]?.headers['x-anchormailbox']).toBe('alice@contoso.com');
    const del = client(hourly(1), 'delegation');
    await del.c.calendarView('alice@contoso.com', week);
    expect(del.transport.requests[0]?.body).not.toContain('ExchangeImpersonation');
    expect(del.transport.requests[0]?.body).toContain('<t:DistinguishedFolderId Id="calendar"><t:Mailbox><t:EmailAddress>alice@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>');
  });

  it('records the server version of the answers', async () => {
    const { c } = client(hourly(1));
    await c.calendarView('alice@contoso.com', week);
    expect(c.serverVersion).toMatchObject({ majorVersion: 15, minorVersion: 2, majorBuildNumber: 1748, version: 'V2017_07_11' });
  });
});
