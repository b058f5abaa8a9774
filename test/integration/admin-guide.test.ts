import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { EwsClient } from '../../src/ews/client/ews-client.js';
import { BasicAuth } from '../../src/ews/transport/auth.js';
import { startSimulator, type RunningSimulator } from '../../src/simulator/host.js';
import { parseSeed } from '../../src/simulator/seed.js';
import { SHARED_DIR } from '../support/shared.js';

/**
 * The Alexa for Business admin guide, run command by command against a fresh simulator through its
 * Management Shell endpoint (as `concierge shell` sends them), then used from Concierge's own client.
 */
const GUIDE = readFileSync(join(SHARED_DIR, 'seed', '000_3e389f27a26295be.txt'), 'utf8');
const ADMIN = { user: 'administrator@contoso.com', password: 'Adm1n-Passw0rd!' };
const SVC_PASSWORD = 'Svc-Passw0rd-2026!';

let sim: RunningSimulator;

interface ShellReply {
  output: string;
  ok: boolean;
  needsInput?: { text: string; secret: boolean };
}

async function shell(command: string, answers: string[] = []): Promise<ShellReply> {
  const res = await request(sim.powershellUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ command, answers }),
  });
  expect(res.statusCode).toBe(200);
  return (await res.body.json()) as ShellReply;
}

/** A command exactly as the guide prints it (checked to appear verbatim in the guide). */
function fromGuide(command: string): string {
  expect(GUIDE.includes(command), `not verbatim in the guide: ${command}`).toBe(true);
  return command;
}

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: parseSeed({
      domain: 'contoso.com',
      serverName: 'Contoso',
      version: 'Exchange2016',
      basicAuth: false,
      adminPassword: ADMIN.password,
      mailboxes: [
        { smtp: 'alice@contoso.com', name: 'Alice Wong', password: 'Passw0rd!', timeZone: 'Pacific Standard Time' },
        { smtp: 'bob@contoso.com', name: 'Bob Smith', password: 'Passw0rd!', timeZone: 'Pacific Standard Time' },
        { smtp: 'room.101@contoso.com', name: 'Room 101', type: 'RoomMailbox', capacity: 8 },
      ],
      events: [{ organizer: 'alice@contoso.com', subject: 'Weekly planning', start: '2026-12-07T09:00:00-08:00', end: '2026-12-07T10:00:00-08:00', timeZone: 'Pacific Standard Time', recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'Numbered', startDate: '2026-12-07', numberOfOccurrences: 4 } } }],
    }),
  });
});

afterAll(async () => {
  await sim?.close();
});

