/**
 * `npm run bench:assistant` — what asking the assistant costs over asking Exchange directly.
 *
 * (1) "what's on my calendar today" through the HTTP API (POST /api/v1/assistant/ask on a real
 * Concierge server on 127.0.0.1, PGlite in memory, the shipped NLU), asked by alice herself (a user
 * account whose person is linked to alice's mailbox, stored time zone America/Los_Angeles; or, with
 * BENCH_AS=admin, by an administrator naming the link's test mailbox), against the simulator
 * (test/support/server.ts rotationSimulator(): svc impersonates alice), versus (2) one raw
 * EwsClient.calendarView round trip for the same mailbox and day (withAttendees, same time zone: the
 * work the assistant's provider does), same simulator, same run. Sequential (concurrency 1), undici
 * keep-alive; A/B blocks alternate (A,B then B,A per round), each with a warm-up and a measured window.
 * (3) The NLU alone: understand() from src/assistant/nlu over ~50 varied utterances, many iterations.
 * Two floors in the same rounds: GET /api/v1/session as the same account (HTTP round trip + session
 * check), and the same request without a cookie (refused before any database work: the HTTP hop alone).
 * CalendarView + hop is the least any answer over HTTP that waits for one CalendarView can take.
 *
 * The simulator runs in a second process by default (BENCH_SIMULATOR=process), as Exchange is another
 * machine: its work then does not queue on the Concierge server's event loop, and work the server
 * overlaps with the Exchange round trip shows as it would in production. BENCH_SIMULATOR=inline runs it
 * in this process (the set-up of the first figures: everything on one event loop, so the difference is
 * the server's own CPU work, and nothing can overlap). Server and client share this process either way.
 *
 * Tunables (environment): BENCH_DATABASE_URL (PostgreSQL instead of PGlite), BENCH_EVENTS_TODAY (6), BENCH_ROUNDS (2), BENCH_WARMUP_MS (2000), BENCH_MEASURE_MS (5000),
 * BENCH_AS (user; admin), BENCH_SIMULATOR (process; inline),
 * BENCH_NLU_ITER (200 passes over the utterances), BENCH_CPU_PROFILE (off; 1: profile this process
 * during the first measured assistant window, write bench/results/assistant.cpuprofile and print the
 * top self-time functions).
 * Results: the table on stdout and bench/results/assistant.json.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { Agent, request } from 'undici';
import { understand as nluUnderstand } from '../src/assistant/nlu/index.js';
import { defaultUnderstand } from '../src/assistant/understand.js';
import { EwsClient } from '../src/ews/client/ews-client.js';
import { BasicAuth } from '../src/ews/transport/auth.js';
import { admins, openDatabase, SecretBox, setupTokens } from '../src/persistence/index.js';
import { buildServer } from '../src/server/app.js';
import { ADMIN, rotationSimulator, SVC, SVC2 } from '../test/support/server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const RESULTS = join(HERE, 'results', 'assistant.json');
const PROFILE_FILE = join(HERE, 'results', 'assistant.cpuprofile');

const ROUNDS = intEnv('BENCH_ROUNDS', 2);
const WARMUP_MS = intEnv('BENCH_WARMUP_MS', 2000);
const MEASURE_MS = intEnv('BENCH_MEASURE_MS', 5000);
const NLU_ITER = intEnv('BENCH_NLU_ITER', 200);
const PROFILE = process.env.BENCH_CPU_PROFILE === '1';
const AS: 'user' | 'admin' = process.env.BENCH_AS === 'admin' ? 'admin' : 'user';
const SIMULATOR: 'process' | 'inline' = process.env.BENCH_SIMULATOR === 'inline' ? 'inline' : 'process';
/** Set in the child process that only runs the simulator. */
const SIMULATOR_CHILD = process.env.BENCH_SIMULATOR_CHILD === '1';
/** Hard bound on requests per phase, whatever the speed. */
const MAX_REQUESTS = 50_000;
const TARGET_RATIO = 1.2;

const USER = 'alice@contoso.com';
const TZ = 'America/Los_Angeles';
const QUESTION = "what's on my calendar today";
/** A working day to read (BENCH_EVENTS_TODAY, default 6; 0 = an empty day): meetings with an attendee, made through EWS. */
const EVENTS_TODAY = Math.max(0, Math.trunc(Number(process.env.BENCH_EVENTS_TODAY ?? 6)) || 0);

