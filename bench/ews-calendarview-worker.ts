/**
 * One measurement: one client, one response size, in a process of its own (so peak RSS is that
 * client's). Started by bench/ews-calendarview.ts; prints one JSON line (WorkerResult) on stdout.
 *
 *   node --expose-gc --import tsx bench/ews-calendarview-worker.ts '{"client":"concierge","url":"…","size":100,…}'
 */
import { performance } from 'node:perf_hooks';
import { digestOf, MAILBOX, WINDOW, type ExpectedItem } from './ews-fixture.js';

export type ClientName = 'concierge' | 'ews-javascript-api';

export interface WorkerArgs {
  readonly client: ClientName;
  readonly url: string;
  readonly size: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly maxCalls: number;
}

export interface WorkerResult {
  readonly client: ClientName;
  readonly size: number;
  readonly calls: number;
  readonly elapsedMs: number;
  readonly callsPerSec: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly minMs: number;
  /** RSS once the client library is loaded and constructed, before any call. */
  readonly rssLoadedMB: number;
  /** Peak resident set size of the whole process (getrusage maxrss). */
  readonly peakRssMB: number;
  /** Digest of the fields read from every item of the first and of the last call. */
  readonly digest: string;
  readonly lastDigest: string;
}

/** A client under test: one CalendarView call, returning what it read of every item. */
type ViewCall = () => Promise<ExpectedItem[]>;

const USER = 'svc-concierge@contoso.com';
/** Both clients get the same number of warm-up and measured calls at least, whatever their speed. */
const MIN_WARMUP_CALLS = 5;
const MIN_MEASURED_CALLS = 8;
const PASSWORD = 'not-a-secret';

async function conciergeClient(url: string, size: number): Promise<ViewCall> {
  const { EwsClient } = await import('../src/ews/client/ews-client.js');
  const { BasicAuth } = await import('../src/ews/transport/auth.js');
  const client = new EwsClient({ url, auth: new BasicAuth(USER, PASSWORD), access: 'impersonation' });
  return async () => {
    const events = await client.calendarView(MAILBOX, { start: WINDOW.start, end: WINDOW.end }, { pageSize: Math.max(1000, size) });
    return events.map((e) => ({ subject: e.subject, startMs: Date.parse(e.start), endMs: Date.parse(e.end), location: e.location ?? '', organizerName: e.organizer?.name ?? '' }));
  };
}

async function ewsJsClient(url: string, size: number): Promise<ViewCall> {
  const ews = await import('ews-javascript-api');
  const svc = new ews.ExchangeService(ews.ExchangeVersion.Exchange2013);
  svc.Credentials = new ews.WebCredentials(USER, PASSWORD);
  svc.Url = new ews.Uri(url);
  svc.ImpersonatedUserId = new ews.ImpersonatedUserId(ews.ConnectingIdType.SmtpAddress, MAILBOX);
  const A = ews.AppointmentSchema;
  const I = ews.ItemSchema;
  // The properties Concierge's VIEW_FIELDS ask for, less OriginalStart: this library refuses it in
  // FindItem ("can't be used in FindItem requests"); the fixture carries no OriginalStart element anyway.
  const props = new ews.PropertySet(ews.BasePropertySet.IdOnly, [
    I.Subject, I.Sensitivity, I.Preview, A.ICalUid, A.Start, A.End, A.IsAllDayEvent, A.LegacyFreeBusyStatus,
    A.Location, A.IsMeeting, A.IsCancelled, A.IsRecurring, A.AppointmentType, A.MyResponseType, A.Organizer, A.StartTimeZone,
  ]);
  const folder = new ews.FolderId(ews.WellKnownFolderName.Calendar);
  const start = ews.DateTime.Parse(WINDOW.start);
  const end = ews.DateTime.Parse(WINDOW.end);
  return async () => {
    const view = new ews.CalendarView(start, end, Math.max(1000, size));
    view.PropertySet = props;
    const found = await svc.FindAppointments(folder, view);
    return found.Items.map((a) => ({
      subject: a.Subject ?? '',
      startMs: a.Start.TotalMilliSeconds,
      endMs: a.End.TotalMilliSeconds,
      location: a.Location ?? '',
      organizerName: a.Organizer?.Name ?? '',
    }));
  };
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '{}') as WorkerArgs;
  const call = args.client === 'concierge' ? await conciergeClient(args.url, args.size) : await ewsJsClient(args.url, args.size);
  const rssLoadedMB = process.memoryUsage().rss / 2 ** 20;

  const check = (items: ExpectedItem[]) => {
    if (items.length !== args.size) throw new Error(`${args.client} returned ${items.length} items, expected ${args.size}`);
    return items;
  };
  const digest = digestOf(check(await call()));

  const warmEnd = performance.now() + args.warmupMs;
  // Warm up by time AND by count: a slow client would otherwise be measured with a cold JIT.
  for (let n = 0; n < MIN_WARMUP_CALLS || performance.now() < warmEnd; n++) check(await call());
  globalThis.gc?.();

  const lat: number[] = [];
  let last: ExpectedItem[] = [];
  const t0 = performance.now();
  const stopAt = t0 + args.measureMs;
  while (lat.length < args.maxCalls && (lat.length < MIN_MEASURED_CALLS || performance.now() < stopAt)) {
    const s = performance.now();
    last = check(await call());
    lat.push(performance.now() - s);
  }
  const elapsedMs = performance.now() - t0;
  const sorted = [...lat].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  const result: WorkerResult = {
    client: args.client,
    size: args.size,
    calls: lat.length,
    elapsedMs,
    callsPerSec: lat.length / (elapsedMs / 1000),
    p50Ms: q(0.5),
    p90Ms: q(0.9),
    minMs: sorted[0]!,
    rssLoadedMB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    digest,
    lastDigest: digestOf(last),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Keep-alive sockets would hold the process open.
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err)}\n`);
  process.exit(1);
});
