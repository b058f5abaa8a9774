import type { Kysely } from 'kysely';
import type { Tables } from '../tables.js';
import { hashToken, newToken } from '../tokens.js';

/** How long a first-run setup link stays valid unless the caller says otherwise. */
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface IssuedSetupToken {
  /** Show it once (the setup link); only its sha256 is stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

/** Issues a one-time setup token. */
export async function create(db: Kysely<Tables>, opts: { ttlMs?: number; now?: Date } = {}): Promise<IssuedSetupToken> {
  const now = opts.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + (opts.ttlMs ?? SETUP_TOKEN_TTL_MS));
  await db.insertInto('setup_tokens').values({ token_hash: hashToken(token), created_at: now, expires_at: expiresAt }).execute();
  return { token, expiresAt };
}

/**
 * Uses the token up: true for exactly one caller, across instances (a single conditional UPDATE), and false
 * when it is unknown, expired or already used. Run it in the same transaction as what it authorises (creating
 * the first admin), so a failure there does not burn the token.
 */
export async function consume(db: Kysely<Tables>, token: string, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .updateTable('setup_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes tokens that expired or were used before `before`; returns how many. */
export async function pruneExpired(db: Kysely<Tables>, before: Date = new Date()): Promise<number> {
  const r = await db
    .deleteFrom('setup_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', before), eb('used_at', '<=', before)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
