/**
 * `npm run bench:simulator` — how many FindItem CalendarView requests of 100 calendar items per second
 * the Exchange simulator answers, and at what latency, over keep-alive connections on 127.0.0.1.
 *
 * This process runs the simulator (src/simulator/host.ts) with a seed built here: alice with exactly
 * 100 items in a one-week window (single events, occurrences of eight recurring series, meetings with
 * attendees and a room), Basic authentication on, and a service account `svc` holding
 * ApplicationImpersonation. EWSMaxConcurrency is raised for the run (seed `throttle`), so the 32-way
 * level is not answered with ErrorServerBusy; the output says so.
 *
 * The load comes from a SECOND process (bench/simulator-load-worker.ts, one per round): for each
 * concurrency level an undici Agent with that many keep-alive connections, one closed loop per
 * connection, POSTing one pre-built envelope (Concierge's own FindItem CalendarView, impersonating
 * alice, the fields EwsClient.calendarView asks for) for a warm-up and then a measured window. Every
 * response must be HTTP 200 with exactly 100 `<t:CalendarItem>` elements. Rounds alternate the order
 * of the levels (1,8,32 then 32,8,1) so drift on a noisy machine hits every level. The worker tells
 * this process when each measured window starts and ends, so the simulator's CPU time and event-loop
 * utilization are taken over exactly those windows.
 *
 * Tunables (environment): BENCH_ROUNDS (2), BENCH_WARMUP_MS (2000), BENCH_MEASURE_MS (5000),
 * BENCH_LEVELS (1,8,32), BENCH_SHAPE (view | all: the client's view fields, or AllProperties),
 * BENCH_CPU_PROFILE (off; a concurrency level, e.g. 8: profile the simulator during that level's
 * first measured window, write bench/results/simulator-calendarview.cpuprofile and print where the
 * time went).
 * Results: the table on stdout and bench/results/simulator-calendarview.json.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { VIEW_FIELDS } from '../src/ews/client/ews-client.js';
import { buildEnvelope } from '../src/ews/operations/envelope.js';
import { FindItemCalendarView } from '../src/ews/operations/find-item.js';
import type { RecurrencePattern, RecurrenceRange } from '../src/ews/schema/types.js';
import { DEFAULT_THROTTLE } from '../src/simulator/ews-server/exchange.js';
import { startSimulator, type RunningSimulator } from '../src/simulator/host.js';
import { parseSeed, type Seed } from '../src/simulator/seed.js';
import type { LoadArgs, LoadResult, WorkerMessage } from './simulator-load-worker.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const WORKER = join(HERE, 'simulator-load-worker.ts');
const RESULTS = join(HERE, 'results', 'simulator-calendarview.json');
const PROFILE_FILE = join(HERE, 'results', 'simulator-calendarview.cpuprofile');

const ROUNDS = intEnv('BENCH_ROUNDS', 2);
const WARMUP_MS = intEnv('BENCH_WARMUP_MS', 2000);
const MEASURE_MS = intEnv('BENCH_MEASURE_MS', 5000);
const LEVELS = levelsEnv('BENCH_LEVELS', [1, 8, 32]);
const SHAPE = process.env.BENCH_SHAPE === 'all' ? 'all' : 'view';
const PROFILE_LEVEL = process.env.BENCH_CPU_PROFILE ? intEnv('BENCH_CPU_PROFILE', 8) : undefined;
/** Hard bound on requests per phase of one level, whatever the speed. */
const MAX_REQUESTS = 100_000;
const REQUEST_TIMEOUT_MS = 10_000;
const THROTTLE = { maxConcurrency: 1000, backOffMs: 1000 };
/** Below this at concurrency 8, the simulator is worth profiling (brief: ~200 req/s on 2 cores). */
const TARGET_RPS_AT_8 = 200;
const EXPECT_ITEMS = 100;

