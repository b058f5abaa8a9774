/**
 * `npm run bench:load` — many people asking and booking at once, through the HTTP API, for a bounded time.
 *
 * Set-up: the Exchange simulator runs in a SECOND process (`concierge simulator` from source, as a real
 * Exchange would be another machine), seeded here with a service account holding ApplicationImpersonation,
 * LOAD_USERS people and LOAD_ROOMS room mailboxes. This process runs Concierge (buildServer, PGlite in
 * memory or PostgreSQL with LOAD_DATABASE_URL, the shipped NLU), links the service account through the API,
 * enrols the people (accounts + linked people rows written directly: invitations are not what is measured)
 * and gives each a session.
 *
 * Load: each virtual user loops until the deadline. Most turns ask "what's on my calendar today"; every
 * LOAD_WRITE_EVERY-th turn books: "add focus time on <day> at <time> for 15 minutes", then "yes" in the same
 * dialog session, at a slot no other turn uses. Each room also gets a room display that polls its state,
 * books the room for 15 minutes, extends and ends the booking, in a loop.
 *
 * Then the books are checked against Exchange itself (CalendarView through the service account): every
 * booking the API confirmed exists exactly once (none lost, none duplicated), and nothing exists that was
 * not confirmed. Target: no errors, no lost or duplicated bookings.
 *
 * Tunables (environment): LOAD_USERS (8), LOAD_ROOMS (3), LOAD_DURATION_MS (20000), LOAD_WRITE_EVERY (4),
 * LOAD_DATABASE_URL (unset: PGlite in memory). Results: stdout and bench/results/load.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { Agent, request } from 'undici';
import { defaultUnderstand } from '../src/assistant/understand.js';
import { EwsClient } from '../src/ews/client/ews-client.js';
import { BasicAuth } from '../src/ews/transport/auth.js';
import { admins, openDatabase, SecretBox, sessions, setupTokens } from '../src/persistence/index.js';
import { buildServer } from '../src/server/app.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const RESULTS = join(HERE, 'results', 'load.json');

const USERS = intEnv('LOAD_USERS', 8);
const ROOMS = intEnv('LOAD_ROOMS', 3);
const DURATION_MS = intEnv('LOAD_DURATION_MS', 20_000);
const WRITE_EVERY = intEnv('LOAD_WRITE_EVERY', 4);
const ZONE = 'America/Los_Angeles';
const DOMAIN = 'load.test';
const SVC = { upn: `svc@${DOMAIN}`, password: 'Svc-Load-Passw0rd!' };
const ADMIN = { email: `admin@${DOMAIN}`, password: 'Load-Admin-Passw0rd' };
/** Bookings go on days after today (reads stay on today), 15-minute slots from 08:00, 32 per day. */
const SLOTS_PER_DAY = 32;
const FIRST_BOOKING_DAY = 2;

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}
const pad = (n: number) => String(n).padStart(2, '0');
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

// ---------------------------------------------------------------------------------------------------------
// The simulator, in its own process.

function seed(): object {
  const people = Array.from({ length: USERS }, (_, i) => ({ smtp: `user${pad(i + 1)}@${DOMAIN}`, name: `User ${pad(i + 1)}`, password: 'Passw0rd!', timeZone: 'Pacific Standard Time' }));
  const rooms = Array.from({ length: ROOMS }, (_, i) => ({ smtp: `room${pad(i + 1)}@${DOMAIN}`, name: `Room ${pad(i + 1)}`, type: 'RoomMailbox', capacity: 8, timeZone: 'Pacific Standard Time' }));
  const today = DateTime.now().setZone(ZONE).startOf('day');
  // A realistic day to read: three meetings per person today.
  const events = people.flatMap((p, i) =>
    [9, 11, 14].map((h) => ({ organizer: p.smtp, subject: `Daily item ${h}`, start: today.set({ hour: h }).toUTC().toISO()!, end: today.set({ hour: h, minute: 30 }).toUTC().toISO()!, timeZone: 'Pacific Standard Time', attendees: [people[(i + 1) % people.length]!.smtp] })),
  );
  return {
    domain: DOMAIN,
    basicAuth: true,
    adminPassword: 'Adm1n-Load-Passw0rd!',
    mailboxes: [{ smtp: SVC.upn, name: 'Concierge Service', password: SVC.password }, ...people, ...rooms],
    shell: ['New-ManagementRoleAssignment -Name imp -Role ApplicationImpersonation -User svc'],
    events,
  };
}

