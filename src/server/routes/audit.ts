import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** The audit log: paged reading and export, administrators only. */
export function auditRoutes(_app: FastifyInstance, _ctx: ServerContext): void {}
