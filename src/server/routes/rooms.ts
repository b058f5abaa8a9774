import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditLog, roomCheckIns, roomDevices, rooms } from '../../persistence/index.js';
import type { Room } from '../../persistence/repositories/rooms.js';
import type { RoomDevice } from '../../persistence/repositories/room-devices.js';
import type { ServerContext } from '../context.js';
import { badRequest, HttpProblem, notFound } from '../problem.js';
import { roomFeature } from '../rooms/feature.js';
import { roomStatusOut } from '../rooms/schemas.js';
import { utilization, utilizationCsv } from '../rooms/utilization.js';
import { displayRoutes } from './display.js';

const checkInIn = z.object({ mode: z.enum(['off', 'report', 'enforce']), minutes: z.number().int().min(5).max(20) });
const deviceOut = z.object({ id: z.string(), kind: z.enum(['alexa', 'display']), label: z.string().optional(), createdAt: z.string(), lastSeenAt: z.string().optional() });
const roomOut = z.object({ id: z.string(), email: z.string(), name: z.string(), roomList: z.string().optional(), capacity: z.number().optional(), checkIn: checkInIn, devices: z.array(deviceOut) });
const utilizationRow = z.object({ roomId: z.string(), name: z.string(), bookedHours: z.number(), attendedHours: z.number(), releasedHours: z.number(), recoveredHours: z.number() });

const deviceView = (d: RoomDevice) => ({ id: d.id, kind: d.kind, ...(d.label ? { label: d.label } : {}), createdAt: d.createdAt.toISOString(), ...(d.lastSeenAt ? { lastSeenAt: d.lastSeenAt.toISOString() } : {}) });
const roomView = (r: Room, devices: readonly RoomDevice[]) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  ...(r.roomList ? { roomList: r.roomList } : {}),
  ...(r.capacity ? { capacity: r.capacity } : {}),
  checkIn: r.checkIn,
  devices: devices.filter((d) => d.roomId === r.id).map(deviceView),
});

function param(req: FastifyRequest, name: string): string {
  return (req.params as Record<string, string>)[name] ?? '';
}

function query<T extends z.ZodType>(schema: T, req: FastifyRequest): z.infer<T> {
  const r = schema.safeParse(req.query ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw badRequest(`Invalid query parameter ${issue.path.join('.') || ''}: ${issue.message}`, 'Fix the query string; see /api/v1/openapi.json.');
  }
  return r.data;
}

// A real calendar day: 2026-02-30 would roll over to March, 2026-13-45 would fail deep inside as a 500.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date (YYYY-MM-DD)');
const period = z.object({ from: z.union([day, z.iso.datetime({ offset: true })]), to: z.union([day, z.iso.datetime({ offset: true })]) });

function periodOf(q: { from: string; to: string }): { from: Date; to: Date } {
  const at = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
  const from = at(q.from);
  const to = at(q.to);
  if (!(to > from)) throw badRequest(`The period ends (${q.to}) before it starts (${q.from}).`, 'Give a `to` after `from` (dates are whole UTC days, `to` exclusive).');
  if (to.getTime() - from.getTime() > 92 * 86_400_000) throw badRequest('The period is longer than 92 days.', 'Ask for a quarter at most, and page by period.');
  return { from, to };
}