async function startSimulatorProcess(): Promise<{ ewsUrl: string; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'concierge-load-'));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed()));
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'cli-entry.ts'), 'simulator', '--seed', seedFile, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    try {
      const ready = JSON.parse(line) as { ewsUrl?: string };
      if (ready.ewsUrl) return { ewsUrl: ready.ewsUrl, child };
    } catch {
      // not the ready line
    }
  }
  throw new Error('the simulator exited before it was ready');
}

// ---------------------------------------------------------------------------------------------------------
// HTTP against Concierge.

interface Caller {
  readonly cookie: string;
  readonly csrf: string;
}

interface Outcome {
  readonly status: number;
  readonly body: unknown;
  readonly ms: number;
}

const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });

async function call(base: string, who: Caller | undefined, method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<Outcome> {
  const t0 = performance.now();
  const headers: Record<string, string> = {};
  if (body) headers['content-type'] = 'application/json';
  if (who) Object.assign(headers, { cookie: who.cookie, 'x-csrf-token': who.csrf });
  const res = await request(`${base}${path}`, { method, headers, body: body ? JSON.stringify(body) : null, dispatcher: agent });
  const text = await res.body.text();
  const ms = performance.now() - t0;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.statusCode, body: parsed, ms };
}

// ---------------------------------------------------------------------------------------------------------
// Measurement.

class Series {
  readonly ms: number[] = [];
  errors = 0;
  readonly errorSamples: string[] = [];
  add(o: Outcome, ok: boolean): void {
    this.ms.push(o.ms);
    if (!ok) {
      this.errors++;
      if (this.errorSamples.length < 5) this.errorSamples.push(`${o.status} ${JSON.stringify(o.body).slice(0, 300)}`);
    }
  }
  summary(seconds: number) {
    const s = [...this.ms].sort((a, b) => a - b);
    return { requests: s.length, perSecond: Number((s.length / seconds).toFixed(1)), p50Ms: Number(quantile(s, 0.5).toFixed(1)), p99Ms: Number(quantile(s, 0.99).toFixed(1)), errors: this.errors, ...(this.errorSamples.length ? { errorSamples: this.errorSamples } : {}) };
  }
}

interface Booking {
  readonly user: string;
  readonly start: string;
  confirmed: boolean;
  failed: boolean;
}