describe('the admin guide, step by step, on a fresh simulator', () => {
  it('verifies Basic authentication and enables it with the guide\'s own command', async () => {
    const before = await shell(fromGuide('Get-WebServicesVirtualDirectory | fl'));
    expect(before.output).toMatch(/BasicAuthentication\s+:\s+False/);
    const set = await shell(fromGuide('Set-WebServicesVirtualDirectory -Identity "Contoso\\EWS(Default Web Site)" -BasicAuthentication $true'));
    expect(set.ok, set.output).toBe(true);
    expect((await shell('Get-WebServicesVirtualDirectory | fl')).output).toMatch(/BasicAuthentication\s+:\s+True/);
  });

  it('creates the service account: the printed New-Mailbox fails as PowerShell would, the corrected one prompts for the password', async () => {
    const printed = fromGuide('New-Mailbox -UserPrincipalName alexaforbusiness@your_domain -Alias Alexa for Business -Name alexaforbusiness -OrganizationalUnit Users -FirstName Alexa -LastName Service Account -DisplayName "Alexa for Business Service Account"');
    const asPrinted = await shell(printed.replace('your_domain', 'contoso.com'));
    expect(asPrinted.ok).toBe(false);
    expect(asPrinted.output).toContain("A positional parameter cannot be found that accepts argument 'for'.");
    const corrected = 'New-Mailbox -UserPrincipalName alexaforbusiness@contoso.com -Alias alexaforbusiness -Name alexaforbusiness -OrganizationalUnit Users -FirstName Alexa -LastName "Service Account" -DisplayName "Alexa for Business Service Account"';
    const asks = await shell(corrected);
    expect(asks.needsInput).toMatchObject({ secret: true });
    expect(asks.needsInput?.text).toMatch(/Password/);
    const created = await shell(corrected, [SVC_PASSWORD]);
    expect(created.ok, created.output).toBe(true);
  });

  it('sets up impersonation, and the scope limited to user mailboxes', async () => {
    for (const line of [
      'New-ManagementRoleAssignment –name:impersonationAssignmentName –Role:ApplicationImpersonation –User: alexaforbusiness',
      'New-ManagementScope -Name "UserMailboxes" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox"}',
      'New-ManagementRoleAssignment –Name "ResourceImpersonation" –Role ApplicationImpersonation –User alexaforbusiness –CustomRecipientWriteScope "UserMailboxes"',
    ]) {
      const r = await shell(fromGuide(line));
      expect(r.ok, `${line}\n${r.output}`).toBe(true);
    }
  });

  it('full access: the single-user commands with <username> filled in, and the all-users loop written the way PowerShell accepts it', async () => {
    const one = fromGuide('Add-MailboxFolderPermission <username>:\\Calendar -user alexaforbusiness -accessrights Editor');
    expect((await shell(one.replace('<username>', 'alice'))).ok).toBe(true);
    const sendAs = fromGuide('Add-ADPermission -Identity <username> –User alexaforbusiness -Extendedrights "Send As"');
    expect((await shell(sendAs.replace('<username>', 'alice'))).ok).toBe(true);
    const oneLine = fromGuide('$users = Get-Mailbox -ResultSize unlimited -RecipientTypeDetails UserMailbox | Select -ExpandProperty Name Foreach ($user in $users) { Add-MailboxFolderPermission -Identity $user":\\Calendar" -user alexaforbusiness -accessrights Editor Add-ADPermission -Identity $user –User alexaforbusiness -Extendedrights "Send As" }');
    const broken = await shell(oneLine);
    expect(broken.ok).toBe(false);
    const written = [
      '$users = Get-Mailbox -ResultSize unlimited -RecipientTypeDetails UserMailbox | Select -ExpandProperty Name',
      'Foreach ($user in $users) {',
      '  Add-MailboxFolderPermission -Identity $user":\\Calendar" -user alexaforbusiness -accessrights Editor -ErrorAction SilentlyContinue',
      '  Add-ADPermission -Identity $user –User alexaforbusiness -Extendedrights "Send As"',
      '}',
    ].join('\n');
    const loop = await shell(written);
    expect(loop.output).not.toMatch(/positional parameter|Unexpected token/);
    const perms = await shell('Get-MailboxFolderPermission bob:\\Calendar');
    // Exchange lists the delegate by display name.
    expect(perms.output).toMatch(/Alexa for Business Service Account\s+\{Editor\}/);
  });

  it("then Concierge's own client reads and books through the service account, both ways", async () => {
    const impersonating = new EwsClient({ url: sim.ewsUrl, auth: new BasicAuth('alexaforbusiness@contoso.com', SVC_PASSWORD), access: 'impersonation' });
    const events = await impersonating.calendarView('alice@contoso.com', { start: '2026-12-07T00:00:00Z', end: '2026-12-29T00:00:00Z' });
    expect(events.map((e) => e.subject)).toEqual(['Weekly planning', 'Weekly planning', 'Weekly planning', 'Weekly planning']);
    expect(events.every((e) => e.kind === 'occurrence')).toBe(true);
    expect(impersonating.serverVersion?.majorVersion).toBe(15);

    const delegating = new EwsClient({ url: sim.ewsUrl, auth: new BasicAuth('alexaforbusiness@contoso.com', SVC_PASSWORD), access: 'delegation' });
    const created = await delegating.createEvent('bob@contoso.com', { subject: 'Room check', start: '2026-12-08T18:00:00Z', end: '2026-12-08T18:30:00Z', timeZone: 'America/Los_Angeles', attendees: [{ email: 'alice@contoso.com', kind: 'required' }, { email: 'room.101@contoso.com', kind: 'resource' }] });
    const [got] = await delegating.getEvents('bob@contoso.com', [created.id]);
    expect(got?.ok && got.value.attendees.find((a) => a.kind === 'resource')?.response).toBe('accepted');
    const aliceSees = await impersonating.calendarView('alice@contoso.com', { start: '2026-12-08T00:00:00Z', end: '2026-12-09T00:00:00Z' });
    expect(aliceSees.map((e) => e.subject)).toContain('Room check');
    await impersonating.close();
    await delegating.close();
  });
});