const UTTERANCES: readonly string[] = [
  "what's on my calendar today", 'what do I have tomorrow', 'am I free at 3pm', 'what is my next meeting',
  'do I have anything on friday afternoon', 'show my schedule for next week', 'when is my next meeting with bob',
  'what meetings do I have this morning', 'is there anything on my calendar tonight', 'what does monday look like',
  'schedule a meeting with carol tomorrow at 10', 'book lunch with bob on thursday at noon', 'set up a 30 minute call with dana at 4pm',
  'create an event called design review next tuesday at 2', 'add dentist appointment on the 14th at 9am', 'put a focus block on my calendar this afternoon',
  'remind me to call mom at 6', 'cancel my 3 o clock', 'delete the team sync on wednesday', 'remove lunch tomorrow',
  'cancel all my meetings on friday', 'move my 2pm to 4pm', 'reschedule the standup to 10am', 'push my one on one with bob to next week',
  'move tomorrow\'s review to thursday at 11', 'find me a room for 8 people at 3', 'is room 101 free at noon', 'book a conference room tomorrow morning',
  'yes', 'no', 'sure go ahead', 'never mind', 'what time is it', 'what\'s the weather like', 'play some music', 'tell me a joke',
  'how many meetings do I have today', 'how busy am I this week', 'when am I free tomorrow', 'what is on my agenda for the 3rd of march',
  'do I have a meeting at 10:30', 'who is in my 2pm meeting', 'where is my next meeting', 'what\'s happening on saturday',
  'any conflicts tomorrow afternoon', 'clear my afternoon', 'block two hours on thursday for writing', 'what did I have yesterday',
  'list my meetings between 1 and 5 today', 'is my evening free',
];

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}
const round = (x: number, digits: number) => Number(x.toFixed(digits));
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
function stats(xs: readonly number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), p50: quantile(s, 0.5), p90: quantile(s, 0.9), p99: quantile(s, 0.99), max: s[s.length - 1] ?? NaN };
}
function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c < 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Runs `fn` sequentially for a warm-up, then for a measured window; returns per-call milliseconds. */
/** CPU time this process spent per measured call, by kind (client, Concierge server, PGlite; not the simulator's process). */
const cpuPerCall = new Map<string, { us: number; calls: number }>();

