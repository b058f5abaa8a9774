import { afterEach, describe, expect, it } from 'vitest';
import { analyze, type AnalyzeInput, type AnalyzeResult, type Step } from '../../src/connectivity/index.js';
import type { RunningSimulator } from '../../src/simulator/host.js';
import { ALICE, DELEGATION, fixCommands, IMPERSONATION, ROOM, runShell, SCOPED_IMPERSONATION, SERVICE, SERVICE_PASSWORD, startAnalyzerSimulator, statuses } from '../support/analyze-env.js';

/**
 * The analyzer against the simulator over real sockets (plain http here; TLS outcomes are in
 * analyze-tls.test.ts): one test per outcome the admin guide leads to, and for the permission
 * problems, the fix it prints is run in the simulator's Management Shell and the analysis repeated.
 */

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function run(seed: Parameters<typeof startAnalyzerSimulator>[0], input: Partial<AnalyzeInput> = {}): Promise<AnalyzeResult> {
  sim ??= await startAnalyzerSimulator(seed);
  return analyze({ url: sim.ewsUrl, upn: SERVICE, password: SERVICE_PASSWORD, access: 'impersonation', mailbox: ALICE, ...input }, { timeoutMs: 5_000 });
}

const step = (r: AnalyzeResult, id: Step['id']): Step => r.steps.find((s) => s.id === id)!;

/** Plain http: the TLS step warns (password in clear); everything up to the endpoint passes. */
const REACHABLE = { dns: 'pass', tcp: 'pass', tls: 'warn', endpoint: 'pass' } as const;

