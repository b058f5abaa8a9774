/**
 * The simulator against exchangelib 4.9 (Debian's python3-exchangelib, run by /usr/bin/python3): a
 * client nobody on this team wrote. The scenario runs once with impersonation (svc acting as alice) and
 * once as a delegate (bob opening alice's calendar), then four denials. Every answer the simulator gave
 * is recorded by a loopback proxy and checked against messages.xsd at the end.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/shared.js';
import { checkResponses, interopSeed, ROOM, sameInstant, scenario, startInteropServer, USERS, ZONE, type InteropServer, type Scenario } from './harness.js';

const run = promisify(execFile);
/** Debian's interpreter, where apt installs python3-exchangelib (not whatever python3 is first on PATH). */
const PYTHON = '/usr/bin/python3';
const CLIENT = join(REPO_ROOT, 'test/interop/exchangelib_client.py');

type StepResult = { op: string; ok: boolean; error?: string; message?: string; [k: string]: unknown };
interface Attendee {
  email: string | null;
  name: string | null;
  response_type: string;
}
interface Item {
  id: string;
  subject: string;
  start: string;
  end: string;
  is_recurring: boolean;
  type: string;
  organizer: string | null;
  required_attendees: Attendee[];
  resources: Attendee[];
}

interface ClientArgs {
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly mailbox: string;
  readonly access: 'impersonation' | 'delegate';
  readonly auth?: 'basic' | 'auto';
  readonly steps: readonly Record<string, unknown>[];
}

/** Runs the Python client; fails with a clear message when exchangelib is missing (CI installs it: never skip). */
async function exchangelib(args: ClientArgs): Promise<Record<string, StepResult>> {
  let stdout: string;
  try {
    ({ stdout } = await run(PYTHON, [CLIENT, JSON.stringify({ timezone: ZONE.iana, ...args })], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }));
  } catch (err) {
    const e = err as { code?: string | number; stdout?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT') throw new Error(`${PYTHON} does not exist: install Debian's python3 and python3-exchangelib (apt-get install python3-exchangelib)`);
    if (e.code === 3 && e.stdout) throw new Error(`exchangelib cannot be imported by ${PYTHON} (${e.stdout.trim()}): install Debian's python3-exchangelib (apt-get install python3-exchangelib); .ci/run does`);
    throw new Error(`exchangelib_client.py failed: ${e.message}\n${e.stderr ?? ''}`);
  }
  const out = JSON.parse(stdout) as { exchangelib: string; steps: StepResult[] };
  expect(out.exchangelib).toBe('4.9.0');
  // Steps are keyed by op; a repeated op gets a suffix (get, get#2).
  const byOp: Record<string, StepResult> = {};
  for (const s of out.steps) {
    let key = s.op;
    for (let n = 2; key in byOp; n++) key = `${s.op}#${n}`;
    byOp[key] = s;
  }
  return byOp;
}

/** A step that must have succeeded; on failure the assertion message carries exchangelib's error. */
function ok(r: Record<string, StepResult>, key: string): StepResult {
  const s = r[key];
  expect(s, `step ${key} did not run`).toBeDefined();
  expect(s!.ok, `${key}: ${s!.error}: ${s!.message}\n${String(s!.trace ?? '')}`).toBe(true);
  return s!;
}

const emails = (list: readonly Attendee[]) => list.map((a) => a.email?.toLowerCase()).sort();

/** Free/busy times come without offset, in the zone of the request (Pacific here): read them there. */
const local = (t: string) => DateTime.fromISO(t, { zone: ZONE.iana }).toMillis();

function scenarioSteps(s: Scenario, slot: { start: string; end: string }, subject: string) {
  return [
    { op: 'version' },
    { op: 'view', start: s.weekStart, end: s.viewEnd },
    { op: 'create', subject, ...slot, attendees: [USERS.bob.user, USERS.carol.user], resources: [ROOM] },
    { op: 'get' },
    { op: 'update', subject: `${subject} (moved)` },
    { op: 'get' },
    { op: 'delete' },
    { op: 'get_deleted' },
    { op: 'resolve', names: ['bob'] },
    { op: 'freebusy', start: s.weekStart, end: s.weekEnd },
  ];
}

