import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { admins, auditLog, sessions, setupTokens, type Tables } from '../../persistence/index.js';
import type { ApiRegistry } from '../api.js';
import { clearSessionCookie, SESSION_COOKIE, SESSION_TTL_MS, setSessionCookie } from '../auth.js';
import { HttpProblem } from '../problem.js';

const credentials = z.object({ email: z.string().email(), password: z.string().min(1) });
const sessionOut = z.object({ email: z.string(), role: z.enum(['admin', 'user']), csrfToken: z.string(), expiresAt: z.string() });

/** First-run setup (one-time link), sign-in with a fresh session id, sign-out. */
export function sessionRoutes(app: FastifyInstance, api: ApiRegistry, db: Kysely<Tables>): void {
  api.add(app, {
    method: 'POST',
    path: '/api/v1/setup',
    summary: 'Create the first administrator with the one-time setup token printed at first start',
    tag: 'session',
    access: 'public',
    rateLimitPerMinute: 10,
    body: credentials.extend({ token: z.string().min(10), password: z.string().min(12, 'Use at least 12 characters.') }),
    response: sessionOut,
    status: 201,
    handler: async (req, reply, body) => {
      const admin = await db.transaction().execute(async (trx) => {
        if (!(await setupTokens.consume(trx, body.token))) throw new HttpProblem(403, 'SetupTokenInvalid', 'The setup link is invalid, expired or already used.', 'Restart Concierge with no administrator to get a new link, or sign in if setup is done.');
        if ((await admins.count(trx)) > 0) throw new HttpProblem(409, 'SetupDone', 'An administrator already exists.', 'Sign in instead (POST /api/v1/session).');
        return admins.create(trx, { email: body.email, password: body.password, role: 'admin' });
      });
      await auditLog.append(db, { actor: admin.email, action: 'admin.setup', target: admin.email, result: 'ok' });
      const s = await sessions.create(db, admin.id, { ttlMs: SESSION_TTL_MS });
      setSessionCookie(req, reply, s.sessionId);
      return { email: admin.email, role: admin.role, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  });

  api.add(app, {
    method: 'POST',
    path: '/api/v1/session',
    summary: 'Sign in (a new session id every time, so a planted cookie is worthless)',
    tag: 'session',
    access: 'public',
    rateLimitPerMinute: 10,
    body: credentials,
    response: sessionOut,
    handler: async (req, reply, body) => {
      const admin = await admins.verifyPassword(db, body.email, body.password);
      if (!admin) {
        await auditLog.append(db, { actor: body.email, action: 'session.sign-in', result: 'refused' });
        throw new HttpProblem(401, 'SignInFailed', 'The email or password is wrong.', 'Check both; after repeated failures sign-in is paused for a minute.');
      }
      const old = req.cookies[SESSION_COOKIE];
      if (old) await sessions.remove(db, old);
      const s = await sessions.create(db, admin.id, { ttlMs: SESSION_TTL_MS });
      setSessionCookie(req, reply, s.sessionId);
      await auditLog.append(db, { actor: admin.email, action: 'session.sign-in', result: 'ok' });
      return { email: admin.email, role: admin.role, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  });

  api.add(app, {
    method: 'GET',
    path: '/api/v1/session',
    summary: 'Who is signed in, and the CSRF token to send with changes',
    tag: 'session',
    access: 'signedIn',
    response: sessionOut,
    handler: async (req) => {
      const s = req.session!;
      return { email: s.admin.email, role: s.admin.role, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() };
    },
  });

  api.add(app, {
    method: 'DELETE',
    path: '/api/v1/session',
    summary: 'Sign out',
    tag: 'session',
    access: 'signedIn',
    response: z.object({ signedOut: z.literal(true) }),
    handler: async (req, reply) => {
      const id = req.cookies[SESSION_COOKIE];
      if (id) await sessions.remove(db, id);
      clearSessionCookie(reply);
      return { signedOut: true as const };
    },
  });
}
