import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, PersistenceError } from '../errors.js';
import { DEFAULT_SCRYPT, hashPassword, verifyPasswordHash, type ScryptParams } from '../passwords.js';
import type { AdminRole, AdminsTable, Tables } from '../tables.js';

/** A console account. The password hash never leaves this module. */
export interface Admin {
  readonly id: string;
  readonly email: string;
  readonly role: AdminRole;
  readonly createdAt: Date;
}

export interface NewAdmin {
  readonly email: string;
  readonly password: string;
  /** Default 'admin'. */
  readonly role?: AdminRole;
}

/** E-mail addresses are compared and stored lower-case and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toAdmin(row: Pick<Selectable<AdminsTable>, 'id' | 'email' | 'role' | 'created_at'>): Admin {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at };
}

const COLUMNS = ['id', 'email', 'role', 'created_at'] as const;

/** Creates an account; throws PersistenceError('AdminEmailTaken') when the address is in use. */
export async function create(db: Kysely<Tables>, input: NewAdmin, scrypt: ScryptParams = DEFAULT_SCRYPT): Promise<Admin> {
  const email = normalizeEmail(input.email);
  const password_hash = await hashPassword(input.password, scrypt);
  try {
    const row = await db
      .insertInto('admins')
      .values({ id: randomUUID(), email, password_hash, role: input.role ?? 'admin' })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toAdmin(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new PersistenceError('AdminEmailTaken', `An account for ${email} already exists.`, 'Sign in with it, or choose another address.', { cause: err });
    throw err;
  }
}

export async function findByEmail(db: Kysely<Tables>, email: string): Promise<Admin | undefined> {
  const row = await db.selectFrom('admins').select(COLUMNS).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row && toAdmin(row);
}

export async function findById(db: Kysely<Tables>, id: string): Promise<Admin | undefined> {
  const row = await db.selectFrom('admins').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toAdmin(row);
}

/** A hash of a password nobody knows, so an unknown address costs as much time as a wrong password. */
let decoy: Promise<string> | undefined;

/**
 * The account when `password` is right, otherwise undefined (unknown address and wrong password look the
 * same, in answer and in time).
 */
export async function verifyPassword(db: Kysely<Tables>, email: string, password: string): Promise<Admin | undefined> {
  const row = await db.selectFrom('admins').select([...COLUMNS, 'password_hash']).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  if (row === undefined) {
    await verifyPasswordHash(password, await (decoy ??= hashPassword(randomUUID())));
    return undefined;
  }
  return (await verifyPasswordHash(password, row.password_hash)) ? toAdmin(row) : undefined;
}

/** Replaces the password (e.g. a change, or a rehash with stronger parameters); true when the account exists. */
export async function setPassword(db: Kysely<Tables>, id: string, password: string, scrypt: ScryptParams = DEFAULT_SCRYPT): Promise<boolean> {
  const password_hash = await hashPassword(password, scrypt);
  const r = await db.updateTable('admins').set({ password_hash }).where('id', '=', id).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** How many accounts exist; 0 means the first-run setup is still open. */
export async function count(db: Kysely<Tables>): Promise<number> {
  const row = await db.selectFrom('admins').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every administrator (for warnings that go to all of them), oldest first. */
export async function listAdmins(db: Kysely<Tables>): Promise<Admin[]> {
  const rows = await db.selectFrom('admins').selectAll().where('role', '=', 'admin').orderBy('created_at').execute();
  return rows.map(toAdmin);
}