describe('exchangelib 4.9 against the simulator', () => {
  const s = scenario();
  let server: InteropServer;
  let basicOff: InteropServer;

  beforeAll(async () => {
    server = await startInteropServer(interopSeed(s));
    basicOff = await startInteropServer(interopSeed(s, false));
  });
  afterAll(async () => {
    await server?.close();
    await basicOff?.close();
  });

  const scenarios = [
    { access: 'impersonation' as const, who: USERS.svc, slot: () => s.createSlots.impersonation, subject: 'Interop exchangelib impersonation' },
    { access: 'delegate' as const, who: USERS.bob, slot: () => s.createSlots.delegate, subject: 'Interop exchangelib delegate' },
  ];

  for (const sc of scenarios) {
    it(`${sc.access}: ${sc.who.user.split('@')[0]} reads and writes alice's calendar, resolves names, reads free/busy`, async () => {
      const slot = sc.slot();
      const r = await exchangelib({ url: server.url, ...sc.who, mailbox: USERS.alice.user, access: sc.access, steps: scenarioSteps(s, slot, sc.subject) });

      // Version: the ConvertId probe steps down from Exchange2019 and reads ServerVersionInfo.
      const v = ok(r, 'version');
      expect(v.build).toBe('15.1.1591.10');
      expect(v.api_version).toBe('Exchange2016');

      // CalendarView (FindItem + GetItem): two occurrences of the weekly series and the single meeting.
      const items = ok(r, 'view').items as Item[];
      const weekly = items.filter((i) => i.subject === s.weekly.subject);
      expect(weekly.map((i) => [Date.parse(i.start), Date.parse(i.end)])).toEqual(s.weekly.occurrences.map((o) => [Date.parse(o.start), Date.parse(o.end)]));
      for (const o of weekly) {
        expect(o.type).toBe('Occurrence');
        expect(o.is_recurring).toBe(true);
        expect(o.organizer).toBe(USERS.alice.user);
      }
      const single = items.filter((i) => i.subject === s.single.subject);
      expect(single).toHaveLength(1);
      expect(single[0]).toMatchObject({ type: 'Single', is_recurring: false });
      expect(sameInstant(single[0]!.start, s.single.start) && sameInstant(single[0]!.end, s.single.end)).toBe(true);
      expect(items).toHaveLength(3);

      // CreateItem with attendees and a room, then GetItem: the room accepted (it was sent as Unknown).
      const created = ok(r, 'create');
      expect(created.id).toEqual(expect.any(String));
      const got = ok(r, 'get') as unknown as Item & StepResult;
      expect(got.subject).toBe(sc.subject);
      expect(sameInstant(got.start, slot.start) && sameInstant(got.end, slot.end)).toBe(true);
      expect(got.type).toBe('Single');
      expect(got.organizer).toBe(USERS.alice.user);
      expect(emails(got.required_attendees)).toEqual([USERS.bob.user, USERS.carol.user]);
      expect(got.resources.map((a) => [a.email?.toLowerCase(), a.response_type])).toEqual([[ROOM, 'Accept']]);

      // UpdateItem (subject only), read back.
      ok(r, 'update');
      expect((ok(r, 'get#2') as unknown as Item).subject).toBe(`${sc.subject} (moved)`);

      // DeleteItem with cancellations; the item is gone.
      ok(r, 'delete');
      expect(r.get_deleted).toMatchObject({ ok: false, error: 'ErrorItemNotFound' });

      // ResolveNames finds Bob (with contact data).
      const resolved = ok(r, 'resolve').results as { name: string; email: string; display_name: string | null }[];
      expect(resolved).toHaveLength(1);
      expect(resolved[0]).toMatchObject({ name: 'Bob Smith', email: USERS.bob.user });

      // GetUserAvailability: alice is busy at the weekly occurrence and the single meeting of the week.
      const views = ok(r, 'freebusy').views as { view_type: string; merged: string | null; calendar_events: { start: string; end: string; busy_type: string }[] }[];
      expect(views).toHaveLength(1);
      const events = views[0]!.calendar_events.map((e) => ({ start: local(e.start), end: local(e.end), busy: e.busy_type }));
      const expected = [s.weekly.occurrences[0]!, { start: s.single.start, end: s.single.end }].map((x) => ({ start: Date.parse(x.start), end: Date.parse(x.end), busy: 'Busy' }));
      expect(events).toEqual(expected);
      expect(views[0]!.merged ?? '').toMatch(/[1-4]/);

      // Server side: bob got the request, the update and the cancellation; the room no longer holds the meeting.
      const inbox = server.simulator.exchange.calendar.findItems(USERS.bob.user, 'inbox');
      const mine = inbox.filter((m) => m.subject.includes(sc.subject)).map((m) => m.itemClass);
      expect(mine).toContain('IPM.Schedule.Meeting.Request');
      expect(mine).toContain('IPM.Schedule.Meeting.Canceled');
      const roomView = server.simulator.exchange.calendar.calendarView(ROOM, 'calendar', slot.start, slot.end).items;
      expect(roomView.filter((e) => !e.isCancelled)).toHaveLength(0);
    });
  }

  it('denies impersonating room.101, outside the UserMailboxes scope: ErrorImpersonateUserDenied', async () => {
    const r = await exchangelib({ url: server.url, ...USERS.svc, mailbox: ROOM, access: 'impersonation', steps: [{ op: 'version' }, { op: 'view', start: s.weekStart, end: s.weekEnd }] });
    ok(r, 'version');
    expect(r.view).toMatchObject({ ok: false, error: 'ErrorImpersonateUserDenied' });
  });

  it('denies svc2 (no rights) opening alice\'s calendar as a delegate: ErrorAccessDenied', async () => {
    const r = await exchangelib({ url: server.url, ...USERS.svc2, mailbox: USERS.alice.user, access: 'delegate', steps: [{ op: 'version' }, { op: 'view', start: s.weekStart, end: s.weekEnd }] });
    ok(r, 'version');
    expect(r.view).toMatchObject({ ok: false, error: 'ErrorAccessDenied' });
  });

  it('rejects a wrong password: HTTP 401, which exchangelib (fail-fast policy) raises as UnauthorizedError', async () => {
    const r = await exchangelib({ url: server.url, user: USERS.svc.user, password: 'not-the-password', mailbox: USERS.alice.user, access: 'impersonation', steps: [{ op: 'version' }] });
    expect(r.version).toMatchObject({ ok: false, error: 'UnauthorizedError' });
    expect(r.version!.message).toMatch(/^Invalid credentials for /);
  });

  it('with Basic off on the EWS virtual directory: Basic is refused (UnauthorizedError) and only NTLM is left to detect', async () => {
    // auth_type=BASIC (what the admin guide's integration uses): the 401 answers every attempt.
    const pinned = await exchangelib({ url: basicOff.url, ...USERS.svc, mailbox: USERS.alice.user, access: 'impersonation', steps: [{ op: 'version' }, { op: 'auth_probe' }] });
    expect(pinned.version).toMatchObject({ ok: false, error: 'UnauthorizedError' });
    // exchangelib's own detection (transport.get_auth_method_from_response) reads WWW-Authenticate:
    // only Negotiate and NTLM are offered, and it picks NTLM.
    expect(ok(pinned, 'auth_probe').auth_type).toBe('NTLM');
    const challenges = basicOff.proxy.records.filter((x) => x.status === 401).map((x) => String(x.responseHeaders['www-authenticate'] ?? ''));
    expect(challenges.length).toBeGreaterThan(0);
    for (const c of challenges) {
      expect(c).not.toMatch(/basic/i);
      expect(c).toMatch(/NTLM/);
    }
    // With Basic on, Basic is offered too (next to Negotiate and NTLM, as IIS lists them).
    const on = server.proxy.records.filter((x) => x.status === 401).map((x) => String(x.responseHeaders['www-authenticate'] ?? ''));
    expect(on.some((c) => /Basic realm=/.test(c))).toBe(true);
  });

  it('every answer the simulator gave is schema-valid (messages.xsd) and text/xml; charset=utf-8', async () => {
    const report = await checkResponses([...server.proxy.records, ...basicOff.proxy.records]);
    expect(report.checked).toBeGreaterThan(5);
    expect(report.wrongContentType).toEqual([]);
    expect(report.invalid.map((i) => `${i.operation} (HTTP ${i.status}):\n${i.output}\n${i.response.slice(0, 3000)}`)).toEqual([]);
  }, 60_000);
});
