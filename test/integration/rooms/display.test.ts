import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditLog, type Database } from '../../../src/persistence/index.js';
import { linkedServerOnNewDatabase, stopRoomSweeper } from '../../support/linked-server.js';
import { adminRequest, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { addRoom, PT, roomCalendar, roomsSimulator } from './support.js';

const Z = (d: Date) => d.toISOString().replace('.000Z', 'Z');

describe('rooms: admin and the room display', () => {
  const sim = useSimulator(() => roomsSimulator());
  let database: Database;
  let app: FastifyInstance;
  let admin: Signed;
  let close: () => Promise<void>;
  let room101: string;

  beforeAll(async () => {
    ({ database, app, admin, close } = await linkedServerOnNewDatabase(sim, { beforeLink: stopRoomSweeper }));
  });
  afterAll(() => close?.());

  it('lists room mailboxes from Exchange\'s room lists, adds one, and refuses a person\'s mailbox', async () => {
    const dir = await adminRequest(app, admin, 'GET', '/api/v1/rooms/directory');
    expect(dir.statusCode, dir.body).toBe(200);
    expect(dir.json().candidates.map((c: { email: string }) => c.email).sort()).toEqual(['boardroom@contoso.com', 'room.101@contoso.com', 'room.202@contoso.com']);
    const person = await adminRequest(app, admin, 'POST', '/api/v1/rooms', { email: 'alice@contoso.com' });
    expect(person.statusCode).toBe(422);
    expect(person.json()).toMatchObject({ code: 'NotARoom' });
    expect(person.json().hint).toMatch(/room list/);
    room101 = await addRoom(app, admin, 'Room.101@contoso.com', 'Floor 1');
    const again = await adminRequest(app, admin, 'POST', '/api/v1/rooms', { email: 'room.101@contoso.com' });
    expect(again.statusCode).toBe(409);
    const list = await adminRequest(app, admin, 'GET', '/api/v1/rooms');
    expect(list.json().rooms).toEqual([expect.objectContaining({ id: room101, email: 'room.101@contoso.com', name: 'Room 101', roomList: 'Floor 1', checkIn: { mode: 'off', minutes: 10 }, devices: [] })]);
    expect((await adminRequest(app, admin, 'GET', '/api/v1/rooms/directory?q=101')).json().candidates).toEqual([{ email: 'room.101@contoso.com', name: 'Room 101', added: true }]);
    const trail = await auditLog.list(database.db, { action: 'room.add' });
    expect(trail[0]).toMatchObject({ actor: 'admin@contoso.com', target: 'room.101@contoso.com', result: 'ok' });
  });

  let display: { cookie: string; csrf: string };
  it('gives a display link once; a wrong token is refused; writes need the display\'s CSRF token', async () => {
    const made = await adminRequest(app, admin, 'POST', `/api/v1/rooms/${room101}/devices`, { kind: 'display', label: 'Door panel' });
    expect(made.statusCode, made.body).toBe(201);
    const url: string = made.json().displayUrl;
    expect(url).toMatch(/\/display#token=[\w-]{43}$/);
    const token = url.split('#token=')[1]!;
    const listed = await adminRequest(app, admin, 'GET', '/api/v1/rooms');
    expect(listed.body).not.toContain(token);
    expect(listed.json().rooms[0].devices).toEqual([expect.objectContaining({ kind: 'display', label: 'Door panel' })]);
    const stored = await database.db.selectFrom('room_devices').select('device_key').execute();
    expect(stored.map((r) => r.device_key)).not.toContain(token);

    const wrong = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token: `${token.slice(0, -2)}xx` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('DisplayTokenUnknown');
    expect((await app.inject({ method: 'GET', url: '/api/v1/display/state' })).statusCode).toBe(401);

    const session = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token } });
    expect(session.statusCode, session.body).toBe(200);
    expect(session.json().room).toEqual({ id: room101, name: 'Room 101', email: 'room.101@contoso.com' });
    display = { cookie: String(session.headers['set-cookie']).split(';')[0]!, csrf: session.json().csrfToken };
    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/display/book', headers: { cookie: display.cookie }, payload: { minutes: 30 } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CsrfTokenMissing');
  });

  const displayCall = (method: 'GET' | 'POST', path: string, payload?: object) => app.inject({ method, url: `/api/v1/display/${path}`, headers: { cookie: display.cookie, 'x-csrf-token': display.csrf }, ...(payload ? { payload } : {}) });

  it('shows the room now, in its own time zone: busy with Alice\'s meeting, back-to-back with Bob\'s', async () => {
    app.rooms.clock = () => PT('10:10');
    const res = await displayCall('GET', 'state');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ room: { name: 'Room 101', timeZone: expect.stringMatching(/America\/(Los_Angeles|Vancouver|Tijuana)|PST8PDT/) }, state: 'busy', busyUntil: Z(PT('11:30')), endingSoon: false, checkIn: { mode: 'off', required: false } });
    expect(s.current).toMatchObject({ organizer: { email: 'alice@contoso.com' }, start: Z(PT('10:00')), end: Z(PT('11:00')), checkedIn: false });
    expect(s.next).toMatchObject({ organizer: { email: 'bob@contoso.com' }, start: Z(PT('11:00')) });
    expect(s.day).toHaveLength(2);
    app.rooms.clock = () => PT('10:56');
    expect((await displayCall('GET', 'state')).json().endingSoon).toBe(true);
  });

  it('refuses to extend into the next booking and says until when the room is free', async () => {
    app.rooms.clock = () => PT('10:30');
    const res = await displayCall('POST', 'extend', { minutes: 15 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: false });
    expect(res.json().message).toBe("I can't extend it: Room 101 is booked by Bob Smith from 11 AM, so it is free only until then.");
    expect(roomCalendar(sim, 'room.101@contoso.com').find((b) => b.organizer === 'alice@contoso.com')?.end).toBe(Z(PT('11:00')));
  });

  it('books the room from now (rounded to 5 minutes) as the service account with the room as a resource; the room accepts', async () => {
    app.rooms.clock = () => PT('11:42');
    const res = await displayCall('POST', 'book', { minutes: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, status: { state: 'busy', current: { start: Z(PT('11:40')), end: Z(PT('12:10')), organizer: { email: 'svc@contoso.com' }, checkedIn: true } } });
    expect(res.json().message).toMatch(/Room 101 accepted the booking from 11:40 AM to 12:10 PM/);
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('11:40')), end: Z(PT('12:10')) });
    // The organizer's meeting records the room's own answer.
    const svcView = sim.exchange.calendar.calendarView('svc@contoso.com', 'calendar', Z(PT('11:00')), Z(PT('13:00'))).items;
    expect(svcView).toHaveLength(1);
    const full = sim.exchange.calendar.getItem(svcView[0]!.id) as { resources: readonly { mailbox: { email?: string }; responseType?: string }[] };
    expect(full.resources).toEqual([expect.objectContaining({ mailbox: expect.objectContaining({ email: 'room.101@contoso.com' }), responseType: 'Accept' })]);
  });

  it('extends when free, and ends the meeting now', async () => {
    app.rooms.clock = () => PT('11:50');
    const ext = await displayCall('POST', 'extend', { minutes: 15 });
    expect(ext.json()).toMatchObject({ ok: true, status: { current: { end: Z(PT('12:25')) } } });
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('11:40')), end: Z(PT('12:25')) });
    app.rooms.clock = () => new Date(PT('11:55').getTime() + 20_000);
    const end = await displayCall('POST', 'end');
    expect(end.json()).toMatchObject({ ok: true, status: { state: 'free' } });
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('11:40')), end: Z(PT('11:55')) });
    const actions = (await auditLog.list(database.db, { target: 'room.101@contoso.com' })).map((e) => `${e.action}:${e.result}`);
    expect(actions).toEqual(expect.arrayContaining(['room.book:accepted', 'room.extend:ok', 'room.end:ok', 'room.extend:refused']));
  });

  it('reports the room\'s decline when it is booked, and when it is free again', async () => {
    app.rooms.clock = () => PT('10:20');
    const res = await displayCall('POST', 'book', { minutes: 30 });
    expect(res.json()).toMatchObject({ ok: false });
    expect(res.json().message).toMatch(/Room 101 declined the booking from 10:20 AM to 10:50 AM\. It is free again at 11:30 AM/);
    expect(roomCalendar(sim, 'room.101@contoso.com').filter((b) => b.start === Z(PT('10:20')))).toEqual([]);
    // The declined request does not linger in the service account's calendar.
    expect(sim.exchange.calendar.calendarView('svc@contoso.com', 'calendar', Z(PT('10:00')), Z(PT('11:00'))).items).toEqual([]);
  });

  it('admin status for another day, and an unknown room is a 404', async () => {
    const res = await adminRequest(app, admin, 'GET', `/api/v1/rooms/${room101}/status?date=2026-12-08`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().day).toEqual([]);
    expect((await adminRequest(app, admin, 'GET', '/api/v1/rooms/nope/status')).statusCode).toBe(404);
  });
});
