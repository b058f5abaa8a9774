import { sql, type Kysely, type Selectable } from 'kysely';
import type { InvitationsTable, Tables } from '../tables.js';
import { hashToken, newToken } from '../tokens.js';

/** How long an invitation link stays valid unless the caller says otherwise: a week, like most invitations. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export type InvitationDelivery = 'email' | 'manual';

/** One invitation link. The token itself is never stored: only its sha256. */
export interface Invitation {
  readonly tokenHash: string;
  readonly personId: string;
  readonly delivery: InvitationDelivery;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** Why a link no longer works, or 'open'. Revoked wins over used, used over expired. */
export type InvitationStatus = 'open' | 'revoked' | 'used' | 'expired';

export function statusOf(inv: Pick<Invitation, 'expiresAt' | 'usedAt' | 'revokedAt'>, now: Date = new Date()): InvitationStatus {
  if (inv.revokedAt !== null) return 'revoked';
  if (inv.usedAt !== null) return 'used';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'open';
}

function toInvitation(row: Selectable<InvitationsTable>): Invitation {
  return { tokenHash: row.token_hash, personId: row.person_id, delivery: row.delivery, createdAt: row.created_at, expiresAt: row.expires_at, usedAt: row.used_at, revokedAt: row.revoked_at };
}

export interface IssuedInvitation {
  /** Goes into the link once (email or the admin's screen); only its hash is stored. */
  readonly token: string;
  readonly invitation: Invitation;
}

/**
 * Issues a new link for `personId`. Delivery starts as 'manual' (the safe assumption: nobody was mailed yet)
 * and becomes 'email' once Exchange accepted the message (`setDelivery`).
 */
export async function create(db: Kysely<Tables>, personId: string, opts: { ttlMs?: number; now?: Date } = {}): Promise<IssuedInvitation> {
  const now = opts.now ?? new Date();
  const token = newToken();
  const row = await db
    .insertInto('invitations')
    .values({ token_hash: hashToken(token), person_id: personId, delivery: 'manual', created_at: now, expires_at: new Date(now.getTime() + (opts.ttlMs ?? INVITATION_TTL_MS)) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, invitation: toInvitation(row) };
}

export async function setDelivery(db: Kysely<Tables>, tokenHash: string, delivery: InvitationDelivery): Promise<void> {
  await db.updateTable('invitations').set({ delivery }).where('token_hash', '=', tokenHash).execute();
}

/** The invitation a link's token belongs to, whatever its status. */
export async function findByToken(db: Kysely<Tables>, token: string): Promise<Invitation | undefined> {
  const row = await db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  return row && toInvitation(row);
}

/**
 * Uses the link up: true for exactly one caller (one conditional UPDATE), false when it is unknown, revoked,
 * expired or already used. Run it in the transaction that creates the account, so a failure there keeps it.
 */
export async function consume(db: Kysely<Tables>, token: string, now: Date = new Date()): Promise<boolean> {
  const row = await db
    .updateTable('invitations')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}

/** Revokes every unused, unrevoked link of a person (a resend, a revocation); returns how many. */
export async function revokeOpen(db: Kysely<Tables>, personId: string, now: Date = new Date()): Promise<number> {
  const r = await db.updateTable('invitations').set({ revoked_at: now }).where('person_id', '=', personId).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The newest invitation of each person (what the console shows). */
export async function latestFor(db: Kysely<Tables>, personIds: readonly string[]): Promise<Map<string, Invitation>> {
  const out = new Map<string, Invitation>();
  if (personIds.length === 0) return out;
  const rows = await db.selectFrom('invitations').selectAll().where('person_id', 'in', [...personIds]).orderBy('created_at', 'asc').orderBy(sql`revoked_at IS NULL`).execute();
  // Ascending, so the newest of each person is the one left in the map (on a tie, the one not revoked).
  for (const row of rows) out.set(row.person_id, toInvitation(row));
  return out;
}
