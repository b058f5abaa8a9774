import { connect as tcpConnect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { startSimulator, type RunningSimulator } from '../../src/simulator/host.js';
import { parseSeed, type Seed } from '../../src/simulator/seed.js';
import type { KeyPair } from './tls.js';

/** The organization the analyzer tests run against: a service account, a user and a room. */
export const DOMAIN = 'contoso.com';
export const SERVICE = `concierge-svc@${DOMAIN}`;
export const SERVICE_PASSWORD = 'Svc-Passw0rd!';
export const ALICE = `alice@${DOMAIN}`;
export const ROOM = `room.101@${DOMAIN}`;
export const ADMIN_PASSWORD = 'Adm1n-Passw0rd!';

/** The guide's impersonation set-up, unscoped. */
export const IMPERSONATION = ['New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User concierge-svc'];
/** The guide's scoped variant: user mailboxes only. */
export const SCOPED_IMPERSONATION = [
  'New-ManagementScope -Name "UserMailboxes" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox"}',
  'New-ManagementRoleAssignment -Name "ResourceImpersonation" -Role ApplicationImpersonation -User concierge-svc -CustomRecipientWriteScope "UserMailboxes"',
];
/** The guide's delegation set-up for alice. */
export const DELEGATION = ['Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User concierge-svc -AccessRights Editor', 'Add-ADPermission -Identity alice -User concierge-svc -ExtendedRights "Send As"'];

export function analyzerSeed(opts: { version?: Seed['version']; basicAuth?: boolean; shell?: readonly string[] } = {}): Seed {
  return parseSeed({
    domain: DOMAIN,
    version: opts.version ?? 'Exchange2016',
    basicAuth: opts.basicAuth ?? true,
    adminPassword: ADMIN_PASSWORD,
    mailboxes: [
      { smtp: SERVICE, name: 'Concierge Service', password: SERVICE_PASSWORD, type: 'UserMailbox' },
      { smtp: ALICE, name: 'Alice Wong', password: 'Al1ce-Passw0rd!', type: 'UserMailbox', timeZone: 'Pacific Standard Time' },
      { smtp: ROOM, name: 'Room 101', type: 'RoomMailbox', timeZone: 'Pacific Standard Time' },
    ],
    shell: [...(opts.shell ?? [])],
    events: [{ organizer: ALICE, subject: 'Standup', start: todayAt(17), end: todayAt(17, 15) }],
  });
}

function todayAt(hour: number, minute = 0): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute)).toISOString().replace('.000Z', 'Z');
}

export function startAnalyzerSimulator(opts: Parameters<typeof analyzerSeed>[0] = {}): Promise<RunningSimulator> {
  return startSimulator({ seed: analyzerSeed(opts), port: 0 });
}

/** Runs Management Shell commands on the simulator as its administrator (the /powershell endpoint). */
export async function runShell(sim: RunningSimulator, command: string): Promise<{ output: string; ok: boolean; errors: string[] }> {
  const res = await fetch(sim.powershellUrl, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`administrator@${DOMAIN}:${ADMIN_PASSWORD}`).toString('base64')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ command }),
  });
  return (await res.json()) as { output: string; ok: boolean; errors: string[] };
}

export interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A TLS-terminating proxy on 127.0.0.1 with the given certificate, passing the decrypted bytes to a
 * plain-HTTP server on `targetPort`: the simulator behind a certificate of the test's choosing.
 */
export async function startTlsProxy(pair: KeyPair, targetPort: number): Promise<Listening> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createTlsServer({ cert: pair.cert, key: pair.key }, (client) => {
    track(client);
    const upstream = tcpConnect({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  // A client that refuses the certificate resets the handshake; that is the point of most tests.
  server.on('tlsClientError', () => {});
  server.on('connection', track);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The runnable Management Shell lines of a fix (prose and notes left out); `<SERVER>` replaced when given. */
export function fixCommands(fix: string | undefined, server?: string): string[] {
  return (fix ?? '')
    .split('\n')
    .filter((l) => /^[A-Z][a-z]+-[A-Za-z]+ /.test(l))
    .map((l) => (server ? l.replaceAll('<SERVER>', server) : l));
}

/** `{ dns: 'pass', tcp: 'pass', … }`: a run's statuses, for one readable assertion. */
export function statuses(result: { readonly steps: readonly { readonly id: string; readonly status: string }[] }): Record<string, string> {
  return Object.fromEntries(result.steps.map((s) => [s.id, s.status]));
}

