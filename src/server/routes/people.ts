import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Enrolment: invitations (one, or a CSV), each user's state, resend, revoke, remove; the invitee's side; the user's own link. */
export function peopleRoutes(_app: FastifyInstance, _ctx: ServerContext): void {}
