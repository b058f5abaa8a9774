import type { Kysely } from 'kysely';
import { admins, auditLog, invitations, newToken, oauth, people, sessions, type Tables } from '../../persistence/index.js';
import type { Person } from '../../persistence/repositories/people.js';
import { HttpProblem } from '../problem.js';

export async function personOr404(db: Kysely<Tables>, id: string): Promise<Person> {
  const person = await people.findById(db, id);
  if (!person) throw new HttpProblem(404, 'UserUnknown', `No user with id ${id}.`, 'Reload the user list; they may have been removed already.');
  return person;
}

/**
 * The assistant keeps pending turns per user: keyed by their mailbox or address, or (signed-in channels)
 * `<accountId>/<mailbox>` (DbDialogStore.forAccount). Forget all of them.
 */
export async function forgetDialogs(db: Kysely<Tables>, person: Pick<Person, 'email' | 'mailbox' | 'accountId'>): Promise<number> {
  const keys = [person.email, person.mailbox, person.accountId].filter((k): k is string => typeof k === 'string' && k !== '');
  const accountId = person.accountId;
  const r = await db
    .deleteFrom('dialog_state')
    // Account ids are UUIDs: no LIKE wildcard can hide in them.
    .where((eb) => eb.or([eb('user_id', 'in', keys), ...(accountId ? [eb('user_id', 'like', `${accountId}/%`)] : [])]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Revokes everything a person holds: the open invitation, every session, every Alexa grant (tokens marked
 * revoked, unused codes deleted), pending assistant turns; and their password is replaced by one nobody
 * knows, so signing in again is impossible. The person stays listed, state 'revoked', until removed.
 */
export async function revoke(db: Kysely<Tables>, id: string, actor: string, now: Date = new Date()): Promise<Person> {
  const counts = await db.transaction().execute(async (trx) => {
    await people.lockForUpdate(trx, id);
    const person = await personOr404(trx, id);
    const invites = await invitations.revokeOpen(trx, person.id, now);
    await people.markRevoked(trx, person.id, now);
    let sessionCount = 0;
    let tokenCount = 0;
    if (person.accountId !== null) {
      sessionCount = await sessions.deleteAllFor(trx, person.accountId);
      tokenCount = await oauth.revokeAllFor(trx, person.accountId, now);
      // A code not yet redeemed would become a token after the revocation: delete it.
      await trx.deleteFrom('oauth_codes').where('account_id', '=', person.accountId).execute();
      await admins.setPassword(trx, person.accountId, newToken());
    }
    const dialogs = await forgetDialogs(trx, person);
    return { email: person.email, invitations: invites, sessions: sessionCount, tokens: tokenCount, dialogs };
  });
  const { email, ...detail } = counts;
  await auditLog.append(db, { actor, action: 'person.revoke', target: email, result: 'ok', detail: { userId: id, ...detail } });
  return personOr404(db, id);
}

/**
 * Removes a person and everything about them: their account (sessions and OAuth rows cascade), pending
 * assistant turns, the person and their invitations. Only the append-only audit trail remembers them.
 */
export async function remove(db: Kysely<Tables>, id: string, actor: string): Promise<void> {
  const email = await db.transaction().execute(async (trx) => {
    await people.lockForUpdate(trx, id);
    const person = await personOr404(trx, id);
    await forgetDialogs(trx, person);
    // Only the person's own 'user' account: an administrator's account is never removed from here.
    if (person.accountId !== null) await trx.deleteFrom('admins').where('id', '=', person.accountId).where('role', '=', 'user').execute();
    await people.remove(trx, person.id);
    return person.email;
  });
  await auditLog.append(db, { actor, action: 'person.remove', target: email, result: 'ok', detail: { userId: id } });
}
