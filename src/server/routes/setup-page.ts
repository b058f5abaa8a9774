import type { FastifyInstance } from 'fastify';
import { CONSOLE_ROOT, sendConsoleFile } from './console.js';

/**
 * The one-time setup page the first-run link opens (`/setup#token=…`): console/setup.html reads the
 * token from the fragment (never sent to the server in the URL, so never in a log) and posts it with
 * the new administrator's email and password to /api/v1/setup, then opens the Exchange page.
 */
export function setupPage(app: FastifyInstance): void {
  app.get('/setup', async (req, reply) => sendConsoleFile(req, reply, new URL('setup.html', CONSOLE_ROOT)));
}
