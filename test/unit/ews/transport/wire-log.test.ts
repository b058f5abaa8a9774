import { describe, expect, it } from 'vitest';
import { EwsClient } from '../../../../src/ews/client/ews-client.js';
import { BasicAuth } from '../../../../src/ews/transport/auth.js';
import type { WireEntry } from '../../../../src/ews/transport/wire-log.js';
import { redactBody } from '../../../../src/ews/transport/wire-log.js';
import { answerCalendarView, FakeTransport } from '../../../support/fake-ews.js';

describe('the ews:wire log', () => {
  it('shows requests and responses but never the password or the Authorization header', async () => {
    const entries: WireEntry[] = [];
    const transport = new FakeTransport((_op, req) => answerCalendarView([], req.body));
    const c = new EwsClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', auth: new BasicAuth('svc@contoso.com', 'Pa55-w0rd!'), access: 'impersonation', transport, wireLog: (e) => entries.push(e) });
    await c.calendarView('alice@contoso.com', { start: '2026-12-07T00:00:00Z', end: '2026-12-08T00:00:00Z' });
    expect(entries.map((e) => e.direction)).toEqual(['request', 'response']);
    const all = JSON.stringify(entries);
    expect(all).toContain('FindItem');
    expect(all).not.toContain('Pa55-w0rd!');
    expect(all).not.toContain(Buffer.from('svc@contoso.com:Pa55-w0rd!').toString('base64'));
    // The transport itself did receive the credentials.
    expect(transport.requests[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('masks Password elements a server might echo', () => {
    expect(redactBody('<t:Password>hunter2</t:Password>')).toBe('<t:Password>[redacted]</t:Password>');
  });
});