/** Rooms: the admin's room list, devices, status, check-in, utilization; the room display's API. */
export function roomRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { api, db } = ctx;
  const feature = roomFeature(app, ctx);
  const service = feature.service;
  const roomOr404 = async (id: string) => (await rooms.get(db, id)) ?? (() => { throw notFound(`Room ${id}`); })();
  const audit = (actor: string, action: string, target: string, detail: Record<string, string | number | null | object>) => auditLog.append(db, { actor, action, target, result: 'ok', detail: detail as never });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/rooms',
    summary: 'Rooms added to Concierge, with their check-in policy and devices',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ rooms: z.array(roomOut) }),
    handler: async () => {
      const all = await rooms.list(db);
      const devices = await roomDevices.listFor(db, all.map((r) => r.id));
      return { rooms: all.map((r) => roomView(r, devices)) };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/rooms/directory',
    summary: 'Room mailboxes Exchange lists (its room lists), and whether each is added',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ candidates: z.array(z.object({ email: z.string(), name: z.string(), added: z.boolean() })) }),
    handler: async (req) => {
      const q = (query(z.object({ q: z.string().max(200).optional() }), req).q ?? '').trim().toLowerCase();
      const [found, added] = await Promise.all([feature.provider.directory(), rooms.list(db)]);
      const have = new Set(added.map((r) => r.email));
      const candidates = found.filter((r) => !q || r.email.includes(q) || r.name.toLowerCase().includes(q)).map((r) => ({ email: r.email, name: r.name, added: have.has(r.email) }));
      return { candidates };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/rooms',
    summary: 'Add a room mailbox (it must be in one of Exchange\'s room lists)',
    tag: 'rooms',
    access: 'admin',
    status: 201,
    body: z.object({ email: z.string().email(), name: z.string().min(1).max(200).optional(), roomList: z.string().min(1).max(200).optional(), capacity: z.number().int().positive().max(10_000).optional() }),
    response: z.object({ room: roomOut }),
    handler: async (req, _reply, b) => {
      const email = b.email.trim().toLowerCase();
      const found = (await feature.provider.directory()).find((r) => r.email === email);
      if (!found) {
        throw new HttpProblem(422, 'NotARoom', `${email} is not a room mailbox in any of Exchange's room lists.`, 'Pick one from GET /api/v1/rooms/directory. A room mailbox must be in a room list to be found: Add-DistributionGroupMember -Identity <room list> -Member <room> (New-DistributionGroup -RoomList makes a list).');
      }
      const room = await rooms.create(db, { email, name: b.name ?? found.name, roomList: b.roomList ?? null, ...(b.capacity ? { capacity: b.capacity } : {}) });
      if (!room) throw new HttpProblem(409, 'RoomExists', `${email} is added already.`, 'Change it with PATCH /api/v1/rooms/:id instead.');
      await audit(req.session!.admin.email, 'room.add', room.email, { name: room.name, roomList: room.roomList, capacity: room.capacity });
      return { room: roomView(room, []) };
    },
  });

  api.add(app, {
    method: 'PATCH',
    path: '/api/v1/rooms/:id',
    summary: 'Change a room\'s name, list, capacity or check-in policy',
    tag: 'rooms',
    access: 'admin',
    body: z.object({ name: z.string().min(1).max(200).optional(), roomList: z.string().min(1).max(200).nullable().optional(), capacity: z.number().int().positive().max(10_000).nullable().optional(), checkIn: checkInIn.optional() }),
    response: z.object({ room: roomOut }),
    handler: async (req, _reply, b) => {
      const before = await roomOr404(param(req, 'id'));
      const room = (await rooms.update(db, before.id, { ...(b.name !== undefined ? { name: b.name } : {}), ...(b.roomList !== undefined ? { roomList: b.roomList } : {}), ...(b.capacity !== undefined ? { capacity: b.capacity } : {}), ...(b.checkIn ? { checkIn: b.checkIn } : {}) }))!;
      await audit(req.session!.admin.email, 'room.change', room.email, { before: { name: before.name, roomList: before.roomList, capacity: before.capacity, checkIn: before.checkIn }, after: { name: room.name, roomList: room.roomList, capacity: room.capacity, checkIn: room.checkIn } });
      return { room: roomView(room, await roomDevices.listFor(db, [room.id])) };
    },
  });

  api.add(app, {
    method: 'DELETE',
    path: '/api/v1/rooms/:id',
    summary: 'Remove a room (its devices stop working)',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ removed: z.literal(true) }),
    handler: async (req) => {
      const room = await roomOr404(param(req, 'id'));
      await rooms.remove(db, room.id);
      await audit(req.session!.admin.email, 'room.remove', room.email, { name: room.name });
      return { removed: true as const };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/rooms/:id/devices',
    summary: 'Place a device in a room: an Alexa device id, or a room display (its link is shown once)',
    tag: 'rooms',
    access: 'admin',
    status: 201,
    body: z.discriminatedUnion('kind', [z.object({ kind: z.literal('alexa'), deviceId: z.string().min(1).max(500), label: z.string().max(200).optional() }), z.object({ kind: z.literal('display'), label: z.string().max(200).optional() })]),
    response: z.object({ device: deviceOut, displayUrl: z.string().optional() }),
    handler: async (req, _reply, b) => {
      const room = await roomOr404(param(req, 'id'));
      const actor = req.session!.admin.email;
      if (b.kind === 'alexa') {
        const device = await roomDevices.addAlexa(db, room.id, b.deviceId, b.label);
        if (!device) throw new HttpProblem(409, 'DeviceInUse', 'That Alexa device is placed in a room already.', 'Remove it from its room first (DELETE /api/v1/rooms/:id/devices/:deviceId).');
        await audit(actor, 'room.device.add', room.email, { kind: 'alexa', deviceId: device.id, label: device.label });
        return { device: deviceView(device) };
      }
      const { device, token } = await roomDevices.addDisplay(db, room.id, b.label);
      await audit(actor, 'room.device.add', room.email, { kind: 'display', deviceId: device.id, label: device.label });
      // The token is in the fragment: browsers never send it to a server or a proxy log.
      return { device: deviceView(device), displayUrl: `${baseUrl(ctx, req)}/display#token=${token}` };
    },
  });

  api.add(app, {
    method: 'DELETE',
    path: '/api/v1/rooms/:id/devices/:deviceId',
    summary: 'Remove a device from a room (a display\'s link stops working)',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ removed: z.literal(true) }),
    handler: async (req) => {
      const room = await roomOr404(param(req, 'id'));
      if (!(await roomDevices.remove(db, room.id, param(req, 'deviceId')))) throw notFound(`Device ${param(req, 'deviceId')} of ${room.name}`);
      await audit(req.session!.admin.email, 'room.device.remove', room.email, { deviceId: param(req, 'deviceId') });
      return { removed: true as const };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/rooms/:id/status',
    summary: 'A room now and its day (?date=YYYY-MM-DD for another day)',
    tag: 'rooms',
    access: 'admin',
    response: roomStatusOut,
    handler: async (req) => {
      const room = await roomOr404(param(req, 'id'));
      const q = query(z.object({ date: day.optional() }), req);
      return service.status(room, q.date);
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/rooms/utilization',
    summary: 'Booked, attended, released and recovered hours per room (?from&to, format=json|csv)',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ from: z.string(), to: z.string(), rooms: z.array(utilizationRow) }),
    handler: async (req, reply) => {
      const q = query(period.extend({ format: z.enum(['json', 'csv']).default('json') }), req);
      const { from, to } = periodOf(q);
      const rows = await utilization(db, feature.provider, from, to);
      if (q.format === 'csv') {
        reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="room-utilization-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.csv"`);
        return utilizationCsv(rows) as never;
      }
      return { from: from.toISOString(), to: to.toISOString(), rooms: rows };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/rooms/check-in/report',
    summary: 'What the check-in policy did: checked in, released, or (report mode) would have released',
    tag: 'rooms',
    access: 'admin',
    response: z.object({ entries: z.array(z.object({ roomId: z.string(), room: z.string(), subject: z.string(), organizer: z.string(), start: z.string(), end: z.string(), state: z.enum(['would_release', 'released', 'checked_in']), at: z.string() })) }),
    handler: async (req) => {
      const { from, to } = periodOf(query(period, req));
      const names = new Map((await rooms.list(db)).map((r) => [r.id, r.name]));
      const records = await roomCheckIns.between(db, from, to);
      return { entries: records.map((r) => ({ roomId: r.roomId, room: names.get(r.roomId) ?? r.roomId, subject: r.subject ?? '', organizer: r.organizer ?? '', start: r.startsAt.toISOString(), end: r.endsAt.toISOString(), state: r.state, at: r.at.toISOString() })) };
    },
  });

  displayRoutes(app, ctx, feature);
}

function baseUrl(ctx: ServerContext, req: FastifyRequest): string {
  return (ctx.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
}
