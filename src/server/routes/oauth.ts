import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Alexa account linking: OAuth 2.0 authorization code grant (authorize page, token endpoint). */
export function oauthRoutes(_app: FastifyInstance, _ctx: ServerContext): void {}
