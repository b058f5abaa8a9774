import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Rooms: the admin's room list, devices, status, check-in, utilization; the room display's API. */
export function roomRoutes(_app: FastifyInstance, _ctx: ServerContext): void {}
