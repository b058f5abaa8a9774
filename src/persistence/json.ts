import { sql, type RawBuilder } from 'kysely';
import type { Json } from './tables.js';

/**
 * A value for a jsonb column. Sent as text and cast in SQL, because pg and PGlite serialise an untyped
 * JavaScript parameter differently (pg turns arrays into PostgreSQL arrays); `$1::text::jsonb` means the
 * same on both.
 */
export function jsonb(value: Json): RawBuilder<unknown> {
  return sql`${JSON.stringify(value)}::text::jsonb`;
}
