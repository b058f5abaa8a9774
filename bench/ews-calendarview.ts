/**
 * `npm run bench:ews` — CalendarView fetch-and-parse of 100 and of 1,000 calendar items, Concierge's
 * EwsClient against ews-javascript-api, over plain http on 127.0.0.1.
 *
 * This process builds the two responses (bench/ews-fixture.ts) and serves them from two loopback
 * servers (one per size), so both clients get byte-identical answers. Every measurement runs in a
 * fresh child process (bench/ews-calendarview-worker.ts), one client and one size each, so peak RSS
 * belongs to that client alone. Rounds interleave the clients (A,B then B,A) so drift on a noisy
 * machine hits both. Each worker checks that it read every item (count, and a digest of subject,
 * start, end, location and organizer of every item that must equal the fixture's).
 *
 * Tunables (environment): BENCH_ROUNDS (3), BENCH_MEASURE_MS (1500), BENCH_WARMUP_MS (400).
 * Results: the table on stdout and bench/results/ews-calendarview.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCalendarView, type Fixture } from './ews-fixture.js';
import { startFixtureServer, type FixtureServer } from './ews-server.js';
import type { ClientName, WorkerArgs, WorkerResult } from './ews-calendarview-worker.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const WORKER = join(HERE, 'ews-calendarview-worker.ts');
const RESULTS = join(HERE, 'results', 'ews-calendarview.json');

const SIZES = [100, 1000] as const;
const CLIENTS: readonly ClientName[] = ['concierge', 'ews-javascript-api'];
const ROUNDS = intEnv('BENCH_ROUNDS', 2);
const MEASURE_MS = intEnv('BENCH_MEASURE_MS', 3000);
// Long enough for V8 to size its heap and tier up: a long-running server is measured at steady state.
const WARMUP_MS = intEnv('BENCH_WARMUP_MS', 3000);
/** Hard bound on calls per measurement, whatever the speed. */
const MAX_CALLS = 2000;
/** A worker that takes longer than this is killed and the run fails. */
const WORKER_TIMEOUT_MS = 60_000;
const TARGET_RATIO = 5;

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function runWorker(args: WorkerArgs): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', WORKER, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), WORKER_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${args.client} worker (size ${args.size}) failed: ${signal ?? `exit ${code}`}\n${err.trim() || out.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as WorkerResult);
    });
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits: number) => Number(x.toFixed(digits));

interface Summary {
  readonly size: number;
  readonly client: ClientName;
  /** Median over rounds of calls per second. */
  readonly callsPerSec: number;
  /** Median over rounds of each round's p50 latency. */
  readonly p50Ms: number;
  readonly p90Ms: number;
  /** Highest peak RSS of any round's process. */
  readonly peakRssMB: number;
  /** Median RSS once the library was loaded, before the first call. */
  readonly rssLoadedMB: number;
  readonly calls: number;
  readonly rounds: readonly { callsPerSec: number; p50Ms: number; peakRssMB: number; calls: number }[];
}

