import type { Kysely } from 'kysely';
import { admins, auditLog, invitations, people, PersistenceError, type Tables } from '../../persistence/index.js';
import type { Invitation, InvitationStatus } from '../../persistence/repositories/invitations.js';
import type { Admin } from '../../persistence/repositories/admins.js';
import type { Person } from '../../persistence/repositories/people.js';
import { HttpProblem } from '../problem.js';

/** Why a link does not work, in the words the invitee reads (they cannot fix it; their administrator can). */
function refused(status: InvitationStatus | 'unknown', email?: string): HttpProblem {
  const ask = 'Ask your administrator to send you a new invitation.';
  switch (status) {
    case 'revoked':
      return new HttpProblem(410, 'InvitationRevoked', `This invitation${email ? ` for ${email}` : ''} was withdrawn (a newer one was sent, or access was revoked).`, `Use the newest invitation email you received, or: ${ask}`);
    case 'used':
      return new HttpProblem(410, 'InvitationUsed', `This invitation${email ? ` for ${email}` : ''} was already accepted; a link works only once.`, 'Sign in to the console with the password you chose. Forgot it? Ask your administrator to remove and re-invite you.');
    case 'expired':
      return new HttpProblem(410, 'InvitationExpired', `This invitation${email ? ` for ${email}` : ''} has expired.`, ask);
    default:
      return new HttpProblem(404, 'InvitationUnknown', 'This invitation link is not valid.', `Open the link exactly as it is in the email (the whole of it, after #token=). ${ask}`);
  }
}

/** The open invitation and its person for a token, or the problem saying why the link does not work. */
export async function openInvitation(db: Kysely<Tables>, token: string, now: Date = new Date()): Promise<{ invitation: Invitation; person: Person }> {
  const invitation = await invitations.findByToken(db, token);
  const person = invitation && (await people.findById(db, invitation.personId));
  if (!invitation || !person) throw refused('unknown');
  const status = person.state === 'revoked' ? 'revoked' : invitations.statusOf(invitation, now);
  if (status !== 'open') throw refused(status, person.email);
  return { invitation, person };
}

/**
 * Accepts: creates the person's account (role 'user') and uses the link up, in one transaction, so a failure
 * keeps the link and a second accept finds it used. The caller starts a fresh session.
 */
export async function accept(db: Kysely<Tables>, token: string, password: string, now: Date = new Date()): Promise<{ account: Admin; person: Person }> {
  let email: string | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      // Lock the person, then read the invitation again: a revoke that committed meanwhile is seen, not missed.
      await people.lockForUpdate(trx, (await openInvitation(trx, token, now)).person.id);
      const { person } = await openInvitation(trx, token, now);
      email = person.email;
      if (!(await invitations.consume(trx, token, now))) throw refused('used', person.email);
      const account = await admins.create(trx, { email: person.email, password, role: 'user' });
      await people.attachAccount(trx, person.id, account.id, now);
      return { account, person: { ...person, accountId: account.id, state: 'accepted' as const } };
    });
  } catch (err) {
    const problem =
      err instanceof PersistenceError && err.code === 'AdminEmailTaken'
        ? new HttpProblem(409, 'AccountExists', `A Concierge account for ${email ?? 'this address'} already exists.`, 'Sign in with it instead; the invitation was not used.')
        : err;
    if (problem instanceof HttpProblem) await auditLog.append(db, { actor: email ?? 'anonymous', action: 'invitation.accept', target: email ?? null, result: 'refused', detail: { code: problem.code } });
    throw problem;
  }
}
