/**
 * Shared set-up of the interop tests: the Contoso seed (configured with the admin guide's shell lines),
 * the scenario's times, and a loopback recording proxy between the real EWS clients and the simulator,
 * so that every answer the simulator gave can be schema-checked afterwards.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { startSimulator, type RunningSimulator } from '../../src/simulator/host.js';
import { parseSeed, type Seed } from '../../src/simulator/seed.js';
import { validateEnvelope } from '../support/shared.js';

export const DOMAIN = 'contoso.com';
export const ZONE = { windows: 'Pacific Standard Time', iana: 'America/Los_Angeles' } as const;

export const USERS = {
  admin: { user: `administrator@${DOMAIN}`, password: 'Adm1n-Interop-Pw!' },
  alice: { user: `alice@${DOMAIN}`, password: 'Alice-Interop-Pw1' },
  bob: { user: `bob@${DOMAIN}`, password: 'Bob-Interop-Pw1' },
  carol: { user: `carol@${DOMAIN}`, password: 'Carol-Interop-Pw1' },
  svc: { user: `svc@${DOMAIN}`, password: 'Svc-Interop-Pw1' },
  svc2: { user: `svc2@${DOMAIN}`, password: 'Svc2-Interop-Pw1' },
} as const;
export const ROOM = `room.101@${DOMAIN}`;

/** Local (Pacific) wall-clock times of the scenario, as ISO strings with offset. */
export interface Scenario {
  /** Monday 00:00 of next week: inside the room's 180-day booking window, never in the past. */
  readonly weekStart: string;
  readonly weekEnd: string;
  /** Two weeks from weekStart: the calendar view window. */
  readonly viewEnd: string;
  /** The weekly meeting (Tuesdays 10:00-10:30) and its occurrences in the view window. */
  readonly weekly: { readonly subject: string; readonly occurrences: readonly { start: string; end: string }[] };
  /** The single meeting (Wednesday 14:00-15:00). */
  readonly single: { readonly subject: string; readonly start: string; readonly end: string };
  /** Slots where each run creates its meeting (different times, so a leftover never makes the room decline). */
  readonly createSlots: { readonly impersonation: { start: string; end: string }; readonly delegate: { start: string; end: string } };
}

const isoOf = (d: DateTime): string => d.toISO({ suppressMilliseconds: true })!;

export function scenario(now: Date = new Date()): Scenario {
  const monday = DateTime.fromJSDate(now, { zone: ZONE.iana }).startOf('week').plus({ weeks: 1 });
  const at = (days: number, hour: number, minute = 0) => monday.plus({ days }).set({ hour, minute });
  const slot = (days: number, hour: number, minutes: number) => ({ start: isoOf(at(days, hour)), end: isoOf(at(days, hour).plus({ minutes })) });
  return {
    weekStart: isoOf(monday),
    weekEnd: isoOf(monday.plus({ weeks: 1 })),
    viewEnd: isoOf(monday.plus({ weeks: 2 })),
    weekly: { subject: 'Weekly planning', occurrences: [slot(1, 10, 30), slot(8, 10, 30)] },
    single: { subject: 'Budget review', ...slot(2, 14, 60) },
    createSlots: { impersonation: slot(3, 11, 30), delegate: slot(4, 11, 30) },
  };
}

/**
 * Contoso as the admin guide sets it up: svc may impersonate user mailboxes only (scope UserMailboxes),
 * bob has Editor on alice's calendar and Send As on alice; svc2 has no rights at all.
 */
export function interopSeed(s: Scenario, basicAuth = true): Seed {
  const person = (alias: keyof typeof USERS, name: string, first?: string, last?: string) => ({
    smtp: USERS[alias].user,
    name,
    alias,
    password: USERS[alias].password,
    type: 'UserMailbox' as const,
    timeZone: ZONE.windows,
    ...(first ? { firstName: first } : {}),
    ...(last ? { lastName: last } : {}),
  });
  const weeklyStart = DateTime.fromISO(s.weekly.occurrences[0]!.start, { zone: ZONE.iana });
  return parseSeed({
    domain: DOMAIN,
    version: 'Exchange2016',
    basicAuth,
    adminPassword: USERS.admin.password,
    mailboxes: [
      person('alice', 'Alice Wong', 'Alice', 'Wong'),
      person('bob', 'Bob Smith', 'Bob', 'Smith'),
      person('carol', 'Carol Diaz', 'Carol', 'Diaz'),
      person('svc', 'svc'),
      person('svc2', 'svc2'),
      { smtp: ROOM, name: 'Room 101', alias: 'room.101', type: 'RoomMailbox', capacity: 8, timeZone: ZONE.windows },
    ],
    shell: [
      'New-ManagementScope -Name "UserMailboxes" -RecipientRestrictionFilter {RecipientTypeDetails -eq "UserMailbox"}',
      'New-ManagementRoleAssignment -Name "ResourceImpersonation" -Role ApplicationImpersonation -User svc -CustomRecipientWriteScope "UserMailboxes"',
      'Add-MailboxFolderPermission alice:\\Calendar -User bob -AccessRights Editor',
      'Add-ADPermission -Identity alice -User bob -ExtendedRights "Send As"',
    ],
    events: [
      {
        organizer: USERS.alice.user,
        subject: s.weekly.subject,
        start: s.weekly.occurrences[0]!.start,
        end: s.weekly.occurrences[0]!.end,
        timeZone: ZONE.windows,
        attendees: [USERS.bob.user, USERS.carol.user],
        recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'Numbered', startDate: weeklyStart.toISODate(), numberOfOccurrences: 8 } },
      },
      { organizer: USERS.alice.user, subject: s.single.subject, start: s.single.start, end: s.single.end, timeZone: ZONE.windows, location: 'Room 101', attendees: [USERS.bob.user], rooms: [ROOM] },
    ],
  });
}

