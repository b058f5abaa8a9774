import type { Kysely } from 'kysely';
import { m0001_initial } from './0001_initial.js';
import { m0002_people_rooms } from './0002_people_rooms.js';

/** One forward-only schema change. `up` runs inside a transaction; it must not open its own. */
export interface Migration {
  /** `NNNN_snake_case`; the order of the list is the order of application. */
  readonly id: string;
  up(db: Kysely<unknown>): Promise<void>;
}

/**
 * Every migration, in order. Append only: never edit, reorder or remove a landed entry, because databases
 * that already applied it will not run it again.
 */
export const MIGRATIONS: readonly Migration[] = [m0001_initial, m0002_people_rooms];
