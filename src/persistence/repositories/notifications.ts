import type { Kysely } from 'kysely';
import type { Tables } from '../tables.js';

/**
 * Claims the right to send one notification, e.g. kind 'password-expiry', key '<link id>:7d' or
 * '<link id>:2026-03-14'. True for exactly one caller across all instances (INSERT … ON CONFLICT DO NOTHING
 * RETURNING); everyone else gets false and must not send.
 */
export async function tryClaim(db: Kysely<Tables>, kind: string, key: string, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .insertInto('notifications_sent')
    .values({ kind, key, sent_at: now })
    .onConflict((oc) => oc.columns(['kind', 'key']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a claim back when sending failed, so a later attempt (on any instance) may try again. */
export async function release(db: Kysely<Tables>, kind: string, key: string): Promise<void> {
  await db.deleteFrom('notifications_sent').where('kind', '=', kind).where('key', '=', key).execute();
}

/** Whether a notification was claimed (sent or being sent). */
export async function wasClaimed(db: Kysely<Tables>, kind: string, key: string): Promise<boolean> {
  const row = await db.selectFrom('notifications_sent').select('kind').where('kind', '=', kind).where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}
