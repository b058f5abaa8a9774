/**
 * The load generator of `npm run bench:simulator`, in a process of its own (the simulator runs in the
 * parent). Started by bench/simulator-calendarview.ts with an IPC channel; for each concurrency level
 * it opens an undici Agent with that many keep-alive connections and runs one closed loop per
 * connection (send, read the whole body, check it, send again) that POSTs the same pre-built FindItem
 * CalendarView envelope: a warm-up, then the measured window. It tells the parent when a measured
 * window starts and ends (so the parent can sample the simulator's CPU time over exactly that window)
 * and finally sends one LoadResult per level.
 *
 * Every response must be HTTP 200, ResponseClass="Success", and hold exactly `expectItems`
 * occurrences of `<t:CalendarItem>`; anything else counts as an error (kept by kind, with one example).
 */
import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';

export interface LoadArgs {
  /** The simulator's EWS URL; must be a loopback http URL. */
  readonly url: string;
  /** The SOAP envelope, sent byte for byte on every request. */
  readonly envelope: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Concurrency levels in the order to run them (in-flight requests = connections). */
  readonly levels: readonly number[];
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Hard bound on requests per phase (warm-up or measured window) of one level. */
  readonly maxRequests: number;
  readonly expectItems: number;
  /** Per-request bound: a response not complete by then is an error. */
  readonly requestTimeoutMs: number;
}

export interface LoadResult {
  readonly concurrency: number;
  readonly requests: number;
  readonly errors: number;
  readonly errorKinds: Readonly<Record<string, number>>;
  readonly firstError?: string;
  readonly elapsedMs: number;
  /** Latency of every measured request (ms), in completion order; the parent pools rounds. */
  readonly latenciesMs: readonly number[];
  readonly warmupRequests: number;
  /** Response body bytes, mean over measured requests (all equal for a fixed calendar). */
  readonly bytesPerResponse: number;
  /** TCP connections undici opened for this level (warm-up included); equal to concurrency when keep-alive held. */
  readonly connectionsOpened: number;
  /** This process's CPU time (user + system) over the measured window, ms. */
  readonly loadGenCpuMs: number;
}

/** Parent <- worker messages. */
export type WorkerMessage =
  | { readonly type: 'measure-start'; readonly concurrency: number }
  | { readonly type: 'measure-end'; readonly concurrency: number }
  | { readonly type: 'level'; readonly result: LoadResult }
  | { readonly type: 'done' }
  | { readonly type: 'failed'; readonly message: string };

const MARK = Buffer.from('<t:CalendarItem>');
const SUCCESS = Buffer.from('ResponseClass="Success"');

function countOf(haystack: Buffer, needle: Buffer): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

let connects = 0;
subscribe('undici:client:connected', () => {
  connects++;
});

function send(msg: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send!(msg, (err: Error | null) => (err ? reject(err) : resolve())));
}

interface Phase {
  requests: number;
  errors: number;
  bytes: number;
  readonly latencies: number[];
  readonly errorKinds: Record<string, number>;
  firstError?: string;
}

async function runPhase(agent: Agent, args: LoadArgs, concurrency: number, durationMs: number): Promise<Phase & { elapsedMs: number }> {
  const { origin, pathname, search } = new URL(args.url);
  const path = pathname + search;
  const body = Buffer.from(args.envelope, 'utf8');
  const phase: Phase = { requests: 0, errors: 0, bytes: 0, latencies: [], errorKinds: {} };
  const fail = (kind: string, detail: string) => {
    phase.errors++;
    phase.errorKinds[kind] = (phase.errorKinds[kind] ?? 0) + 1;
    phase.firstError ??= `${kind}: ${detail}`;
  };
  const t0 = performance.now();
  const stopAt = t0 + durationMs;
  // One closed loop per connection: bounded by time and by a shared request count.
  const loop = async () => {
    while (performance.now() < stopAt && phase.requests < args.maxRequests) {
      phase.requests++;
      const s = performance.now();
      try {
        const res = await agent.request({ origin, path, method: 'POST', headers: args.headers, body, signal: AbortSignal.timeout(args.requestTimeoutMs) });
        const buf = Buffer.from(await res.body.arrayBuffer());
        const ms = performance.now() - s;
        if (res.statusCode !== 200) fail(`HTTP ${res.statusCode}`, buf.toString('utf8', 0, 300));
        else if (buf.indexOf(SUCCESS) === -1) fail('not Success', buf.toString('utf8', 0, 600));
        else {
          const items = countOf(buf, MARK);
          if (items !== args.expectItems) fail('item count', `${items} CalendarItem elements, expected ${args.expectItems}`);
          else {
            phase.latencies.push(ms);
            phase.bytes += buf.length;
          }
        }
      } catch (err) {
        fail('transport', err instanceof Error ? `${err.name}: ${err.message}` : String(err));
        // A refused or reset connection would otherwise spin; back off briefly.
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { ...phase, elapsedMs: performance.now() - t0 };
}

const cpuMs = () => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};

async function runLevel(args: LoadArgs, concurrency: number): Promise<LoadResult> {
  const agent = new Agent({
    connections: concurrency,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: args.requestTimeoutMs,
    bodyTimeout: args.requestTimeoutMs,
  });
  const connects0 = connects;
  try {
    const warm = await runPhase(agent, args, concurrency, args.warmupMs);
    if (warm.errors > 0 && warm.latencies.length === 0) throw new Error(`every warm-up request at concurrency ${concurrency} failed; first: ${warm.firstError}`);
    await send({ type: 'measure-start', concurrency });
    const cpu0 = cpuMs();
    const m = await runPhase(agent, args, concurrency, args.measureMs);
    const loadGenCpuMs = cpuMs() - cpu0;
    await send({ type: 'measure-end', concurrency });
    const ok = m.latencies.length;
    return {
      concurrency,
      requests: m.requests,
      errors: m.errors,
      errorKinds: m.errorKinds,
      ...(m.firstError !== undefined ? { firstError: m.firstError } : {}),
      elapsedMs: m.elapsedMs,
      latenciesMs: m.latencies,
      warmupRequests: warm.requests,
      bytesPerResponse: ok ? m.bytes / ok : 0,
      connectionsOpened: connects - connects0,
      loadGenCpuMs,
    };
  } finally {
    await agent.close();
  }
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as LoadArgs;
  const host = new URL(args.url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`refusing a non-loopback target: ${host}`);
  for (const concurrency of args.levels) await send({ type: 'level', result: await runLevel(args, concurrency) });
  await send({ type: 'done' });
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    await send({ type: 'failed', message }).catch(() => {});
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
