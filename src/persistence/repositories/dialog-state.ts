import type { Kysely } from 'kysely';
import { jsonb } from '../json.js';
import type { Json, Tables } from '../tables.js';

/**
 * The assistant's pending turn state (e.g. "shall I book it?"), kept in the database so the answer may
 * arrive at any instance. Keyed by (session, user): a state is only ever read back for the same user.
 */
export interface DialogStateEntry {
  readonly sessionId: string;
  readonly user: string;
  readonly state: Json;
  readonly expiresAt: Date;
}

/** Creates or replaces the state of a session. */
export async function put(db: Kysely<Tables>, entry: DialogStateEntry, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('dialog_state')
    .values({ session_id: entry.sessionId, user_id: entry.user, state: jsonb(entry.state), expires_at: entry.expiresAt, updated_at: now })
    // The new row's values (excluded.*), so the state is sent and parsed once, not twice: this write is on
    // the path of every answer.
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), expires_at: eb.ref('excluded.expires_at'), updated_at: eb.ref('excluded.updated_at') })))
    .execute();
}

/** The state, or undefined when there is none, it expired, or it belongs to another user. */
export async function get(db: Kysely<Tables>, sessionId: string, user: string, now: Date = new Date()): Promise<Json | undefined> {
  const row = await db
    .selectFrom('dialog_state')
    .select('state')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', user)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.state;
}

/** The state, removed in the same statement: of two callers racing, only one gets it. */
export async function take(db: Kysely<Tables>, sessionId: string, user: string, now: Date = new Date()): Promise<Json | undefined> {
  const row = await db
    .deleteFrom('dialog_state')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', user)
    .where('expires_at', '>', now)
    .returning('state')
    .executeTakeFirst();
  return row?.state;
}

/** Forgets a session's state; true when there was one. Also exported as `delete`. */
export async function remove(db: Kysely<Tables>, sessionId: string, user: string): Promise<boolean> {
  const r = await db.deleteFrom('dialog_state').where('session_id', '=', sessionId).where('user_id', '=', user).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
export { remove as delete };

export async function pruneExpired(db: Kysely<Tables>, now: Date = new Date()): Promise<number> {
  const r = await db.deleteFrom('dialog_state').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