async function main(): Promise<void> {
  const { ewsUrl, child } = await startSimulatorProcess();
  const database = await openDatabase(process.env.LOAD_DATABASE_URL ? { url: process.env.LOAD_DATABASE_URL } : {});
  const server = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), understand: await defaultUnderstand(), logLevel: 'warn' });
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const address = server.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  try {
    // The administrator, the link, the people, the rooms.
    const { token } = await setupTokens.create(database.db);
    const setup = await request(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...ADMIN }), dispatcher: agent });
    const setupBody = (await setup.body.json()) as { csrfToken?: string };
    if (setup.statusCode !== 201 || !setupBody.csrfToken) throw new Error(`setup failed: ${setup.statusCode} ${JSON.stringify(setupBody)}`);
    const admin: Caller = { cookie: String(setup.headers['set-cookie']).split(';')[0]!, csrf: setupBody.csrfToken };
    const link = await call(base, admin, 'POST', '/api/v1/exchange/link', { url: ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: `user01@${DOMAIN}` });
    if (link.status >= 300) throw new Error(`link failed: ${link.status} ${JSON.stringify(link.body)}`);

    const users: { email: string; caller: Caller }[] = [];
    for (let i = 1; i <= USERS; i++) {
      const email = `user${pad(i)}@${DOMAIN}`;
      const account = await admins.create(database.db, { email, password: `Load-User-Passw0rd-${i}`, role: 'user' });
      await database.db.insertInto('people').values({ id: `load-${i}`, email, account_id: account.id, state: 'linked', mailbox: email, time_zone: ZONE, invited_by: ADMIN.email, linked_at: new Date() }).execute();
      const s = await sessions.create(database.db, account.id, { ttlMs: 3_600_000 });
      users.push({ email, caller: { cookie: `concierge_session=${s.sessionId}`, csrf: s.csrfToken } });
    }

    const displays: { room: string; caller: Caller }[] = [];
    for (let i = 1; i <= ROOMS; i++) {
      const email = `room${pad(i)}@${DOMAIN}`;
      const added = await call(base, admin, 'POST', '/api/v1/rooms', { email });
      if (added.status === 404) break; // no rooms API in this build: the rooms part is skipped (reported)
      if (added.status >= 300) throw new Error(`adding ${email} failed: ${added.status} ${JSON.stringify(added.body)}`);
      const roomId = (added.body as { room: { id: string } }).room.id;
      const device = await call(base, admin, 'POST', `/api/v1/rooms/${roomId}/devices`, { kind: 'display', label: 'load' });
      const displayToken = new URL(String((device.body as { displayUrl: string }).displayUrl), base).hash.replace(/^#token=/, '');
      const res = await request(`${base}/api/v1/display/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: displayToken }), dispatcher: agent });
      const body = (await res.body.json()) as { csrfToken: string };
      displays.push({ room: email, caller: { cookie: String(res.headers['set-cookie']).split(';')[0]!, csrf: body.csrfToken } });
    }

    // The load.
    const reads = new Series();
    const writes = new Series();
    const roomBooks = new Series();
    const bookings: Booking[] = [];
    const roomOk = new Map<string, number>();
    const day0 = DateTime.now().setZone(ZONE).startOf('day');
    const deadline = Date.now() + DURATION_MS;
    const started = performance.now();

    const person = async (u: (typeof users)[number]) => {
      let turn = 0;
      let booked = 0;
      while (Date.now() < deadline) {
        turn++;
        if (turn % WRITE_EVERY !== 0) {
          const o = await call(base, u.caller, 'POST', '/api/v1/assistant/ask', { text: "what's on my calendar today", timeZone: ZONE });
          reads.add(o, o.status === 200 && (o.body as { intent?: string }).intent === 'read_events');
          continue;
        }
        const slot = booked++;
        const at = day0.plus({ days: FIRST_BOOKING_DAY + Math.floor(slot / SLOTS_PER_DAY) }).set({ hour: 8 }).plus({ minutes: 15 * (slot % SLOTS_PER_DAY) });
        const booking: Booking = { user: u.email, start: at.toUTC().toISO({ suppressMilliseconds: true })!, confirmed: false, failed: false };
        bookings.push(booking);
        const text = `add focus time on ${at.toFormat('LLLL d').toLowerCase()} at ${at.toFormat('h:mm a').toLowerCase()} for 15 minutes`;
        const ask = await call(base, u.caller, 'POST', '/api/v1/assistant/ask', { text, timeZone: ZONE });
        const asked = ask.body as { sessionId?: string; pending?: { draft?: { start?: string } } };
        const pendingStart = asked.pending?.draft?.start;
        const understood = ask.status === 200 && pendingStart !== undefined && Date.parse(pendingStart) === Date.parse(booking.start);
        writes.add(ask, understood);
        if (!understood) {
          booking.failed = true;
          continue;
        }
        const yes = await call(base, u.caller, 'POST', '/api/v1/assistant/ask', { text: 'yes', sessionId: asked.sessionId, timeZone: ZONE });
        const created = yes.status === 200 && (yes.body as { events?: unknown[] }).events?.length === 1;
        writes.add(yes, created);
        if (created) booking.confirmed = true;
        else booking.failed = true;
      }
    };

    // A room display's life: poll the state, book 15 minutes, extend, end. The room declines a booking that
    // overlaps one (ended bookings keep their last minute), which is an answer, not an error.
    const display = async (d: (typeof displays)[number]) => {
      while (Date.now() < deadline) {
        const state = await call(base, d.caller, 'GET', '/api/v1/display/state');
        roomBooks.add(state, state.status === 200);
        const book = await call(base, d.caller, 'POST', '/api/v1/display/book', { minutes: 15 });
        roomBooks.add(book, book.status === 200);
        if (book.status !== 200 || (book.body as { ok?: boolean }).ok !== true) continue;
        roomOk.set(d.room, (roomOk.get(d.room) ?? 0) + 1);
        const extend = await call(base, d.caller, 'POST', '/api/v1/display/extend', { minutes: 15 });
        roomBooks.add(extend, extend.status === 200);
        const end = await call(base, d.caller, 'POST', '/api/v1/display/end');
        roomBooks.add(end, end.status === 200);
      }
    };

    await Promise.all([...users.map(person), ...displays.map(display)]);
    const seconds = (performance.now() - started) / 1000;

    // What Exchange holds: every confirmed booking once, nothing unconfirmed.
    const client = new EwsClient({ url: ewsUrl, auth: new BasicAuth(SVC.upn, SVC.password), access: 'impersonation' });
    let lost = 0;
    let lostSample: unknown;
    let duplicated = 0;
    let unexpected = 0;
    const lastDay = FIRST_BOOKING_DAY + Math.ceil(Math.max(1, ...users.map((u) => bookings.filter((b) => b.user === u.email).length)) / SLOTS_PER_DAY) + 1;
    for (const u of users) {
      const window = { start: day0.plus({ days: FIRST_BOOKING_DAY }).toUTC().toISO()!, end: day0.plus({ days: lastDay }).toUTC().toISO()! };
      // Every event on those days is one of this run's bookings (the seed only fills today): matched by start.
      const events = await client.calendarView(u.email, window, { timeZone: ZONE });
      const count = new Map<number, number>();
      for (const e of events) count.set(Date.parse(e.start), (count.get(Date.parse(e.start)) ?? 0) + 1);
      const mine = bookings.filter((b) => b.user === u.email);
      for (const b of mine) {
        const n = count.get(Date.parse(b.start)) ?? 0;
        if (b.confirmed && n === 0) {
          lost++;
          lostSample ??= { booking: b, calendar: events.slice(0, 3).map((e) => ({ subject: e.subject, start: e.start })) };
        }
        if (n > 1) duplicated += n - 1;
        if (!b.confirmed && n > 0) unexpected += n;
        count.delete(Date.parse(b.start));
      }
      for (const n of count.values()) unexpected += n;
    }
    let roomMismatch = 0;
    let roomItems = 0;
    for (const d of displays) {
      const window = { start: day0.toUTC().toISO()!, end: day0.plus({ days: 2 }).toUTC().toISO()! };
      const items = (await client.calendarView(d.room, window, { timeZone: ZONE })).filter((e) => !e.isCancelled);
      roomItems += items.length;
      // Ended bookings stay on the calendar, shortened to the minute they ended; overlaps would be double bookings.
      const sorted = items.map((e) => [Date.parse(e.start), Date.parse(e.end)] as const).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] < sorted[i - 1]![1]) roomMismatch++;
    }
    await client.close();

    const result = {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Number(x.toFixed(2))) },
      settings: { users: USERS, rooms: displays.length, durationMs: DURATION_MS, writeEvery: WRITE_EVERY, database: process.env.LOAD_DATABASE_URL ? 'postgresql' : 'pglite (memory)', simulator: 'second process' },
      seconds: Number(seconds.toFixed(1)),
      reads: reads.summary(seconds),
      writes: writes.summary(seconds),
      roomDisplay: displays.length ? { ...roomBooks.summary(seconds), bookingsAccepted: [...roomOk.values()].reduce((a, b) => a + b, 0), inRoomCalendars: roomItems, overlappingBookings: roomMismatch } : 'skipped: no rooms API in this build',
      bookings: { attempted: bookings.length, confirmed: bookings.filter((b) => b.confirmed).length, failed: bookings.filter((b) => b.failed).length, lost, duplicated, unexpected, ...(lostSample ? { lostSample } : {}) },
      allRequests: { perSecond: Number(((reads.ms.length + writes.ms.length + roomBooks.ms.length) / seconds).toFixed(1)), errors: reads.errors + writes.errors + roomBooks.errors },
    };
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const roomAccepted = [...roomOk.values()].reduce((a, b) => a + b, 0);
    const clean = result.allRequests.errors === 0 && lost === 0 && duplicated === 0 && unexpected === 0 && roomMismatch === 0 && roomItems === roomAccepted;
    process.stdout.write(clean ? 'load: no errors, no lost or duplicated bookings\n' : 'load: TARGET MISSED (see errors and bookings above)\n');
    process.exitCode = clean ? 0 : 1;
  } finally {
    await server.app.close();
    await database.close();
    await agent.close();
    child.kill('SIGTERM');
  }
}

await main();