describe('analyze against the simulator', () => {
  it('healthy impersonation: every step passes (tls warns about plain http), ok', async () => {
    const seen: string[] = [];
    sim = await startAnalyzerSimulator({ shell: IMPERSONATION });
    const r = await analyze({ url: sim.ewsUrl, upn: SERVICE, password: SERVICE_PASSWORD, access: 'impersonation', mailbox: ALICE }, { onStep: (s) => seen.push(s.id) });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'pass', 'calendar-read': 'pass', 'calendar-write': 'pass' });
    expect(r.ok).toBe(true);
    expect(seen).toEqual(r.steps.map((s) => s.id));
    expect(step(r, 'tls').detail).toContain('clear text');
    expect(step(r, 'endpoint').detail).toMatch(/HTTP 401 with WWW-Authenticate: Basic \(realm "[^"]+"\), Negotiate, NTLM/);
    expect(step(r, 'version').detail).toBe('Exchange 2016 (15.1.1591.10, V2017_07_11): Exchange 2013 or later, as Concierge needs.');
    expect(step(r, 'mailbox').detail).toContain(`${ALICE} is the primary SMTP address of Alice Wong`);
    expect(step(r, 'calendar-read').detail).toMatch(/impersonating alice@contoso\.com: CalendarView of \d{4}-\d\d-\d\d \(UTC\) returned 1 event\./);
    expect(step(r, 'calendar-write').detail).toContain('acts as the owner');
    expect(step(r, 'calendar-write').detail).toContain('CreateContents, Modify, Delete');
  });

  it('healthy delegation: calendar-write warns that Send As cannot be verified without sending', async () => {
    const r = await run({ shell: DELEGATION }, { access: 'delegation' });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'pass', 'calendar-read': 'pass', 'calendar-write': 'warn' });
    expect(r.ok).toBe(true);
    expect(step(r, 'calendar-read').detail).toContain('as concierge-svc@contoso.com, a delegate');
    const write = step(r, 'calendar-write');
    expect(write.detail).toContain('Not verified: Send As on alice@contoso.com');
    expect(write.fix).toContain('Add-ADPermission -Identity alice -User concierge-svc -ExtendedRights "Send As"');
  });

  it('wrong password: credentials fail with the UPN/password/locked words, later steps skip', async () => {
    const r = await run({ shell: IMPERSONATION }, { password: 'not-the-password' });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'fail', version: 'skip', mailbox: 'skip', 'calendar-read': 'skip', 'calendar-write': 'skip' });
    expect(r.ok).toBe(false);
    const c = step(r, 'credentials');
    expect(c.detail).toContain('wrong UPN or password, or the password expired, or the account is locked');
    expect(c.detail).toContain(SERVICE);
    expect(c.fix).toContain('Get-User -Identity concierge-svc');
    expect(step(r, 'mailbox').detail).toBe('skipped: credentials failed');
    expect(JSON.stringify(r)).not.toContain('not-the-password');
  });

  it('Basic off: auth-methods fails with Set-WebServicesVirtualDirectory; the fix, with the identity it says how to find, repairs it', async () => {
    const r = await run({ basicAuth: false, shell: IMPERSONATION });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'fail', credentials: 'skip', version: 'skip', mailbox: 'skip', 'calendar-read': 'skip', 'calendar-write': 'skip' });
    const auth = step(r, 'auth-methods');
    expect(auth.detail).toContain('offers only Negotiate, NTLM');
    expect(auth.fix).toContain('Set-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true');
    expect(auth.fix).toContain('Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication');

    const listing = await runShell(sim!, 'Get-WebServicesVirtualDirectory | fl Identity,BasicAuthentication');
    const server = /Identity\s*:\s*([^\\\s]+)\\EWS/.exec(listing.output)?.[1];
    expect(server).toBe('EXCH01');
    for (const line of fixCommands(auth.fix, server)) expect((await runShell(sim!, line)).ok).toBe(true);
    const again = await run({});
    expect(step(again, 'auth-methods').status).toBe('pass');
    expect(again.ok).toBe(true);
  });

  it('an OWA URL fails at the endpoint, naming the sign-in page it redirects to and the EWS URL to use', async () => {
    sim = await startAnalyzerSimulator({ shell: IMPERSONATION });
    const owa = sim.ewsUrl.replace('/EWS/Exchange.asmx', '/owa');
    const r = await run({}, { url: owa });
    expect(statuses(r)).toMatchObject({ dns: 'pass', tcp: 'pass', tls: 'warn', endpoint: 'fail', 'auth-methods': 'skip', 'calendar-write': 'skip' });
    const e = step(r, 'endpoint');
    expect(e.detail).toContain('Outlook on the web (OWA)');
    expect(e.detail).toMatch(/HTTP 302, redirecting to Outlook on the web's sign-in page at http:\/\/127\.0\.0\.1:\d+\/owa\/auth\/logon\.aspx/);
    expect(e.fix).toMatch(/^Use https:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx/);
  });

  it('an /autodiscover URL fails at the endpoint', async () => {
    sim = await startAnalyzerSimulator({ shell: IMPERSONATION });
    const r = await run({}, { url: sim.ewsUrl.replace('/EWS/Exchange.asmx', '/autodiscover/autodiscover.xml') });
    expect(step(r, 'endpoint').status).toBe('fail');
    expect(step(r, 'endpoint').detail).toContain('Autodiscover');
  });

  it('Exchange 2010: version fails with the product and build; the mailbox and calendar steps skip', async () => {
    const r = await run({ version: 'Exchange2010_SP2', shell: IMPERSONATION });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'pass', version: 'fail', mailbox: 'skip', 'calendar-read': 'skip', 'calendar-write': 'skip' });
    const v = step(r, 'version');
    expect(v.detail).toBe('Exchange 2010, build 14.2.328.9 (schema Exchange2010_SP2): Concierge needs Exchange 2013 or later, as the Alexa for Business guide does.');
    expect(v.fix).toContain('Get-ExchangeServer | fl Name,AdminDisplayVersion');
  });

  it('a scope that leaves the room out: calendar-read fails naming the scope commands; running them repairs it', async () => {
    const r = await run({ shell: SCOPED_IMPERSONATION }, { mailbox: ROOM });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'pass', 'calendar-read': 'fail', 'calendar-write': 'skip' });
    const read = step(r, 'calendar-read');
    expect(read.detail).toContain('may not impersonate room.101@contoso.com (ErrorImpersonateUserDenied), yet it may impersonate its own mailbox');
    expect(read.detail).toContain('management scope that leaves room.101@contoso.com out');
    expect(read.fix).toContain('Get-ManagementRoleAssignment -Role ApplicationImpersonation | fl Name,RoleAssigneeName,CustomRecipientWriteScope');
    expect(read.fix).toContain('Get-ManagementScope | fl Name,RecipientFilter');
    expect(read.fix).toContain('New-ManagementRoleAssignment -Name "ConciergeImpersonationAll" -Role ApplicationImpersonation -User concierge-svc -CustomRecipientWriteScope "ConciergeMailboxes"');
    expect(read.fix).toContain('Get-Mailbox -Identity room.101 | fl RecipientTypeDetails');

    for (const line of fixCommands(read.fix).filter((l) => l.startsWith('New-'))) expect((await runShell(sim!, line)).ok).toBe(true);
    const again = await run({}, { mailbox: ROOM });
    expect(statuses(again)).toMatchObject({ 'calendar-read': 'pass', 'calendar-write': 'pass' });
  });

  it('no impersonation role at all: calendar-read fails with New-ManagementRoleAssignment, which repairs it', async () => {
    const r = await run({ shell: [] });
    const read = step(r, 'calendar-read');
    expect(read.status).toBe('fail');
    expect(read.detail).toContain('may not impersonate even its own mailbox');
    const [assign] = fixCommands(read.fix);
    expect(assign).toBe('New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User concierge-svc');
    expect(read.fix).toContain('Get-ManagementScope | fl Name,RecipientFilter');
    expect((await runShell(sim!, assign!)).ok).toBe(true);
    expect((await run({})).ok).toBe(true);
  });

  it('delegation without a folder permission: calendar-read fails with Add-MailboxFolderPermission, which repairs it', async () => {
    const r = await run({ shell: [] }, { access: 'delegation' });
    expect(statuses(r)).toEqual({ ...REACHABLE, 'auth-methods': 'pass', credentials: 'pass', version: 'pass', mailbox: 'pass', 'calendar-read': 'fail', 'calendar-write': 'skip' });
    const read = step(r, 'calendar-read');
    expect(read.detail).toContain('ErrorAccessDenied');
    expect(read.fix).toContain('Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User concierge-svc -AccessRights Editor');
    expect(read.fix).toContain('Add-ADPermission -Identity alice -User concierge-svc -ExtendedRights "Send As"');

    for (const line of fixCommands(read.fix).filter((l) => l.startsWith('Add-'))) expect((await runShell(sim!, line)).ok).toBe(true);
    const again = await run({}, { access: 'delegation' });
    expect(statuses(again)).toMatchObject({ 'calendar-read': 'pass', 'calendar-write': 'warn' });
    expect(again.ok).toBe(true);
  });

  it('delegation with Reviewer only: reading passes, calendar-write fails naming the missing rights, without writing anything', async () => {
    const r = await run({ shell: ['Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User concierge-svc -AccessRights Reviewer'] }, { access: 'delegation' });
    expect(statuses(r)).toMatchObject({ 'calendar-read': 'pass', 'calendar-write': 'fail' });
    const write = step(r, 'calendar-write');
    expect(write.detail).toContain('CreateContents, Modify, Delete missing');
    expect(write.fix).toContain('Set-MailboxFolderPermission');
    expect(sim!.exchange.calendar.findItems(ALICE, 'calendar')).toHaveLength(1);
  });

  it('a mailbox nobody has fails at the mailbox step; an address that only nearly matches names the primary address found', async () => {
    const r = await run({ shell: IMPERSONATION }, { mailbox: 'nobody@contoso.com' });
    expect(statuses(r)).toMatchObject({ credentials: 'pass', version: 'pass', mailbox: 'fail', 'calendar-read': 'skip' });
    expect(step(r, 'mailbox').detail).toContain('No one in the directory has the address nobody@contoso.com');
    expect(step(r, 'mailbox').fix).toContain('Get-Recipient -Identity nobody');

    const near = await run({}, { mailbox: 'alice@contoso.co' });
    expect(step(near, 'mailbox').status).toBe('fail');
    expect(step(near, 'mailbox').detail).toContain('nearest match is Alice Wong <alice@contoso.com>');
    expect(step(near, 'mailbox').fix).toContain('Use alice@contoso.com');
  });
});
