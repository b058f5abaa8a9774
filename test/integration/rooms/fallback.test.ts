import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { linkedServerOnNewDatabase, stopRoomSweeper } from '../../support/linked-server.js';
import { adminRequest, type Signed } from '../../support/server.js';
import { useSimulator } from '../../support/use-simulator.js';
import { addRoom, PT, roomCalendar, roomsSimulator } from './support.js';

const Z = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** An impersonation scope of people only: the room's calendar is refused, free/busy stands in and says less. */
describe('rooms: when Exchange refuses the room\'s calendar', () => {
  const sim = useSimulator(() => roomsSimulator({ scopeExcludesRooms: true }));
  let app: FastifyInstance;
  let admin: Signed;
  let close: () => Promise<void>;
  let room101: string;

  beforeAll(async () => {
    ({ app, admin, close } = await linkedServerOnNewDatabase(sim, { beforeLink: stopRoomSweeper }));
    room101 = await addRoom(app, admin, 'room.101@contoso.com');
  });
  afterAll(() => close?.());

  it('reads the room from free/busy: times, no organizer, marked limited', async () => {
    app.rooms.clock = () => PT('10:10');
    const res = await adminRequest(app, admin, 'GET', `/api/v1/rooms/${room101}/status`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ state: 'busy', busyUntil: Z(PT('11:30')), limited: true, current: { start: Z(PT('10:00')), end: Z(PT('11:00')) } });
    expect(s.current.organizer).toBeUndefined();
  });

  it('still books (the service account organizes its own meeting), but cannot end someone else\'s meeting', async () => {
    const made = await adminRequest(app, admin, 'POST', `/api/v1/rooms/${room101}/devices`, { kind: 'display' });
    const token = (made.json().displayUrl as string).split('#token=')[1]!;
    const session = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token } });
    const headers = { cookie: String(session.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': session.json().csrfToken };
    app.rooms.clock = () => PT('12:00');
    const book = await app.inject({ method: 'POST', url: '/api/v1/display/book', headers, payload: { minutes: 30 } });
    expect(book.json()).toMatchObject({ ok: true });
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual({ organizer: 'svc@contoso.com', start: Z(PT('12:00')), end: Z(PT('12:30')) });
    app.rooms.clock = () => PT('10:30');
    const end = await app.inject({ method: 'POST', url: '/api/v1/display/end', headers });
    expect(end.json().ok).toBe(false);
    expect(end.json().message).toMatch(/can see only Room 101's free\/busy times/);
    expect(roomCalendar(sim, 'room.101@contoso.com').find((b) => b.organizer === 'alice@contoso.com')?.end).toBe(Z(PT('11:00')));
  });
});
