import { sql, type Kysely, type Transaction } from 'kysely';
import { PersistenceError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/**
 * The advisory-lock namespace for schema changes ("Conc" as an int4). The second half of the key is a hash
 * of the schema name, so instances on different schemas of one server never wait for each other.
 */
const LOCK_CLASS = 0x436f6e63;

export interface MigrationReport {
  /** Ids applied by this call, in order (empty when the database was already current). */
  readonly applied: readonly string[];
  /** Ids recorded in the database that this code does not know: a newer version migrated it. */
  readonly unknown: readonly string[];
}

/** Takes the schema-change lock for the rest of the transaction (released at COMMIT or ROLLBACK). */
async function lockSchema(trx: Transaction<unknown>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, hashtext(current_schema()))`.execute(trx);
}

function checkOrder(list: readonly Migration[]): void {
  const seen = new Set<string>();
  let previous = '';
  for (const m of list) {
    if (!/^\d{4}_[a-z0-9_]+$/.test(m.id)) throw new Error(`Migration id "${m.id}" must look like 0002_add_something.`);
    if (seen.has(m.id) || m.id <= previous) throw new Error(`Migration ids must be unique and ascending; "${m.id}" follows "${previous}".`);
    seen.add(m.id);
    previous = m.id;
  }
}

/**
 * Brings the current schema (search_path) up to date: each pending migration runs in its own transaction
 * together with its row in schema_migrations, under a transaction-scoped advisory lock, so instances that
 * start at the same time against one PostgreSQL apply each migration exactly once; the others wait, then
 * find it recorded and skip it. Running it again is a no-op.
 */
export async function migrate(db: Kysely<unknown>, list: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  checkOrder(list);
  // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin on its own, hence the lock.
  await db.transaction().execute(async (trx) => {
    await lockSchema(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
  });

  const applied: string[] = [];
  for (const m of list) {
    const ran = await db.transaction().execute(async (trx) => {
      await lockSchema(trx);
      const done = await sql<{ id: string }>`SELECT id FROM schema_migrations WHERE id = ${m.id}`.execute(trx);
      if (done.rows.length > 0) return false;
      try {
        await m.up(trx);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new PersistenceError('MigrationFailed', `Migration ${m.id} failed and was rolled back: ${why}`, 'Nothing was changed by it; fix the cause and start again.', { cause: err });
      }
      await sql`INSERT INTO schema_migrations (id) VALUES (${m.id})`.execute(trx);
      return true;
    });
    if (ran) applied.push(m.id);
  }

  const known = new Set(list.map((m) => m.id));
  const recorded = await sql<{ id: string }>`SELECT id FROM schema_migrations ORDER BY id`.execute(db);
  return { applied, unknown: recorded.rows.map((r) => r.id).filter((id) => !known.has(id)) };
}
