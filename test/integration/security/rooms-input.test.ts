import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../../src/persistence/index.js';
import type { RunningSimulator } from '../../../src/simulator/host.js';
import { adminRequest, serverWithAdmin, type Signed } from '../../support/server.js';
import { addRoom, linkExchange, roomsSimulator } from '../rooms/support.js';

/** Query dates that match YYYY-MM-DD but name no day are the caller's mistake: 400 with the field, never a 500. */
describe('security: room query dates are checked', () => {
  let sim: RunningSimulator;
  let database: Database;
  let app: FastifyInstance;
  let admin: Signed;
  let room: string;

  beforeAll(async () => {
    sim = await roomsSimulator();
    database = await openDatabase({});
    const built = await serverWithAdmin(database.db);
    app = built.server.app;
    admin = built.admin;
    app.rooms.sweepIntervalMs = 0;
    await linkExchange(app, admin, sim);
    room = await addRoom(app, admin, 'room.101@contoso.com');
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await sim?.close();
  });

  it.each(['2026-13-45', '2026-02-31', '2026-00-10'])('GET /rooms/:id/status?date=%s answers 400 BadRequest naming the date', async (date) => {
    const res = await adminRequest(app, admin, 'GET', `/api/v1/rooms/${room}/status?date=${date}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/date/);
  });

  it('GET /rooms/utilization with an impossible day says which parameter, not that the period is reversed', async () => {
    const res = await adminRequest(app, admin, 'GET', '/api/v1/rooms/utilization?from=2026-02-30&to=2026-03-05');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toMatch(/from/);
  });

  it('a real date still works', async () => {
    const res = await adminRequest(app, admin, 'GET', `/api/v1/rooms/${room}/status?date=2026-12-07`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().room.email).toBe('room.101@contoso.com');
  });
});
