import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { parseXml, path, text } from '../../src/ews/xml/index.js';
import { answerCalendarView, answerGetItem, type FakeItem } from '../support/fake-ews.js';
import { startLoopbackEws, type LoopbackEws } from '../support/loopback-ews.js';

const ITEMS: FakeItem[] = [
  { id: 'a1', subject: 'Standup', start: '2026-12-07T17:00:00Z', end: '2026-12-07T17:15:00Z', kind: 'Occurrence' },
  { id: 'a2', subject: 'Budget review', start: '2026-12-07T19:00:00Z', end: '2026-12-07T20:00:00Z', isMeeting: true, attendees: [{ email: 'bob@contoso.com', name: 'Bob Smith', response: 'Tentative' }] },
];

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

let server: LoopbackEws | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const args = (url: string, extra: string[] = []) => ['node', 'concierge', 'calendar', '--url', url, '--upn', 'svc@contoso.com', '--password-env', 'CONCIERGE_TEST_PW', '--access', 'impersonation', '--mailbox', 'alice@contoso.com', '--start', '2026-12-07', '--end', '2026-12-08', '--tz', 'America/Los_Angeles', ...extra];

describe('concierge calendar', () => {
  it('--json prints the events with offsets in the requested zone, using one CalendarView plus one GetItem', async () => {
    process.env.CONCIERGE_TEST_PW = 's3cret';
    server = await startLoopbackEws((body) => (body.includes('<m:FindItem') ? answerCalendarView(ITEMS, body) : answerGetItem(ITEMS, body)));
    const io = capture();
    const code = await main(args(server.url, ['--json']), io);
    expect(io.stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.serverVersion).toContain('Exchange 2019');
    expect(out.events).toEqual([
      { id: 'a1', subject: 'Standup', start: '2026-12-07T09:00:00-08:00', end: '2026-12-07T09:15:00-08:00', isAllDay: false, location: null, organizer: { email: 'alice@contoso.com', name: 'Alice Wong' }, attendees: [], isRecurring: true, isCancelled: false },
      { id: 'a2', subject: 'Budget review', start: '2026-12-07T11:00:00-08:00', end: '2026-12-07T12:00:00-08:00', isAllDay: false, location: null, organizer: { email: 'alice@contoso.com', name: 'Alice Wong' }, attendees: [{ email: 'bob@contoso.com', name: 'Bob Smith', response: 'tentative', kind: 'required' }], isRecurring: false, isCancelled: false },
    ]);
    // The window is the local day in America/Los_Angeles, sent as UTC instants.
    const view = path(parseXml(server.requests[0]!.body).element, 'Body', 'FindItem', 'CalendarView');
    expect(view?.['@StartDate']).toBe('2026-12-07T08:00:00.000Z');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('svc@contoso.com:s3cret').toString('base64')}`);
    expect(text(path(parseXml(server.requests[0]!.body).element, 'Header', 'ExchangeImpersonation', 'ConnectingSID'), 'PrimarySmtpAddress')).toBe('alice@contoso.com');
  });

  it('human output lists the day and the events', async () => {
    process.env.CONCIERGE_TEST_PW = 's3cret';
    server = await startLoopbackEws((body) => (body.includes('<m:FindItem') ? answerCalendarView(ITEMS, body) : answerGetItem(ITEMS, body)));
    const io = capture();
    expect(await main(args(server.url), io)).toBe(0);
    expect(io.stdout).toContain('Monday 7 December 2026');
    expect(io.stdout).toMatch(/09:00-09:15 {2}Standup/);
    expect(io.stdout).toMatch(/11:00-12:00 {2}Budget review/);
  });

  it('a 401 offering only Negotiate/NTLM exits 1 with the Set-WebServicesVirtualDirectory fix', async () => {
    process.env.CONCIERGE_TEST_PW = 's3cret';
    server = await startLoopbackEws(() => ({ status: 401, headers: { 'www-authenticate': ['Negotiate', 'NTLM'] }, body: '' }));
    const io = capture();
    expect(await main(args(server.url), io)).toBe(1);
    expect(io.stderr).toContain('HttpUnauthorized');
    expect(io.stderr).toContain('Set-WebServicesVirtualDirectory');
    expect(io.stderr).not.toContain('s3cret');
  });

  it('usage mistakes exit 2 with a hint and send nothing', async () => {
    const io = capture();
    expect(await main(['node', 'concierge', 'calendar', '--url', 'not a url', '--upn', 'a@b', '--password', 'x', '--access', 'impersonation', '--mailbox', 'a@b', '--start', '2026-12-07', '--end', '2026-12-08'], io)).toBe(2);
    expect(io.stderr).toContain('hint:');
    const io2 = capture();
    expect(await main(['node', 'concierge', 'calendar', '--url', 'https://x/EWS/Exchange.asmx', '--upn', 'a@b', '--password', 'x', '--access', 'impersonation', '--mailbox', 'a@b', '--start', '2026-12-08', '--end', '2026-12-07'], io2)).toBe(2);
    expect(io2.stderr).toContain('--end must be after --start');
  });
});
