import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { defaultUnderstand } from '../../../src/assistant/understand.js';
import { openDatabase, type Database } from '../../../src/persistence/index.js';
import type { RunningSimulator } from '../../../src/simulator/host.js';
import { adminRequest, serverWithAdmin, type Signed } from '../../support/server.js';
import { addRoom, linkExchange, PT, roomCalendar, roomsSimulator } from '../rooms/support.js';

/**
 * A room display is an unattended kiosk: anyone walking by may use it. Its assistant must answer about the
 * room only (the room's desk), never run the ordinary calendar dialog on the room mailbox (read any day,
 * cancel, move or create meetings in it) - that dialog is neither limited to the room's rules nor audited.
 */
describe('security: the room display\'s assistant answers room requests only', () => {
  let sim: RunningSimulator;
  let database: Database;
  let app: FastifyInstance;
  let admin: Signed;
  let display: { cookie: string; csrf: string };

  beforeAll(async () => {
    sim = await roomsSimulator();
    database = await openDatabase({});
    const built = await serverWithAdmin(database.db, undefined, undefined, { understand: await defaultUnderstand() });
    app = built.server.app;
    admin = built.admin;
    app.rooms.sweepIntervalMs = 0;
    await linkExchange(app, admin, sim);
    const room101 = await addRoom(app, admin, 'room.101@contoso.com', 'Floor 1');
    const made = await adminRequest(app, admin, 'POST', `/api/v1/rooms/${room101}/devices`, { kind: 'display' });
    const token = (made.json().displayUrl as string).split('#token=')[1]!;
    const session = await app.inject({ method: 'POST', url: '/api/v1/display/session', payload: { token } });
    display = { cookie: String(session.headers['set-cookie']).split(';')[0]!, csrf: session.json().csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await sim?.close();
  });

  const ask = async (text: string, at: Date, sessionId?: string) => {
    app.rooms.clock = () => at;
    const res = await app.inject({ method: 'POST', url: '/api/v1/display/ask', headers: { cookie: display.cookie, 'x-csrf-token': display.csrf }, payload: { text, ...(sessionId ? { sessionId } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { intent: string; text: string; events?: { subject: string }[]; sessionId: string };
  };

  it('does not list the room mailbox\'s meetings through the personal calendar dialog', async () => {
    const r = await ask('what is on my calendar next week', PT('09:00'));
    expect(r.intent).not.toBe('read_events');
    expect(r.events ?? []).toEqual([]);
    expect(r.text).not.toMatch(/Planning|Interviews/);
    expect(r.text).toMatch(/only helps with this room/);
  });

  it('does not cancel a meeting in the room mailbox on "cancel the planning meeting" + "yes"', async () => {
    const first = await ask('cancel the planning meeting', PT('09:00'));
    expect(first.intent).not.toBe('cancel_event');
    await ask('yes', PT('09:00'), first.sessionId);
    expect(roomCalendar(sim, 'room.101@contoso.com')).toContainEqual(expect.objectContaining({ organizer: 'alice@contoso.com', start: PT('10:00').toISOString().replace('.000Z', 'Z') }));
  });

  it('still answers the room\'s own requests and "check in"', async () => {
    expect((await ask('is this room free', PT('10:10'))).intent).toBe('room_is_free');
    expect((await ask('check in', PT('10:03'))).text).toMatch(/checked in/);
  });
});
