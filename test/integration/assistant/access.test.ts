import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUnderstand } from '../../../src/assistant/understand.js';
import type { Understand } from '../../../src/assistant/dialog/understanding.js';
import { admins, auditLog } from '../../../src/persistence/index.js';
import type { PersonState } from '../../../src/persistence/tables.js';
import type { ConciergeServer } from '../../../src/server/app.js';
import { useDatabase } from '../../unit/persistence/backends.js';
import { impersonation, PACIFIC, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { linkedServer } from '../../support/linked-server.js';
import { adminRequest, serverWithAdmin, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';

/**
 * Who may ask the assistant about which calendar: a user about their own linked mailbox only, an
 * administrator about the link's test mailbox only; confirmed writes are audited, and a dialog session id
 * is bound to the account that started it.
 */
const SVC = { upn: 'svc@contoso.com', password: 'Svc-Access-Passw0rd!' };
const SVC2 = { upn: 'svc2@contoso.com', password: 'Svc2-Access-Passw0rd!' };
const NOW = '2026-12-07T08:00:00-08:00'; // Monday 7 December, 08:00 in Los Angeles
const PASSWORD = 'User-Passw0rd-long';

describe('who may ask the assistant about which calendar', () => {
  const store = useDatabase('pglite');
  const key = randomBytes(32);
  const sim = useSimulator(() =>
    startContoso({
      mailboxes: [person('alice', 'Alice Wong', { timeZone: PACIFIC }), person('bob', 'Bob Smith', { timeZone: PACIFIC }), serviceAccount(SVC), serviceAccount(SVC2, 'svc2')],
      shell: [impersonation('imp'), impersonation('imp2', 'svc2')],
      events: [
        { organizer: 'alice@contoso.com', subject: 'Standup', start: '2026-12-07T17:00:00Z', end: '2026-12-07T17:15:00Z', timeZone: PACIFIC },
        { organizer: 'bob@contoso.com', subject: 'Bob private review', start: '2026-12-07T18:00:00Z', end: '2026-12-07T19:00:00Z', timeZone: PACIFIC },
        { organizer: 'bob@contoso.com', subject: 'Vendor call', start: '2026-12-09T18:00:00Z', end: '2026-12-09T18:30:00Z', timeZone: PACIFIC, attendees: ['alice@contoso.com'] },
        { organizer: 'alice@contoso.com', subject: 'Team lunch', start: '2026-12-03T20:00:00Z', end: '2026-12-03T21:00:00Z', timeZone: PACIFIC, recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Thursday'] }, range: { type: 'NoEnd', startDate: '2026-12-03' } } },
        { organizer: 'alice@contoso.com', subject: 'Office hours', start: '2026-12-04T22:00:00Z', end: '2026-12-04T23:00:00Z', timeZone: PACIFIC, attendees: ['bob@contoso.com'], recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Friday'] }, range: { type: 'NoEnd', startDate: '2026-12-04' } } },
      ],
    }),
  );
  let understand: Understand;
  let server: ConciergeServer;
  let admin: Signed;

  beforeAll(async () => {
    understand = await defaultUnderstand();
    ({ server, admin } = await linkedServer(store.db, sim, { key, understand, account: SVC }));
  });

  afterAll(async () => {
    await server?.app.close();
  });

  /** A user account with a person in `state` (what the people work's invitations will create), signed in. */
  async function user(email: string, state: PersonState, mailbox: string | null = email): Promise<Signed> {
    const account = await admins.create(store.db, { email, password: PASSWORD, role: 'user' });
    await store.db
      .insertInto('people')
      .values({ id: randomUUID(), email, account_id: account.id, state, mailbox, time_zone: 'America/Los_Angeles', invited_by: 'admin@contoso.com' })
      .execute();
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: String(res.headers['set-cookie']).split(';')[0]!, csrf: res.json().csrfToken };
  }

  const ask = (app: FastifyInstance, who: Signed, body: object) => adminRequest(app, who, 'POST', '/api/v1/assistant/ask', { now: NOW, ...body });

  async function ewsRequests(operation?: string): Promise<number> {
    const { values } = await server.metrics.ewsCalls.get();
    return values.filter((v) => operation === undefined || v.labels.operation === operation).reduce((sum, v) => sum + v.value, 0);
  }

  let alice: Signed;
  let bob: Signed;

  it('a user asks about their own calendar: their mailbox and stored time zone by default', async () => {
    alice = await user('alice@contoso.com', 'linked');
    bob = await user('bob@contoso.com', 'linked');
    const views = await ewsRequests('FindItem');
    const res = await ask(server.app, alice, { text: "what's on my calendar today" });
    expect(res.statusCode, res.body).toBe(200);
    // The day's listing started before the question was understood is the one the answer used.
    expect(await ewsRequests('FindItem')).toBe(views + 1);
    const a = res.json();
    expect(a).toMatchObject({ intent: 'read_events', events: [{ subject: 'Standup' }], explain: { mailbox: 'alice@contoso.com', timeZone: 'America/Los_Angeles', access: { account: SVC.upn } } });
    expect(a.text).toMatch(/one event today\. At 9 AM, Standup/);
    expect(a.text).not.toMatch(/Bob private review/);
    // Naming their own mailbox (any case) is the same question.
    const named = await ask(server.app, bob, { user: 'Bob@Contoso.com', text: "what's on my calendar today" });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().events.map((e: { subject: string }) => e.subject)).toEqual(['Bob private review']);
  });

  it("a user naming someone else's mailbox is refused with 403 NotYourCalendar, and Exchange is not asked", async () => {
    const before = await ewsRequests();
    const res = await ask(server.app, alice, { user: 'bob@contoso.com', text: "what's on my calendar today" });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'NotYourCalendar' });
    expect(res.json().detail).toMatch(/alice@contoso\.com/);
    expect(res.body).not.toMatch(/Bob private review/);
    expect(await ewsRequests()).toBe(before);
  });

  it('a user whose calendar is not linked gets 409 CalendarNotLinked pointing at /console/me; a revoked one 403', async () => {
    const carol = await user('carol@contoso.com', 'accepted', null);
    const before = await ewsRequests();
    const res = await ask(server.app, carol, { text: "what's on my calendar today" });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CalendarNotLinked' });
    expect(res.json().hint).toMatch(/\/console\/me/);
    const dave = await user('dave@contoso.com', 'failing', null);
    const failing = await ask(server.app, dave, { text: "what's on my calendar today" });
    expect(failing.statusCode).toBe(409);
    expect(failing.json().detail).toMatch(/failed/);
    const erin = await user('erin@contoso.com', 'revoked', 'erin@contoso.com');
    const revoked = await ask(server.app, erin, { text: "what's on my calendar today" });
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ code: 'AccessRevoked' });
    expect(await ewsRequests()).toBe(before);
  });

  it("an administrator may ask about the link's test mailbox only", async () => {
    const ok = await ask(server.app, admin, { user: 'alice@contoso.com', text: "what's on my calendar today", timeZone: 'America/Los_Angeles' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().events.map((e: { subject: string }) => e.subject)).toEqual(['Standup']);
    const before = await ewsRequests();
    const other = await ask(server.app, admin, { user: 'bob@contoso.com', text: "what's on my calendar today" });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'NotYourCalendar' });
    expect(await ewsRequests()).toBe(before);
  });

  it('refuses a request without the CSRF token, and one without a session', async () => {
    const noCsrf = await server.app.inject({ method: 'POST', url: '/api/v1/assistant/ask', headers: { cookie: alice.cookie }, payload: { text: "what's on my calendar today" } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'CsrfTokenMissing' });
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/v1/assistant/ask', payload: { text: "what's on my calendar today" } });
    expect(anonymous.statusCode).toBe(401);
  });

  it("a dialog session id is bound to its account: nobody else's yes confirms the pending write; the owner's is audited", async () => {
    const propose = await ask(server.app, alice, { text: 'add dentist tomorrow at 3pm' });
    expect(propose.statusCode, propose.body).toBe(200);
    expect(propose.json().pending).toMatchObject({ kind: 'create' });
    const sessionId = propose.json().sessionId as string;
    const audited = async () => (await auditLog.list(store.db, { action: 'calendar.create' })).length;
    const writesBefore = await audited();

    // Bob reuses Alice's session id; the administrator too, naming Alice's mailbox (the test mailbox).
    const bobYes = await ask(server.app, bob, { text: 'yes', sessionId });
    expect(bobYes.statusCode, bobYes.body).toBe(200);
    expect(bobYes.json()).toMatchObject({ intent: 'confirm' });
    expect(bobYes.json().text).toMatch(/nothing waiting for a yes/);
    const adminYes = await ask(server.app, admin, { user: 'alice@contoso.com', text: 'yes', sessionId, timeZone: 'America/Los_Angeles' });
    expect(adminYes.statusCode, adminYes.body).toBe(200);
    expect(adminYes.json().text).toMatch(/nothing waiting for a yes/);
    expect(adminYes.body).not.toMatch(/Dentist/i);
    expect(await audited()).toBe(writesBefore);

    // Alice's own yes, on another instance, still finds it (the state is in the database) and books it.
    const { server: other } = await serverWithAdmin(store.db, key, undefined, { understand });
    const yes = await ask(other.app, alice, { text: 'yes', sessionId });
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().text).toMatch(/^Done\. Dentist is on your calendar tomorrow at 3 PM/);
    const entries = await auditLog.list(store.db, { action: 'calendar.create' });
    expect(entries).toHaveLength(writesBefore + 1);
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: expect.stringMatching(/^dentist$/i), start: '2026-12-08T23:00:00Z' } });
    expect(JSON.stringify(entries[0]!.detail)).not.toMatch(/Passw0rd|csrf|cookie/i);
    await other.app.close();
  });

  it('a reminder turned off is audited as a reminder change, not as a move', async () => {
    const made = await ask(server.app, alice, { text: 'add checkup tomorrow at 4pm' });
    const sessionId = made.json().sessionId as string;
    expect((await ask(server.app, alice, { text: 'yes', sessionId })).json().text).toMatch(/^Done\./);
    const off = await ask(server.app, alice, { text: 'cancel the reminder for the checkup', sessionId });
    expect(off.json().pending).toMatchObject({ kind: 'remind', minutes: 'off' });
    expect((await ask(server.app, alice, { text: 'yes', sessionId })).json().text).toMatch(/won't remind you/);
    const entries = await auditLog.list(store.db, { action: 'calendar.reminder' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: expect.stringMatching(/^checkup$/i), reminder: 'off' } });
    expect(await auditLog.list(store.db, { action: 'calendar.cancel' })).toHaveLength(0);
  });

  it('an answer to an invitation is audited with the message that went with it', async () => {
    const asked = await ask(server.app, alice, { text: "decline the vendor call and tell bob I'm out that day" });
    expect(asked.json().pending).toMatchObject({ kind: 'respond', reply: 'decline', message: "I'm out that day." });
    expect((await ask(server.app, alice, { text: 'yes', sessionId: asked.json().sessionId })).json().text).toMatch(/^Done\. You declined Vendor call/);
    const entries = await auditLog.list(store.db, { action: 'calendar.respond' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: 'Vendor call', answer: 'decline', message: "I'm out that day." } });
  });

  it('an edit that is not a move (a new name) is audited as an edit, with the name it was given', async () => {
    // (The checkup the reminder test made: the standup stays as other tests read it.)
    const asked = await ask(server.app, alice, { text: 'rename the checkup to annual checkup' });
    expect(asked.json().pending).toMatchObject({ kind: 'edit', edit: { kind: 'rename', subject: 'Annual checkup' } });
    expect((await ask(server.app, alice, { text: 'yes', sessionId: asked.json().sessionId })).json().text).toBe("Done. It's now called Annual checkup.");
    const entries = await auditLog.list(store.db, { action: 'calendar.edit' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: expect.stringMatching(/^checkup$/i), newSubject: 'Annual checkup' } });
    expect(await auditLog.list(store.db, { action: 'calendar.move' })).toHaveLength(0);
  });

  it('a series called off from now on is audited as a cancel of the series, with its new last day', async () => {
    const asked = await ask(server.app, alice, { text: 'cancel all my office hours' });
    expect(asked.json().pending).toMatchObject({ kind: 'cancel', series: true });
    expect((await ask(server.app, alice, { text: 'yes', sessionId: asked.json().sessionId })).json().text).toMatch(/^Done\. Office hours is cancelled from Friday at 2 PM on/);
    const entries = await auditLog.list(store.db, { action: 'calendar.cancel' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: 'Office hours', series: true, from: '2026-12-11T22:00:00Z', seriesEnds: '2026-12-10' } });
  });

  it('a series moved is audited as a move of the series, from and to its next one', async () => {
    const asked = await ask(server.app, alice, { text: 'move all my team lunches to 1pm' });
    expect(asked.json().pending).toMatchObject({ kind: 'move', series: true });
    expect((await ask(server.app, alice, { text: 'yes', sessionId: asked.json().sessionId })).json().text).toBe('Done. Every Team lunch is now at 1 PM.');
    const entries = await auditLog.list(store.db, { action: 'calendar.move' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: 'Team lunch', series: true, from: '2026-12-10T20:00:00Z', to: '2026-12-10T21:00:00Z' } });
  });

  it("a series' reminder is audited as a reminder change of the series", async () => {
    const asked = await ask(server.app, alice, { text: 'remind me 10 minutes before every team lunch' });
    expect(asked.json().pending).toMatchObject({ kind: 'remind', minutes: 10, series: true });
    expect((await ask(server.app, alice, { text: 'yes', sessionId: asked.json().sessionId })).json().text).toBe("Done. You'll be reminded 10 minutes before every Team lunch.");
    const entries = await auditLog.list(store.db, { action: 'calendar.reminder' });
    expect(entries[0]).toMatchObject({ actor: 'alice@contoso.com', target: 'alice@contoso.com', result: 'ok', detail: { subject: 'Team lunch', series: true, reminder: '10 minutes before' } });
  });

  it('"why?" after a read is answered from the database, on another instance too', async () => {
    const read = await ask(server.app, alice, { text: "what's on my calendar today" });
    expect(read.statusCode, read.body).toBe(200);
    const { server: other } = await serverWithAdmin(store.db, key, undefined, { understand });
    const why = await ask(other.app, alice, { text: 'why?', sessionId: read.json().sessionId });
    expect(why.statusCode, why.body).toBe(200);
    expect(why.json().intent).toBe('why');
    expect(why.json().text).toMatch(/I read the Calendar of alice@contoso\.com .* through svc@contoso\.com using impersonation/);
    // Bob asking "why?" in Alice's session learns nothing about her calendar.
    const bobWhy = await ask(server.app, bob, { text: 'why?', sessionId: read.json().sessionId });
    expect(bobWhy.json().text).toMatch(/haven't looked at your calendar yet/);
    await other.app.close();
  });

  it('nothing is cached across questions: a rotation, an unlink and a sign-out apply to the very next one, on every instance', async () => {
    const { server: other } = await serverWithAdmin(store.db, key, undefined, { understand });
    const before = await ask(other.app, alice, { text: "what's on my calendar today" });
    expect(before.json().explain.access.account).toBe(SVC.upn);
    const rotated = await adminRequest(server.app, admin, 'POST', '/api/v1/exchange/rotate', { upn: SVC2.upn, password: SVC2.password });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const after = await ask(other.app, alice, { text: "what's on my calendar today" });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json()).toMatchObject({ events: [{ subject: 'Standup' }], explain: { access: { account: SVC2.upn } } });

    await store.db.updateTable('people').set({ state: 'accepted', mailbox: null }).where('email', '=', 'bob@contoso.com').execute();
    const unlinked = await ask(other.app, bob, { text: "what's on my calendar today" });
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().code).toBe('CalendarNotLinked');

    const signOut = await adminRequest(server.app, alice, 'DELETE', '/api/v1/session');
    expect(signOut.statusCode, signOut.body).toBeLessThan(300);
    const gone = await ask(other.app, alice, { text: "what's on my calendar today" });
    expect(gone.statusCode).toBe(401);
    await other.app.close();
  });
});
