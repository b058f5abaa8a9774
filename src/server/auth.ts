import type {} from '@fastify/cookie'; // augments FastifyRequest/FastifyReply with cookies
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sessions, type Tables } from '../persistence/index.js';
import type { AccountPerson, ExchangeLink } from '../persistence/repositories/exchange-links.js';
import type { Session } from '../persistence/repositories/sessions.js';
import type { Access } from './api.js';
import { forbidden, HttpProblem, unauthorized } from './problem.js';

export const SESSION_COOKIE = 'concierge_session';
export const SESSION_TTL_MS = 12 * 3_600_000;

declare module 'fastify' {
  interface FastifyRequest {
    session?: Session;
    /** Routes that load 'calendar': the current link and the account's person, read with the session. */
    calendarAccess?: { readonly link: ExchangeLink | undefined; readonly person: AccountPerson | undefined };
  }
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure whenever the request came over TLS. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', path: '/', maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The access guard for API routes: sessions live in the database (any instance can serve any request);
 * state-changing requests must carry the session's CSRF token in X-CSRF-Token.
 */
export function sessionGuard(db: Kysely<Tables>) {
  return async (req: FastifyRequest, access: Access, method: string, loads?: 'calendar'): Promise<void> => {
    if (access === 'public') return;
    const id = req.cookies[SESSION_COOKIE];
    const withCalendar = id && loads === 'calendar' ? await sessions.getWithCalendar(db, id) : undefined;
    const session = withCalendar ? withCalendar.session : id && loads !== 'calendar' ? await sessions.get(db, id) : undefined;
    if (!session) throw unauthorized();
    if (!SAFE_METHODS.has(method) && !sessions.csrfMatches(session, headerOf(req, 'x-csrf-token'))) {
      throw new HttpProblem(403, 'CsrfTokenMissing', 'This request lacks the CSRF token of your session.', 'Send the csrfToken from GET /api/v1/session in the X-CSRF-Token header.');
    }
    if (access === 'admin' && session.admin.role !== 'admin') throw forbidden('This needs an administrator.');
    req.session = session;
    if (withCalendar) req.calendarAccess = { link: withCalendar.link, person: withCalendar.person };
  };
}

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}
