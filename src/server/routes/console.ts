import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The web console's pages and assets. */
export function consoleRoutes(_app: FastifyInstance, _ctx: ServerContext): void {}