function summarize(size: number, client: ClientName, rs: readonly WorkerResult[]): Summary {
  return {
    size,
    client,
    callsPerSec: round(median(rs.map((r) => r.callsPerSec)), 2),
    p50Ms: round(median(rs.map((r) => r.p50Ms)), 2),
    p90Ms: round(median(rs.map((r) => r.p90Ms)), 2),
    peakRssMB: round(Math.max(...rs.map((r) => r.peakRssMB)), 1),
    rssLoadedMB: round(median(rs.map((r) => r.rssLoadedMB)), 1),
    calls: rs.reduce((n, r) => n + r.calls, 0),
    rounds: rs.map((r) => ({ callsPerSec: round(r.callsPerSec, 2), p50Ms: round(r.p50Ms, 2), peakRssMB: round(r.peakRssMB, 1), calls: r.calls })),
  };
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const load0 = loadavg()[0]!;
  const fixtures = new Map<number, Fixture>(SIZES.map((n) => [n, buildCalendarView(n)]));
  const servers = new Map<number, FixtureServer>();
  for (const n of SIZES) servers.set(n, await startFixtureServer(fixtures.get(n)!.bytes));
  console.log(`EWS CalendarView bench: ${ROUNDS} rounds, ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms per measurement, one process per measurement`);
  for (const n of SIZES) console.log(`  ${n} items: ${(fixtures.get(n)!.bytes.length / 1024).toFixed(0)} KiB response at ${servers.get(n)!.url}`);

  const results = new Map<string, WorkerResult[]>();
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const size of SIZES) {
        const order = r % 2 === 0 ? CLIENTS : [...CLIENTS].reverse();
        for (const client of order) {
          const res = await runWorker({ client, url: servers.get(size)!.url, size, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, maxCalls: MAX_CALLS });
          const want = fixtures.get(size)!.digest;
          if (res.digest !== want || res.lastDigest !== want) throw new Error(`${client} read the ${size}-item view wrongly: digest ${res.digest}/${res.lastDigest}, expected ${want}`);
          const key = `${size}|${client}`;
          results.set(key, [...(results.get(key) ?? []), res]);
          process.stdout.write(`  round ${r + 1}/${ROUNDS}  ${String(size).padStart(4)} items  ${client.padEnd(18)} ${res.callsPerSec.toFixed(2).padStart(8)} calls/s  p50 ${res.p50Ms.toFixed(1).padStart(7)} ms  peak RSS ${res.peakRssMB.toFixed(0)} MB\n`);
        }
      }
    }
  } finally {
    for (const s of servers.values()) await s.close();
  }

  const summaries = SIZES.flatMap((size) => CLIENTS.map((client) => summarize(size, client, results.get(`${size}|${client}`)!)));
  const get = (size: number, client: ClientName) => summaries.find((s) => s.size === size && s.client === client)!;
  const ratios = SIZES.map((size) => {
    const c = get(size, 'concierge');
    const e = get(size, 'ews-javascript-api');
    return { size, throughput: round(c.callsPerSec / e.callsPerSec, 2), p50Speedup: round(e.p50Ms / c.p50Ms, 2), peakRss: round(c.peakRssMB / e.peakRssMB, 2) };
  });

  const rows = [['size', 'client', 'calls/s', 'p50 ms', 'p90 ms', 'peak RSS MB', 'RSS loaded MB', 'calls/s ratio C/E']];
  for (const size of SIZES) {
    for (const client of CLIENTS) {
      const s = get(size, client);
      const ratio = client === 'concierge' ? `${ratios.find((x) => x.size === size)!.throughput.toFixed(2)}x` : '';
      rows.push([String(size), client, s.callsPerSec.toFixed(2), s.p50Ms.toFixed(1), s.p90Ms.toFixed(1), s.peakRssMB.toFixed(1), s.rssLoadedMB.toFixed(1), ratio]);
    }
  }
  console.log(`\n${table(rows)}\n`);
  for (const x of ratios) {
    const verdict = x.throughput >= TARGET_RATIO ? 'meets' : 'below';
    console.log(`  ${x.size} items: Concierge/ews-javascript-api throughput ${x.throughput}x (${verdict} the ${TARGET_RATIO}x target), p50 ${x.p50Speedup}x faster, peak RSS ${x.peakRss}x`);
  }

  const cpu = cpus();
  const report = {
    bench: 'ews-calendarview',
    date: new Date(started).toISOString(),
    durationS: round((Date.now() - started) / 1000, 1),
    environment: { node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpu[0]?.model.trim() ?? 'unknown', cores: cpu.length, memGB: round(totalmem() / 2 ** 30, 1), loadAvg1mStart: round(load0, 2), loadAvg1mEnd: round(loadavg()[0]!, 2) },
    method: {
      transport: 'http://127.0.0.1 (port 0), one server per size in the parent process, identical bytes for both clients',
      rounds: ROUNDS, warmupMs: WARMUP_MS, measureMs: MEASURE_MS, interleaving: 'A,B then B,A per round and size; one fresh process per measurement',
      callsPerSec: 'median over rounds', p50Ms: 'median over rounds of the round p50', peakRssMB: 'max over rounds of getrusage maxrss',
      validation: 'every call returns N items; subject/start/end/location/organizer digest of first and last call equals the fixture',
      target: `Concierge throughput >= ${TARGET_RATIO}x ews-javascript-api (reported, not asserted)`,
    },
    fixtures: SIZES.map((n) => ({ items: n, bytes: fixtures.get(n)!.bytes.length, digest: fixtures.get(n)!.digest })),
    results: summaries,
    ratios,
  };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n  wrote ${relative(ROOT, RESULTS)} (${report.durationS} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
