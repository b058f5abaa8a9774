import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PersistenceError, redactDatabaseUrl } from './errors.js';
import { migrate, type MigrationReport } from './migrate.js';
import type { Migration } from './migrations/index.js';
import type { Tables } from './tables.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<Tables>;
  readonly kind: DatabaseKind;
  /** What opening did to the schema. */
  readonly migrations: MigrationReport;
  /** Ends the pool or closes PGlite; calling it again does nothing. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — use PostgreSQL. Wins over dataDir. */
  readonly url?: string;
  /** PGlite folder; undefined = in-memory. PGlite is one process's database: use PostgreSQL for several instances. */
  readonly dataDir?: string;
  /** A PostgreSQL schema to live in (created if missing), e.g. for test isolation. Lower-case identifier. */
  readonly schema?: string;
  /** Defaults to every migration; tests pass their own. */
  readonly migrations?: readonly Migration[];
  /** PostgreSQL pool size (default 10). */
  readonly poolMax?: number;
  /**
   * pg reports errors of idle pooled connections (e.g. the server restarted) as events; without a listener
   * they would crash the process. The next query reports the problem anyway, so the default ignores them.
   */
  readonly onPoolError?: (err: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Same namespace as the migration lock; 1 = "creating a schema". */
const SCHEMA_LOCK = sql`pg_advisory_xact_lock(${sql.lit(0x436f6e63)}, 1)`;

function checkSchemaName(schema: string | undefined): void {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new PersistenceError('DatabaseConfigInvalid', `"${schema}" is not a usable schema name.`, 'Use lower-case letters, digits and underscores, starting with a letter or underscore (at most 63).');
  }
}

async function createSchema(db: Kysely<Tables>, schema: string): Promise<void> {
  // Two instances creating the same schema at once would collide on pg_namespace's unique index: serialise.
  await db.transaction().execute(async (trx) => {
    await sql`SELECT ${SCHEMA_LOCK}`.execute(trx);
    await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(trx);
  });
}

function unreachable(url: string, err: unknown): PersistenceError {
  const e = err as { code?: string; message?: string };
  const why = [e.code, e.message].filter((x) => x !== undefined && x !== '').join(': ') || String(err);
  return new PersistenceError(
    'DatabaseUnreachable',
    `Cannot use the PostgreSQL database at ${redactDatabaseUrl(url)} (${why}).`,
    'Check that PostgreSQL is running and reachable, and that DATABASE_URL names an existing database, user and password.',
    { cause: err },
  );
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Kysely<Tables>> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: 'concierge',
    // Sent in the startup packet, so every connection of the pool has it before its first query.
    ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  pool.on('error', (err) => opts.onPoolError?.(err));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw unreachable(url, err);
  }
  return db;
}

async function openPglite(opts: OpenDatabaseOptions): Promise<Kysely<Tables>> {
  const client = opts.dataDir === undefined ? new PGlite() : new PGlite(opts.dataDir);
  await client.waitReady;
  const db = new Kysely<Tables>({ dialect: new PGliteDialect(client) });
  if (opts.schema !== undefined) {
    // PGlite has exactly one connection, so a session-level SET covers every later query.
    await createSchema(db, opts.schema);
    await sql`SET search_path TO ${sql.id(opts.schema)}`.execute(db);
  }
  return db;
}

/**
 * Opens the database and brings its schema up to date.
 *
 * @example
 * const { db, close } = await openDatabase({ dataDir: config.dataDir + '/pglite' }); // embedded
 * const shared = await openDatabase({ url: config.databaseUrl });                    // PostgreSQL
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  checkSchemaName(opts.schema);
  const kind: DatabaseKind = opts.url !== undefined ? 'postgres' : 'pglite';
  const db = kind === 'postgres' ? await openPostgres(opts.url!, opts) : await openPglite(opts);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= db.destroy());
  try {
    if (kind === 'postgres' && opts.schema !== undefined) await createSchema(db, opts.schema);
    const migrations = await migrate(db as unknown as Kysely<unknown>, opts.migrations);
    return { db, kind, migrations, close };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
