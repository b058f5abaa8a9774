import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { HttpProblem } from '../problem.js';

/**
 * The console's files: plain HTML, CSS and ES modules in the repository's `console/` folder, no build step.
 * The same relative URL works from src/server/routes (tsx) and dist/server/routes (built).
 */
export const CONSOLE_ROOT = new URL('../../../console/', import.meta.url);

/** Only these kinds of file are served; anything else in the folder stays private. */
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/**
 * No inline script or style, nothing from elsewhere, never framed. Pages talk only to this server.
 * (Scripts may still set element.style through the CSSOM, which style-src does not govern.)
 */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The signed-in pages under /console/ (each is `console/<name>.html`). */
const PAGES = new Set(['exchange', 'users', 'rooms', 'chat', 'audit', 'me']);

const consoleNotFound = (path: string) => new HttpProblem(404, 'NotFound', `There is no console page or file at ${path}.`, 'Open /console/ and use the navigation.');

/**
 * Resolves a path below console/ to a file URL, or undefined when it could escape the folder or is not a
 * servable kind of file. Rejects any `.`/`..` segment, backslashes and NUL even when percent-encoded.
 */
export function resolveConsoleFile(relative: string): URL | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '' || s.startsWith('.'))) return undefined;
  if (!TYPES[extname(decoded)]) return undefined;
  const url = new URL(segments.map(encodeURIComponent).join('/'), CONSOLE_ROOT);
  return url.href.startsWith(CONSOLE_ROOT.href) ? url : undefined;
}

/** Security headers every console response carries, whatever its type. */
function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin');
}

/**
 * Sends one console file. Caching: `no-cache` with a strong ETag, so a browser revalidates each time
 * (a 304 costs nothing) and never runs stale scripts against a newer server after an upgrade.
 */
export async function sendConsoleFile(req: FastifyRequest, reply: FastifyReply, file: URL | undefined): Promise<FastifyReply> {
  if (!file) throw consoleNotFound(req.url);
  let body: Buffer;
  try {
    body = await readFile(fileURLToPath(file));
  } catch {
    throw consoleNotFound(req.url);
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  secure(reply).header('cache-control', 'no-cache').header('etag', etag);
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type(TYPES[extname(file.pathname)]!).send(body);
}

const page = (name: string) => new URL(`${name}.html`, CONSOLE_ROOT);

/** The web console: / -> /console/, the signed-in pages, the invitee's and the room display's pages, assets. */
export function consoleRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  app.get('/', async (_req, reply) => secure(reply).redirect('/console/', 302));
  app.get('/console', async (_req, reply) => secure(reply).redirect('/console/', 302));
  app.get('/console/', async (req, reply) => sendConsoleFile(req, reply, page('index')));
  app.get('/invite', async (req, reply) => sendConsoleFile(req, reply, page('invite')));
  app.get('/display', async (req, reply) => sendConsoleFile(req, reply, page('display')));
  app.get('/console/*', async (req, reply) => {
    const rest = (req.params as { '*': string })['*'];
    if (PAGES.has(rest)) return sendConsoleFile(req, reply, page(rest));
    return sendConsoleFile(req, reply, resolveConsoleFile(rest));
  });
}