async function phase(fn: () => Promise<void>, warmupMs: number, measureMs: number, onMeasureStart?: () => Promise<void>, onMeasureEnd?: () => Promise<void>, kind = ''): Promise<number[]> {
  let end = performance.now() + warmupMs;
  for (let i = 0; i < MAX_REQUESTS && performance.now() < end; i++) await fn();
  await onMeasureStart?.();
  const out: number[] = [];
  const cpu0 = process.cpuUsage();
  end = performance.now() + measureMs;
  for (let i = 0; i < MAX_REQUESTS && performance.now() < end; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const seen = cpuPerCall.get(kind) ?? { us: 0, calls: 0 };
  cpuPerCall.set(kind, { us: seen.us + cpu.user + cpu.system, calls: seen.calls + out.length });
  await onMeasureEnd?.();
  return out;
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
function topSelf(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, n: number) {
  const total = profile.nodes.reduce((a, x) => a + (x.hitCount ?? 0), 0) || 1;
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const url = node.callFrame.url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + hits);
    const file = url === '' ? `(${node.callFrame.functionName})` : url.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1');
    byFile.set(file, (byFile.get(file) ?? 0) + hits);
  }
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => ({ where: k, selfPct: round((100 * v) / total, 1) }));
  return { functions: top(byFn), files: top(byFile) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const load0 = loadavg()[0]!;

  // (3) NLU alone first, on a quiet process.
  const now = new Date();
  const ctx = { now, timeZone: TZ };
  for (let i = 0; i < 20; i++) for (const u of UTTERANCES) nluUnderstand(u, ctx);
  const perUtterance = new Map<string, number[]>(UTTERANCES.map((u) => [u, []]));
  const nluAll: number[] = [];
  for (let i = 0; i < NLU_ITER; i++) {
    for (const u of UTTERANCES) {
      const t0 = performance.now();
      nluUnderstand(u, ctx);
      const us = (performance.now() - t0) * 1000;
      nluAll.push(us);
      perUtterance.get(u)!.push(us);
    }
  }
  const nlu = stats(nluAll);
  const slowest = [...perUtterance].map(([u, xs]) => ({ utterance: u, meanUs: round(stats(xs).mean, 1), p99Us: round(stats(xs).p99, 1) })).sort((a, b) => b.meanUs - a.meanUs).slice(0, 5);
  console.log(`NLU: ${UTTERANCES.length} utterances x ${NLU_ITER} = ${nlu.n} calls, mean ${nlu.mean.toFixed(1)} µs, p99 ${nlu.p99.toFixed(1)} µs`);

  // (1)+(2) set-up: simulator, PGlite, server, admin, link.
  const sim = SIMULATOR === 'process' ? await simulatorProcess() : await rotationSimulator();
  // PGlite in memory by default; BENCH_DATABASE_URL measures PostgreSQL (a fresh schema, dropped afterwards), as
  // several instances would run.
  const schema = process.env.BENCH_DATABASE_URL ? `bench_${randomBytes(4).toString('hex')}` : undefined;
  const database = await openDatabase(process.env.BENCH_DATABASE_URL ? { url: process.env.BENCH_DATABASE_URL, schema } : {});
  const server = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), understand: await defaultUnderstand(), logLevel: 'warn' });
  const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000 });
  const client = new EwsClient({ url: sim.ewsUrl, auth: new BasicAuth(SVC.upn, SVC.password), access: 'impersonation' });
  let session: Session | undefined;
  let profileSummary: ReturnType<typeof topSelf> | undefined;
  try {
    const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const base = address.replace('localhost', '127.0.0.1');
    const { token } = await setupTokens.create(database.db);
    const setup = await request(`${base}/api/v1/setup`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...ADMIN }) });
    const setupBody = (await setup.body.json()) as { csrfToken?: string };
    if (setup.statusCode >= 300 || !setupBody.csrfToken) throw new Error(`setup failed: ${setup.statusCode} ${JSON.stringify(setupBody)}`);
    const setCookie = setup.headers['set-cookie'];
    const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': setupBody.csrfToken };
    const link = await request(`${base}/api/v1/exchange/link`, { method: 'POST', dispatcher: agent, headers, body: JSON.stringify({ url: sim.ewsUrl, upn: SVC.upn, password: SVC.password, access: 'impersonation', mailbox: USER }) });
    const linkBody = await link.body.text();
    if (link.statusCode >= 300) throw new Error(`link failed: ${link.statusCode} ${linkBody}`);

    // Alice's day: both paths read the same meetings (an empty day would measure almost nothing but overhead).
    const dayStart = DateTime.now().setZone(TZ).startOf('day').set({ hour: 9 });
    for (let i = 0; i < EVENTS_TODAY; i++) {
      const start = dayStart.plus({ minutes: 75 * i });
      await client.createEvent(USER, { subject: `Bench meeting ${i + 1}`, start: start.toUTC().toISO()!, end: start.plus({ minutes: 45 }).toUTC().toISO()!, timeZone: TZ, attendees: [{ email: SVC2.upn, name: 'svc2', kind: 'required' }] });
    }

    // Alice asks about her own calendar: her account, and her person linked to her mailbox (what an
    // accepted invitation and "Link my calendar" leave behind), in her stored time zone.
    let askHeaders = headers;
    if (AS === 'user') {
      const account = await admins.create(database.db, { email: USER, password: USER_PASSWORD, role: 'user' });
      await database.db.insertInto('people').values({ id: randomUUID(), email: USER, account_id: account.id, state: 'linked', mailbox: USER, time_zone: TZ, invited_by: ADMIN.email }).execute();
      const signIn = await request(`${base}/api/v1/session`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: USER, password: USER_PASSWORD }) });
      const signInBody = (await signIn.body.json()) as { csrfToken?: string };
      if (signIn.statusCode >= 300 || !signInBody.csrfToken) throw new Error(`user sign-in failed: ${signIn.statusCode} ${JSON.stringify(signInBody)}`);
      const userCookie = String([signIn.headers['set-cookie']].flat()[0]).split(';')[0]!;
      askHeaders = { 'content-type': 'application/json', cookie: userCookie, 'x-csrf-token': signInBody.csrfToken };
    }
    const askBody = JSON.stringify(AS === 'user' ? { text: QUESTION } : { user: USER, text: QUESTION, timeZone: TZ });
    let lastAsk: { intent: string; events: unknown[]; text: string } | undefined;
    const ask = async () => {
      const res = await request(`${base}/api/v1/assistant/ask`, { method: 'POST', dispatcher: agent, headers: askHeaders, body: askBody });
      const json = (await res.body.json()) as { intent: string; events: unknown[]; text: string };
      if (res.statusCode !== 200) throw new Error(`ask: HTTP ${res.statusCode} ${JSON.stringify(json)}`);
      lastAsk = json;
    };
    // The floor under any signed-in answer: one HTTP round trip to Concierge and the session check, no
    // assistant work (GET /api/v1/session). What the assistant adds beyond it and Exchange is its own cost.
    const floor = async () => {
      const res = await request(`${base}/api/v1/session`, { method: 'GET', dispatcher: agent, headers: askHeaders });
      await res.body.json();
      if (res.statusCode !== 200) throw new Error(`session: HTTP ${res.statusCode}`);
    };
    // Under that floor: the HTTP hop alone. Without a session cookie the guard refuses before any database
    // work, so this is fastify + undici on loopback: what any answer over HTTP adds to a CalendarView.
    const hop = async () => {
      const res = await request(`${base}/api/v1/session`, { method: 'GET', dispatcher: agent });
      await res.body.dump();
      if (res.statusCode !== 401) throw new Error(`hop: HTTP ${res.statusCode}, expected 401`);
    };
    let lastView = -1;
    const view = async () => {
      const day = DateTime.now().setZone(TZ).startOf('day');
      const events = await client.calendarView(USER, { start: day.toUTC().toISO()!, end: day.plus({ days: 1 }).toUTC().toISO()! }, { withAttendees: true, timeZone: TZ });
      lastView = events.length;
    };
    await ask();
    await view();
    console.log(`assistant answers intent=${lastAsk!.intent} events=${lastAsk!.events.length} ("${lastAsk!.text.slice(0, 60)}"); raw CalendarView returns ${lastView} items`);
    if (lastAsk!.events.length !== lastView) throw new Error(`assistant saw ${lastAsk!.events.length} events, CalendarView ${lastView}`);

    const samples = { assistant: [] as number[], calendarView: [] as number[], floor: [] as number[], hop: [] as number[] };
    const rounds: { round: number; kind: string; n: number; p50Ms: number }[] = [];
    console.log(`Assistant (asked as ${AS}) vs CalendarView, simulator ${SIMULATOR === "process" ? "in a second process" : "in this process"}: ${ROUNDS} rounds, ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms per block, concurrency 1, keep-alive`);
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['assistant', 'calendarView', 'floor', 'hop'] as const) : (['hop', 'floor', 'calendarView', 'assistant'] as const);
      for (const kind of order) {
        const profileThis = PROFILE && kind === 'assistant' && r === 0;
        const xs = await phase(
          kind === 'assistant' ? ask : kind === 'floor' ? floor : kind === 'hop' ? hop : view,
          WARMUP_MS,
          MEASURE_MS,
          profileThis ? async () => { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start'); } : undefined,
          profileThis ? async () => { const { profile } = await session!.post('Profiler.stop'); writeFileSync(PROFILE_FILE, JSON.stringify(profile)); profileSummary = topSelf(profile as never, 15); session!.disconnect(); session = undefined; } : undefined,
          kind,
        );
        samples[kind].push(...xs);
        const s = stats(xs);
        rounds.push({ round: r + 1, kind, n: s.n, p50Ms: round(s.p50, 3) });
        process.stdout.write(`  round ${r + 1}/${ROUNDS}  ${kind.padEnd(12)} ${String(s.n).padStart(6)} calls  p50 ${s.p50.toFixed(2).padStart(7)} ms  p90 ${s.p90.toFixed(2).padStart(7)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms\n`);
      }
    }

    const a = stats(samples.assistant);
    const v = stats(samples.calendarView);
    const f = stats(samples.floor);
    const h = stats(samples.hop);
    const ratio = a.p50 / v.p50;
    const rows = [
      ['measure', 'calls', 'mean', 'p50', 'p90', 'p99', 'unit'],
      ['assistant ask (HTTP API)', String(a.n), a.mean.toFixed(2), a.p50.toFixed(2), a.p90.toFixed(2), a.p99.toFixed(2), 'ms'],
      ['raw CalendarView (EwsClient)', String(v.n), v.mean.toFixed(2), v.p50.toFixed(2), v.p90.toFixed(2), v.p99.toFixed(2), 'ms'],
      ['floor: GET /api/v1/session', String(f.n), f.mean.toFixed(2), f.p50.toFixed(2), f.p90.toFixed(2), f.p99.toFixed(2), 'ms'],
      ['HTTP hop: same, no cookie (401)', String(h.n), h.mean.toFixed(2), h.p50.toFixed(2), h.p90.toFixed(2), h.p99.toFixed(2), 'ms'],
      ['NLU understand() per utterance', String(nlu.n), nlu.mean.toFixed(1), nlu.p50.toFixed(1), nlu.p90.toFixed(1), nlu.p99.toFixed(1), 'µs'],
    ];
    console.log(`\n${table(rows)}\n`);
    console.log(`  assistant p50 / CalendarView p50 = ${ratio.toFixed(2)}x (${ratio <= TARGET_RATIO ? 'meets' : 'above'} the ${TARGET_RATIO}x target); overhead p50 ${(a.p50 - v.p50).toFixed(2)} ms`);
    console.log(`  floor (HTTP round trip + session check) p50 ${f.p50.toFixed(2)} ms: CalendarView + floor = ${((v.p50 + f.p50) / v.p50).toFixed(2)}x; the assistant's own work p50 ${(a.p50 - v.p50 - f.p50).toFixed(2)} ms`);
    console.log(`  HTTP hop alone (no session, no database) p50 ${h.p50.toFixed(2)} ms = ${((100 * h.p50) / v.p50).toFixed(0)}% of a CalendarView: any answer over HTTP that waits for one CalendarView is at least ${((v.p50 + h.p50) / v.p50).toFixed(2)}x`);
    const cpuOf = (k: string) => { const c = cpuPerCall.get(k); return c && c.calls ? c.us / c.calls : NaN; };
    console.log(`  CPU of this process per call (client + Concierge + database${SIMULATOR === 'process' ? '; the simulator runs elsewhere' : ' + simulator'}): assistant ${cpuOf('assistant').toFixed(0)} µs, CalendarView ${cpuOf('calendarView').toFixed(0)} µs, floor ${cpuOf('floor').toFixed(0)} µs, hop ${cpuOf('hop').toFixed(0)} µs`);
    console.log(`  slowest utterances (mean µs): ${slowest.map((x) => `"${x.utterance}" ${x.meanUs}`).join(', ')}`);
    if (profileSummary) {
      console.log(`\n  CPU profile of the first assistant window (${relative(ROOT, PROFILE_FILE)}), self time by file:`);
      for (const f of profileSummary.files) console.log(`    ${String(f.selfPct).padStart(5)}%  ${f.where}`);
      console.log('  by function:');
      for (const f of profileSummary.functions) console.log(`    ${String(f.selfPct).padStart(5)}%  ${f.where}`);
    }

    const cpu = cpus();
    const report = {
      bench: 'assistant',
      date: new Date(started).toISOString(),
      durationS: round((Date.now() - started) / 1000, 1),
      environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, memGB: round(totalmem() / 2 ** 30, 1), loadAvg1mStart: round(load0, 2), loadAvg1mEnd: round(loadavg()[0]!, 2) },
      method: {
        transport: SIMULATOR === 'process'
          ? 'http://127.0.0.1 (port 0); simulator in a second Node process (as Exchange is another machine), Concierge server and client in this one; undici Agent, 1 keep-alive connection per target'
          : 'http://127.0.0.1 (port 0); simulator, Concierge server and client in one process; undici Agent, 1 keep-alive connection per target',
        setup: `rotationSimulator() (svc impersonates alice)${SIMULATOR === 'process' ? ' in a child process' : ''}, ${schema ? 'PostgreSQL (BENCH_DATABASE_URL, own schema)' : 'PGlite in memory'}, buildServer with defaultUnderstand(), admin via /api/v1/setup, /api/v1/exchange/link impersonation; ${AS === 'user' ? `asked as the user ${USER} (account role user, person linked to ${USER}, time zone ${TZ})` : 'asked as the administrator'}`,
        assistant: AS === 'user' ? `POST /api/v1/assistant/ask {text:"${QUESTION}"} as ${USER} (her mailbox and stored zone ${TZ} by default)` : `POST /api/v1/assistant/ask {user:${USER}, text:"${QUESTION}", timeZone:${TZ}} as the administrator`,
        askedAs: AS,
        simulator: SIMULATOR,
        calendarView: `EwsClient.calendarView(${USER}, today in ${TZ}, {withAttendees:true, timeZone})`,
        rounds: ROUNDS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, concurrency: 1, interleaving: 'A,B then B,A per round', percentiles: 'nearest-rank over all measured calls of all rounds',
        nlu: `understand() from src/assistant/nlu over ${UTTERANCES.length} utterances x ${NLU_ITER} passes after 20 warm-up passes, before the servers start`,
        target: `assistant p50 <= ${TARGET_RATIO}x CalendarView p50 (reported, not asserted)`,
        itemsToday: lastView,
      },
      results: {
        assistant: { calls: a.n, meanMs: round(a.mean, 3), p50Ms: round(a.p50, 3), p90Ms: round(a.p90, 3), p99Ms: round(a.p99, 3), maxMs: round(a.max, 3) },
        calendarView: { calls: v.n, meanMs: round(v.mean, 3), p50Ms: round(v.p50, 3), p90Ms: round(v.p90, 3), p99Ms: round(v.p99, 3), maxMs: round(v.max, 3) },
        floor: { what: 'GET /api/v1/session as the same account: HTTP round trip + session check, no assistant work', calls: f.n, meanMs: round(f.mean, 3), p50Ms: round(f.p50, 3), p90Ms: round(f.p90, 3), p99Ms: round(f.p99, 3), maxMs: round(f.max, 3) },
        hop: { what: 'GET /api/v1/session without a cookie (401 before any database work): the HTTP hop alone', calls: h.n, meanMs: round(h.mean, 3), p50Ms: round(h.p50, 3), p90Ms: round(h.p90, 3), p99Ms: round(h.p99, 3), maxMs: round(h.max, 3), calendarViewPlusHopRatio: round((v.p50 + h.p50) / v.p50, 3) },
        p50Ratio: round(ratio, 3),
        meetsTarget: ratio <= TARGET_RATIO,
        nlu: { utterances: UTTERANCES.length, calls: nlu.n, meanUs: round(nlu.mean, 1), p50Us: round(nlu.p50, 1), p90Us: round(nlu.p90, 1), p99Us: round(nlu.p99, 1), slowest },
        rounds,
        cpuPerCallUs: Object.fromEntries([...cpuPerCall].map(([k, c]) => [k, round(c.us / Math.max(1, c.calls), 1)])),
        ...(profileSummary ? { cpuProfile: { file: relative(ROOT, PROFILE_FILE), ...profileSummary } } : {}),
      },
    };
    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n  wrote ${relative(ROOT, RESULTS)} (${report.durationS} s)`);
  } finally {
    session?.disconnect();
    await client.close();
    await agent.close();
    await server.app.close();
    if (schema) await sql.raw(`DROP SCHEMA "${schema}" CASCADE`).execute(database.db);
    await database.close();
    await sim.close();
  }
}

const USER_PASSWORD = 'Bench-User-Passw0rd';

/** The simulator in a child process (this file, run with BENCH_SIMULATOR_CHILD=1); closed over IPC. */
async function simulatorProcess(): Promise<{ readonly ewsUrl: string; close(): Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_SIMULATOR_CHILD: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ewsUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { ewsUrl: string }).ewsUrl));
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code}) before it was ready`)));
  });
  return {
    ewsUrl,
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send('close');
    }),
  };
}

async function simulatorChild(): Promise<void> {
  const sim = await rotationSimulator();
  process.send!({ ewsUrl: sim.ewsUrl });
  process.once('message', () => void sim.close().then(() => process.exit(0)));
}

(SIMULATOR_CHILD ? simulatorChild() : main()).catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
