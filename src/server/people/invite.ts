import type { Kysely } from 'kysely';
import { admins, auditLog, invitations, people, type Tables } from '../../persistence/index.js';
import type { Invitation, InvitationDelivery } from '../../persistence/repositories/invitations.js';
import type { Person } from '../../persistence/repositories/people.js';
import { AppError } from '../../shared/errors.js';
import type { EwsClientPool } from '../exchange/client-pool.js';
import { HttpProblem } from '../problem.js';
import { invitationEmail } from './invitation-email.js';

/** What inviting needs from the server. */
export interface InviteDeps {
  readonly db: Kysely<Tables>;
  readonly pool: EwsClientPool;
  /** Invitation lifetime; default invitations.INVITATION_TTL_MS (7 days). */
  readonly ttlMs?: number;
}

export interface DeliveryProblem {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** The answer to an invitation or a resend. `inviteUrl` only when the admin must forward the link. */
export interface InviteOutcome {
  readonly person: Person;
  readonly invitation: Invitation;
  readonly delivery: InvitationDelivery;
  readonly inviteUrl?: string;
  readonly deliveryProblem?: DeliveryProblem;
}

/** Refusals an import reports as 'exists' rather than 'error'. */
export const EXISTS_CODES = new Set(['UserExists', 'AccountExists']);

/** The link in the email: the console's /invite page, the token in the fragment (never sent to a server log). */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite#token=${token}`;
}

/** Invites one person: enrols them, issues a link, emails it from the service account (or says why not). */
export async function invite(deps: InviteDeps, input: { readonly email: string; readonly displayName?: string | undefined }, actor: string, baseUrl: string): Promise<InviteOutcome> {
  const email = admins.normalizeEmail(input.email);
  const issued = await deps.db.transaction().execute(async (trx) => {
    const existing = await people.findByEmail(trx, email);
    if (existing) {
      throw new HttpProblem(409, 'UserExists', `${email} is already enrolled (state ${existing.state}).`, 'Resend their invitation from the user list (POST /api/v1/users/:id/resend), or remove them first to start over.', { userId: existing.id });
    }
    if (await admins.findByEmail(trx, email)) {
      throw new HttpProblem(409, 'AccountExists', `A Concierge account for ${email} already exists (an administrator).`, 'Invite people by the address of their own mailbox; administrators do not need an invitation.');
    }
    const person = await people.create(trx, { email, displayName: input.displayName ?? null, invitedBy: actor });
    if (!person) throw new HttpProblem(409, 'UserExists', `${email} is already enrolled.`, 'Resend their invitation from the user list, or remove them first.');
    return { person, ...(await invitations.create(trx, person.id, deps.ttlMs !== undefined ? { ttlMs: deps.ttlMs } : {})) };
  });
  await auditLog.append(deps.db, { actor, action: 'person.invite', target: email, result: 'ok', detail: { userId: issued.person.id, expiresAt: issued.invitation.expiresAt.toISOString() } });
  return deliver(deps, issued.person, issued.invitation, issued.token, actor, baseUrl);
}

/** A new link for someone who has not accepted yet; the old link stops working. */
export async function resend(deps: InviteDeps, personId: string, actor: string, baseUrl: string): Promise<InviteOutcome> {
  const issued = await deps.db.transaction().execute(async (trx) => {
    const person = await people.findById(trx, personId);
    if (!person) throw new HttpProblem(404, 'UserUnknown', `No user with id ${personId}.`, 'Reload the user list; they may have been removed.');
    if (person.accountId !== null) {
      throw new HttpProblem(409, 'InvitationAlreadyAccepted', `${person.email} already accepted the invitation (state ${person.state}); they sign in with their own password.`, 'To start over, remove the user (DELETE /api/v1/users/:id) and invite them again.');
    }
    await invitations.revokeOpen(trx, person.id);
    await people.reinvited(trx, person.id, actor);
    const fresh = (await people.findById(trx, person.id)) ?? person;
    return { person: fresh, ...(await invitations.create(trx, person.id, deps.ttlMs !== undefined ? { ttlMs: deps.ttlMs } : {})) };
  });
  await auditLog.append(deps.db, { actor, action: 'person.resend', target: issued.person.email, result: 'ok', detail: { userId: issued.person.id, expiresAt: issued.invitation.expiresAt.toISOString() } });
  return deliver(deps, issued.person, issued.invitation, issued.token, actor, baseUrl);
}

/**
 * Emails the link through Exchange from the service account (as itself, like the password warnings). When
 * that fails or is not allowed, delivery stays 'manual' and the admin gets the link to forward, with why.
 */
async function deliver(deps: InviteDeps, person: Person, invitation: Invitation, token: string, actor: string, baseUrl: string): Promise<InviteOutcome> {
  const link = invitationLink(baseUrl, token);
  const mail = invitationEmail({ displayName: person.displayName, invitedBy: actor, link, expiresAt: invitation.expiresAt });
  try {
    await deps.pool.use((client, exchange) => client.sendMessage(exchange.upn, { to: [{ email: person.email, ...(person.displayName ? { name: person.displayName } : {}) }], subject: mail.subject, body: mail.body }, { asSelf: true }));
  } catch (err) {
    const problem = deliveryProblem(person.email, err);
    await auditLog.append(deps.db, { actor, action: 'invitation.email', target: person.email, result: 'failed', detail: { userId: person.id, code: problem.code, error: problem.message } });
    return { person, invitation, delivery: 'manual', inviteUrl: link, deliveryProblem: problem };
  }
  await invitations.setDelivery(deps.db, invitation.tokenHash, 'email');
  await auditLog.append(deps.db, { actor, action: 'invitation.email', target: person.email, result: 'ok', detail: { userId: person.id } });
  return { person, invitation: { ...invitation, delivery: 'email' }, delivery: 'email' };
}

function deliveryProblem(email: string, err: unknown): DeliveryProblem {
  const forward = `Meanwhile, send the invitation link to ${email} yourself.`;
  if (err instanceof AppError) return { code: err.code, message: `The invitation email to ${email} was not sent through Exchange: ${err.message}`, hint: `${err.hint} ${forward}` };
  return { code: 'InvitationEmailFailed', message: `The invitation email to ${email} was not sent through Exchange: ${err instanceof Error ? err.message : String(err)}`, hint: `Check the Exchange link (Exchange, Test in the console). ${forward}` };
}
