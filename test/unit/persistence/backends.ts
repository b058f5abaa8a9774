/**
 * Test support (not a test): runs a persistence suite on both backends. PGlite is in-memory; PostgreSQL is
 * the server CI starts (trust auth, user postgres, database test), in a fresh random schema per test file
 * that is dropped afterwards. An unreachable PostgreSQL fails the suite with a clear message; it never skips.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database, type DatabaseKind, type OpenDatabaseOptions } from '../../../src/persistence/db.js';
import { redactDatabaseUrl } from '../../../src/persistence/errors.js';
import type { Tables } from '../../../src/persistence/tables.js';

export const TEST_DATABASE_URL = process.env.CONCIERGE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const BACKENDS: readonly { readonly kind: DatabaseKind }[] = [{ kind: 'pglite' }, { kind: 'postgres' }];

export function randomSchema(): string {
  return `concierge_test_${randomBytes(6).toString('hex')}`;
}

function explain(err: unknown): Error {
  const why = err instanceof Error ? err.message : String(err);
  return new Error(
    `The PostgreSQL half of the persistence tests needs a server at ${redactDatabaseUrl(TEST_DATABASE_URL)} (CI starts one; ` +
      `locally run PostgreSQL with trust auth for user postgres and a database "test", or set CONCIERGE_TEST_DATABASE_URL). It failed: ${why}`,
    { cause: err },
  );
}

/** Opens a database on `kind`; for PostgreSQL in `schema` (fresh random by default). */
export async function openTestDatabase(kind: DatabaseKind, opts: Omit<OpenDatabaseOptions, 'url'> = {}): Promise<Database> {
  if (kind === 'pglite') return openDatabase(opts);
  try {
    return await openDatabase({ url: TEST_DATABASE_URL, schema: randomSchema(), ...opts });
  } catch (err) {
    throw explain(err);
  }
}

/** Drops test schemas on the PostgreSQL test server (CASCADE: tables, triggers, functions). */
export async function dropSchemas(...schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * One database per backend for the enclosing describe block: opened in beforeAll, closed (and dropped) in
 * afterAll. If it cannot be opened, every test of the block fails with the reason (rather than being skipped).
 */
export function useDatabase(kind: DatabaseKind, pglite: { dataDir?: () => string } = {}): { readonly db: Kysely<Tables>; readonly database: Database } {
  const schema = kind === 'postgres' ? randomSchema() : undefined;
  let database: Database | undefined;
  let failure: unknown;
  beforeAll(async () => {
    const dataDir = kind === 'pglite' ? pglite.dataDir?.() : undefined;
    try {
      database = await openTestDatabase(kind, schema !== undefined ? { schema } : dataDir !== undefined ? { dataDir } : {});
    } catch (err) {
      failure = err;
    }
  });
  afterAll(async () => {
    await database?.close();
    if (schema !== undefined && database !== undefined) await dropSchemas(schema);
  });
  return {
    get database(): Database {
      if (database === undefined) throw failure ?? new Error('The database is not open yet.');
      return database;
    },
    get db(): Kysely<Tables> {
      return this.database.db;
    },
  };
}

/** Every row of every table in the current schema, each rendered as PostgreSQL's text form of the row. */
export async function dumpAllRows(db: Kysely<Tables>): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(db);
    out.push(`== ${table_name}`, ...rows.rows.map((r) => r.row));
  }
  return out.join('\n');
}
