import type { Kysely } from 'kysely';
import type { Tables } from '../tables.js';
import { hashToken, newToken } from '../tokens.js';

/**
 * Alexa account linking (OAuth 2.0 authorization code grant, RFC 6749): short-lived single-use codes, then
 * access and refresh tokens. Only sha256 hashes are stored, so a database dump cannot be replayed; the
 * plain values exist once, in the answer that hands them out.
 */

/** RFC 6749 §4.1.2 recommends at most 10 minutes; Alexa redeems a code within seconds. */
export const CODE_TTL_MS = 5 * 60_000;
export const ACCESS_TTL_MS = 3_600_000;
export const REFRESH_TTL_MS = 365 * 86_400_000;

export interface NewCode {
  readonly accountId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly now?: Date;
}

/** Stores a fresh code for the consent just given; returns the code (the only time it exists in plain). */
export async function createCode(db: Kysely<Tables>, input: NewCode): Promise<string> {
  const now = input.now ?? new Date();
  const code = newToken();
  await db
    .insertInto('oauth_codes')
    .values({ code_hash: hashToken(code), account_id: input.accountId, client_id: input.clientId, redirect_uri: input.redirectUri, scope: input.scope, expires_at: new Date(now.getTime() + CODE_TTL_MS) })
    .execute();
  return code;
}

/**
 * What presenting a code at the token endpoint came to. `reused`: the code had already been redeemed, so
 * (RFC 6749 §4.1.2) the tokens issued from it were revoked; `mismatch`: the client or redirect_uri differs
 * from the ones the code was issued for.
 */
export type CodeRedemption =
  | { readonly kind: 'ok'; readonly accountId: string; readonly scope: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'mismatch'; readonly field: 'client_id' | 'redirect_uri' }
  | { readonly kind: 'reused'; readonly accountId: string; readonly revokedTokens: number };

/**
 * Redeems a code exactly once: the conditional UPDATE is atomic, so two concurrent requests with the same
 * code cannot both succeed. A failed attempt leaves an unused code as it was.
 */
export async function redeemCode(db: Kysely<Tables>, code: string, bound: { readonly clientId: string; readonly redirectUri: string }, now: Date = new Date()): Promise<CodeRedemption> {
  const codeHash = hashToken(code);
  const won = await db
    .updateTable('oauth_codes')
    .set({ used_at: now })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('client_id', '=', bound.clientId)
    .where('redirect_uri', '=', bound.redirectUri)
    .returning(['account_id', 'scope'])
    .executeTakeFirst();
  if (won) return { kind: 'ok', accountId: won.account_id, scope: won.scope };
  const row = await db.selectFrom('oauth_codes').selectAll().where('code_hash', '=', codeHash).executeTakeFirst();
  if (!row) return { kind: 'unknown' };
  if (row.client_id !== bound.clientId) return { kind: 'mismatch', field: 'client_id' };
  if (row.used_at !== null) {
    // The schema does not record which code a token came from. Every token this account got through this
    // client since the code was redeemed descends from it (the pair issued then, and each refresh rotation
    // after), so revoking those covers them; a later, separate linking of the same account is revoked too,
    // which errs on the safe side: a replayed code means the code leaked.
    const r = await db
      .updateTable('oauth_tokens')
      .set({ revoked_at: now })
      .where('account_id', '=', row.account_id)
      .where('client_id', '=', row.client_id)
      .where('created_at', '>=', row.used_at)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return { kind: 'reused', accountId: row.account_id, revokedTokens: Number(r.numUpdatedRows) };
  }
  if (row.expires_at.getTime() <= now.getTime()) return { kind: 'expired' };
  return { kind: 'mismatch', field: 'redirect_uri' };
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly scope: string;
}

/** A fresh access and refresh token pair for an account (after a code, or in exchange for a refresh token). */
export async function issueTokens(db: Kysely<Tables>, grant: { readonly accountId: string; readonly clientId: string; readonly scope: string; readonly now?: Date }): Promise<IssuedTokens> {
  const now = grant.now ?? new Date();
  const accessToken = newToken();
  const refreshToken = newToken();
  const row = (token: string, kind: 'access' | 'refresh', ttlMs: number) => ({ token_hash: hashToken(token), kind, account_id: grant.accountId, client_id: grant.clientId, scope: grant.scope, created_at: now, expires_at: new Date(now.getTime() + ttlMs) });
  await db.insertInto('oauth_tokens').values([row(accessToken, 'access', ACCESS_TTL_MS), row(refreshToken, 'refresh', REFRESH_TTL_MS)]).execute();
  return { accessToken, refreshToken, expiresIn: ACCESS_TTL_MS / 1000, scope: grant.scope };
}

/**
 * Uses up a refresh token (rotation: each is good once) and returns what it granted, or undefined when it
 * is unknown, expired, revoked, already used, or another client's. Atomic, like {@link redeemCode}.
 */
export async function spendRefreshToken(db: Kysely<Tables>, refreshToken: string, clientId: string, now: Date = new Date()): Promise<{ readonly accountId: string; readonly scope: string } | undefined> {
  const row = await db
    .updateTable('oauth_tokens')
    .set({ revoked_at: now })
    .where('token_hash', '=', hashToken(refreshToken))
    .where('kind', '=', 'refresh')
    .where('client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['account_id', 'scope'])
    .executeTakeFirst();
  return row ? { accountId: row.account_id, scope: row.scope } : undefined;
}

/** The account a live access token belongs to, or undefined (unknown, expired or revoked). */
export async function accountForAccessToken(db: Kysely<Tables>, accessToken: string, now: Date = new Date()): Promise<string | undefined> {
  const row = await db
    .selectFrom('oauth_tokens')
    .select('account_id')
    .where('token_hash', '=', hashToken(accessToken))
    .where('kind', '=', 'access')
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.account_id;
}

/** Ends every Alexa link of an account (the person was revoked, or unlinked); returns how many tokens. */
export async function revokeAllFor(db: Kysely<Tables>, accountId: string, now: Date = new Date()): Promise<number> {
  const r = await db.updateTable('oauth_tokens').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
