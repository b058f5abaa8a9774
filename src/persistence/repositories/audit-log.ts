import type { Kysely, Selectable } from 'kysely';
import { jsonb } from '../json.js';
import type { AuditLogTable, Json, Tables } from '../tables.js';

/**
 * The audit trail. Append-only by construction: this module only inserts and reads, and database triggers
 * reject UPDATE, DELETE and TRUNCATE on the table. Never put a secret in `detail`.
 */
export interface AuditEntry {
  /** Increases with every append; the cursor for paging. */
  readonly id: number;
  readonly at: Date;
  /** Who: an admin's e-mail, 'system', 'setup', an instance name… */
  readonly actor: string;
  /** What, as a stable dotted code: 'exchange.link', 'admin.sign_in', … */
  readonly action: string;
  readonly target: string | null;
  /** 'ok', 'denied', 'failed', … */
  readonly result: string;
  readonly detail: Json | null;
}

export interface NewAuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly target?: string | null;
  readonly result: string;
  readonly detail?: Json | null;
  /** Default: the database's now(). */
  readonly at?: Date;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  readonly result?: string;
  /** Inclusive. */
  readonly since?: Date;
  /** Exclusive. */
  readonly until?: Date;
}

export const MAX_AUDIT_PAGE = 500;

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return { id: Number(row.id), at: row.at, actor: row.actor, action: row.action, target: row.target, result: row.result, detail: row.detail };
}

export async function append(db: Kysely<Tables>, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      target: entry.target ?? null,
      result: entry.result,
      detail: entry.detail === undefined || entry.detail === null ? null : jsonb(entry.detail),
      ...(entry.at !== undefined ? { at: entry.at } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row);
}

/**
 * Entries matching `filter`, newest first, at most `limit` (capped at MAX_AUDIT_PAGE). For the next page pass
 * the last entry's id as `before`.
 */
export async function list(db: Kysely<Tables>, filter: AuditFilter = {}, limit = 50, before?: number): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.actor !== undefined) q = q.where('actor', '=', filter.actor);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.target !== undefined) q = q.where('target', '=', filter.target);
  if (filter.result !== undefined) q = q.where('result', '=', filter.result);
  if (filter.since !== undefined) q = q.where('at', '>=', filter.since);
  if (filter.until !== undefined) q = q.where('at', '<', filter.until);
  if (before !== undefined) q = q.where('id', '<', before);
  const n = Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.trunc(limit)));
  const rows = await q.orderBy('id', 'desc').limit(n).execute();
  return rows.map(toEntry);
}

/**
 * Every entry matching `filter`, newest first, read `pageSize` at a time (exports: the whole trail without
 * holding it in memory).
 */
export async function* iterate(db: Kysely<Tables>, filter: AuditFilter = {}, pageSize = MAX_AUDIT_PAGE): AsyncGenerator<AuditEntry> {
  let before: number | undefined;
  for (;;) {
    const page = await list(db, filter, pageSize, before);
    yield* page;
    if (page.length < Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.trunc(pageSize)))) return;
    before = page[page.length - 1]!.id;
  }
}
