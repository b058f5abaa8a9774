import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import { jsonb } from '../json.js';
import type { SecretBox } from '../secrets.js';
import type { ExchangeAccess, ExchangeLinksTable, ExchangeLinkStatus, PersonState, Tables } from '../tables.js';

/** The last failure talking to Exchange, as stored (data, not words: each surface renders its own). */
export interface LinkError {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  /** ISO 8601. */
  readonly at: string;
}

const linkErrorSchema = z.object({ code: z.string(), message: z.string(), hint: z.string(), at: z.string() });

/** The linked service account. The password stays sealed; `revealPassword` opens it. */
export interface ExchangeLink {
  readonly id: string;
  /** 1 for the first link, +1 at every re-link or password rotation. */
  readonly generation: number;
  readonly ewsUrl: string;
  readonly upn: string;
  /** The SecretBox envelope; null once superseded (the old secret is erased). */
  readonly passwordSealed: string | null;
  readonly access: ExchangeAccess;
  readonly caPem: string | null;
  readonly serverVersion: string | null;
  readonly testMailbox: string | null;
  readonly linkedAt: Date;
  readonly lastSuccessAt: Date | null;
  readonly lastError: LinkError | null;
  readonly passwordExpiresAt: Date | null;
  readonly status: ExchangeLinkStatus;
}

export interface NewExchangeLink {
  readonly ewsUrl: string;
  readonly upn: string;
  /** Plaintext; sealed here, bound to the new row's id, and never stored as is. */
  readonly password: string;
  readonly access: ExchangeAccess;
  readonly caPem?: string | null;
  readonly serverVersion?: string | null;
  readonly testMailbox?: string | null;
  readonly passwordExpiresAt?: Date | null;
  /** Whether the analyzer's last run passed ('active') or not ('failing'); default 'active'. */
  readonly status?: Exclude<ExchangeLinkStatus, 'superseded'>;
}

/** The AAD that binds a sealed password to its row. */
export function passwordAad(id: string): string {
  return `exchange_links:${id}:password`;
}

function toLink(row: Selectable<ExchangeLinksTable>): ExchangeLink {
  const lastError = linkErrorSchema.safeParse(row.last_error);
  return {
    id: row.id,
    generation: Number(row.generation),
    ewsUrl: row.ews_url,
    upn: row.upn,
    passwordSealed: row.password_enc,
    access: row.access,
    caPem: row.ca_pem,
    serverVersion: row.server_version,
    testMailbox: row.test_mailbox,
    linkedAt: row.linked_at,
    lastSuccessAt: row.last_success_at,
    lastError: lastError.success ? lastError.data : null,
    passwordExpiresAt: row.password_expires_at,
    status: row.status,
  };
}

/** A link row read as JSON inside another query (timestamps arrive as text there). */
export function linkFromJson(row: Record<string, unknown>): ExchangeLink {
  const at = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(String(v)));
  return toLink({ ...(row as unknown as Selectable<ExchangeLinksTable>), generation: Number(row.generation), linked_at: at(row.linked_at)!, last_success_at: at(row.last_success_at), password_expires_at: at(row.password_expires_at) });
}

/** The current link as a JSON column, for a query that reads it beside other rows (see sessions.getWithCalendar). */
export const ACTIVE_LINK_JSON = sql<Record<string, unknown> | null>`(select row_to_json(l) from exchange_links l where l.status <> 'superseded')`;

/** The account's person as a JSON column: `accountId` is a value, or a column (`sql.ref`) of the outer query. */
export function personJsonFor(accountId: unknown) {
  return sql<AccountPerson | null>`(select json_build_object('id', p.id, 'email', p.email, 'state', p.state, 'mailbox', p.mailbox, 'timeZone', p.time_zone) from people p where p.account_id = ${accountId})`;
}

/** The current link ('active' or 'failing'), or undefined when Exchange has not been linked yet. */
export async function getActive(db: Kysely<Tables>): Promise<ExchangeLink | undefined> {
  const row = await db.selectFrom('exchange_links').selectAll().where('status', '<>', 'superseded').executeTakeFirst();
  return row && toLink(row);
}

