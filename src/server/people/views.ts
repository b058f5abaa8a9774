import { z } from 'zod';
import type { Invitation } from '../../persistence/repositories/invitations.js';
import type { Person, PersonError } from '../../persistence/repositories/people.js';
import type { InviteOutcome } from './invite.js';

/** The API's shapes for people (docs: /work/notes/api-contract.md, "People"). */
export const problemOut = z.object({ code: z.string(), message: z.string(), hint: z.string() });
export const stateOut = z.enum(['invited', 'accepted', 'linked', 'failing', 'revoked']);
export const userOut = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().optional(),
  state: stateOut,
  mailbox: z.string().optional(),
  timeZone: z.string().optional(),
  lastError: problemOut.optional(),
  invitedAt: z.string(),
  linkedAt: z.string().optional(),
  invitation: z.object({ expiresAt: z.string(), delivery: z.enum(['email', 'manual']), usedAt: z.string().optional(), revokedAt: z.string().optional() }).optional(),
});
export const inviteOut = z.object({
  user: userOut,
  delivery: z.enum(['email', 'manual']),
  inviteUrl: z.string().optional().describe('Only when delivery is manual: the link for the admin to forward'),
  deliveryProblem: problemOut.optional(),
});
export const personOut = z.object({ id: z.string(), state: stateOut, mailbox: z.string().optional(), timeZone: z.string().optional(), lastError: problemOut.optional() });

const errorOut = (e: PersonError | null) => (e ? { lastError: { code: e.code, message: e.message, hint: e.hint } } : {});

export function userView(p: Person, inv?: Invitation): z.infer<typeof userOut> {
  return {
    id: p.id,
    email: p.email,
    ...(p.displayName ? { displayName: p.displayName } : {}),
    state: p.state,
    ...(p.mailbox ? { mailbox: p.mailbox } : {}),
    ...(p.timeZone ? { timeZone: p.timeZone } : {}),
    ...errorOut(p.lastError),
    invitedAt: p.invitedAt.toISOString(),
    ...(p.linkedAt ? { linkedAt: p.linkedAt.toISOString() } : {}),
    ...(inv
      ? {
          invitation: {
            expiresAt: inv.expiresAt.toISOString(),
            delivery: inv.delivery,
            ...(inv.usedAt ? { usedAt: inv.usedAt.toISOString() } : {}),
            ...(inv.revokedAt ? { revokedAt: inv.revokedAt.toISOString() } : {}),
          },
        }
      : {}),
  };
}

export function inviteView(o: InviteOutcome): z.infer<typeof inviteOut> {
  return {
    user: userView(o.person, o.invitation),
    delivery: o.delivery,
    ...(o.delivery === 'manual' && o.inviteUrl ? { inviteUrl: o.inviteUrl } : {}),
    ...(o.deliveryProblem ? { deliveryProblem: o.deliveryProblem } : {}),
  };
}

export function personView(p: Person): z.infer<typeof personOut> {
  return { id: p.id, state: p.state, ...(p.mailbox ? { mailbox: p.mailbox } : {}), ...(p.timeZone ? { timeZone: p.timeZone } : {}), ...errorOut(p.lastError) };
}
