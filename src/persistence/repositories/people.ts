import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation } from '../errors.js';
import { jsonb } from '../json.js';
import type { Json, PeopleTable, PersonState, Tables } from '../tables.js';
import { normalizeEmail } from './admins.js';

/** An enrolled person as the assistant and channels need them: whose calendar a signed-in account may read. */
export interface LinkedPerson {
  readonly id: string;
  readonly email: string;
  readonly state: PersonState;
  /** Set once linked. */
  readonly mailbox: string | null;
  readonly timeZone: string | null;
}

/** The person a Concierge account belongs to (role 'user' accounts), or undefined. */
export async function forAccount(db: Kysely<Tables>, accountId: string): Promise<LinkedPerson | undefined> {
  const row = await db.selectFrom('people').select(['id', 'email', 'state', 'mailbox', 'time_zone']).where('account_id', '=', accountId).executeTakeFirst();
  return row ? { id: row.id, email: row.email, state: row.state, mailbox: row.mailbox, timeZone: row.time_zone } : undefined;
}

/** Why a person's calendar link fails, as the console shows it (never a secret). */
export interface PersonError {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
  readonly at?: string;
}

/** Everything the console knows about an enrolled person. */
export interface Person extends LinkedPerson {
  readonly displayName: string | null;
  /** Their Concierge account once they accepted. */
  readonly accountId: string | null;
  readonly lastError: PersonError | null;
  /** The administrator who invited them. */
  readonly invitedBy: string;
  readonly invitedAt: Date;
  readonly linkedAt: Date | null;
  readonly updatedAt: Date;
}

function toPersonError(j: Json | null): PersonError | null {
  if (j === null || typeof j !== 'object' || Array.isArray(j)) return null;
  const o = j as { readonly [k: string]: Json };
  const str = (v: Json | undefined) => (typeof v === 'string' ? v : '');
  return { code: str(o.code), message: str(o.message), hint: str(o.hint), ...(typeof o.at === 'string' ? { at: o.at } : {}) };
}

function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    id: row.id,
    email: row.email,
    state: row.state,
    mailbox: row.mailbox,
    timeZone: row.time_zone,
    displayName: row.display_name,
    accountId: row.account_id,
    lastError: toPersonError(row.last_error),
    invitedBy: row.invited_by,
    invitedAt: row.invited_at,
    linkedAt: row.linked_at,
    updatedAt: row.updated_at,
  };
}

export interface NewPerson {
  readonly email: string;
  readonly displayName?: string | null;
  readonly invitedBy: string;
}

/** Enrols a person in state 'invited'; undefined when the address is already enrolled (nothing changed). */
export async function create(db: Kysely<Tables>, input: NewPerson, now: Date = new Date()): Promise<Person | undefined> {
  try {
    const row = await db
      .insertInto('people')
      .values({ id: randomUUID(), email: normalizeEmail(input.email), display_name: input.displayName ?? null, state: 'invited', invited_by: input.invitedBy, invited_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPerson(row);
  } catch (err) {
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

export async function findById(db: Kysely<Tables>, id: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

/**
 * Locks a person's row until the transaction ends (SELECT … FOR UPDATE). Accepting an invitation and revoking
 * the person both take it first, so on PostgreSQL one waits for the other instead of interleaving (a revoke
 * that missed an account created meanwhile would leave it signed in). PGlite runs one transaction at a time.
 */
export async function lockForUpdate(db: Kysely<Tables>, id: string): Promise<void> {
  await db.selectFrom('people').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findByEmail(db: Kysely<Tables>, email: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row && toPerson(row);
}

export async function findByAccount(db: Kysely<Tables>, accountId: string): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return row && toPerson(row);
}

/** Everyone enrolled, by address. */
export async function list(db: Kysely<Tables>): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('email').execute();
  return rows.map(toPerson);
}

/** Their account exists now (the invitation was accepted): state 'accepted'. */
export async function attachAccount(db: Kysely<Tables>, id: string, accountId: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('people').set({ account_id: accountId, state: 'accepted', updated_at: now }).where('id', '=', id).execute();
}

/** A fresh invitation went out (a resend before they accepted): back to 'invited'. */
export async function reinvited(db: Kysely<Tables>, id: string, invitedBy: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('people').set({ state: 'invited', invited_by: invitedBy, invited_at: now, last_error: null, updated_at: now }).where('id', '=', id).execute();
}

/** The calendar link works: state 'linked', their mailbox (primary SMTP) and time zone recorded, error cleared. */
export async function markLinked(db: Kysely<Tables>, id: string, link: { readonly mailbox: string; readonly timeZone: string | null }, now: Date = new Date()): Promise<void> {
  await db
    .updateTable('people')
    .set({ state: 'linked', mailbox: normalizeEmail(link.mailbox), time_zone: link.timeZone, linked_at: now, last_error: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '<>', 'revoked')
    .execute();
}

/** The calendar link failed: state 'failing' with the reason; the mailbox is forgotten (it is not usable). */
export async function markFailing(db: Kysely<Tables>, id: string, error: PersonError, now: Date = new Date()): Promise<void> {
  const stored: Json = { code: error.code, message: error.message, hint: error.hint, at: error.at ?? now.toISOString() };
  await db.updateTable('people').set({ state: 'failing', mailbox: null, linked_at: null, last_error: jsonb(stored), updated_at: now }).where('id', '=', id).where('state', '<>', 'revoked').execute();
}

/** The person unlinked their calendar: back to 'accepted'. */
export async function unlink(db: Kysely<Tables>, id: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('people').set({ state: 'accepted', mailbox: null, linked_at: null, last_error: null, updated_at: now }).where('id', '=', id).where('state', '<>', 'revoked').execute();
}

/** Revoked: they can do nothing until removed and invited again. */
export async function markRevoked(db: Kysely<Tables>, id: string, now: Date = new Date()): Promise<void> {
  await db.updateTable('people').set({ state: 'revoked', updated_at: now }).where('id', '=', id).execute();
}

/** Deletes the person (their invitations cascade); true when they existed. */
export async function remove(db: Kysely<Tables>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}
