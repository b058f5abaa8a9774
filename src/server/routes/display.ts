import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Assistant } from '../../assistant/assistant.js';
import { isCheckIn, type DeskResult } from '../../assistant/dialog/rooms.js';
import type { Understand } from '../../assistant/dialog/understanding.js';
import { outcomeSentence } from '../../assistant/render/rooms.js';
import { EwsCalendarProvider } from '../../providers/ews/ews-provider.js';
import { exchangeLinks, roomDevices, rooms } from '../../persistence/index.js';
import type { Room } from '../../persistence/repositories/rooms.js';
import { DbDialogStore } from '../assistant/db-dialog-store.js';
import type { ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';
import type { RoomFeature } from '../rooms/feature.js';
import { displayWriteOut, roomStatusOut } from '../rooms/schemas.js';

export const DISPLAY_COOKIE = 'concierge_display';
const DISPLAY_TTL_S = 365 * 86_400;

const noDisplay = () => new HttpProblem(401, 'DisplayNotSignedIn', 'This room display is not signed in, or its link was removed.', 'Open the display link the administrator created (/display#token=…); if it was removed, ask for a new one under Rooms.');

/** The display's answer to a request that is not about its room (no personal calendars here). */
const ROOM_ONLY = 'This display only helps with this room. Ask whether it is free, who booked it, to book it, extend or end the meeting, find another room, or say check in.';

/** Failures that are not the display's fault say so in the message; success is a short sentence. */
const OK_KINDS = new Set(['booked', 'ended', 'extended', 'checked_in']);

/**
 * The room display (a kiosk without a user session): it signs in with its token once, then reads the
 * room and acts on it. Writes carry the display's CSRF token (X-CSRF-Token).
 */
export function displayRoutes(app: FastifyInstance, ctx: ServerContext, feature: RoomFeature): void {
  const { api, db } = ctx;
  const service = feature.service;

  /** The display's room, after checking its cookie (and, for writes, its CSRF token). */
  async function displayRoom(req: FastifyRequest, write: boolean): Promise<{ room: Room; actor: string; deviceId: string }> {
    const token = req.cookies[DISPLAY_COOKIE];
    const found = token ? await roomDevices.displayByToken(db, token) : undefined;
    if (!found) throw noDisplay();
    if (write && !roomDevices.csrfMatches(found.csrfToken, typeof req.headers['x-csrf-token'] === 'string' ? req.headers['x-csrf-token'] : undefined)) {
      throw new HttpProblem(403, 'CsrfTokenMissing', 'This request lacks the display\'s CSRF token.', 'Send the csrfToken from POST /api/v1/display/session in the X-CSRF-Token header.');
    }
    const room = await rooms.get(db, found.device.roomId);
    if (!room) throw noDisplay();
    await roomDevices.touch(db, found.device.id, feature.clock());
    return { room, actor: `display:${found.device.label ?? found.device.id}`, deviceId: found.device.id };
  }

  const answer = (r: DeskResult) => ({ ok: OK_KINDS.has(r.outcome.kind) && !(r.outcome.kind === 'booked' && r.outcome.answer === 'pending'), message: outcomeSentence(r.outcome, r.status), status: r.status });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/display/session',
    summary: 'A room display signs in with the token of its link (/display#token=…)',
    tag: 'display',
    access: 'public',
    rateLimitPerMinute: 10,
    body: z.object({ token: z.string().min(20).max(200) }),
    response: z.object({ room: z.object({ id: z.string(), name: z.string(), email: z.string() }), csrfToken: z.string() }),
    handler: async (req, reply, b) => {
      const opened = await roomDevices.openDisplay(db, b.token, feature.clock());
      if (!opened) throw new HttpProblem(401, 'DisplayTokenUnknown', 'That display link is not valid: it was mistyped, or the display was removed.', 'Ask the administrator for a new display link (Rooms, the room, Add display).');
      const room = await rooms.get(db, opened.device.roomId);
      if (!room) throw noDisplay();
      reply.setCookie(DISPLAY_COOKIE, b.token, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/api/v1/display', maxAge: DISPLAY_TTL_S });
      return { room: { id: room.id, name: room.name, email: room.email }, csrfToken: opened.csrfToken };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/display/state',
    summary: 'The display\'s room now and its day',
    tag: 'display',
    access: 'public',
    response: roomStatusOut,
    handler: async (req) => service.status((await displayRoom(req, false)).room),
  });

  const write = (path: string, summary: string, body: z.ZodType | undefined, act: (room: Room, actor: string, b: { minutes?: number }) => Promise<DeskResult>) =>
    api.add(app, {
      method: 'POST',
      path,
      summary,
      tag: 'display',
      access: 'public',
      ...(body ? { body } : {}),
      response: displayWriteOut,
      handler: async (req, _reply, b) => {
        const { room, actor } = await displayRoom(req, true);
        return answer(await act(room, actor, (b ?? {}) as { minutes?: number }));
      },
    });
  const minutes = z.object({ minutes: z.number().int().min(5).max(240) });
  write('/api/v1/display/book', 'Book the room from now for some minutes (the room\'s rules accept or decline)', minutes, (room, actor, b) => service.book(room, b.minutes!, actor));
  write('/api/v1/display/end', 'End the current meeting now', undefined, (room, actor) => service.end(room, actor));
  write('/api/v1/display/extend', 'Extend the current meeting, if the room is free for that time', minutes, (room, actor, b) => service.extend(room, b.minutes!, actor));
  write('/api/v1/display/check-in', 'Check in to the current meeting', undefined, (room, actor) => service.checkIn(room, actor));

  api.add(app, {
    method: 'POST',
    path: '/api/v1/display/ask',
    summary: 'Ask the assistant in the room ("is this room free", "extend the meeting by 15 minutes")',
    tag: 'display',
    access: 'public',
    body: z.object({ text: z.string().min(1).max(500), sessionId: z.string().min(8).max(100).optional() }),
    response: z.object({ intent: z.string(), text: z.string(), ssml: z.string(), sessionId: z.string(), expectsReply: z.boolean() }).passthrough(),
    handler: async (req, _reply, b) => {
      const { room, actor, deviceId } = await displayRoom(req, true);
      if (!ctx.understand) throw new HttpProblem(503, 'AssistantUnavailable', 'This server runs without the assistant.', 'Use the display\'s buttons, or start the server with the assistant (the default).');
      const link = await exchangeLinks.getActive(db);
      if (!link) throw new HttpProblem(409, 'ExchangeNotLinked', 'No Exchange service account is linked yet.', 'An admin links one in the console (Exchange).');
      const zone = await service.zoneOf(room);
      const provider = new EwsCalendarProvider((fn) => ctx.pool.use((c) => fn(c), link), { server: new URL(link.ewsUrl).host, account: link.upn, method: link.access });
      // A kiosk anyone may use: only the room's own requests (its desk: audited, within the room's rules). The
      // personal calendar dialog would read, cancel or move anything in the room mailbox, unaudited.
      const understand = ctx.understand;
      let refused = false;
      const roomOnly: Understand = (text, c) => {
        const u = understand(text, c);
        if (u.intent.startsWith('room_')) return u;
        refused = true;
        return { intent: 'out_of_scope', slots: {} };
      };
      const assistant = new Assistant(provider, new DbDialogStore(db).forAccount(`display:${deviceId}`), roomOnly);
      const roomRef = { id: room.id, email: room.email, name: room.name };
      const a = await assistant.ask({ user: room.email, text: b.text, timeZone: zone, now: feature.clock(), room: roomRef, desk: service.desk(room, actor), ...(b.sessionId ? { sessionId: b.sessionId } : {}) });
      // "Check in" is read from the words whatever the intent; anything else not about the room says what the display can do.
      if (refused && !isCheckIn(b.text)) return { ...a, text: ROOM_ONLY, ssml: `<speak>${ROOM_ONLY}</speak>` };
      return { ...a };
    },
  });
}
