import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { auditLog, roomCheckIns, rooms, type Database } from '../../../src/persistence/index.js';
import { CheckInSweeper } from '../../../src/server/rooms/sweeper.js';
import { linkedServerOnNewDatabase, stopRoomSweeper } from '../../support/linked-server.js';
import { adminRequest, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { addRoom, PT, roomCalendar, roomsSimulator } from './support.js';

const Z = (d: Date) => d.toISOString().replace('.000Z', 'Z');

describe('rooms: check-in, release, utilization', () => {
  const sim = useSimulator(() => roomsSimulator());
  let database: Database;
  let app: FastifyInstance;
  let admin: Signed;
  let close: () => Promise<void>;
  let room101: string;
  let boardroom: string;

  beforeAll(async () => {
    ({ database, app, admin, close } = await linkedServerOnNewDatabase(sim, { beforeLink: stopRoomSweeper }));
    room101 = await addRoom(app, admin, 'room.101@contoso.com');
    boardroom = await addRoom(app, admin, 'boardroom@contoso.com');
  });
  afterAll(() => close?.());

  const patch = (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload });
  const setCheckIn = async (id: string, mode: string, minutes: number) => {
    const res = await patch(`/api/v1/rooms/${id}`, { checkIn: { mode, minutes } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().room.checkIn).toEqual({ mode, minutes });
  };
  /** Two instances on one database, as with PostgreSQL behind a load balancer. */
  const sweepers = (at: Date) => [0, 1].map(() => new CheckInSweeper({ db: database.db, provider: app.rooms.provider, clock: () => at }));

  it('refuses a check-in window outside 5 to 20 minutes', async () => {
    const res = await patch(`/api/v1/rooms/${room101}`, { checkIn: { mode: 'enforce', minutes: 30 } });
    expect(res.statusCode).toBe(400);
  });

  it('report mode records what would be released and keeps the booking', async () => {
    await setCheckIn(room101, 'report', 10);
    app.rooms.clock = () => PT('10:05');
    const before = (await adminRequest(app, admin, 'GET', `/api/v1/rooms/${room101}/status`)).json();
    expect(before.checkIn).toEqual({ mode: 'report', minutes: 10, required: true, deadline: Z(PT('10:10')) });
    const claimed = await Promise.all(sweepers(PT('10:11')).map((s) => s.sweep()));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
    expect(roomCalendar(sim, 'room.101@contoso.com').map((b) => b.organizer)).toEqual(['alice@contoso.com', 'bob@contoso.com']);
    const report = await adminRequest(app, admin, 'GET', '/api/v1/rooms/check-in/report?from=2026-12-07&to=2026-12-08');
    expect(report.json().entries).toEqual([expect.objectContaining({ roomId: room101, room: 'Room 101', organizer: 'alice@contoso.com', start: new Date(PT('10:00')).toISOString(), state: 'would_release' })]);
    expect((await auditLog.list(database.db, { action: 'room.would_release' })).length).toBe(1);
  });

  it('enforce mode releases a booking nobody checked into exactly once, even with two sweepers; the room declines it to the organizer', async () => {
    await setCheckIn(boardroom, 'enforce', 10);
    // 9:00 Budget: someone checks in (said to the room's display) at 9:03.
    app.rooms.clock = () => PT('09:03');
    const checkIn = await app.rooms.service.checkIn((await rooms.get(database.db, boardroom))!, 'display:test');
    expect(checkIn.outcome).toMatchObject({ kind: 'checked_in', booking: { start: Z(PT('09:00')) } });
    expect((await Promise.all(sweepers(PT('09:30')).map((s) => s.sweep()))).reduce((a, b) => a + b, 0)).toBe(0);
    // 13:00 Roadmap: nobody comes.
    const results = await Promise.all(sweepers(PT('13:10')).map((s) => s.sweep()));
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    expect(roomCalendar(sim, 'boardroom@contoso.com').map((b) => b.organizer)).toEqual(['alice@contoso.com']);
    // The organizer's meeting shows the room's decline, and Bob got the room's answer in his Inbox.
    const bobs = sim.exchange.calendar.calendarView('bob@contoso.com', 'calendar', Z(PT('13:00')), Z(PT('14:00'))).items[0]!;
    const full = sim.exchange.calendar.getItem(bobs.id) as { resources: readonly { mailbox: { email?: string }; responseType?: string }[] };
    expect(full.resources).toEqual([expect.objectContaining({ responseType: 'Decline' })]);
    // Later passes do nothing more.
    expect((await Promise.all(sweepers(PT('13:20')).map((s) => s.sweep()))).reduce((a, b) => a + b, 0)).toBe(0);
    const releases = await auditLog.list(database.db, { action: 'room.release' });
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ actor: 'system', target: 'boardroom@contoso.com', result: 'ok' });
    const rows = await roomCheckIns.between(database.db, PT('00:00'), PT('23:59'), boardroom);
    expect(rows.map((r) => [r.state, r.startsAt.toISOString()])).toEqual([['checked_in', PT('09:00').toISOString()], ['released', PT('13:00').toISOString()]]);
    // The room is free again.
    app.rooms.clock = () => PT('13:12');
    const after = (await adminRequest(app, admin, 'GET', `/api/v1/rooms/${boardroom}/status`)).json();
    expect(after.state).toBe('free');
    expect(after.freeUntil).toBeUndefined();
  });

  it('the freed time is bookable; utilization on the day counts booked, attended, released and recovered hours', async () => {
    app.rooms.clock = () => PT('13:30');
    const room = (await rooms.get(database.db, boardroom))!;
    const booked = await app.rooms.service.book(room, 30, 'display:test');
    expect(booked.outcome).toMatchObject({ kind: 'booked', answer: 'accepted', start: Z(PT('13:30')), end: Z(PT('14:00')) });
    const res = await adminRequest(app, admin, 'GET', '/api/v1/rooms/utilization?from=2026-12-07T00:00:00-08:00&to=2026-12-08T00:00:00-08:00');
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(res.json().rooms.map((r: { name: string }) => [r.name, r]));
    // Boardroom: Budget 1h (checked in), Roadmap 1h released at 13:10 (50 min freed), 13:30-14:00 booked at the room.
    expect(byName.Boardroom).toEqual({ roomId: boardroom, name: 'Boardroom', bookedHours: 2.5, attendedHours: 1.5, releasedHours: 0.83, recoveredHours: 0.5 });
    // Room 101: report mode kept both meetings; nobody checked in.
    expect(byName['Room 101']).toEqual({ roomId: room101, name: 'Room 101', bookedHours: 1.5, attendedHours: 0, releasedHours: 0, recoveredHours: 0 });
    const csv = await adminRequest(app, admin, 'GET', '/api/v1/rooms/utilization?from=2026-12-07T00:00:00-08:00&to=2026-12-08T00:00:00-08:00&format=csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="room-utilization-2026-12-07-2026-12-08\.csv"$/);
    expect(csv.body.split('\r\n')).toEqual(['roomId,name,bookedHours,attendedHours,releasedHours,recoveredHours', `${boardroom},Boardroom,2.5,1.5,0.83,0.5`, `${room101},Room 101,1.5,0,0,0`, '']);
  });
});
