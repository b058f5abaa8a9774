import type { Kysely } from 'kysely';
import type { PersonState, Tables } from '../tables.js';

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