/** One HTTP exchange seen by the recording proxy. */
export interface HttpRecord {
  readonly method: string;
  readonly path: string;
  readonly requestHeaders: IncomingHttpHeaders;
  readonly requestBody: string;
  readonly status: number;
  readonly responseHeaders: IncomingHttpHeaders;
  readonly responseBody: string;
}

export interface RecordingProxy {
  /** The EWS URL to give clients (same path as the simulator's). */
  readonly ewsUrl: string;
  readonly records: HttpRecord[];
  close(): Promise<void>;
}

/** A loopback HTTP proxy that forwards every request to `target` unchanged and keeps both bodies. */
export async function recordingProxy(targetEwsUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetEwsUrl);
  const records: HttpRecord[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      // Uncompressed answers, so the recorded bodies are the XML itself (the simulator does not compress anyway).
      const headers = { ...req.headers, host: target.host };
      delete headers['accept-encoding'];
      const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          const body = Buffer.concat(parts);
          records.push({
            method: req.method ?? '',
            path: req.url ?? '',
            requestHeaders: req.headers,
            requestBody: requestBody.toString('utf8'),
            status: up.statusCode ?? 0,
            responseHeaders: up.headers,
            responseBody: body.toString('utf8'),
          });
          const out = { ...up.headers };
          delete out['transfer-encoding'];
          out['content-length'] = String(body.length);
          res.writeHead(up.statusCode ?? 502, out);
          res.end(body);
        });
      });
      upstream.on('error', (err) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`recording proxy: ${err.message}`);
      });
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ewsUrl: `http://127.0.0.1:${port}${target.pathname}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A running simulator with a recording proxy in front of it. */
export interface InteropServer {
  readonly simulator: RunningSimulator;
  readonly proxy: RecordingProxy;
  readonly url: string;
  close(): Promise<void>;
}

export async function startInteropServer(seed: Seed): Promise<InteropServer> {
  const simulator = await startSimulator({ seed, port: 0, host: '127.0.0.1' });
  const proxy = await recordingProxy(simulator.ewsUrl);
  return {
    simulator,
    proxy,
    url: proxy.ewsUrl,
    async close() {
      await proxy.close();
      await simulator.close();
    },
  };
}

/** The SOAP operation of a request body (first element in soap:Body), for messages. */
export function operationOf(xml: string): string {
  const m = /<(?:[\w.-]+:)?Body[^>]*>\s*<(?:[\w.-]+:)?([\w]+)/.exec(xml);
  return m?.[1] ?? '(none)';
}

export interface SchemaReport {
  /** Distinct XML answers that were checked. */
  readonly checked: number;
  readonly faults: number;
  readonly invalid: readonly { readonly operation: string; readonly status: number; readonly output: string; readonly response: string }[];
  /** Answers that were not `text/xml; charset=utf-8` (only 401s may have no body). */
  readonly wrongContentType: readonly string[];
}

/**
 * Validates every distinct simulator answer against messages.xsd. Answers that differ only in Id and
 * ChangeKey attribute values (xs:string in the schema, so they cannot change the verdict) are checked once.
 */
export async function checkResponses(records: readonly HttpRecord[], concurrency = 2): Promise<SchemaReport> {
  const wrongContentType: string[] = [];
  const distinct = new Map<string, HttpRecord>();
  for (const r of records) {
    if (r.status === 401 && r.responseBody === '') continue;
    const ct = String(r.responseHeaders['content-type'] ?? '');
    if (ct.toLowerCase().replace(/\s+/g, '') !== 'text/xml;charset=utf-8') wrongContentType.push(`${operationOf(r.requestBody)} ${r.status}: ${ct}`);
    if (!r.responseBody.trimStart().startsWith('<')) continue;
    const key = r.responseBody.replace(/\b(Id|ChangeKey|RootItemId|RootItemChangeKey)="[^"]*"/g, '$1=""');
    if (!distinct.has(key)) distinct.set(key, r);
  }
  const queue = [...distinct.values()];
  const invalid: { operation: string; status: number; output: string; response: string }[] = [];
  let faults = 0;
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const verdict = await validateEnvelope(r.responseBody);
      if (/^FAULT/m.test(verdict.output)) faults++;
      if (!verdict.valid) invalid.push({ operation: operationOf(r.requestBody), status: r.status, output: verdict.output, response: r.responseBody });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { checked: distinct.size, faults, invalid, wrongContentType };
}

/** Two intervals overlap (ISO strings with offsets). */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

export const sameInstant = (a: string | null | undefined, b: string): boolean => a != null && Date.parse(a) === Date.parse(b);
