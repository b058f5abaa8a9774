/** Test support for the people tests (not a test): a simulated Contoso, a linked server, invitee helpers. */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Tables } from '../../../src/persistence/index.js';
import type { RunningSimulator } from '../../../src/simulator/host.js';
import { impersonation, person, serviceAccount, startContoso } from '../../support/contoso.js';
import { linkedServer as sharedLinkedServer } from '../../support/linked-server.js';
import { adminRequest, LogCapture, SVC, type Signed } from '../../support/server.js';

export const USER_PASSWORD = 'Invitee-Passw0rd-123';

/** Basic auth on; svc holds ApplicationImpersonation over everyone (the guide's impersonation setup) and Editor on alice's calendar. */
export function peopleSimulator(): Promise<RunningSimulator> {
  return startContoso({
    mailboxes: [
      person('alice', 'Alice Wong', { firstName: 'Alice', lastName: 'Wong' }),
      person('bob', 'Bob Smith', { firstName: 'Bob', lastName: 'Smith' }),
      person('carol', 'Carol Diaz'),
      person('dave', 'Dave Lee', { timeZone: 'Tokyo Standard Time' }),
      serviceAccount(SVC),
    ],
    // Delegation reaches alice's calendar only (the link's test mailbox); impersonation reaches everyone.
    shell: [impersonation('ConciergeImpersonation'), 'Add-MailboxFolderPermission -Identity "alice:\\Calendar" -User svc -AccessRights Editor'],
  });
}

/** A server with an administrator signed in, its log captured, and the service account linked unless `sim` is undefined. */
export async function linkedServer(db: Kysely<Tables>, sim: RunningSimulator | undefined, access: 'impersonation' | 'delegation' = 'impersonation') {
  const logs = new LogCapture();
  return { ...(await sharedLinkedServer(db, sim, { logs, access })), logs };
}

/** The token in an invitation link (after #token=). */
export function tokenOf(link: string): string {
  const m = /\/invite#token=([A-Za-z0-9_-]{20,})$/.exec(link.trim());
  if (!m) throw new Error(`not an invitation link: ${link}`);
  return m[1]!;
}

/** The invitation emails in a mailbox's Inbox, newest first. */
export function invitationMails(sim: RunningSimulator, mailbox: string) {
  return sim.exchange.calendar
    .findItems(mailbox, 'inbox')
    .flatMap((e) => ('kind' in e && e.kind === 'message' && e.subject.includes('invited to Concierge') ? [e] : []));
}

/** Every invitation link in a mailbox's Inbox. */
export function linksInInbox(sim: RunningSimulator, mailbox: string): string[] {
  return invitationMails(sim, mailbox).flatMap((mail) => /(\S+\/invite#token=\S+)/.exec(mail.body.value)?.[1] ?? []);
}

/** The one invitation link in a mailbox's Inbox, or the one not among `seen`. */
export function linkFromInbox(sim: RunningSimulator, mailbox: string, seen: readonly string[] = []): string {
  const fresh = linksInInbox(sim, mailbox).filter((l) => !seen.includes(tokenOf(l)));
  if (fresh.length !== 1) throw new Error(`expected one new invitation link in ${mailbox}'s inbox, found ${fresh.length}`);
  return fresh[0]!;
}

export async function inviteOne(app: FastifyInstance, admin: Signed, email: string, displayName?: string) {
  const res = await adminRequest(app, admin, 'POST', '/api/v1/users/invitations', { email, ...(displayName ? { displayName } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { user: { id: string; email: string; state: string }; delivery: 'email' | 'manual'; inviteUrl?: string; deliveryProblem?: { code: string; message: string; hint: string } };
}

/** Accepts with `token`, optionally carrying a cookie; returns the signed-in user. */
export async function acceptInvitation(app: FastifyInstance, token: string, cookie?: string): Promise<Signed & { body: { email: string; role: string } }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload: { token, password: USER_PASSWORD }, ...(cookie ? { headers: { cookie } } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  const setCookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { cookie: setCookie, csrf: (res.json() as { csrfToken: string }).csrfToken, body: res.json() };
}

/** A request as `who` (cookie + CSRF token). */
export function asUser(app: FastifyInstance, who: Signed, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return app.inject({ method, url, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf }, ...(payload ? { payload } : {}) });
}