/** The account's enrolled person, as read alongside the link (see sessions.getWithCalendar). */
export interface AccountPerson {
  readonly id: string;
  readonly email: string;
  readonly state: PersonState;
  readonly mailbox: string | null;
  readonly timeZone: string | null;
}

export async function getById(db: Kysely<Tables>, id: string): Promise<ExchangeLink | undefined> {
  const row = await db.selectFrom('exchange_links').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toLink(row);
}

/** Every generation, newest first (superseded ones have no secret). */
export async function history(db: Kysely<Tables>, limit = 20): Promise<ExchangeLink[]> {
  const rows = await db.selectFrom('exchange_links').selectAll().orderBy('generation', 'desc').limit(limit).execute();
  return rows.map(toLink);
}

/**
 * Makes `input` the current link. In one transaction: the previous current link becomes 'superseded' and
 * its sealed password is erased (NULL), and the new one is inserted with the next generation. The table
 * lock serialises two instances linking at once; a partial unique index guarantees one current link.
 */
export async function link(db: Kysely<Tables>, box: SecretBox, input: NewExchangeLink, now: Date = new Date()): Promise<ExchangeLink> {
  return db.transaction().execute(async (trx) => {
    // SHARE ROW EXCLUSIVE conflicts with itself and with writers, not with plain readers.
    await sql`LOCK TABLE exchange_links IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const last = await trx.selectFrom('exchange_links').select((eb) => eb.fn.max('generation').as('g')).executeTakeFirst();
    await trx.updateTable('exchange_links').set({ status: 'superseded', password_enc: null }).where('status', '<>', 'superseded').execute();
    const id = randomUUID();
    const row = await trx
      .insertInto('exchange_links')
      .values({
        id,
        generation: Number(last?.g ?? 0) + 1,
        ews_url: input.ewsUrl,
        upn: input.upn,
        password_enc: box.seal(input.password, passwordAad(id)),
        access: input.access,
        ca_pem: input.caPem ?? null,
        server_version: input.serverVersion ?? null,
        test_mailbox: input.testMailbox ?? null,
        linked_at: now,
        password_expires_at: input.passwordExpiresAt ?? null,
        status: input.status ?? 'active',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toLink(row);
  });
}

/** Opens the sealed password of a current link; throws PersistenceError on a wrong key or tampering. */
export function revealPassword(box: SecretBox, link: Pick<ExchangeLink, 'id' | 'passwordSealed'>): string {
  if (link.passwordSealed === null) throw new Error(`Exchange link ${link.id} was superseded; its password was erased.`);
  return box.open(link.passwordSealed, passwordAad(link.id));
}

/*
 * The updates below touch only a current link: a late result about a superseded generation changes nothing.
 * Each returns true when it changed a row.
 */

async function updateCurrent(db: Kysely<Tables>, id: string, set: Updateable<ExchangeLinksTable>): Promise<boolean> {
  const r = await db.updateTable('exchange_links').set(set).where('id', '=', id).where('status', '<>', 'superseded').executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A call to Exchange with this link worked. (last_error is kept, with its own `at`, for the console.) */
export function recordSuccess(db: Kysely<Tables>, id: string, at: Date = new Date()): Promise<boolean> {
  return updateCurrent(db, id, { last_success_at: at });
}

export function recordError(db: Kysely<Tables>, id: string, error: LinkError): Promise<boolean> {
  return updateCurrent(db, id, { last_error: jsonb({ code: error.code, message: error.message, hint: error.hint, at: error.at }) });
}

/** When the service account's password expires (null: never, or unknown). */
export function setPasswordExpiry(db: Kysely<Tables>, id: string, expiresAt: Date | null): Promise<boolean> {
  return updateCurrent(db, id, { password_expires_at: expiresAt });
}

export function markFailing(db: Kysely<Tables>, id: string): Promise<boolean> {
  return updateCurrent(db, id, { status: 'failing' });
}

export function markActive(db: Kysely<Tables>, id: string): Promise<boolean> {
  return updateCurrent(db, id, { status: 'active' });
}