const DOMAIN = 'contoso.com';
const ALICE = `alice@${DOMAIN}`;
const SVC = `svc@${DOMAIN}`;
const PASSWORD = 'Bench-Passw0rd!';
const ROOM = `room.101@${DOMAIN}`;
const ZONE = 'Pacific Standard Time';
/** Monday to Monday, local midnight in Pacific daylight time (no DST change inside the week). */
const WINDOW = { start: '2026-04-06T07:00:00.000Z', end: '2026-04-13T07:00:00.000Z' } as const;
const DAYS = ['2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-11', '2026-04-12'] as const;

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function levelsEnv(name: string, fallback: number[]): number[] {
  const v = (process.env[name] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0 && n <= 256);
  return v.length > 0 ? v : fallback;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
const pad2 = (n: number) => String(n).padStart(2, '0');
/** A Pacific local time in April 2026 (UTC-7) as an ISO instant with offset. */
const local = (day: string, minutes: number) => `${day}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00-07:00`;

type SeedEvent = Seed['events'][number];

interface Series {
  readonly subject: string;
  /** First occurrence, local (PST before 8 March, PDT after). */
  readonly start: string;
  readonly minutes: number;
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
  readonly attendees?: readonly string[];
  readonly rooms?: readonly string[];
  readonly location?: string;
  /** Occurrences inside WINDOW, worked out by hand; the store's own count is checked against the total. */
  readonly inWindow: number;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

const SERIES: readonly Series[] = [
  { subject: 'Daily stand-up', start: '2026-03-02T09:00:00-08:00', minutes: 15, pattern: { type: 'Weekly', interval: 1, daysOfWeek: WEEKDAYS }, range: { type: 'NoEnd', startDate: '2026-03-02' }, attendees: [`bob@${DOMAIN}`, `carol@${DOMAIN}`], location: 'Teams', inWindow: 5 },
  { subject: 'Build triage', start: '2026-03-15T08:00:00-07:00', minutes: 30, pattern: { type: 'Daily', interval: 1 }, range: { type: 'EndDate', startDate: '2026-03-15', endDate: '2026-05-31' }, inWindow: 7 },
  { subject: 'Lunch', start: '2026-03-02T12:00:00-08:00', minutes: 60, pattern: { type: 'Weekly', interval: 1, daysOfWeek: WEEKDAYS }, range: { type: 'Numbered', startDate: '2026-03-02', numberOfOccurrences: 40 }, inWindow: 5 },
  { subject: '1:1 Bob / Alice', start: '2026-01-06T15:00:00-08:00', minutes: 30, pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] }, range: { type: 'NoEnd', startDate: '2026-01-06' }, attendees: [`bob@${DOMAIN}`], inWindow: 1 },
  { subject: 'Team sync', start: '2026-03-04T10:00:00-08:00', minutes: 60, pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Wednesday', 'Friday'] }, range: { type: 'EndDate', startDate: '2026-03-04', endDate: '2026-06-30' }, attendees: [`bob@${DOMAIN}`, `carol@${DOMAIN}`, 'dana@fabrikam.com'], rooms: [ROOM], location: 'Room 101', inWindow: 2 },
  { subject: 'Focus time', start: '2026-03-01T14:00:00-08:00', minutes: 120, pattern: { type: 'Daily', interval: 2 }, range: { type: 'NoEnd', startDate: '2026-03-01' }, inWindow: 4 },
  { subject: 'Monthly review', start: '2026-01-08T13:00:00-08:00', minutes: 90, pattern: { type: 'RelativeMonthly', interval: 1, daysOfWeek: 'Thursday', dayOfWeekIndex: 'Second' }, range: { type: 'NoEnd', startDate: '2026-01-08' }, attendees: [`bob@${DOMAIN}`, `carol@${DOMAIN}`], inWindow: 1 },
  { subject: 'Gym', start: '2026-03-07T09:00:00-08:00', minutes: 60, pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Saturday', 'Sunday'] }, range: { type: 'NoEnd', startDate: '2026-03-07' }, inWindow: 2 },
];

function seriesEvent(s: Series): SeedEvent {
  const end = new Date(Date.parse(s.start) + s.minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    organizer: ALICE,
    subject: s.subject,
    start: s.start,
    end,
    timeZone: ZONE,
    recurrence: { pattern: s.pattern, range: s.range },
    ...(s.attendees ? { attendees: [...s.attendees] } : {}),
    ...(s.rooms ? { rooms: [...s.rooms] } : {}),
    ...(s.location ? { location: s.location } : {}),
  };
}

/** Single events: enough to bring the week to exactly EXPECT_ITEMS. Every other weekday slot is a meeting. */
function singles(count: number): SeedEvent[] {
  const out: SeedEvent[] = [];
  // One all-day event, then weekday slots (08:20 onwards, 40 minutes apart), then weekend slots.
  out.push({ organizer: ALICE, subject: 'Offsite planning day', start: local(DAYS[2], 0), end: local(DAYS[3], 0), timeZone: ZONE, isAllDay: true, location: 'Building 7' });
  const weekdaySlots = Array.from({ length: 13 }, (_, k) => 8 * 60 + 20 + k * 40);
  for (let k = 0; k < weekdaySlots.length && out.length < count; k++) {
    for (let d = 0; d < 5 && out.length < count; d++) {
      const n = out.length;
      const startMin = weekdaySlots[k]!;
      const meeting = k % 2 === 0;
      const withRoom = k === 12;
      out.push({
        organizer: ALICE,
        subject: meeting ? `Customer call #${n} (Northwind ${d + 1}.${k})` : `Prep: proposal section ${n}`,
        start: local(DAYS[d]!, startMin),
        end: local(DAYS[d]!, startMin + (k % 3 === 0 ? 45 : 30)),
        timeZone: ZONE,
        ...(meeting ? { attendees: [`bob@${DOMAIN}`, ...(k % 4 === 0 ? [{ email: `carol@${DOMAIN}`, name: 'Carol Diaz' }] : []), ...(k % 3 === 0 ? [`erin.${n}@northwind.example`] : [])] } : {}),
        ...(withRoom ? { rooms: [ROOM], location: 'Room 101' } : k % 5 === 1 ? { location: `Desk ${n}` } : {}),
      });
    }
  }
  const weekendSlots = [10 * 60, 11 * 60 + 30, 13 * 60, 15 * 60, 17 * 60];
  for (let k = 0; k < weekendSlots.length && out.length < count; k++) {
    for (const day of [DAYS[5], DAYS[6]]) {
      if (out.length >= count) break;
      out.push({ organizer: ALICE, subject: `Weekend errand ${out.length}`, start: local(day, weekendSlots[k]!), end: local(day, weekendSlots[k]! + 60), timeZone: ZONE });
    }
  }
  if (out.length !== count) throw new Error(`the seed builder made ${out.length} single events, needed ${count}`);
  return out;
}

function benchSeed(): Seed {
  const inSeries = SERIES.reduce((n, s) => n + s.inWindow, 0);
  const person = (alias: string, name: string) => ({ smtp: `${alias}@${DOMAIN}`, name, password: PASSWORD, type: 'UserMailbox' as const, timeZone: ZONE });
  return parseSeed({
    domain: DOMAIN,
    version: 'Exchange2016',
    basicAuth: true,
    adminPassword: PASSWORD,
    mailboxes: [
      person('alice', 'Alice Wong'),
      person('bob', 'Bob Smith'),
      person('carol', 'Carol Diaz'),
      person('svc', 'Concierge service'),
      { smtp: ROOM, name: 'Room 101', type: 'RoomMailbox', capacity: 8, timeZone: ZONE },
    ],
    shell: ['New-ManagementRoleAssignment -Name imp -Role ApplicationImpersonation -User svc'],
    events: [...SERIES.map(seriesEvent), ...singles(EXPECT_ITEMS - inSeries)],
    throttle: THROTTLE,
  });
}

/** What the store itself says is in alice's week: must be EXPECT_ITEMS before any load is sent. */
function checkCalendar(sim: RunningSimulator): Record<string, number> {
  const view = sim.exchange.calendar.calendarView(ALICE, 'calendar', WINDOW.start, WINDOW.end);
  if (view.items.length !== EXPECT_ITEMS) throw new Error(`alice's week holds ${view.items.length} items in the simulator, expected ${EXPECT_ITEMS}`);
  const mix: Record<string, number> = {};
  for (const e of view.items) {
    const k = 'calendarItemType' in e ? e.calendarItemType : 'other';
    mix[k] = (mix[k] ?? 0) + 1;
  }
  mix.meetings = view.items.filter((e) => 'isMeeting' in e && e.isMeeting).length;
  return mix;
}

function requestEnvelope(): string {
  const body = FindItemCalendarView.build(
    SHAPE === 'all'
      ? { folder: { distinguished: 'calendar' }, start: WINDOW.start, end: WINDOW.end, maxEntries: 1000, baseShape: 'AllProperties', fields: [] }
      : { folder: { distinguished: 'calendar' }, start: WINDOW.start, end: WINDOW.end, maxEntries: 1000, fields: VIEW_FIELDS },
    'Exchange2013',
  );
  return buildEnvelope({ version: 'Exchange2013', impersonate: ALICE }, body);
}

// ---------------------------------------------------------------------------------------------
// The simulator side of a measured window: CPU time, event-loop utilization, optional CPU profile.

interface SimWindow {
  readonly concurrency: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly userMs: number;
  readonly systemMs: number;
  readonly eventLoopUtilization: number;
}

const cpuNow = () => {
  const u = process.resourceUsage();
  return { user: u.userCPUTime / 1000, system: u.systemCPUTime / 1000 };
};

interface Profiler {
  start(): Promise<void>;
  stop(): Promise<CpuProfile>;
}

function inProcessProfiler(): Profiler {
  const session = new Session();
  session.connect();
  return {
    async start() {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    },
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      await session.post('Profiler.disable');
      session.disconnect();
      return profile as unknown as CpuProfile;
    },
  };
}

interface WorkerRun {
  readonly levels: LoadResult[];
  readonly sim: SimWindow[];
  readonly profile?: CpuProfile;
}

function runWorker(args: LoadArgs, profileLevel: number | undefined): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(args)], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => process.stdout.write(d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    const levels: LoadResult[] = [];
    const sim: SimWindow[] = [];
    let open: { concurrency: number; t: number; cpu: { user: number; system: number }; elu: ReturnType<typeof performance.eventLoopUtilization> } | undefined;
    let profiler: Profiler | undefined;
    let profile: CpuProfile | undefined;
    let failure: string | undefined;
    let pending = Promise.resolve();
    // Bounded: every level's warm-up and measured window, plus process start-up and slack.
    const limitMs = args.levels.length * (args.warmupMs + args.measureMs + 2 * REQUEST_TIMEOUT_MS) + 30_000;
    const timer = setTimeout(() => {
      failure = `load generator still running after ${limitMs} ms; killed`;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('message', (raw) => {
      const msg = raw as WorkerMessage;
      if (msg.type === 'measure-start') {
        if (profileLevel === msg.concurrency) {
          profiler = inProcessProfiler();
          const p = profiler;
          pending = pending.then(() => p.start());
        }
        open = { concurrency: msg.concurrency, t: performance.now(), cpu: cpuNow(), elu: performance.eventLoopUtilization() };
      } else if (msg.type === 'measure-end' && open) {
        const cpu = cpuNow();
        const user = cpu.user - open.cpu.user;
        const system = cpu.system - open.cpu.system;
        sim.push({ concurrency: open.concurrency, wallMs: performance.now() - open.t, cpuMs: user + system, userMs: user, systemMs: system, eventLoopUtilization: performance.eventLoopUtilization(open.elu).utilization });
        open = undefined;
        if (profiler) {
          const p = profiler;
          profiler = undefined;
          pending = pending.then(async () => {
            profile = await p.stop();
          });
        }
      } else if (msg.type === 'level') levels.push(msg.result);
      else if (msg.type === 'failed') failure = msg.message;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      void pending.then(() => {
        if (code !== 0 || failure) {
          reject(new Error(`load generator failed: ${failure ?? signal ?? `exit ${code}`}\n${err.trim()}`));
          return;
        }
        resolve({ levels, sim, ...(profile ? { profile } : {}) });
      }, reject);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// CPU profile summary: self and inclusive time by function, self time by file.

interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: readonly number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime: number;
  readonly endTime: number;
}

/** Where a frame's code lives: `src/simulator/...`, `node_modules/<pkg>`, `node:internal`, or a V8 pseudo-frame. */
function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return `node_modules/${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:')) return 'node:internal';
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

const sources = new Map<string, readonly string[]>();

/**
 * The line of `fn`'s definition in a repository TypeScript file, found by name: code run through tsx
 * reports positions in its transformed output (all on line 1), not in the source.
 */
function sourceLine(place: string, fn: string): number | undefined {
  if (!fn || !/^(src|bench)\/.*\.ts$/.test(place)) return undefined;
  let lines = sources.get(place);
  if (!lines) {
    try {
      lines = readFileSync(join(ROOT, place), 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(place, lines);
  }
  const name = fn.split('.').pop()!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const def = new RegExp(`(function\\*?\\s+${name}\\b|(const|let)\\s+${name}\\s*[=:]|^\\s*(async\\s+|static\\s+|get\\s+|\\*\\s*)*${name}\\s*[(<])`);
  const i = lines.findIndex((l) => def.test(l));
  return i >= 0 ? i + 1 : undefined;
}

interface ProfileSummary {
  readonly totalMs: number;
  readonly idleMs: number;
  readonly gcMs: number;
  readonly byPlace: readonly { place: string; selfMs: number; selfPct: number }[];
  readonly selfTop: readonly { fn: string; selfMs: number; selfPct: number }[];
  readonly inclusiveTop: readonly { fn: string; totalMs: number; totalPct: number }[];
}

function summarizeProfile(p: CpuProfile): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map<number, string>();
  const label = (id: number): string => {
    const known = labels.get(id);
    if (known !== undefined) return known;
    const f = byId.get(id)!.callFrame;
    const place = placeOf(f.url, f.functionName);
    let l: string;
    if (f.url) l = `${f.functionName || '(anonymous)'}  ${place}:${sourceLine(place, f.functionName) ?? f.lineNumber + 1}`;
    else if (f.functionName.startsWith('(')) l = f.functionName;
    else {
      // Native code: name it, and say which JavaScript function called it (Buffer.byteLength flattening a string, structuredClone, ...).
      const up = parent.has(id) ? byId.get(parent.get(id)!)!.callFrame : undefined;
      l = `${f.functionName || '(native)'} [native, called from ${up?.functionName || '?'}${up?.url ? ` ${placeOf(up.url, up.functionName)}` : ''}]`;
    }
    labels.set(id, l);
    return l;
  };
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const places = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const id = p.samples[i]!;
    // timeDeltas[i+1] is the time until the next sample: the time this sample stands for.
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const l = label(id);
    self.set(l, (self.get(l) ?? 0) + dt);
    const f = byId.get(id)!.callFrame;
    const place = placeOf(f.url, f.functionName);
    places.set(place, (places.get(place) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(at);
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + dt);
    }
  }
  const pct = (ms: number) => round((100 * ms) / total, 1);
  const idle = places.get('(idle)') ?? 0;
  const gc = places.get('(garbage collector)') ?? 0;
  return {
    totalMs: round(total, 1),
    idleMs: round(idle, 1),
    gcMs: round(gc, 1),
    byPlace: [...places].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([place, ms]) => ({ place, selfMs: round(ms, 1), selfPct: pct(ms) })),
    selfTop: [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([fn, ms]) => ({ fn, selfMs: round(ms, 1), selfPct: pct(ms) })),
    inclusiveTop: [...incl]
      .filter(([fn]) => fn.includes(' src/') || fn.includes('node_modules/'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([fn, ms]) => ({ fn, totalMs: round(ms, 1), totalPct: pct(ms) })),
  };
}

function printProfile(s: ProfileSummary, level: number): void {
  console.log(`\n  CPU profile of the simulator process, concurrency ${level}, one measured window: ${s.totalMs} ms sampled, idle ${((100 * s.idleMs) / s.totalMs).toFixed(1)} %, GC ${((100 * s.gcMs) / s.totalMs).toFixed(1)} %`);
  console.log(`\n${table([['self time by place', 'ms', '%'], ...s.byPlace.slice(0, 15).map((r) => [r.place, r.selfMs.toFixed(0), r.selfPct.toFixed(1)])])}`);
  console.log(`\n${table([['self time by function (line of the definition, found by name)', 'ms', '%'], ...s.selfTop.slice(0, 20).map((r) => [r.fn, r.selfMs.toFixed(0), r.selfPct.toFixed(1)])])}`);
  console.log(`\n${table([['inclusive time by function', 'ms', '%'], ...s.inclusiveTop.slice(0, 30).map((r) => [r.fn, r.totalMs.toFixed(0), r.totalPct.toFixed(1)])])}`);
}

// ---------------------------------------------------------------------------------------------

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c < 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const quantile = (sorted: readonly number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN);

interface LevelSummary {
  readonly concurrency: number;
  /** Verified responses per second: all rounds' responses over all rounds' measured time. */
  readonly reqPerSec: number;
  /** Percentiles of the pooled latencies of every round. */
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly ok: number;
  readonly errors: number;
  readonly errorKinds: Record<string, number>;
  readonly firstError?: string;
  readonly bytesPerResponse: number;
  readonly connectionsOpened: readonly number[];
  /** Simulator process CPU (user + system) per verified response, ms. */
  readonly simCpuMsPerRequest: number;
  /** Simulator process CPU over wall time, in cores (1.0 = one core busy). */
  readonly simCpuCores: number;
  readonly simEventLoopUtilization: number;
  readonly loadGenCpuCores: number;
  readonly rounds: readonly { reqPerSec: number; p50Ms: number; p99Ms: number; ok: number; errors: number; simCpuCores: number }[];
}

function summarizeLevel(concurrency: number, runs: readonly { load: LoadResult; sim: SimWindow }[]): LevelSummary {
  const lat = runs.flatMap((r) => r.load.latenciesMs).sort((a, b) => a - b);
  const ok = lat.length;
  const elapsed = runs.reduce((n, r) => n + r.load.elapsedMs, 0);
  const simCpu = runs.reduce((n, r) => n + r.sim.cpuMs, 0);
  const simWall = runs.reduce((n, r) => n + r.sim.wallMs, 0);
  const errorKinds: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.load.errorKinds)) errorKinds[k] = (errorKinds[k] ?? 0) + n;
  const firstError = runs.find((r) => r.load.firstError)?.load.firstError;
  return {
    concurrency,
    reqPerSec: round(ok / (elapsed / 1000), 1),
    p50Ms: round(quantile(lat, 0.5), 2),
    p90Ms: round(quantile(lat, 0.9), 2),
    p99Ms: round(quantile(lat, 0.99), 2),
    maxMs: round(lat[lat.length - 1] ?? NaN, 2),
    ok,
    errors: runs.reduce((n, r) => n + r.load.errors, 0),
    errorKinds,
    ...(firstError ? { firstError } : {}),
    bytesPerResponse: Math.round(runs.reduce((n, r) => n + r.load.bytesPerResponse * r.load.latenciesMs.length, 0) / Math.max(1, ok)),
    connectionsOpened: runs.map((r) => r.load.connectionsOpened),
    simCpuMsPerRequest: round(simCpu / Math.max(1, ok), 3),
    simCpuCores: round(simCpu / simWall, 2),
    simEventLoopUtilization: round(runs.reduce((n, r) => n + r.sim.eventLoopUtilization * r.sim.wallMs, 0) / simWall, 3),
    loadGenCpuCores: round(runs.reduce((n, r) => n + r.load.loadGenCpuMs, 0) / elapsed, 2),
    rounds: runs.map((r) => {
      const s = [...r.load.latenciesMs].sort((a, b) => a - b);
      return { reqPerSec: round(s.length / (r.load.elapsedMs / 1000), 1), p50Ms: round(quantile(s, 0.5), 2), p99Ms: round(quantile(s, 0.99), 2), ok: s.length, errors: r.load.errors, simCpuCores: round(r.sim.cpuMs / r.sim.wallMs, 2) };
    }),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const load0 = loadavg()[0]!;
  const cpuStart = cpuNow();
  const seed = benchSeed();
  const sim = await startSimulator({ seed, port: 0 });
  const seedMs = Date.now() - started;
  const rssAfterSeedMB = process.memoryUsage().rss / 2 ** 20;
  const byLevel = new Map<number, { load: LoadResult; sim: SimWindow }[]>();
  let profile: CpuProfile | undefined;
  let mix: Record<string, number>;
  let envelope: string;
  try {
    const host = new URL(sim.ewsUrl).hostname;
    if (host !== '127.0.0.1') throw new Error(`the simulator listens on ${host}, not on loopback`);
    mix = checkCalendar(sim);
    envelope = requestEnvelope();
    console.log(`Simulator CalendarView bench: ${ROUNDS} round(s) of levels ${LEVELS.join(', ')}, ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms measured per level`);
    console.log(`  simulator in this process (pid ${process.pid}) at ${sim.ewsUrl}; load generator in a separate process (undici Agent, keep-alive, one closed loop per connection)`);
    console.log(`  EWSMaxConcurrency RAISED for this benchmark: ${THROTTLE.maxConcurrency} concurrent requests per account (simulator default ${DEFAULT_THROTTLE.maxConcurrency}), BackOffMilliseconds ${THROTTLE.backOffMs}`);
    console.log(`  request: FindItem CalendarView as ${SVC} impersonating ${ALICE}, ${SHAPE === 'all' ? 'AllProperties' : `IdOnly + ${VIEW_FIELDS.length} view fields (EwsClient.calendarView)`}, ${Buffer.byteLength(envelope)} bytes`);
    console.log(`  alice's week ${WINDOW.start} .. ${WINDOW.end}: ${Object.entries(mix).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    for (let r = 0; r < ROUNDS; r++) {
      const levels = r % 2 === 0 ? LEVELS : [...LEVELS].reverse();
      const args: LoadArgs = {
        url: sim.ewsUrl,
        envelope,
        headers: {
          'content-type': 'text/xml; charset=utf-8',
          accept: 'text/xml',
          'x-anchormailbox': ALICE,
          authorization: `Basic ${Buffer.from(`${SVC}:${PASSWORD}`).toString('base64')}`,
        },
        levels,
        warmupMs: WARMUP_MS,
        measureMs: MEASURE_MS,
        maxRequests: MAX_REQUESTS,
        expectItems: EXPECT_ITEMS,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
      };
      const run = await runWorker(args, r === 0 ? PROFILE_LEVEL : undefined);
      if (run.profile) profile = run.profile;
      for (const load of run.levels) {
        const w = run.sim.find((s) => s.concurrency === load.concurrency)!;
        byLevel.set(load.concurrency, [...(byLevel.get(load.concurrency) ?? []), { load, sim: w }]);
        const s = [...load.latenciesMs].sort((a, b) => a - b);
        process.stdout.write(
          `  round ${r + 1}/${ROUNDS}  concurrency ${String(load.concurrency).padStart(3)}  ${(s.length / (load.elapsedMs / 1000)).toFixed(1).padStart(7)} req/s  p50 ${quantile(s, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(s, 0.99).toFixed(1).padStart(6)} ms  errors ${load.errors}  simulator CPU ${(w.cpuMs / w.wallMs).toFixed(2)} cores\n`,
        );
      }
    }
  } finally {
    await sim.close();
  }
  const usage = process.resourceUsage();
  const cpuEnd = cpuNow();

  const summaries = LEVELS.map((c) => summarizeLevel(c, byLevel.get(c)!));
  const rows = [['concurrency', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'KiB/resp', 'sim CPU ms/req', 'sim CPU cores', 'sim ELU', 'loadgen CPU cores']];
  for (const s of summaries) {
    rows.push([String(s.concurrency), s.reqPerSec.toFixed(1), s.p50Ms.toFixed(2), s.p90Ms.toFixed(2), s.p99Ms.toFixed(2), s.maxMs.toFixed(1), String(s.errors), (s.bytesPerResponse / 1024).toFixed(1), s.simCpuMsPerRequest.toFixed(2), s.simCpuCores.toFixed(2), s.simEventLoopUtilization.toFixed(2), s.loadGenCpuCores.toFixed(2)]);
  }
  console.log(`\n${table(rows)}\n`);
  const simCpuS = (cpuEnd.user + cpuEnd.system - cpuStart.user - cpuStart.system) / 1000;
  const peakRssMB = usage.maxRSS / 1024;
  console.log(`  EWSMaxConcurrency was raised to ${THROTTLE.maxConcurrency} (default ${DEFAULT_THROTTLE.maxConcurrency}) for this run; at the default, concurrency 32 from one account would get ErrorServerBusy.`);
  console.log(`  simulator process: ${simCpuS.toFixed(1)} s CPU over the whole run (seed + all levels), peak RSS ${peakRssMB.toFixed(0)} MB (${rssAfterSeedMB.toFixed(0)} MB after seeding, ${seedMs} ms to seed and listen)`);
  for (const s of summaries) {
    if (s.connectionsOpened.some((n) => n !== s.concurrency)) console.log(`  note: concurrency ${s.concurrency} opened ${s.connectionsOpened.join('/')} connections per round (keep-alive not held?)`);
    if (s.errors > 0) console.log(`  errors at concurrency ${s.concurrency}: ${JSON.stringify(s.errorKinds)}; first: ${s.firstError}`);
  }
  const at8 = summaries.find((s) => s.concurrency === 8);
  if (at8) {
    const verdict = at8.reqPerSec >= TARGET_RPS_AT_8 ? 'meets' : 'BELOW';
    console.log(`  concurrency 8: ${at8.reqPerSec} req/s (${verdict} the ~${TARGET_RPS_AT_8} req/s target)${verdict === 'BELOW' && !profile ? '; BENCH_CPU_PROFILE=8 shows where the simulator spends its time' : ''}`);
  }
  let profileSummary: ProfileSummary | undefined;
  if (profile && PROFILE_LEVEL !== undefined) {
    profileSummary = summarizeProfile(profile);
    mkdirSync(dirname(PROFILE_FILE), { recursive: true });
    writeFileSync(PROFILE_FILE, JSON.stringify(profile));
    printProfile(profileSummary, PROFILE_LEVEL);
    console.log(`\n  wrote ${relative(ROOT, PROFILE_FILE)} (open in Chrome DevTools > Performance, or speedscope); profiling slows the window it covers`);
  }

  const cpu = cpus();
  const report = {
    bench: 'simulator-calendarview',
    date: new Date(started).toISOString(),
    durationS: round((Date.now() - started) / 1000, 1),
    environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, memGB: round(totalmem() / 2 ** 30, 1), loadAvg1mStart: round(load0, 2), loadAvg1mEnd: round(loadavg()[0]!, 2) },
    method: {
      transport: 'http://127.0.0.1 (port 0); simulator in the parent process, load generator in a child process (undici Agent, keep-alive, connections = concurrency, pipelining 1)',
      loop: 'closed loop per connection: POST, read the whole body, verify, POST again',
      rounds: ROUNDS, levels: LEVELS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, interleaving: 'level order alternates per round (ascending, then descending); one load-generator process per round',
      request: { operation: 'FindItem CalendarView', caller: SVC, impersonating: ALICE, shape: SHAPE === 'all' ? 'AllProperties' : { base: 'IdOnly', fields: VIEW_FIELDS }, window: WINDOW, maxEntriesReturned: 1000, bytes: Buffer.byteLength(envelope) },
      throttle: { note: 'EWSMaxConcurrency raised for the benchmark', maxConcurrency: THROTTLE.maxConcurrency, backOffMs: THROTTLE.backOffMs, simulatorDefault: DEFAULT_THROTTLE },
      validation: `every response HTTP 200, ResponseClass="Success", exactly ${EXPECT_ITEMS} '<t:CalendarItem>' occurrences; anything else is an error`,
      reqPerSec: 'verified responses of all rounds / measured time of all rounds',
      percentiles: 'of the pooled latencies of all rounds (request sent to body fully read)',
      simulatorCpu: 'process.resourceUsage() user+system of the simulator process, over exactly the measured windows (worker signals start/end over IPC)',
    },
    seed: { mailboxes: seed.mailboxes.map((m) => m.smtp), shell: seed.shell, events: seed.events.length, recurringSeries: SERIES.length, aliceWeek: mix },
    results: summaries,
    simulatorProcess: { cpuSecondsWholeRun: round(simCpuS, 2), peakRssMB: round(peakRssMB, 1), rssAfterSeedMB: round(rssAfterSeedMB, 1), seedAndListenMs: seedMs },
    ...(profileSummary ? { profile: { level: PROFILE_LEVEL, file: relative(ROOT, PROFILE_FILE), ...profileSummary } } : {}),
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n  wrote ${relative(ROOT, RESULTS)} (${report.durationS} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
