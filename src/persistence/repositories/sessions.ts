import { timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AdminRole, Tables } from '../tables.js';
import { hashToken, newToken } from '../tokens.js';
import * as exchangeLinks from './exchange-links.js';
import type { AccountPerson, ExchangeLink } from './exchange-links.js';

/** A signed-in console session. The cookie value is not here: only its hash is stored. */
export interface Session {
  readonly idHash: string;
  readonly adminId: string;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly lastSeenAt: Date;
  /** Who it belongs to, read in the same query. */
  readonly admin: { readonly id: string; readonly email: string; readonly role: AdminRole };
}

export interface NewSession {
  /** The cookie value: returned once, never stored. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/**
 * Starts a session with a fresh random id. Call it at every sign-in (never reuse an id the browser brought:
 * session fixation), after `delete` of the old one if there was one.
 */
export async function create(db: Kysely<Tables>, adminId: string, opts: { ttlMs: number; now?: Date }): Promise<NewSession> {
  const now = opts.now ?? new Date();
  const sessionId = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + opts.ttlMs);
  await db
    .insertInto('sessions')
    .values({ id_hash: hashToken(sessionId), admin_id: adminId, csrf_token: csrfToken, created_at: now, expires_at: expiresAt, last_seen_at: now })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/**
 * The live session row for a cookie value, with its account's email and role. Every API request runs
 * this. The account's columns come from scalar subqueries rather than a join: the same answer (admin_id
 * is a foreign key), but planned faster (~25% less time on PGlite).
 */
function liveSession(db: Kysely<Tables>, sessionId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select([
      'id_hash',
      'admin_id',
      'csrf_token',
      'created_at',
      'expires_at',
      'last_seen_at',
      (eb) => eb.selectFrom('admins').select('email').whereRef('admins.id', '=', 'sessions.admin_id').as('email'),
      (eb) => eb.selectFrom('admins').select('role').whereRef('admins.id', '=', 'sessions.admin_id').as('role'),
    ])
    .where('id_hash', '=', hashToken(sessionId))
    .where('expires_at', '>', now);
}

type SessionRow = { id_hash: string; admin_id: string; csrf_token: string; created_at: Date; expires_at: Date; last_seen_at: Date; email: string | null; role: AdminRole | null };

/** The row as a Session, or undefined when its account is gone. */
function toSession(row: SessionRow | undefined): Session | undefined {
  if (row === undefined || row.email === null || row.role === null) return undefined;
  return {
    idHash: row.id_hash,
    adminId: row.admin_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    admin: { id: row.admin_id, email: row.email, role: row.role },
  };
}

/** The live session for a cookie value, or undefined when unknown or expired. */
export async function get(db: Kysely<Tables>, sessionId: string, now: Date = new Date()): Promise<Session | undefined> {
  return toSession(await liveSession(db, sessionId, now).executeTakeFirst());
}

/** A session with what a calendar question needs, read in the same query. */
export interface SessionWithCalendar {
  readonly session: Session;
  /** The current Exchange link, if any. */
  readonly link: ExchangeLink | undefined;
  /** The account's enrolled person, if any. */
  readonly person: AccountPerson | undefined;
}

/**
 * `get`, plus the current link and the account's person: one round trip for the assistant's every
 * question, where three were (on PGlite each query costs as much as the rest of the lookup). Nothing
 * is cached: a sign-out, revocation or rotation applies to the very next question.
 */
export async function getWithCalendar(db: Kysely<Tables>, sessionId: string, now: Date = new Date()): Promise<SessionWithCalendar | undefined> {
  const row = await liveSession(db, sessionId, now)
    .select([exchangeLinks.ACTIVE_LINK_JSON.as('link'), exchangeLinks.personJsonFor(sql.ref('sessions.admin_id')).as('person')])
    .executeTakeFirst();
  const session = toSession(row);
  if (!row || !session) return undefined;
  return { session, link: row.link ? exchangeLinks.linkFromJson(row.link) : undefined, person: row.person ?? undefined };
}

/**
 * Records activity; with `ttlMs`, also slides the expiry to now + ttlMs. False when the session is unknown
 * or already expired (an expired session is not revived).
 */
export async function touch(db: Kysely<Tables>, sessionId: string, opts: { now?: Date; ttlMs?: number } = {}): Promise<boolean> {
  const now = opts.now ?? new Date();
  const r = await db
    .updateTable('sessions')
    .set({ last_seen_at: now, ...(opts.ttlMs !== undefined ? { expires_at: new Date(now.getTime() + opts.ttlMs) } : {}) })
    .where('id_hash', '=', hashToken(sessionId))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Signs a session out; true when it existed. Also exported as `delete`. */
export async function remove(db: Kysely<Tables>, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id_hash', '=', hashToken(sessionId)).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
export { remove as delete };

/** Signs an account out everywhere (password change, role change, account removal); returns how many. */
export async function deleteAllFor(db: Kysely<Tables>, adminId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('admin_id', '=', adminId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function pruneExpired(db: Kysely<Tables>, now: Date = new Date()): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Compares a submitted CSRF token with the session's in constant time. */
export function csrfMatches(session: Pick<Session, 'csrfToken'>, submitted: string | undefined): boolean {
  if (submitted === undefined) return false;
  const a = Buffer.from(session.csrfToken, 'utf8');
  const b = Buffer.from(submitted, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
