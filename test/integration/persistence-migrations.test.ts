import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type DatabaseKind } from '../../src/persistence/db.js';
import { PersistenceError } from '../../src/persistence/errors.js';
import { migrate } from '../../src/persistence/migrate.js';
import { MIGRATIONS, type Migration } from '../../src/persistence/migrations/index.js';
import { BACKENDS, dropSchemas, openTestDatabase, randomSchema, TEST_DATABASE_URL, useDatabase } from '../unit/persistence/backends.js';

const TABLES = ['admins', 'audit_log', 'dialog_state', 'exchange_links', 'invitations', 'notifications_sent', 'oauth_codes', 'oauth_tokens', 'people', 'room_check_ins', 'room_devices', 'rooms', 'schema_migrations', 'sessions', 'setup_tokens'];

async function tableNames(db: Kysely<unknown>): Promise<string[]> {
  const r = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`.execute(db);
  return r.rows.map((x) => x.table_name);
}

async function appliedIds(db: Kysely<unknown>): Promise<string[]> {
  const r = await sql<{ id: string }>`SELECT id FROM schema_migrations ORDER BY id`.execute(db);
  return r.rows.map((x) => x.id);
}

/** A probe migration that counts its runs in a table, slowly enough for concurrent starts to overlap. */
function probe(id: string, sleepSeconds = 0): Migration {
  return {
    id,
    async up(db) {
      await sql`CREATE TABLE IF NOT EXISTS probe_runs (id text)`.execute(db);
      await sql`INSERT INTO probe_runs (id) VALUES (${id})`.execute(db);
      if (sleepSeconds > 0) await sql`SELECT pg_sleep(${sleepSeconds})`.execute(db);
    },
  };
}

/**
 * Runs `fn` against an empty schema. PGlite starts slowly (seconds), so its tests share one instance and
 * switch its single connection's search_path; PostgreSQL opens a pool on a fresh schema, which is quick.
 */
async function withEmptySchema(kind: DatabaseKind, shared: () => Database, fn: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  const schema = randomSchema();
  if (kind === 'pglite') {
    const db = shared().db as unknown as Kysely<unknown>;
    await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(db);
    await sql`SET search_path TO ${sql.id(schema)}`.execute(db);
    try {
      await fn(db);
    } finally {
      await sql`SET search_path TO public`.execute(db);
    }
    return;
  }
  const database = await openTestDatabase(kind, { schema, migrations: [] });
  try {
    await fn(database.db as unknown as Kysely<unknown>);
  } finally {
    await database.close();
    await dropSchemas(schema);
  }
}

describe.each(BACKENDS)('migrations on $kind', ({ kind }) => {
  // PGlite here lives in a folder, so the last test can restart it.
  const folder = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'concierge-pglite-')) : undefined;
  const dataDir = join(folder ?? '', 'db');
  afterAll(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });
  const ctx = useDatabase(kind, { dataDir: () => dataDir });

  it('create every table on open; running them again is a no-op', async () => {
    expect(ctx.database.kind).toBe(kind);
    expect(ctx.database.migrations).toEqual({ applied: MIGRATIONS.map((m) => m.id), unknown: [] });
    const db = ctx.db as unknown as Kysely<unknown>;
    expect(await tableNames(db)).toEqual(TABLES);
    expect(await migrate(db)).toEqual({ applied: [], unknown: [] });
    expect(await migrate(db)).toEqual({ applied: [], unknown: [] });
    expect(await appliedIds(db)).toEqual(MIGRATIONS.map((m) => m.id));
    // A database migrated by a newer version: its extra migrations are reported, not undone.
    expect(await migrate(db, [])).toEqual({ applied: [], unknown: MIGRATIONS.map((m) => m.id) });
  });

  it('roll a failing migration back entirely, and keep the ones before it', async () => {
    await withEmptySchema(kind, () => ctx.database, async (db) => {
      const broken: Migration = {
        id: '0002_broken',
        async up(trx) {
          await sql`CREATE TABLE half_done (x int)`.execute(trx);
          await sql`SELECT * FROM no_such_table`.execute(trx);
        },
      };
      const err = await migrate(db, [probe('0001_probe'), broken]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PersistenceError);
      expect((err as PersistenceError).code).toBe('MigrationFailed');
      expect((err as Error).message).toMatch(/0002_broken.*no_such_table/);
      expect(await appliedIds(db)).toEqual(['0001_probe']);
      expect(await tableNames(db)).not.toContain('half_done');
      // Fixed by a new migration, the runner continues where it stopped.
      expect((await migrate(db, [probe('0001_probe'), probe('0002_fixed')])).applied).toEqual(['0002_fixed']);
    });
  });

  it('refuse a list that is out of order', async () => {
    await withEmptySchema(kind, () => ctx.database, async (db) => {
      await expect(migrate(db, [probe('0002_b'), probe('0001_a')])).rejects.toThrow(/unique and ascending/);
      await expect(migrate(db, [probe('first')])).rejects.toThrow(/must look like/);
    });
  });

  // Only PGlite has a folder to restart; no "skipped" line for PostgreSQL, which has nothing to skip.
  if (kind === 'pglite') it('keep their data across a restart of the PGlite folder and do not run again', async () => {
    await ctx.db.insertInto('notifications_sent').values({ kind: 'k', key: 'restart' }).execute();
    await ctx.database.close();
    const again = await openDatabase({ dataDir });
    try {
      expect(again.migrations).toEqual({ applied: [], unknown: [] });
      expect(await again.db.selectFrom('notifications_sent').select('key').execute()).toEqual([{ key: 'restart' }]);
    } finally {
      await again.close();
    }
  });
});

describe('migrations on postgres, several instances at once', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    if (schemas.length > 0) await dropSchemas(...schemas);
  });

  it('two instances opening one fresh schema together both succeed, and each migration runs once', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    const [a, b] = await Promise.all([openTestDatabase('postgres', { schema }), openTestDatabase('postgres', { schema })]);
    try {
      // Each migration ran exactly once, by one instance or the other: under load they may share the list
      // (one applies 0001 while the other waits, then applies 0002), which is what the lock promises.
      expect([...a.migrations.applied, ...b.migrations.applied].sort()).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await appliedIds(a.db as unknown as Kysely<unknown>)).toEqual(MIGRATIONS.map((m) => m.id));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a slow migration started by four instances at once runs exactly once', async () => {
    const schema = randomSchema();
    schemas.push(schema);
    const list = [probe('0001_slow', 0.2), probe('0002_next')];
    const all = await Promise.all(Array.from({ length: 4 }, () => openTestDatabase('postgres', { schema, migrations: list, poolMax: 2 })));
    try {
      const runs = await sql<{ id: string }>`SELECT id FROM probe_runs ORDER BY id`.execute(all[0]!.db);
      expect(runs.rows.map((r) => r.id)).toEqual(['0001_slow', '0002_next']);
      expect(all.flatMap((d) => d.migrations.applied).sort()).toEqual(['0001_slow', '0002_next']);
    } finally {
      await Promise.all(all.map((d) => d.close()));
    }
  });

  it('an unreachable server is a DatabaseUnreachable error that does not show the password', async () => {
    const err = await openDatabase({ url: 'postgres://concierge:pa55-w0rd@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PersistenceError);
    expect((err as PersistenceError).code).toBe('DatabaseUnreachable');
    expect((err as Error).message).toContain('127.0.0.1:1');
    expect((err as Error).message).not.toContain('pa55-w0rd');
  });

  it('a bad schema name is refused before anything is sent', async () => {
    await expect(openDatabase({ url: TEST_DATABASE_URL, schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(/not a usable schema name/);
  });
});
